// TanStack Query hooks for /api/tokens (API tokens for other systems calling lastmile).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiTokenList, CreatedApiToken, type CreateApiTokenBody } from '../../../../src/modules/auth/auth.schema.ts';
import { request } from '../../api/client.ts';

export function useTokens() {
  return useQuery({ queryKey: ['tokens'], queryFn: () => request('/tokens', { schema: ApiTokenList }) });
}

function useInvalidateTokens() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: ['audit'] });
    return queryClient.invalidateQueries({ queryKey: ['tokens'] });
  };
}

export function useCreateToken() {
  const invalidate = useInvalidateTokens();
  return useMutation({
    mutationFn: (body: CreateApiTokenBody) => request('/tokens', { method: 'POST', body, schema: CreatedApiToken }),
    onSuccess: invalidate,
  });
}

export function useRevokeToken() {
  const invalidate = useInvalidateTokens();
  return useMutation({
    mutationFn: (id: number) => request(`/tokens/${id}`, { method: 'DELETE' }),
    onSuccess: invalidate,
  });
}
