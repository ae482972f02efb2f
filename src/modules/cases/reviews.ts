// 复核: approved monthly cases come due (nextReviewOn from reviewIntervalMonths); opening a
// review re-runs the engine on today's registry facts and proposes continue, adjust (with the
// difference) or stop. The review then goes through 审核 and 审批 like a case; approving it
// applies the outcome to the reviewed case and its payments in the same transaction.
import { AppError, validationFailed } from '../../platform/errors.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import { defineJob } from '../../platform/jobs/index.ts';
import { z } from 'zod';
import { SYSTEM_ACTOR, type Actor } from '../audit/audit.service.ts';
import type { ParameterValues } from '../policy/engine/parameters.catalog.ts';
import type { DecisionView } from '../policy/policy.schema.ts';
import { firstPaymentMonth, lastPaymentMonth, reviewIntervalMonths } from '../policy/rules/procedures.ts';
import { adjustPlansAs, stopPlansAs } from '../payments/plans.ts';
import { beyondTownship, mayApproveAt, monthlyLevel } from './authority.ts';
import * as store from './cases.store.ts';
import type { Caller, Ctx } from './context.ts';
import { overallDue } from './deadlines.ts';
import { decisionFor } from './engine.ts';
import { caseNumber } from './intake.ts';
import { reviewSummary } from './reviews.store.ts';
import type { StepResult } from './steps.ts';
import type { CaseProgram } from './workflow/states.ts';

export type ReviewOutcome = 'continue' | 'adjust' | 'stop';

/** The engine's proposal: not eligible → stop; eligible at another amount → adjust; else continue. */
export function proposeReview(currentFen: number | null, d: Pick<DecisionView, 'status' | 'amountFen'> | null): { outcome: ReviewOutcome; proposedFen: number | null; differenceFen: number | null } {
  if (d?.status === 'ineligible') return { outcome: 'stop', proposedFen: 0, differenceFen: currentFen === null ? null : -currentFen };
  if (d?.status === 'eligible' && d.amountFen !== null && d.amountFen !== currentFen) {
    return { outcome: 'adjust', proposedFen: d.amountFen, differenceFen: currentFen === null ? null : d.amountFen - currentFen };
  }
  return { outcome: 'continue', proposedFen: currentFen, differenceFen: 0 };
}

export async function dueReviews(ctx: Ctx, caller: Caller, date: string | undefined) {
  const rows = await store.dueReviews(ctx.db, caller.scope, date ?? ctx.today());
  return rows.map((r) => ({ caseId: r.id, caseNo: r.caseNo, program: r.program as CaseProgram, jurisdictionCode: r.jurisdictionCode, applicantName: r.applicantName, approvedFen: r.approvedFen, nextReviewOn: r.nextReviewOn, openReviewCaseId: r.openReviewCaseId }));
}

/** Open a review for every due case in scope (or those named) that has none under way. */
export async function openReviews(ctx: Ctx, caller: Caller, body: { date?: string | undefined; caseIds?: number[] | undefined }, actor: Actor) {
  const today = ctx.today();
  const due = await store.dueReviews(ctx.db, caller.scope, body.date ?? today, body.caseIds);
  const opened = [];
  for (const d of due) {
    if (d.openReviewCaseId !== null) continue;
    const parent = await store.findInScope(ctx.db, d.id, caller.scope);
    if (!parent) continue;
    const decision = await decisionFor(ctx, parent, today);
    const proposal = proposeReview(parent.approvedFen, decision);
    const p = await ctx.params(parent.jurisdictionCode, today);
    const overallDueOn = overallDue(ctx.cal, today, p, false);
    const created = await ctx.db.transaction(async (tx) => {
      const locked = await store.findInScope(tx, d.id, caller.scope, true);
      if (!locked || locked.state !== 'approved' || (await store.openReviewOf(tx, d.id)) !== null) return null;
      const id = await store.reserveId(tx);
      const caseNo = caseNumber(parent.program as CaseProgram, 'review', today, parent.jurisdictionCode, id);
      await store.insertCase(tx, {
        id, caseNo, program: parent.program, kind: 'review', parentCaseId: parent.id, procedure: 'review', state: 'reviewing',
        householdId: parent.householdId, applicantPersonId: parent.applicantPersonId, beneficiaryPersonId: parent.beneficiaryPersonId,
        jurisdictionCode: parent.jurisdictionCode, channel: 'proactive', sourceRef: parent.caseNo,
        requestedFen: parent.approvedFen, proposedFen: proposal.proposedFen, paymentPeriod: parent.paymentPeriod, peopleCovered: parent.peopleCovered,
        promiseSigned: true, dataCheckAuthorised: true, materials: [], approvalLevel: monthlyLevel(parent.program, p),
        decision, decidedAsOf: decision ? today : null, reviewOutcome: proposal.outcome,
        stepStartedOn: today, dueOn: overallDueOn, overallDueOn, receivedOn: today, createdBy: caller.id,
      });
      const event = { onDate: today, actorUserId: caller.id, actorName: actor.name, fromState: null, note: null };
      const data = { parentCaseId: parent.id, ...proposal, currentFen: parent.approvedFen, engine: decision ? { status: decision.status, amountFen: decision.amountFen, summary: decision.summary } : null };
      await store.insertEvent(tx, { ...event, caseId: id, action: 'review_opened', toState: 'reviewing', data });
      await store.insertEvent(tx, { ...event, caseId: parent.id, action: 'review_opened', toState: null, data: { reviewCaseId: id, reviewCaseNo: caseNo, ...proposal } });
      await ctx.audit.record(tx, actor, { action: 'case.review_opened', entity: 'assistance_case', entityId: id, jurisdictionCode: parent.jurisdictionCode, changes: { parentCaseId: { before: null, after: parent.id }, outcome: { before: null, after: proposal.outcome } } });
      return { id, caseNo };
    });
    if (created) opened.push({ caseId: parent.id, reviewCaseId: created.id, reviewCaseNo: created.caseNo, outcome: proposal.outcome, currentFen: parent.approvedFen, proposedFen: proposal.proposedFen, differenceFen: proposal.differenceFen });
  }
  return opened;
}

/**
 * Approving a review (inside the approving transaction): continue keeps the amount and sets the
 * next review; adjust changes the payments from the month after (adjustPlans); stop ends them
 * with this month (stopPlans) and closes the reviewed case.
 */
export async function applyReview(ctx: Ctx, tx: DbOrTx, caller: Caller, actor: Actor, row: store.CaseRow, body: { amountFen?: number | undefined; note: string }, p: ParameterValues, today: string): Promise<StepResult> {
  const parent = row.parentCaseId === null ? undefined : await store.findInScope(tx, row.parentCaseId, caller.scope, true);
  if (!parent || parent.state !== 'approved') throw new AppError('conflict', 'The reviewed case is no longer approved', '被复核的案件已不在保障中');
  const level = monthlyLevel(row.program, p);
  if (!mayApproveAt(caller, level)) throw beyondTownship(row.program, body.amountFen ?? row.proposedFen, p);
  const outcome = (row.reviewOutcome ?? 'continue') as ReviewOutcome;
  const before = parent.approvedFen;
  let after = before;
  const parentPatch: Partial<store.CaseInsert> = {};
  const reason = `复核 ${row.caseNo}：${body.note}`;
  if (outcome === 'stop') {
    after = 0;
    await stopPlansAs(ctx.audit, tx, parent.id, lastPaymentMonth(today), reason, actor);
    Object.assign(parentPatch, { state: 'closed', closedOn: today, nextReviewOn: null, dueOn: null });
  } else {
    if (outcome === 'adjust') {
      after = body.amountFen ?? row.proposedFen;
      if (after === null || after <= 0) throw validationFailed([{ field: 'amountFen', message: 'state the new monthly amount', messageZh: '请填写调整后的月救助金额' }]);
      if (after !== before) await adjustPlansAs(ctx.audit, tx, parent.id, after, firstPaymentMonth(today), reason, actor);
      parentPatch.approvedFen = after;
    }
    const interval = reviewIntervalMonths({ ...(await reviewSummary(tx, parent, today)), lastReviewedOn: today }, p);
    parentPatch.nextReviewOn = interval.nextReviewDue;
  }
  await store.update(tx, parent.id, parentPatch);
  const data = { reviewCaseId: row.id, outcome, beforeFen: before, afterFen: after, differenceFen: before === null || after === null ? null : after - before, nextReviewOn: parentPatch.nextReviewOn ?? null };
  await store.insertEvent(tx, { caseId: parent.id, onDate: today, actorUserId: caller.id, actorName: actor.name, action: 'review_applied', fromState: parent.state, toState: parentPatch.state ?? null, note: body.note, data });
  await ctx.audit.record(tx, actor, { action: 'case.review_applied', entity: 'assistance_case', entityId: parent.id, jurisdictionCode: parent.jurisdictionCode, reason: body.note, changes: { approvedFen: { before, after }, ...(parentPatch.state ? { state: { before: parent.state, after: parentPatch.state } } : {}) } });
  return { patch: { approvedFen: after, approvedOn: today, approvalLevel: level, dueOn: null }, note: body.note, data };
}

/** The worker's daily sweep: open the reviews that came due anywhere. */
export function openDueReviewsJob(ctx: Ctx) {
  const system: Caller = { id: null, username: 'system', roles: ['admin'], scope: '' };
  return defineJob({
    name: 'cases.open-due-reviews',
    schema: z.object({}),
    maxAttempts: 3,
    async handler() {
      const opened = await openReviews(ctx, system, {}, SYSTEM_ACTOR);
      return { opened: opened.length };
    },
  });
}
