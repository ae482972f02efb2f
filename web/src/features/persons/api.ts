// TanStack Query hooks for /api/persons. A person's change can alter their household's figures
// and adds audit entries, so mutations refresh 'persons', 'households' and 'audit' together.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import {
  Person,
  PersonList,
  type PersonInput,
  type PersonPatch,
  type SearchPersonsQuery,
} from '../../../../src/modules/persons/persons.schema.ts';
import { downloadFile, request } from '../../api/client.ts';

/** One entry of a versioned record's history (persons and households alike). */
export const HistoryList = z.object({
  items: z.array(z.object({ version: z.number(), validFrom: z.string(), actorName: z.string(), reason: z.string().nullable() })),
});
export type HistoryEntry = z.infer<typeof HistoryList>['items'][number];

export const RevealResult = z.object({ field: z.string(), value: z.string().nullable() });
export type RevealField = 'idNumber' | 'phone';

// The schema's limit/offset are coerced from query strings; here they are plain numbers.
export type PersonListParams = Omit<SearchPersonsQuery, 'limit' | 'offset'> & { limit: number; offset: number };
export type PersonFilter = Pick<SearchPersonsQuery, 'q' | 'tag' | 'under'>;

const personPath = (id: number, rest = '') => `/persons/${id}${rest}`;

export function usePersonList(params: PersonListParams, enabled = true) {
  return useQuery({
    queryKey: ['persons', 'list', params],
    queryFn: () => request('/persons', { query: { ...params }, schema: PersonList }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function usePerson(id: number | undefined) {
  return useQuery({
    queryKey: ['persons', 'detail', id],
    queryFn: () => request(personPath(id ?? 0), { schema: Person }),
    enabled: id !== undefined,
  });
}

export function usePersonHistory(id: number | undefined) {
  return useQuery({
    queryKey: ['persons', 'history', id],
    queryFn: () => request(personPath(id ?? 0, '/history'), { schema: HistoryList }),
    enabled: id !== undefined,
  });
}

/** The person as registered at the end of `date` (YYYY-MM-DD); idle without a date. */
export function usePersonAsOf(id: number | undefined, date: string | undefined) {
  return useQuery({
    queryKey: ['persons', 'as-of', id, date],
    queryFn: () => request(personPath(id ?? 0, '/as-of'), { query: { date }, schema: Person }),
    enabled: id !== undefined && date !== undefined,
  });
}

function useInvalidateRegistry() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: ['audit'] });
    void queryClient.invalidateQueries({ queryKey: ['households'] });
    return queryClient.invalidateQueries({ queryKey: ['persons'] });
  };
}

export function useCreatePerson() {
  const invalidate = useInvalidateRegistry();
  return useMutation({
    mutationFn: (body: PersonInput) => request('/persons', { method: 'POST', body, schema: Person }),
    onSuccess: invalidate,
  });
}

export function useUpdatePerson() {
  const invalidate = useInvalidateRegistry();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: PersonPatch }) =>
      request(personPath(id), { method: 'PATCH', body, schema: Person }),
    onSuccess: invalidate,
  });
}

export function useRevealPerson() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, field, reason }: { id: number; field: RevealField; reason: string }) =>
      request(personPath(id, '/reveal'), { method: 'POST', body: { field, reason }, schema: RevealResult }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['audit'] }),
  });
}

/** The current filter as an .xlsx file; `reveal` (full numbers) is audited by the server. */
export function useExportPersons() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ filter, reveal }: { filter: PersonFilter; reveal: boolean }) =>
      downloadFile('/persons/export', 'persons.xlsx', { ...filter, reveal: String(reveal) }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['audit'] }),
  });
}
