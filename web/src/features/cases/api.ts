// TanStack Query hooks for /api/cases (assistance cases: 受理 → 调查 → 审核 → 公示 → 审批 → 发放).
// Every action answers with the whole case, which goes straight into the cache; the queue, the
// lists, the dashboard, the case's payments and the audit log are refreshed with it.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  Case,
  CaseList,
  Dashboard,
  MaterialsList,
  type ApproveBody,
  type AssignBody,
  type CreateCaseBody,
  type ExceptionBody,
  type MaterialsBody,
  type NoteBody,
  type NoticeServedBody,
  type ObjectionBody,
  type OpinionBody,
  type PrepayBody,
  type ReasonBody,
  type ReopenBody,
  type VisitBody,
} from '../../../../src/modules/cases/cases.schema.ts';
import { ApiErrorBody } from '../../../../src/lib/api-error.schema.ts';
import { ApiError, downloadFile, request } from '../../api/client.ts';

export type CaseDetail = z.infer<typeof Case>;
export type CaseSummary = z.infer<typeof CaseList>['items'][number];
export type CaseEvent = CaseDetail['events'][number];
export type CaseVisit = CaseDetail['visits'][number];
export type Attachment = CaseDetail['attachments'][number];
export type Material = CaseDetail['materials'][number];
export type DashboardData = z.infer<typeof Dashboard>;
export type CaseProgram = CaseDetail['program'];
export type CaseState = CaseDetail['state'];
export type Procedure = CaseDetail['procedure'];
export type NewCaseBody = z.input<typeof CreateCaseBody>;
export type NewVisitBody = z.input<typeof VisitBody>;

export interface CaseListParams {
  state?: CaseState;
  program?: CaseProgram;
  overdue?: 'true' | 'false';
  under?: string;
  q?: string;
  limit: number;
  offset: number;
}

/** Bodies of the actions that move or annotate a case, by route. */
export interface ActionBodies {
  'start-investigation': z.input<typeof NoteBody>;
  'submit-review': z.input<typeof NoteBody>;
  opinion: z.input<typeof OpinionBody>;
  objections: z.input<typeof ObjectionBody>;
  'end-publicity': z.input<typeof NoteBody>;
  'send-back': z.input<typeof ReasonBody>;
  approve: z.input<typeof ApproveBody>;
  refuse: z.input<typeof ReasonBody>;
  withdraw: z.input<typeof ReasonBody>;
  reopen: z.input<typeof ReopenBody>;
  close: z.input<typeof ReasonBody>;
  'notice-served': z.input<typeof NoticeServedBody>;
  exception: z.input<typeof ExceptionBody>;
  extend: z.input<typeof ReasonBody>;
  assign: z.input<typeof AssignBody>;
  prepay: z.input<typeof PrepayBody>;
  materials: z.input<typeof MaterialsBody>;
  visits: z.input<typeof VisitBody>;
}
export type ActionRoute = keyof ActionBodies;

const casePath = (id: number, rest = '') => `/cases/${id}${rest}`;

/** 待我办理: overdue first, then by due date. The server pages it (at most 200 at a time). */
export function useWorkQueue(limit = 200) {
  return useQuery({
    queryKey: ['cases', 'queue', limit],
    queryFn: () => request('/cases/queue', { query: { limit, offset: 0 }, schema: CaseList }),
    placeholderData: keepPreviousData,
  });
}

export function useCaseList(params: CaseListParams) {
  return useQuery({
    queryKey: ['cases', 'list', params],
    queryFn: () => request('/cases', { query: { ...params }, schema: CaseList }),
    placeholderData: keepPreviousData,
  });
}

export function useCase(id: number | undefined) {
  return useQuery({
    queryKey: ['cases', 'detail', id],
    queryFn: () => request(casePath(id ?? 0), { schema: Case }),
    enabled: id !== undefined,
  });
}

export function useCaseDashboard(under: string | undefined) {
  return useQuery({
    queryKey: ['cases', 'dashboard', under ?? ''],
    queryFn: () => request('/cases/dashboard', { query: { under }, schema: Dashboard }),
    placeholderData: keepPreviousData,
  });
}

/** The checklist an application of this program (and 临时救助 category) asks for. */
export function useMaterialsList(program: CaseProgram | undefined, category: 'emergency' | 'expenditure' | undefined) {
  return useQuery({
    queryKey: ['cases', 'materials', program, category],
    queryFn: () => request('/cases/materials', { query: { program, category }, schema: MaterialsList }),
    enabled: program !== undefined && (program !== 'temporary' || category !== undefined),
    staleTime: 60 * 60_000,
  });
}

/** After any change: the answer is the case as it now stands; everything derived follows. */
function useCaseChanged() {
  const queryClient = useQueryClient();
  return (c: CaseDetail) => {
    queryClient.setQueryData(['cases', 'detail', c.id], c);
    void queryClient.invalidateQueries({ queryKey: ['cases', 'queue'] });
    void queryClient.invalidateQueries({ queryKey: ['cases', 'list'] });
    void queryClient.invalidateQueries({ queryKey: ['cases', 'dashboard'] });
    void queryClient.invalidateQueries({ queryKey: ['payments'] });
    void queryClient.invalidateQueries({ queryKey: ['audit'] });
  };
}

export function useCreateCase() {
  const changed = useCaseChanged();
  return useMutation({
    mutationFn: (body: NewCaseBody) => request('/cases', { method: 'POST', body, schema: Case }),
    onSuccess: changed,
  });
}

/** POST /cases/:id/<route> with its body (`run`, typed per route); resolves to the case afterwards. */
export function useCaseAction() {
  const changed = useCaseChanged();
  const mutation = useMutation({
    mutationFn: ({ id, route, body }: { id: number; route: ActionRoute; body: unknown }) =>
      request(casePath(id, `/${route}`), { method: 'POST', body, schema: Case }),
    onSuccess: changed,
  });
  const run = <R extends ActionRoute>(id: number, route: R, body: ActionBodies[R]) => mutation.mutateAsync({ id, route, body });
  return { run, isPending: mutation.isPending };
}

export function useUploadAttachment() {
  const changed = useCaseChanged();
  return useMutation({
    mutationFn: ({ id, file, fileName, kind, visitId }: { id: number; file: Blob; fileName: string; kind: Attachment['kind']; visitId?: number }) =>
      request(casePath(id, '/attachments'), {
        method: 'POST',
        query: { fileName, kind, visitId },
        body: file,
        contentType: file.type || 'application/octet-stream',
        schema: Case,
      }),
    onSuccess: changed,
  });
}

export const downloadAttachment = (caseId: number, a: Attachment) =>
  downloadFile(casePath(caseId, `/attachments/${a.id}`), a.fileName);

export const downloadNotice = (c: Pick<CaseDetail, 'id' | 'caseNo'>) => downloadFile(casePath(c.id, '/notice'), `${c.caseNo}.pdf`);

/**
 * A file of the case as a data: URL, to show a photo in the page (the CSP allows data: images,
 * not blob:). Each look is a download the server audits, so photos load only when asked for.
 */
export async function attachmentDataUrl(caseId: number, a: Attachment): Promise<string> {
  const res = await fetch(`/api${casePath(caseId, `/attachments/${a.id}`)}`, { credentials: 'same-origin' }).catch(() => null);
  if (!res) throw new ApiError(0, { error: 'network_error', message: 'Cannot reach the server.', messageZh: '无法连接服务器，请检查网络后重试' });
  if (!res.ok) {
    const parsed = ApiErrorBody.safeParse(await res.json().catch(() => null));
    throw new ApiError(res.status, parsed.success ? parsed.data : { error: `http_${res.status}`, message: `Server error (${res.status})`, messageZh: `服务器错误（${res.status}）` });
  }
  const blob = await res.blob();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(blob);
  });
}

export type PublicityParams = { community?: string; from?: string; to?: string };

const publicityQuery = (p: PublicityParams, format: 'html' | 'pdf') => {
  const q = new URLSearchParams({ format });
  for (const [k, v] of Object.entries(p)) if (v) q.set(k, v);
  return q;
};

/** The printable 公示 page's address (opened in a new tab, the browser prints it). */
export const publicityHtmlUrl = (p: PublicityParams) => `/api/cases/publicity?${publicityQuery(p, 'html').toString()}`;

/** The 公示 list as HTML text, shown in the page (the API refuses to be framed directly). */
export function usePublicityHtml(p: PublicityParams, enabled: boolean) {
  return useQuery({
    queryKey: ['cases', 'publicity', p],
    enabled,
    queryFn: async () => {
      const res = await fetch(publicityHtmlUrl(p), { credentials: 'same-origin', headers: { accept: 'text/html' } });
      if (!res.ok) {
        const parsed = ApiErrorBody.safeParse(await res.json().catch(() => null));
        throw new ApiError(res.status, parsed.success ? parsed.data : { error: `http_${res.status}`, message: `Server error (${res.status})`, messageZh: `服务器错误（${res.status}）` });
      }
      return res.text();
    },
  });
}

export const downloadPublicityPdf = (p: PublicityParams) =>
  downloadFile('/cases/publicity', '公示名单.pdf', { ...p, format: 'pdf' });
