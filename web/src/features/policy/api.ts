// TanStack Query hooks for /api/policy (programs, parameters, dated entries), a household's
// eligibility, and the public self-check (/api/public, no login needed).
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import {
  EligibilityResponse,
  ParameterEntriesResponse,
  ParameterEntrySchema,
  ParametersResponse,
  ProgramInfo,
  PublicPlacesResponse,
  SelfCheckResponse,
  type NewParameterEntry,
  type SelfCheckBody,
} from '../../../../src/modules/policy/policy.schema.ts';
import { request } from '../../api/client.ts';

export type ProgramInfo = z.infer<typeof ProgramInfo>;
export type ParametersResponse = z.infer<typeof ParametersResponse>;
export type ResolvedParameter = ParametersResponse['parameters'][number];
export type Provenance = NonNullable<ResolvedParameter['provenance']>;
export type ParameterEntry = z.infer<typeof ParameterEntrySchema>;
export type EligibilityResponse = z.infer<typeof EligibilityResponse>;
export type Decision = EligibilityResponse['decisions'][number];
export type TraceCondition = Decision['trace'][number];
export type SelfCheckResponse = z.infer<typeof SelfCheckResponse>;
export type SelfCheckResult = SelfCheckResponse['results'][number];
export type PublicPlace = z.infer<typeof PublicPlacesResponse>['items'][number];
export type { NewParameterEntry, SelfCheckBody };

const ProgramList = z.object({ items: z.array(ProgramInfo) });

export function usePrograms() {
  return useQuery({
    queryKey: ['policy', 'programs'],
    queryFn: () => request('/policy/programs', { schema: ProgramList }),
    staleTime: 10 * 60_000,
  });
}

/** The parameter set resolved for a place ('' = national; undefined = the caller's area) and day. */
export function useParameters(jurisdiction: string | undefined, date: string) {
  return useQuery({
    queryKey: ['policy', 'parameters', jurisdiction ?? null, date],
    // An empty code is left out of the query string: the server then resolves for the caller's
    // own area, which for a nationwide user is the national set.
    queryFn: () => request('/policy/parameters', { query: { jurisdiction, date }, schema: ParametersResponse }),
    placeholderData: keepPreviousData,
  });
}

/** Dated history of one parameter along the chain national → … → this jurisdiction. */
export function useParameterEntries(key: string | undefined, jurisdiction: string) {
  return useQuery({
    queryKey: ['policy', 'entries', key, jurisdiction],
    queryFn: () =>
      request(`/policy/parameters/${encodeURIComponent(key ?? '')}/entries`, {
        query: { jurisdiction },
        schema: ParameterEntriesResponse,
      }),
    enabled: key !== undefined,
  });
}

/** Adding a value changes resolved sets, histories and every eligibility computed from them. */
export function useAddParameterEntry() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NewParameterEntry) =>
      request('/policy/parameters', { method: 'POST', body, schema: ParameterEntrySchema }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['policy'] });
      void queryClient.invalidateQueries({ queryKey: ['households', 'eligibility'] });
      void queryClient.invalidateQueries({ queryKey: ['audit'] });
    },
  });
}

export function useEligibility(householdId: number, date: string) {
  return useQuery({
    queryKey: ['households', 'eligibility', householdId, date],
    queryFn: () => request(`/households/${householdId}/eligibility`, { query: { date }, schema: EligibilityResponse }),
    placeholderData: keepPreviousData,
  });
}

export function usePublicPlaces() {
  return useQuery({
    queryKey: ['public', 'places'],
    queryFn: () => request('/public/places', { schema: PublicPlacesResponse }),
    staleTime: 60 * 60_000,
  });
}

/** Nothing is stored: a plain POST whose answer lives only in the page. */
export function useSelfCheck() {
  return useMutation({
    mutationFn: (body: SelfCheckBody) => request('/public/self-check', { method: 'POST', body, schema: SelfCheckResponse }),
  });
}
