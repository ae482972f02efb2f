// TanStack Query hooks for /api/requests, /api/council-meetings, the settings and the public
// pages. Every staff key starts with 'requests', so one invalidation after a step refreshes the
// lists, the request, the figures and the council reports together.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import {
  AssigneeList,
  CallerList,
  Category,
  CategoryList,
  DuplicateSuggestion,
  MeetingList,
  MeetingReport,
  PublicCategoryList,
  PublicPlaceList,
  PublicStatus,
  RequestDetail,
  RequestFigures,
  RequestList,
  RoutingRule,
  RoutingRuleList,
  type CategoryBody,
  type CouncilItemInput,
  type CreateMeetingBody,
  type CreateRequestBody,
  type FollowUpBody,
  type OpenCaseBody,
  type PublicSubmitBody,
  type RoutingRuleBody,
  type TransferTarget,
} from '../../../../src/modules/requests/requests.schema.ts';
import { downloadFile, request } from '../../api/client.ts';

export type { RequestDetail, RequestFigures, Category } from '../../../../src/modules/requests/requests.schema.ts';
export type RequestSummary = z.infer<typeof RequestList>['items'][number];
export type Duplicate = z.infer<typeof DuplicateSuggestion>;
export type Caller = z.infer<typeof CallerList>['items'][number];
export type Assignee = z.infer<typeof AssigneeList>['items'][number];
export type Meeting = z.infer<typeof MeetingReport>;
export type Rule = z.infer<typeof RoutingRule>;

export interface ListParams {
  status: 'open' | 'resolved' | 'closed' | 'all';
  state?: string;
  category?: string;
  channel?: string;
  under?: string;
  overdue?: 'true';
  mine?: 'true';
  q?: string;
  councilMeetingId?: number;
  limit: number;
  offset: number;
}

const path = (id: number, rest = '') => `/requests/${id}${rest}`;

export function useRequestList(params: ListParams, options: { refetchInterval?: number } = {}) {
  return useQuery({
    queryKey: ['requests', 'list', params],
    queryFn: () => request('/requests', { query: { ...params }, schema: RequestList }),
    placeholderData: keepPreviousData,
    ...options,
  });
}

export function useRequest(id: number | undefined) {
  return useQuery({ queryKey: ['requests', 'detail', id], queryFn: () => request(path(id ?? 0), { schema: RequestDetail }), enabled: id !== undefined });
}

export function useFigures(under?: string) {
  return useQuery({ queryKey: ['requests', 'figures', under ?? ''], queryFn: () => request('/requests/figures', { query: { under }, schema: RequestFigures }) });
}

export function useCategories() {
  return useQuery({ queryKey: ['requests', 'categories'], queryFn: () => request('/request-categories', { schema: CategoryList }), staleTime: 300_000 });
}

export function useCallers(query: { cardNo?: string; phone?: string } | undefined) {
  return useQuery({
    queryKey: ['requests', 'callers', query],
    queryFn: () => request('/requests/callers', { query: { ...query }, schema: CallerList }),
    enabled: query !== undefined && Boolean(query.cardNo || query.phone),
  });
}

export function useAssignees(jurisdictionCode: string | undefined, enabled = true) {
  return useQuery({
    queryKey: ['requests', 'assignees', jurisdictionCode ?? ''],
    queryFn: () => request('/requests/assignees', { query: { jurisdictionCode }, schema: AssigneeList }),
    enabled,
  });
}

function useInvalidate() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: ['audit'] });
    return queryClient.invalidateQueries({ queryKey: ['requests'] });
  };
}

export function useCreateRequest() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (body: CreateRequestBody) => request('/requests', { method: 'POST', body, schema: RequestDetail }), onSuccess: invalidate });
}

/** Every handling step: POST /requests/{id}/{step} with its body; answers the request as it now is. */
export type Step =
  | { step: 'take'; body: { note?: string } }
  | { step: 'resolve'; body: { note: string } }
  | { step: 'notes'; body: { note: string } }
  | { step: 'assign'; body: { userId: number; note?: string } }
  | { step: 'transfer'; body: { target: TransferTarget; reason: string } }
  | { step: 'follow-up'; body: FollowUpBody }
  | { step: 'merge'; body: { intoId: number; reason: string } };

export function useStep() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, step, body }: Step & { id: number }) => request(path(id, `/${step}`), { method: 'POST', body, schema: RequestDetail }),
    onSuccess: invalidate,
  });
}

export function useRevealContact() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, reason }: { id: number; reason: string }) => request(path(id, '/reveal-contact'), { method: 'POST', body: { reason }, schema: z.object({ field: z.string(), value: z.string().nullable() }) }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['audit'] }),
  });
}

export function useOpenCase() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: OpenCaseBody }) =>
      request(path(id, '/open-case'), { method: 'POST', body, schema: z.object({ caseId: z.number(), caseNo: z.string(), request: RequestDetail }) }),
    onSuccess: invalidate,
  });
}

export function useAttach() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, file }: { id: number; file: File }) => request(path(id, `/attachments?fileName=${encodeURIComponent(file.name)}`), { method: 'POST', body: file, schema: RequestDetail }),
    onSuccess: invalidate,
  });
}

export const downloadAttachment = (id: number, attachmentId: number, fileName: string) => downloadFile(path(id, `/attachments/${attachmentId}`), fileName);

// ── council meetings ──
export function useMeetings(params: { under?: string; limit: number; offset: number }) {
  return useQuery({ queryKey: ['requests', 'meetings', params], queryFn: () => request('/council-meetings', { query: { ...params }, schema: MeetingList }), placeholderData: keepPreviousData });
}

export function useMeeting(id: number | undefined) {
  return useQuery({ queryKey: ['requests', 'meeting', id], queryFn: () => request(`/council-meetings/${id ?? 0}`, { schema: MeetingReport }), enabled: id !== undefined });
}

export function useCreateMeeting() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (body: CreateMeetingBody) => request('/council-meetings', { method: 'POST', body, schema: MeetingReport }), onSuccess: invalidate });
}

export function useAddItems() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, items }: { id: number; items: CouncilItemInput[] }) => request(`/council-meetings/${id}/items`, { method: 'POST', body: { items }, schema: MeetingReport }),
    onSuccess: invalidate,
  });
}

// ── settings ──
export function useSaveCategory() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: ({ code, body }: { code: string; body: CategoryBody }) => request(`/request-categories/${code}`, { method: 'PUT', body, schema: Category }), onSuccess: invalidate });
}

export function useRules() {
  return useQuery({ queryKey: ['requests', 'rules'], queryFn: () => request('/request-routes', { schema: RoutingRuleList }) });
}

export function useSaveRule() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (body: RoutingRuleBody) => request('/request-routes', { method: 'POST', body, schema: RoutingRule }), onSuccess: invalidate });
}

export function useDeleteRule() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (id: number) => request(`/request-routes/${id}`, { method: 'DELETE' }), onSuccess: invalidate });
}

// ── public (no login) ──
export function usePublicCategories() {
  return useQuery({ queryKey: ['public-requests', 'categories'], queryFn: () => request('/public/requests/categories', { schema: PublicCategoryList }), staleTime: 300_000 });
}

export const fetchPlaces = (parent?: string) => request('/public/requests/places', { query: { parent }, schema: PublicPlaceList });

export function usePublicSubmit() {
  return useMutation({ mutationFn: (body: PublicSubmitBody) => request('/public/requests', { method: 'POST', body, schema: PublicStatus }) });
}

export function useTrack(code: string | undefined) {
  return useQuery({
    queryKey: ['public-requests', 'track', code],
    queryFn: () => request(`/public/requests/${encodeURIComponent(code ?? '')}`, { schema: PublicStatus }),
    enabled: Boolean(code),
    retry: false,
  });
}
