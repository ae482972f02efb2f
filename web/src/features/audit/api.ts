import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { AuditList, type ListAuditQuery } from '../../../../src/modules/audit/audit.schema.ts';
import { request } from '../../api/client.ts';

export function useAuditList(params: ListAuditQuery) {
  return useQuery({
    queryKey: ['audit', params],
    queryFn: () => request('/audit', { query: { ...params }, schema: AuditList }),
    placeholderData: keepPreviousData,
    staleTime: 0, // the log grows all the time
  });
}
