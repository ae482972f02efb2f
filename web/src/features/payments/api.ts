// TanStack Query hooks for /api/payments: a case's plans and payments, monthly batches per county
// exported as bank files and marked with the bank's results, and the plan changes (suspend,
// resume, stop, adjust). Money is integer 分, months 'YYYY-MM'.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import {
  Batch,
  BatchList,
  CasePayments,
  PaymentList,
  PaymentPlan,
  ResultSummary,
  StopResult,
  type AdjustBody,
  type BatchResultsBody,
  type CountyMonthBody,
  type ResumeBody,
  type StopBody,
  type SuspendBody,
} from '../../../../src/modules/payments/payments.schema.ts';
import { downloadFile, request } from '../../api/client.ts';

export type CasePaymentsData = z.infer<typeof CasePayments>;
export type Plan = z.infer<typeof PaymentPlan>;
export type PaymentRow = z.infer<typeof PaymentList>['items'][number];
export type BatchData = z.infer<typeof Batch>;
export type PlanStatus = Plan['status'];
export type PaymentStatus = PaymentRow['status'];
export type PaymentKind = PaymentRow['kind'];

const PlanList = z.object({ items: z.array(PaymentPlan) });

export function useCasePayments(caseId: number, enabled = true) {
  return useQuery({
    queryKey: ['payments', 'case', caseId],
    queryFn: () => request(`/payments/cases/${caseId}`, { schema: CasePayments }),
    enabled,
  });
}

export function useBatches(params: { month?: string; status?: BatchData['status']; limit: number; offset: number }) {
  return useQuery({
    queryKey: ['payments', 'batches', params],
    queryFn: () => request('/payments/batches', { query: { ...params }, schema: BatchList }),
    placeholderData: keepPreviousData,
  });
}

export function useBatch(id: number | undefined) {
  return useQuery({
    queryKey: ['payments', 'batch', id],
    queryFn: () => request(`/payments/batches/${id ?? 0}`, { schema: Batch }),
    enabled: id !== undefined,
  });
}

export function useBatchItems(batchId: number | undefined, page: { limit: number; offset: number }) {
  return useQuery({
    queryKey: ['payments', 'items', batchId, page],
    queryFn: () => request('/payments', { query: { batchId, ...page }, schema: PaymentList }),
    enabled: batchId !== undefined,
    placeholderData: keepPreviousData,
  });
}

function useInvalidatePayments() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: ['payments'] });
    void queryClient.invalidateQueries({ queryKey: ['audit'] });
  };
}

export function useCreateBatch() {
  const invalidate = useInvalidatePayments();
  return useMutation({
    mutationFn: (body: z.input<typeof CountyMonthBody>) => request('/payments/batches', { method: 'POST', body, schema: Batch }),
    onSuccess: invalidate,
  });
}

/** The bank file (.xlsx, full account numbers; audited); the batch becomes "exported". */
export function useExportBatch() {
  const invalidate = useInvalidatePayments();
  return useMutation({
    mutationFn: (b: Pick<BatchData, 'id' | 'countyCode' | 'month'>) => downloadFile(`/payments/batches/${b.id}/export`, `bank-file-${b.countyCode}-${b.month}.xlsx`),
    onSettled: invalidate,
  });
}

export function useMarkResults() {
  const invalidate = useInvalidatePayments();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: z.input<typeof BatchResultsBody> }) =>
      request(`/payments/batches/${id}/results`, { method: 'POST', body, schema: ResultSummary }),
    onSuccess: invalidate,
  });
}

/** The bank's result file (.xlsx or .csv) as the raw body. */
export function useUploadResults() {
  const invalidate = useInvalidatePayments();
  return useMutation({
    mutationFn: ({ id, file, paidOn }: { id: number; file: File; paidOn?: string }) =>
      request(`/payments/batches/${id}/results/upload`, {
        method: 'POST',
        query: { paidOn },
        body: file,
        contentType: file.name.toLowerCase().endsWith('.csv') ? 'text/csv' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        schema: ResultSummary,
      }),
    onSuccess: invalidate,
  });
}

export interface PlanActionBodies {
  'suspension-proposal': { reason: string };
  'suspension-proposal/decline': { reason: string };
  suspend: z.input<typeof SuspendBody>;
  resume: z.input<typeof ResumeBody>;
  stop: z.input<typeof StopBody>;
  adjust: z.input<typeof AdjustBody>;
}
export type PlanAction = keyof PlanActionBodies;

/** A change to the case's plans; the case page's payments (and the case itself) are read again. */
export function usePlanAction() {
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: async ({ caseId, action, body }: { caseId: number; action: PlanAction; body: unknown }) => {
      const path = `/payments/cases/${caseId}/${action}`;
      if (action === 'stop') return (await request(path, { method: 'POST', body, schema: StopResult })).plans;
      return (await request(path, { method: 'POST', body, schema: PlanList })).items;
    },
    onSuccess: (_plans, { caseId }) => {
      void queryClient.invalidateQueries({ queryKey: ['payments'] });
      void queryClient.invalidateQueries({ queryKey: ['cases', 'detail', caseId] });
      void queryClient.invalidateQueries({ queryKey: ['audit'] });
    },
  });
  const run = <A extends PlanAction>(caseId: number, action: A, body: PlanActionBodies[A]) => mutation.mutateAsync({ caseId, action, body });
  return { run, isPending: mutation.isPending };
}
