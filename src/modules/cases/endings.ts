// Refusal (written reasons, the notice due within procedure.refusal_notice_days working days),
// withdrawal, re-opening, closing an approved case (its payments stop), and the county's
// decisions on a case: 一事一议, the extended deadline, assignment, the notice served.
import { AppError, validationFailed } from '../../platform/errors.ts';
import { isWithin } from '../../lib/division-code.ts';
import type { Actor } from '../audit/audit.service.ts';
import { lastPaymentMonth } from '../policy/rules/procedures.ts';
import { stopPlansAs } from '../payments/plans.ts';
import * as store from './cases.store.ts';
import type { Caller, Ctx } from './context.ts';
import { overallDue, refusalNoticeDue } from './deadlines.ts';
import { runStep } from './steps.ts';

export function refuse(ctx: Ctx, caller: Caller, id: number, reason: string, actor: Actor) {
  return runStep(ctx, caller, actor, id, { action: 'refuse' }, async (_tx, _row, { p, today }) => {
    const noticeDueOn = refusalNoticeDue(ctx.cal, today, p);
    return { patch: { refusedOn: today, refusalReason: reason, noticeDueOn, noticeServedOn: null }, note: reason, data: { noticeDueOn } };
  });
}

export function withdraw(ctx: Ctx, caller: Caller, id: number, reason: string, actor: Actor) {
  return runStep(ctx, caller, actor, id, { action: 'withdraw' }, async (_tx, _row, { today }) => ({ patch: { closedOn: today }, note: reason }));
}

/** A refused or withdrawn case handled again, with a fresh overall deadline from today. */
export function reopen(ctx: Ctx, caller: Caller, id: number, body: { reason: string; to: 'accepted' | 'investigating' }, actor: Actor) {
  return runStep(ctx, caller, actor, id, { action: 'reopen', option: body.to }, async (_tx, row, { p, today }) => {
    const overallDueOn = overallDue(ctx.cal, today, p, false);
    return {
      patch: { refusedOn: null, refusalReason: null, noticeDueOn: null, noticeServedOn: null, closedOn: null, overallDueOn, extended: false },
      note: body.reason,
      data: { previous: { state: row.state, refusedOn: row.refusedOn, refusalReason: row.refusalReason }, overallDueOn },
    };
  });
}

/** 终止 an approved case: payments end with this month. */
export function closeCase(ctx: Ctx, caller: Caller, id: number, reason: string, actor: Actor) {
  return runStep(ctx, caller, actor, id, { action: 'close', lockSubject: true }, async (tx, row, { today }) => {
    const stopped = await stopPlansAs(ctx.audit, tx, row.id, lastPaymentMonth(today), reason, actor);
    return { patch: { closedOn: today, nextReviewOn: null }, note: reason, data: { lastMonth: lastPaymentMonth(today), ...stopped } };
  });
}

export function recordNoticeServed(ctx: Ctx, caller: Caller, id: number, body: { servedOn: string; note?: string | undefined }, actor: Actor) {
  return runStep(ctx, caller, actor, id, { action: 'notice_served' }, async (_tx, row, { today }) => {
    const decidedOn = row.refusedOn ?? row.approvedOn ?? row.receivedOn;
    if (body.servedOn > today || body.servedOn < decidedOn) throw validationFailed([{ field: 'servedOn', message: `between the decision (${decidedOn}) and today`, messageZh: `须在决定日（${decidedOn}）与今天之间` }]);
    return { patch: { noticeServedOn: body.servedOn, ...(row.state === 'refused' ? { dueOn: null } : {}) }, note: body.note ?? null, data: { servedOn: body.servedOn, noticeDueOn: row.noticeDueOn, late: row.noticeDueOn !== null && body.servedOn > row.noticeDueOn } };
  });
}

/** 一事一议: the county's documented decision lifting the yearly caps (and 一事一救) for this case. */
export function recordException(ctx: Ctx, caller: Caller, id: number, body: { decisionNo: string; decidedOn: string; note: string }, actor: Actor) {
  return runStep(ctx, caller, actor, id, { action: 'exception' }, async (_tx, row, { today }) => {
    if (row.program !== 'temporary') throw new AppError('conflict', 'Case-by-case decisions (一事一议) are for 临时救助', '一事一议仅适用于临时救助');
    if (body.decidedOn > today) throw validationFailed([{ field: 'decidedOn', message: 'cannot be in the future', messageZh: '不能晚于今天' }]);
    const decision = { decisionNo: body.decisionNo, decidedOn: body.decidedOn, decidedBy: caller.username, note: body.note };
    return { patch: { exceptionDecision: decision }, note: body.note, data: decision, changes: { exceptionDecision: { before: row.exceptionDecision, after: decision } } };
  });
}

/** 特殊情况延长: the overall deadline becomes procedure.total_days_extended working days from 受理. */
export function extendDeadline(ctx: Ctx, caller: Caller, id: number, reason: string, actor: Actor) {
  return runStep(ctx, caller, actor, id, { action: 'extend' }, async (_tx, row, { p }) => {
    if (row.extended) throw new AppError('conflict', 'The deadline has already been extended', '办理时限已延长过');
    const overallDueOn = overallDue(ctx.cal, row.receivedOn, p, true);
    return { patch: { extended: true, overallDueOn, ...(row.state === 'accepted' || row.state === 'reviewing' ? { dueOn: overallDueOn } : {}) }, note: reason, data: { overallDueOn }, changes: { overallDueOn: { before: row.overallDueOn, after: overallDueOn } } };
  });
}

/** Put the case on a colleague's desk (待我办理): a user whose area covers the case. */
export function assign(ctx: Ctx, caller: Caller, id: number, userId: number | null, actor: Actor) {
  return runStep(ctx, caller, actor, id, { action: 'assign' }, async (tx, row) => {
    if (userId !== null) {
      const user = await store.userForAssignment(tx, userId);
      if (!user || !user.active || !isWithin(row.jurisdictionCode, user.scope) || !isWithin(user.scope, caller.scope)) {
        throw validationFailed([{ field: 'userId', message: 'no active colleague in your area whose area covers this case', messageZh: '本辖区内没有可办理该案件的在用账号' }]);
      }
    }
    return { patch: { assigneeUserId: userId }, changes: { assigneeUserId: { before: row.assigneeUserId, after: userId } } };
  });
}
