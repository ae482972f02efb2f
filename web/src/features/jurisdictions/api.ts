// TanStack Query hooks for /api/jurisdictions. Every key starts with 'jurisdictions' so one
// invalidation after a change refreshes lists, details and the home-page counts together.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Jurisdiction,
  JurisdictionList,
  JurisdictionWithPath,
  LevelCounts,
  type CreateJurisdictionBody,
} from '../../../../src/modules/jurisdictions/jurisdictions.schema.ts';
import { request } from '../../api/client.ts';

export interface ListParams {
  parent?: string;
  under?: string;
  q?: string;
  limit: number;
  offset: number;
}

export function useJurisdictionList(params: ListParams) {
  return useQuery({
    queryKey: ['jurisdictions', 'list', params],
    queryFn: () => request('/jurisdictions', { query: { ...params }, schema: JurisdictionList }),
    placeholderData: keepPreviousData, // no flashing empty table while paging
  });
}

export function useJurisdiction(code: string | undefined) {
  return useQuery({
    queryKey: ['jurisdictions', 'detail', code],
    queryFn: () => request(`/jurisdictions/${encodeURIComponent(code ?? '')}`, { schema: JurisdictionWithPath }),
    enabled: code !== undefined,
  });
}

export function useLevelCounts(under: string) {
  return useQuery({
    queryKey: ['jurisdictions', 'counts', under],
    queryFn: () => request('/jurisdictions/counts', { query: { under: under || undefined }, schema: LevelCounts }),
  });
}

function useInvalidateJurisdictions() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: ['jurisdictions'] });
}

export function useCreateJurisdiction() {
  const invalidate = useInvalidateJurisdictions();
  return useMutation({
    mutationFn: (body: CreateJurisdictionBody) =>
      request('/jurisdictions', { method: 'POST', body, schema: Jurisdiction }),
    onSuccess: invalidate,
  });
}

export function useRenameJurisdiction() {
  const invalidate = useInvalidateJurisdictions();
  return useMutation({
    mutationFn: ({ code, name }: { code: string; name: string }) =>
      request(`/jurisdictions/${encodeURIComponent(code)}`, { method: 'PATCH', body: { name }, schema: Jurisdiction }),
    onSuccess: invalidate,
  });
}

export function useDeleteJurisdiction() {
  const invalidate = useInvalidateJurisdictions();
  return useMutation({
    mutationFn: (code: string) => request(`/jurisdictions/${encodeURIComponent(code)}`, { method: 'DELETE' }),
    onSuccess: invalidate,
  });
}
