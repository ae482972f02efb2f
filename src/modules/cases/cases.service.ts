// The assistance-cases service: one object over the parts (intake, investigation, township
// review and 公示, approval, the emergency path, endings, reviews, queries, attachments and the
// printed documents). Each action returns the case as the caller now sees it.
import type { Actor } from '../audit/audit.service.ts';
import { approveCase } from './approval.ts';
import { downloadAttachment, uploadAttachment } from './attachments.ts';
import type { CreateCaseBody, VisitBody } from './cases.schema.ts';
import { createContext, type Caller, type CasesDeps } from './context.ts';
import { prepay } from './emergency.ts';
import { assign, closeCase, extendDeadline, recordException, recordNoticeServed, refuse, reopen, withdraw } from './endings.ts';
import { registerCase } from './intake.ts';
import { recordVisit, startInvestigation, submitForReview, updateMaterials } from './investigation.ts';
import { materialsFor } from './materials.ts';
import { noticeDocument, publicityDocument } from './printed.ts';
import { caseDetail, dashboard, listCases, overrides, workQueue } from './queries.ts';
import { dueReviews, openDueReviewsJob, openReviews } from './reviews.ts';
import { endPublicity, giveOpinion, recordObjection, sendBack, type OpinionBody } from './township-review.ts';
import { PROGRAMS, type CaseProgram } from './workflow/states.ts';

export type CasesService = ReturnType<typeof createCasesService>;

export function createCasesService(deps: CasesDeps) {
  const ctx = createContext(deps);
  const then = (caller: Caller, id: number) => () => caseDetail(ctx, caller, id);
  const reviewsJob = openDueReviewsJob(ctx);

  return {
    jobs: [reviewsJob],
    openDueReviewsJob: reviewsJob,

    materials(program?: CaseProgram, category?: 'emergency' | 'expenditure') {
      const programs = program ? [program] : [...PROGRAMS];
      return programs.flatMap((p) => (p === 'temporary' && !category
        ? (['emergency', 'expenditure'] as const).map((c) => ({ program: p, category: c, materials: materialsFor(p, c) }))
        : [{ program: p, category: p === 'temporary' ? (category ?? null) : null, materials: materialsFor(p, category) }]));
    },

    register: async (caller: Caller, body: CreateCaseBody, actor: Actor) => caseDetail(ctx, caller, await registerCase(ctx, caller, body, actor)),
    get: (caller: Caller, id: number) => caseDetail(ctx, caller, id),
    list: (caller: Caller, q: Parameters<typeof listCases>[2]) => listCases(ctx, caller, q),
    queue: (caller: Caller, page: { limit: number; offset: number }) => workQueue(ctx, caller, page),
    dashboard: (caller: Caller, under?: string) => dashboard(ctx, caller, under),
    overrides: (caller: Caller, q: { from?: string | undefined; to?: string | undefined; under?: string | undefined }) => overrides(ctx, caller, q),

    updateMaterials: (caller: Caller, id: number, body: Parameters<typeof updateMaterials>[3], actor: Actor) => updateMaterials(ctx, caller, id, body, actor).then(then(caller, id)),
    startInvestigation: (caller: Caller, id: number, note: string | undefined, actor: Actor) => startInvestigation(ctx, caller, id, note, actor).then(then(caller, id)),
    recordVisit: (caller: Caller, id: number, body: VisitBody, actor: Actor) => recordVisit(ctx, caller, id, body, actor).then(then(caller, id)),
    submitForReview: (caller: Caller, id: number, note: string | undefined, actor: Actor) => submitForReview(ctx, caller, id, note, actor).then(then(caller, id)),
    opinion: (caller: Caller, id: number, body: OpinionBody, actor: Actor) => giveOpinion(ctx, caller, id, body, actor).then(then(caller, id)),
    object: (caller: Caller, id: number, body: { note: string; objectionOn?: string | undefined }, actor: Actor) => recordObjection(ctx, caller, id, body, actor).then(then(caller, id)),
    endPublicity: (caller: Caller, id: number, note: string | undefined, actor: Actor) => endPublicity(ctx, caller, id, note, actor).then(then(caller, id)),
    sendBack: (caller: Caller, id: number, reason: string, actor: Actor) => sendBack(ctx, caller, id, reason, actor).then(then(caller, id)),
    approve: (caller: Caller, id: number, body: { amountFen?: number | undefined; note: string; overrideReason?: string | undefined }, actor: Actor) => approveCase(ctx, caller, id, body, actor).then(then(caller, id)),
    prepay: (caller: Caller, id: number, body: { amountFen: number; note: string }, actor: Actor) => prepay(ctx, caller, id, body, actor).then(then(caller, id)),
    refuse: (caller: Caller, id: number, reason: string, actor: Actor) => refuse(ctx, caller, id, reason, actor).then(then(caller, id)),
    withdraw: (caller: Caller, id: number, reason: string, actor: Actor) => withdraw(ctx, caller, id, reason, actor).then(then(caller, id)),
    reopen: (caller: Caller, id: number, body: { reason: string; to: 'accepted' | 'investigating' }, actor: Actor) => reopen(ctx, caller, id, body, actor).then(then(caller, id)),
    close: (caller: Caller, id: number, reason: string, actor: Actor) => closeCase(ctx, caller, id, reason, actor).then(then(caller, id)),
    noticeServed: (caller: Caller, id: number, body: { servedOn: string; note?: string | undefined }, actor: Actor) => recordNoticeServed(ctx, caller, id, body, actor).then(then(caller, id)),
    exception: (caller: Caller, id: number, body: { decisionNo: string; decidedOn: string; note: string }, actor: Actor) => recordException(ctx, caller, id, body, actor).then(then(caller, id)),
    extend: (caller: Caller, id: number, reason: string, actor: Actor) => extendDeadline(ctx, caller, id, reason, actor).then(then(caller, id)),
    assign: (caller: Caller, id: number, userId: number | null, actor: Actor) => assign(ctx, caller, id, userId, actor).then(then(caller, id)),

    dueReviews: (caller: Caller, date?: string) => dueReviews(ctx, caller, date),
    openReviews: (caller: Caller, body: { date?: string | undefined; caseIds?: number[] | undefined }, actor: Actor) => openReviews(ctx, caller, body, actor),

    uploadAttachment: (caller: Caller, id: number, file: Parameters<typeof uploadAttachment>[3], actor: Actor) => uploadAttachment(ctx, caller, id, file, actor).then(then(caller, id)),
    downloadAttachment: (caller: Caller, id: number, attachmentId: number, actor: Actor) => downloadAttachment(ctx, caller, id, attachmentId, actor),
    publicity: (caller: Caller, q: Parameters<typeof publicityDocument>[2]) => publicityDocument(ctx, caller, q),
    notice: (caller: Caller, id: number, actor: Actor) => noticeDocument(ctx, caller, id, actor),
  };
}
