// 审核 and 公示: the township's opinion (with the policy engine's decision and trace as of that
// day, the proposed amount and who will approve it), the 7-day 公示 and its objections. An
// objection sends the case back to 调查; the next opinion starts a new 公示 whose dates come
// from publicityAfterObjection, and the overall deadline keeps running.
import { validationFailed } from '../../platform/errors.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import type { Actor } from '../audit/audit.service.ts';
import type { ParameterValues } from '../policy/engine/parameters.catalog.ts';
import { approveWithinCaps, publicityAfterObjection, temporaryCaps } from '../policy/rules/procedures.ts';
import type { DecisionView } from '../policy/policy.schema.ts';
import { monthlyLevel, type Level } from './authority.ts';
import { yearUsage } from './caps.store.ts';
import * as store from './cases.store.ts';
import { loadCase, type Caller, type Ctx } from './context.ts';
import { publicityWindow, toWorkday } from './deadlines.ts';
import { decisionFor } from './engine.ts';
import { runStep, subjectOf } from './steps.ts';

/** Who will approve this amount: for 临时救助 the caps rule on the year so far (advisory until 审批 re-checks). */
export async function approvalLevelFor(tx: DbOrTx, row: store.CaseRow, amountFen: number, p: ParameterValues, today: string): Promise<Level> {
  if (row.program !== 'temporary') return monthlyLevel(row.program, p);
  const subject = subjectOf(row);
  const history = await yearUsage(tx, subject, Number(today.slice(0, 4)));
  const grant = approveWithinCaps(history, { person: String(subject.personKey), requestedFen: amountFen, exception: row.exceptionDecision !== null }, temporaryCaps(p));
  return grant.approver ?? 'county';
}

export type OpinionBody = { proposedFen?: number | undefined; peopleCovered?: number | undefined; outcome?: 'continue' | 'adjust' | 'stop' | undefined; note: string };

export async function giveOpinion(ctx: Ctx, caller: Caller, id: number, body: OpinionBody, actor: Actor) {
  const pre = await loadCase(ctx, caller, id);
  // Engine first, outside the transaction; attached as of today.
  const decision: DecisionView | null = pre.state === 'reviewing' ? await decisionFor(ctx, pre, ctx.today()) : null;
  return runStep(ctx, caller, actor, id, { action: 'opinion' }, async (tx, row, { to, p, today }) => {
    const review = row.kind === 'review';
    const outcome = review ? (body.outcome ?? (row.reviewOutcome as OpinionBody['outcome']) ?? 'continue') : null;
    const proposedFen = outcome === 'stop' ? 0 : outcome === 'continue' ? (body.proposedFen ?? row.requestedFen) : (body.proposedFen ?? decision?.amountFen ?? row.proposedFen ?? row.requestedFen);
    if (proposedFen === null || proposedFen === undefined || (!review && proposedFen <= 0)) {
      throw validationFailed([{ field: 'proposedFen', message: 'propose an amount above 0 (the engine has none)', messageZh: '请填写拟救助金额（须大于 0，规则引擎未给出金额）' }]);
    }
    const level = await approvalLevelFor(tx, row, proposedFen, p, today);
    const patch: Partial<store.CaseInsert> = {
      proposedFen, approvalLevel: level, decision: decision ?? row.decision, decidedAsOf: decision ? today : row.decidedAsOf,
      ...(body.peopleCovered !== undefined ? { peopleCovered: body.peopleCovered } : {}),
      ...(outcome ? { reviewOutcome: outcome } : {}),
    };
    const data: Record<string, unknown> = { proposedFen, approvalLevel: level, outcome, engine: decision ? { status: decision.status, amountFen: decision.amountFen, summary: decision.summary } : null };
    if (to === 'publicizing') {
      const window = await nextPublicity(ctx, tx, row, p, today);
      Object.assign(patch, { publicityRound: row.publicityRound + 1, publicityFrom: window.from, publicityTo: window.to });
      data.publicity = { round: row.publicityRound + 1, ...window };
    }
    return { patch, note: body.note, data };
  });
}

/** The first 公示 from today; after an objection, the new one publicityAfterObjection gives. */
async function nextPublicity(ctx: Ctx, tx: DbOrTx, row: store.CaseRow, p: ParameterValues, today: string): Promise<{ from: string; to: string; beyondDeadline?: boolean; rule?: { zh: string; en: string } }> {
  const objection = row.publicityRound > 0 && row.publicityFrom ? await store.lastEvent(tx, row.id, 'object') : undefined;
  if (!objection || !row.publicityFrom || !row.overallDueOn) return publicityWindow(ctx.cal, today, p);
  const objectionOn = (objection.data as { objectionOn?: string } | null)?.objectionOn ?? objection.onDate;
  const r = publicityAfterObjection({ publicityFrom: row.publicityFrom, objectionOn, republishOn: today, deadline: row.overallDueOn }, p);
  if (!r.newPublicity) return publicityWindow(ctx.cal, today, p);
  return { from: r.newPublicity.from, to: toWorkday(ctx.cal, r.newPublicity.to), beyondDeadline: r.beyondDeadline, rule: r.reason };
}

export function recordObjection(ctx: Ctx, caller: Caller, id: number, body: { note: string; objectionOn?: string | undefined }, actor: Actor) {
  return runStep(ctx, caller, actor, id, { action: 'object' }, async (_tx, row, { p, today }) => {
    const objectionOn = body.objectionOn ?? today;
    if (objectionOn > today || (row.publicityFrom && objectionOn < row.publicityFrom)) {
      throw validationFailed([{ field: 'objectionOn', message: `must lie within the public notice (${row.publicityFrom} – ${row.publicityTo}) and not in the future`, messageZh: `须在公示期（${row.publicityFrom} 至 ${row.publicityTo}）内且不晚于今天` }]);
    }
    // The rule's reading of the objection (re-investigate, new opinion, deadline not reset).
    const rule = publicityAfterObjection({ publicityFrom: row.publicityFrom!, objectionOn, republishOn: today, deadline: row.overallDueOn! }, p);
    return { note: body.note, data: { objectionOn, round: row.publicityRound, publicityFrom: row.publicityFrom, publicityTo: row.publicityTo, deadline: rule.deadline, reason: rule.reason } };
  });
}

export function endPublicity(ctx: Ctx, caller: Caller, id: number, note: string | undefined, actor: Actor) {
  return runStep(ctx, caller, actor, id, { action: 'end_publicity' }, async (_tx, row) => ({ note: note ?? null, data: { round: row.publicityRound, publicityFrom: row.publicityFrom, publicityTo: row.publicityTo } }));
}

export function sendBack(ctx: Ctx, caller: Caller, id: number, reason: string, actor: Actor) {
  return runStep(ctx, caller, actor, id, { action: 'send_back' }, async () => ({ note: reason }));
}
