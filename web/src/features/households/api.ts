// TanStack Query hooks for /api/households. Every change returns the whole household, which is
// put straight into the cache; persons (their householdId), eligibility and audit are refreshed as well.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  Household,
  type AddMemberBody,
  type AssetInput,
  type ExpenseInput,
  type HouseholdInput,
  type HouseholdPatch,
  type IncomeInput,
  type MemberFlags,
  type RELATIONSHIPS,
} from '../../../../src/modules/households/households.schema.ts';
import { request } from '../../api/client.ts';
import { HistoryList } from '../persons/api.ts';

export type Relationship = (typeof RELATIONSHIPS)[number];
export type ItemKind = 'incomes' | 'assets' | 'expenses';
export type ItemBody = {
  incomes: z.input<typeof IncomeInput>;
  assets: z.input<typeof AssetInput>;
  expenses: z.input<typeof ExpenseInput>;
};

const householdPath = (id: number, rest = '') => `/households/${id}${rest}`;

export function useHousehold(id: number | undefined) {
  return useQuery({
    queryKey: ['households', 'detail', id],
    queryFn: () => request(householdPath(id ?? 0), { schema: Household }),
    enabled: id !== undefined,
  });
}

export function useHouseholdHistory(id: number | undefined) {
  return useQuery({
    queryKey: ['households', 'history', id],
    queryFn: () => request(householdPath(id ?? 0, '/history'), { schema: HistoryList }),
    enabled: id !== undefined,
  });
}

export function useHouseholdAsOf(id: number | undefined, date: string | undefined) {
  return useQuery({
    queryKey: ['households', 'as-of', id, date],
    queryFn: () => request(householdPath(id ?? 0, '/as-of'), { query: { date }, schema: Household }),
    enabled: id !== undefined && date !== undefined,
  });
}

/** After a change: the answer is the new household; lists, people and the audit log follow. */
function useHouseholdChanged() {
  const queryClient = useQueryClient();
  return (household: Household) => {
    queryClient.setQueryData(['households', 'detail', household.id], household);
    void queryClient.invalidateQueries({ queryKey: ['households', 'history', household.id] });
    // What the household may be entitled to follows from its facts.
    void queryClient.invalidateQueries({ queryKey: ['households', 'eligibility', household.id] });
    void queryClient.invalidateQueries({ queryKey: ['persons'] });
    void queryClient.invalidateQueries({ queryKey: ['audit'] });
  };
}

export function useCreateHousehold() {
  const changed = useHouseholdChanged();
  return useMutation({
    mutationFn: (body: HouseholdInput) => request('/households', { method: 'POST', body, schema: Household }),
    onSuccess: changed,
  });
}

export function useUpdateHousehold() {
  const changed = useHouseholdChanged();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: z.input<typeof HouseholdPatch> }) =>
      request(householdPath(id), { method: 'PATCH', body, schema: Household }),
    onSuccess: changed,
  });
}

export function useAddMember() {
  const changed = useHouseholdChanged();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: AddMemberBody & { move?: boolean } }) =>
      request(householdPath(id, '/members'), { method: 'POST', body, schema: Household }),
    onSuccess: changed,
  });
}

export function useUpdateMember() {
  const changed = useHouseholdChanged();
  return useMutation({
    mutationFn: ({
      id,
      personId,
      body,
    }: {
      id: number;
      personId: number;
      body: { relationship?: Relationship; flags?: Partial<MemberFlags>; reason?: string };
    }) => request(householdPath(id, `/members/${personId}`), { method: 'PATCH', body, schema: Household }),
    onSuccess: changed,
  });
}

export function useRemoveMember() {
  const changed = useHouseholdChanged();
  return useMutation({
    mutationFn: ({ id, personId, reason }: { id: number; personId: number; reason: string }) =>
      request(householdPath(id, `/members/${personId}/remove`), { method: 'POST', body: { reason }, schema: Household }),
    onSuccess: changed,
  });
}

export function useChangeHead() {
  const changed = useHouseholdChanged();
  return useMutation({
    mutationFn: ({ id, personId, reason }: { id: number; personId: number; reason: string }) =>
      request(householdPath(id, '/head'), { method: 'POST', body: { personId, reason }, schema: Household }),
    onSuccess: changed,
  });
}

export function useAddItem<K extends ItemKind>(kind: K) {
  const changed = useHouseholdChanged();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: ItemBody[K] }) =>
      request(householdPath(id, `/${kind}`), { method: 'POST', body, schema: Household }),
    onSuccess: changed,
  });
}

export function useDeleteItem() {
  const changed = useHouseholdChanged();
  return useMutation({
    mutationFn: ({ id, kind, itemId }: { id: number; kind: ItemKind; itemId: number }) =>
      request(householdPath(id, `/${kind}/${itemId}`), { method: 'DELETE', schema: Household }),
    onSuccess: changed,
  });
}
