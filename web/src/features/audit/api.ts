import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { AuditList, type ListAuditQuery } from '../../../../src/modules/audit/audit.schema.ts';
import { request } from '../../api/client.ts';

// The schema's limit/offset are coerced from query strings; here they are plain numbers.
export type AuditListParams = Omit<ListAuditQuery, 'limit' | 'offset'> & { limit: number; offset: number };

export function useAuditList(params: AuditListParams) {
  return useQuery({
    queryKey: ['audit', params],
    queryFn: () => request('/audit', { query: { ...params }, schema: AuditList }),
    placeholderData: keepPreviousData,
    staleTime: 0, // the log grows all the time
  });
}
