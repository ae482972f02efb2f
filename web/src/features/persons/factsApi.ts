// TanStack Query hooks for the registry facts under a person (supporters, parents' situations,
// unemployment facts, job events). A change can alter eligibility, so households and audit refresh too.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { JobEvent, ParentSituation, Supporter, Unemployment } from '../../../../src/modules/persons/facts.schema.ts';
import { request } from '../../api/client.ts';

export type FactKind = 'supporters' | 'parent-situations' | 'unemployment' | 'job-events';
const SCHEMAS = { supporters: Supporter, 'parent-situations': ParentSituation, unemployment: Unemployment, 'job-events': JobEvent } as const;
export type FactRow = { supporters: z.infer<typeof Supporter>; 'parent-situations': z.infer<typeof ParentSituation>; unemployment: z.infer<typeof Unemployment>; 'job-events': z.infer<typeof JobEvent> };

export function useFacts<K extends FactKind>(personId: number, kind: K) {
  return useQuery({
    queryKey: ['persons', 'facts', personId, kind],
    queryFn: () => request(`/persons/${personId}/${kind}`, { schema: z.object({ items: z.array(SCHEMAS[kind] as unknown as z.ZodType<FactRow[K]>) }) }),
  });
}

function useInvalidate() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: ['audit'] });
    void queryClient.invalidateQueries({ queryKey: ['households'] });
    return queryClient.invalidateQueries({ queryKey: ['persons'] });
  };
}

/** Record a fact, or change one (factId): the server keeps the old row in the history. */
export function useSaveFact(personId: number, kind: FactKind) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ factId, body }: { factId?: number; body: object }) =>
      request(factId === undefined ? `/persons/${personId}/${kind}` : `/persons/${personId}/${kind}/${factId}`, { method: factId === undefined ? 'POST' : 'PUT', body }),
    onSuccess: invalidate,
  });
}

export function useRemoveFact(personId: number, kind: FactKind) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ factId, reason }: { factId: number; reason: string }) => request(`/persons/${personId}/${kind}/${factId}/remove`, { method: 'POST', body: { reason } }),
    onSuccess: invalidate,
  });
}
