// TanStack Query hooks for /api/campaigns. Every key starts with 'campaigns', so one invalidation
// after a visit or an assignment refreshes the ledger, the progress and the figures together.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  AutoAssignResult,
  BuildResult,
  Campaign,
  CampaignImportJob,
  CampaignList,
  DueRevisitList,
  type ImportReport,
  PreviewResult,
  Progress,
  Target,
  TargetDetail,
  TargetList,
  VisitResult,
  WorkerList,
  type CreateCampaignBody,
  type PreviewBody,
  type TargetCriteria,
  type UpdateCampaignBody,
  type VisitBody,
} from '../../../../src/modules/campaigns/campaigns.schema.ts';
import { ApiError, downloadFile, request } from '../../api/client.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface TargetQuery {
  status?: string;
  under?: string;
  assignee?: string;
  q?: string;
}

const base = (id: number) => `/campaigns/${id}`;

export function useCampaignList(params: { q?: string; status?: string; limit: number; offset: number }) {
  return useQuery({
    queryKey: ['campaigns', 'list', params],
    queryFn: () => request('/campaigns', { query: { ...params }, schema: CampaignList }),
    placeholderData: keepPreviousData,
  });
}

export function useCampaign(id: number | undefined) {
  return useQuery({
    queryKey: ['campaigns', 'detail', id],
    queryFn: () => request(base(id ?? 0), { schema: Campaign }),
    enabled: id !== undefined,
  });
}

export function useProgress(id: number, enabled = true) {
  return useQuery({ queryKey: ['campaigns', 'progress', id], queryFn: () => request(`${base(id)}/progress`, { schema: Progress }), enabled });
}

export function useTargets(id: number, query: TargetQuery & { limit: number; offset: number }) {
  return useQuery({
    queryKey: ['campaigns', 'targets', id, query],
    queryFn: () => request(`${base(id)}/targets`, { query: { ...query }, schema: TargetList }),
    placeholderData: keepPreviousData,
  });
}

export function useTarget(id: number, targetId: number | undefined) {
  return useQuery({
    queryKey: ['campaigns', 'target', id, targetId],
    queryFn: () => request(`${base(id)}/targets/${targetId ?? 0}`, { schema: TargetDetail }),
    enabled: targetId !== undefined,
  });
}

export function useWorkers(id: number, enabled = true) {
  return useQuery({ queryKey: ['campaigns', 'workers', id], queryFn: () => request(`${base(id)}/workers`, { schema: WorkerList }), enabled, staleTime: 60_000 });
}

export function useDueRevisits(mine: boolean) {
  return useQuery({ queryKey: ['campaigns', 'revisits', mine], queryFn: () => request('/campaigns/revisits', { query: { mine: String(mine), limit: 100 }, schema: DueRevisitList }) });
}

/** How many people a query would list (the wizard shows it as the criteria change). */
export function usePreview(body: PreviewBody | undefined) {
  return useQuery({
    queryKey: ['campaigns', 'preview', body],
    queryFn: () => request('/campaigns/preview', { method: 'POST', body, schema: PreviewResult }),
    enabled: body !== undefined,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}

function useInvalidate() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: ['audit'] });
    return queryClient.invalidateQueries({ queryKey: ['campaigns'] });
  };
}

export function useCreateCampaign() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: CreateCampaignBody) => request('/campaigns', { method: 'POST', body, schema: Campaign }),
    onSuccess: invalidate,
  });
}

export function useUpdateCampaign(id: number) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: UpdateCampaignBody) => request(base(id), { method: 'PATCH', body, schema: Campaign }),
    onSuccess: invalidate,
  });
}

export function useBuildTargets(id: number) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (criteria: TargetCriteria) => request(`${base(id)}/targets/build`, { method: 'POST', body: { criteria }, schema: BuildResult }),
    onSuccess: invalidate,
  });
}

export const isListFile = (name: string): boolean => /\.(xlsx|csv)$/i.test(name);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Uploads a list and follows its import (a background job: 202, then its status URL, polled)
 * until it ends: resolves with the report, or rejects with why it failed. `onProgress` gets the
 * rows read so far.
 */
export function useImportTargets(id: number, onProgress?: (rowsRead: number) => void) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: async ({ file, dryRun }: { file: File; dryRun: boolean }): Promise<ImportReport> => {
      let job = await request(`${base(id)}/targets/import`, {
        method: 'POST',
        query: { fileName: file.name, dryRun: String(dryRun) },
        body: file,
        contentType: /\.csv$/i.test(file.name) ? 'text/csv' : XLSX,
        schema: CampaignImportJob,
      });
      for (let wait = 300; job.status === 'running'; wait = Math.min(wait * 1.5, 2000)) {
        onProgress?.(job.progress?.done ?? 0);
        await sleep(wait);
        job = await request(job.statusUrl.replace(/^\/api/, ''), { schema: CampaignImportJob });
      }
      if (job.status === 'failed' || !job.report) throw new ApiError(400, { error: job.failure?.error ?? 'import_failed', message: job.failure?.message ?? 'The import failed', messageZh: job.failure?.messageZh ?? '导入失败' });
      return job.report;
    },
    onSuccess: (_report, { dryRun }) => (dryRun ? undefined : invalidate()),
  });
}

export function useAutoAssign(id: number) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (under?: string) => request(`${base(id)}/assign`, { method: 'POST', body: { under }, schema: AutoAssignResult }),
    onSuccess: invalidate,
  });
}

export function useAssign(id: number) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ targetId, assigneeUserId }: { targetId: number; assigneeUserId: number | null }) =>
      request(`${base(id)}/targets/${targetId}`, { method: 'PATCH', body: { assigneeUserId }, schema: Target }),
    onSuccess: invalidate,
  });
}

export function useRecordVisit(id: number, targetId: number) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: VisitBody) => request(`${base(id)}/targets/${targetId}/visits`, { method: 'POST', body, schema: VisitResult }),
    onSuccess: invalidate,
  });
}

export function useUploadPhoto(id: number, targetId: number) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ visitId, photo }: { visitId: number; photo: Blob }) =>
      request(`${base(id)}/targets/${targetId}/visits/${visitId}/photo`, { method: 'PUT', body: photo, contentType: photo.type || 'image/jpeg' }),
    onSuccess: invalidate,
  });
}

export const photoUrl = (id: number, targetId: number, visitId: number) => `/api${base(id)}/targets/${targetId}/visits/${visitId}/photo`;

/** The ledger as .xlsx with the current filter; `reveal` (full numbers) is audited by the server. */
export function useExportLedger(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ filter, reveal }: { filter: TargetQuery; reveal: boolean }) =>
      downloadFile(`${base(id)}/export`, 'ledger.xlsx', { ...filter, reveal: String(reveal) }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['audit'] }),
  });
}
