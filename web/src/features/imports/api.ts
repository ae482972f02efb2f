// TanStack Query hooks for /api/imports: upload a ledger (raw file body), follow the job while
// the server validates or commits it, commit, and download the template and the report.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { ImportJob } from '../../../../src/modules/imports/import.schema.ts';
import { downloadFile, request } from '../../api/client.ts';

export const ImportList = z.object({ items: z.array(ImportJob) });
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Statuses during which the server is still working and the job is polled every second. */
export const isRunning = (job: ImportJob | undefined): boolean => job?.status === 'validating' || job?.status === 'committing';

export const isLedgerFile = (name: string): boolean => /\.(xlsx|csv)$/i.test(name);

export function useImportJob(id: number | undefined) {
  return useQuery({
    queryKey: ['imports', 'job', id],
    queryFn: () => request(`/imports/${id ?? 0}`, { schema: ImportJob }),
    enabled: id !== undefined,
    staleTime: 0,
    refetchInterval: (query) => (isRunning(query.state.data) ? 1000 : false),
  });
}

export function useImportList() {
  return useQuery({
    queryKey: ['imports', 'list'],
    queryFn: () => request('/imports', { schema: ImportList }),
    staleTime: 0,
  });
}

export function useUploadLedger() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File) =>
      request('/imports/persons', {
        method: 'POST',
        query: { fileName: file.name },
        body: file,
        contentType: /\.csv$/i.test(file.name) ? 'text/csv' : XLSX,
        schema: ImportJob,
      }),
    onSuccess: (job) => {
      queryClient.setQueryData(['imports', 'job', job.id], job);
      void queryClient.invalidateQueries({ queryKey: ['imports', 'list'] });
    },
  });
}

export function useCommitImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => request(`/imports/${id}/commit`, { method: 'POST', schema: ImportJob }),
    onSuccess: (job) => {
      queryClient.setQueryData(['imports', 'job', job.id], job);
      void queryClient.invalidateQueries({ queryKey: ['imports', 'list'] });
    },
  });
}

export function useDownloadTemplate() {
  return useMutation({ mutationFn: () => downloadFile('/imports/template/persons', 'persons-template.xlsx') });
}

export function useDownloadReport() {
  return useMutation({
    mutationFn: (job: ImportJob) => downloadFile(`/imports/${job.id}/report`, `report-${job.fileName.replace(/\.csv$/i, '.xlsx')}`),
  });
}
