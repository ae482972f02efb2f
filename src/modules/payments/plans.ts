// What an approved case pays, run inside the caller's transaction (the case service's approving
// transaction, or the payments service's own): start a plan, record a 先行救助, adjust the amount
// from a month, stop, suspend and resume. Nothing here commits; every change is audited in the
// same transaction. The rows are written from the case, so they carry the case's jurisdiction
// (the scope key of every later read).
//
// Months are whole (no partial months): a monthly plan pays from its first month (the month after
// approval, firstPaymentMonth) to its last (stop: lastPaymentMonth of the stop date) in full.
import type { DbOrTx } from '../../platform/db/client.ts';
import { AppError, validationFailed, type FieldProblem } from '../../platform/errors.ts';
import { todayLocal } from '../../lib/local-date.ts';
import { formatYuan } from '../policy/engine/money.ts';
import { SYSTEM_ACTOR, type Actor, type AuditRecorder } from '../audit/audit.service.ts';
import { LIVE_PLAN_STATUSES, dueRows, generationWindow, releaseOnResume, retroactiveAdjustment, stopEffect, type PlanStatus } from './ledger.ts';
import { assertMonth, isMonth, nextMonth, previousMonth, type Month } from './months.ts';
import * as store from './payments.store.ts';

export type PlanStart = {
  caseId: number;
  householdId: number | null;
  payeePersonId: number;
  jurisdictionCode: string;
  program: string;
  period: 'monthly' | 'once';
  /** Monthly: the amount each month. Once: the amount still to pay (a case with 先行救助 passes approved − prepaid). */
  amountFen: number;
  /** YYYY-MM: the first month paid (monthly: the month after approval), or the month of a one-off. */
  fromMonth: string;
  createdBy: number | null;
};

async function actorFor(tx: DbOrTx, by: number | null): Promise<Actor> {
  if (by === null) return SYSTEM_ACTOR;
  return { kind: 'user', id: by, name: (await store.usernameOf(tx, by)) ?? `user#${by}`, ip: null };
}

function checkFen(value: unknown, field: string, problems: FieldProblem[], min = 1): void {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min) {
    problems.push({ field, message: `a whole number of 分${min > 0 ? ' above 0' : ''}`, messageZh: `应为${min > 0 ? '大于 0 的' : ''}整数（分）` });
  }
}

function checkReason(reason: unknown, problems: FieldProblem[]): void {
  if (typeof reason !== 'string' || reason.trim().length < 2) problems.push({ field: 'reason', message: 'state the reason', messageZh: '请填写原因' });
}

const isLive = (p: store.PlanRow) => LIVE_PLAN_STATUSES.includes(p.status as PlanStatus);

/** The running monthly plan of a case (one at a time), or a 409 saying there is none. */
function liveMonthlyPlan(plans: store.PlanRow[]): store.PlanRow {
  const plan = plans.find((p) => p.period === 'monthly' && isLive(p));
  if (!plan) throw new AppError('conflict', 'The case has no running monthly payment plan', '该案件没有正在执行的按月发放计划');
  return plan;
}

async function openOverpayment(audit: AuditRecorder, tx: DbOrTx, plan: store.PlanRow, amountFen: number, reason: string, actor: Actor): Promise<void> {
  const row = await store.insertOverpayment(tx, { caseId: plan.caseId, householdId: plan.householdId, jurisdictionCode: plan.jurisdictionCode, amountFen, reason, status: 'open', createdBy: actor.kind === 'user' ? actor.id : null });
  await audit.record(tx, actor, { action: 'create', entity: 'overpayment', entityId: row.id, jurisdictionCode: row.jurisdictionCode, changes: { amountFen: { before: null, after: amountFen } }, reason });
}

// ---------------------------------------------------------------------------------------------
// The contract the case service calls (by user id).

export async function startPlan(audit: AuditRecorder, tx: DbOrTx, p: PlanStart): Promise<{ planId: number }> {
  return startPlanAs(audit, tx, p, await actorFor(tx, p.createdBy));
}

export async function recordPrepayment(audit: AuditRecorder, tx: DbOrTx, p: Omit<PlanStart, 'period' | 'fromMonth'> & { month: string }): Promise<{ paymentId: number }> {
  return recordPrepaymentAs(audit, tx, p, await actorFor(tx, p.createdBy));
}

export async function adjustPlans(audit: AuditRecorder, tx: DbOrTx, caseId: number, amountFen: number, fromMonth: string, reason: string, by: number | null): Promise<void> {
  await adjustPlansAs(audit, tx, caseId, amountFen, fromMonth, reason, await actorFor(tx, by));
}

export async function stopPlans(audit: AuditRecorder, tx: DbOrTx, caseId: number, lastMonth: string, reason: string, by: number | null): Promise<void> {
  await stopPlansAs(audit, tx, caseId, lastMonth, reason, await actorFor(tx, by));
}

// ---------------------------------------------------------------------------------------------
// The same, and the rest, by an audited actor (the payments service passes the HTTP caller).

/** A monthly plan from fromMonth on, or a one-off with its single pending payment for fromMonth. */
export async function startPlanAs(audit: AuditRecorder, tx: DbOrTx, p: PlanStart, actor: Actor): Promise<{ planId: number }> {
  const problems: FieldProblem[] = [];
  if (p.period !== 'monthly' && p.period !== 'once') problems.push({ field: 'period', message: "'monthly' or 'once'", messageZh: '应为 monthly（按月）或 once（一次性）' });
  checkFen(p.amountFen, 'amountFen', problems);
  if (!isMonth(p.fromMonth)) problems.push({ field: 'fromMonth', message: 'a month as YYYY-MM', messageZh: '月份格式应为 YYYY-MM' });
  if (!p.program) problems.push({ field: 'program', message: 'required', messageZh: '必填' });
  if (problems.length) throw validationFailed(problems);
  const existing = await store.lockPlansOfCase(tx, p.caseId);
  if (existing.some((x) => x.period === p.period && isLive(x))) {
    throw new AppError('conflict', `Case ${p.caseId} already has a running ${p.period} payment plan`, `该案件已有正在执行的${p.period === 'monthly' ? '按月' : '一次性'}发放计划`);
  }
  const plan = await store.insertPlan(tx, {
    caseId: p.caseId,
    householdId: p.householdId,
    payeePersonId: p.payeePersonId,
    jurisdictionCode: p.jurisdictionCode,
    program: p.program,
    period: p.period,
    amountFen: p.amountFen,
    fromMonth: p.fromMonth,
    toMonth: p.period === 'once' ? p.fromMonth : null,
    status: 'active',
    createdBy: p.createdBy,
  });
  if (p.period === 'once') {
    await store.insertPayment(tx, { planId: plan.id, caseId: p.caseId, householdId: p.householdId, payeePersonId: p.payeePersonId, jurisdictionCode: p.jurisdictionCode, program: p.program, month: p.fromMonth, kind: 'once', amountFen: p.amountFen, status: 'pending' });
  }
  await audit.record(tx, actor, {
    action: 'start_plan',
    entity: 'payment_plan',
    entityId: plan.id,
    jurisdictionCode: plan.jurisdictionCode,
    changes: { caseId: { before: null, after: p.caseId }, period: { before: null, after: p.period }, amountFen: { before: null, after: p.amountFen }, fromMonth: { before: null, after: p.fromMonth } },
  });
  return { planId: plan.id };
}

/** 先行救助: paid at once from the township reserve fund (the case service keeps the fund), recorded as paid. */
export async function recordPrepaymentAs(audit: AuditRecorder, tx: DbOrTx, p: Omit<PlanStart, 'period' | 'fromMonth'> & { month: string }, actor: Actor, paidOn = todayLocal()): Promise<{ paymentId: number }> {
  const problems: FieldProblem[] = [];
  checkFen(p.amountFen, 'amountFen', problems);
  if (!isMonth(p.month)) problems.push({ field: 'month', message: 'a month as YYYY-MM', messageZh: '月份格式应为 YYYY-MM' });
  if (problems.length) throw validationFailed(problems);
  const row = await store.insertPayment(tx, { planId: null, caseId: p.caseId, householdId: p.householdId, payeePersonId: p.payeePersonId, jurisdictionCode: p.jurisdictionCode, program: p.program, month: p.month, kind: 'prepay', amountFen: p.amountFen, status: 'paid', paidOn });
  await audit.record(tx, actor, { action: 'prepay', entity: 'payment', entityId: row.id, jurisdictionCode: row.jurisdictionCode, changes: { caseId: { before: null, after: p.caseId }, amountFen: { before: null, after: p.amountFen } }, reason: '先行救助（乡镇临时救助备用金）' });
  return { paymentId: row.id };
}

/**
 * 金额调整 from a month: the running monthly plan ends with the month before, a new plan (same
 * state: a suspended plan stays suspended) pays the new amount from fromMonth. Months from
 * fromMonth already generated are settled at once (ledger.retroactiveAdjustment): unsent ones are
 * replaced at the new amount, paid ones get the difference or an over-payment record.
 */
export async function adjustPlansAs(audit: AuditRecorder, tx: DbOrTx, caseId: number, amountFen: number, fromMonth: string, reason: string, actor: Actor): Promise<{ planId: number }> {
  const problems: FieldProblem[] = [];
  checkFen(amountFen, 'amountFen', problems);
  if (!isMonth(fromMonth)) problems.push({ field: 'fromMonth', message: 'a month as YYYY-MM', messageZh: '月份格式应为 YYYY-MM' });
  checkReason(reason, problems);
  if (problems.length) throw validationFailed(problems);
  const current = liveMonthlyPlan(await store.lockPlansOfCase(tx, caseId));
  if (fromMonth < current.fromMonth) throw validationFailed([{ field: 'fromMonth', message: `before the plan's first month ${current.fromMonth}`, messageZh: `早于该计划的起始月份 ${current.fromMonth}` }]);
  if (current.toMonth !== null && fromMonth > current.toMonth) throw validationFailed([{ field: 'fromMonth', message: `after the plan's last month ${current.toMonth}`, messageZh: `晚于该计划的终止月份 ${current.toMonth}` }]);
  if (amountFen === current.amountFen) throw validationFailed([{ field: 'amountFen', message: 'the amount is unchanged', messageZh: '金额未变化' }]);

  await store.updatePlan(tx, current.id, { status: 'ended', toMonth: previousMonth(fromMonth), statusReason: `金额调整：${reason}` });
  const suspended = current.status === 'suspended';
  const next = await store.insertPlan(tx, {
    caseId, householdId: current.householdId, payeePersonId: current.payeePersonId, jurisdictionCode: current.jurisdictionCode, program: current.program,
    period: 'monthly', amountFen, fromMonth, toMonth: current.toMonth, status: current.status, statusReason: current.status === 'active' ? null : current.statusReason,
    createdBy: actor.kind === 'user' ? actor.id : null,
  });
  const retro = retroactiveAdjustment(await store.lockCaseRows(tx, caseId, fromMonth), amountFen);
  await store.cancelPayments(tx, retro.cancel, `金额调整：${reason}`);
  await store.insertPayments(tx, retro.insert.map((r) => ({
    planId: next.id, caseId, householdId: current.householdId, payeePersonId: current.payeePersonId, jurisdictionCode: current.jurisdictionCode, program: current.program,
    month: r.month, kind: r.kind, amountFen: r.amountFen, status: r.status, failureReason: r.status === 'held' ? (suspended ? current.statusReason : '暂停') : null,
  })));
  if (retro.overpaidFen > 0) {
    await openOverpayment(audit, tx, next, retro.overpaidFen, `金额调整（${fromMonth} 起 ${formatYuan(current.amountFen)} → ${formatYuan(amountFen)} 元）前已按原金额发放 ${retro.overpaidMonths.join('、')}：${reason}`, actor);
  }
  await audit.record(tx, actor, {
    action: 'adjust_plan', entity: 'payment_plan', entityId: next.id, jurisdictionCode: next.jurisdictionCode, reason,
    changes: { amountFen: { before: current.amountFen, after: amountFen }, fromMonth: { before: current.fromMonth, after: fromMonth }, replacesPlan: { before: null, after: current.id } },
  });
  return { planId: next.id };
}

/**
 * 终止: every plan of the case ends with lastMonth (the stop month itself is paid in full:
 * lastPaymentMonth). Later months not yet sent, or failed, are cancelled; later months already
 * paid become an over-payment to recover. A case without plans is left as it is.
 */
export async function stopPlansAs(audit: AuditRecorder, tx: DbOrTx, caseId: number, lastMonth: string, reason: string, actor: Actor): Promise<{ stopped: number; cancelled: number; overpaidFen: number }> {
  const problems: FieldProblem[] = [];
  if (!isMonth(lastMonth)) problems.push({ field: 'lastMonth', message: 'a month as YYYY-MM', messageZh: '月份格式应为 YYYY-MM' });
  checkReason(reason, problems);
  if (problems.length) throw validationFailed(problems);
  const plans = await store.lockPlansOfCase(tx, caseId);
  if (plans.length === 0) return { stopped: 0, cancelled: 0, overpaidFen: 0 };
  let stopped = 0;
  for (const plan of plans) {
    const live = isLive(plan);
    if (!live && (plan.toMonth === null || plan.toMonth <= lastMonth)) continue;
    const toMonth = plan.toMonth !== null && plan.toMonth < lastMonth ? plan.toMonth : lastMonth;
    await store.updatePlan(tx, plan.id, { toMonth, ...(live ? { status: 'stopped', statusReason: reason } : {}) });
    await audit.record(tx, actor, { action: 'stop_plan', entity: 'payment_plan', entityId: plan.id, jurisdictionCode: plan.jurisdictionCode, reason, changes: { status: { before: plan.status, after: live ? 'stopped' : plan.status }, toMonth: { before: plan.toMonth, after: toMonth } } });
    if (live) stopped++;
  }
  const effect = stopEffect(await store.lockCaseRows(tx, caseId, nextMonth(lastMonth)), lastMonth);
  await store.cancelPayments(tx, effect.cancel, `终止：${reason}`);
  if (effect.overpaidFen > 0) {
    await openOverpayment(audit, tx, plans[plans.length - 1]!, effect.overpaidFen, `终止（最后发放月份 ${lastMonth}）后已发放 ${effect.overpaidMonths.join('、')}：${reason}`, actor);
  }
  return { stopped, cancelled: effect.cancel.length, overpaidFen: effect.overpaidFen };
}

/** A township asks the county to suspend (暂停); payment goes on until the county decides. */
export async function proposeSuspensionAs(audit: AuditRecorder, tx: DbOrTx, caseId: number, reason: string, actor: Actor): Promise<store.PlanRow> {
  const problems: FieldProblem[] = [];
  checkReason(reason, problems);
  if (problems.length) throw validationFailed(problems);
  const plan = liveMonthlyPlan(await store.lockPlansOfCase(tx, caseId));
  if (plan.status !== 'active') throw new AppError('conflict', `The plan is already ${plan.status === 'suspended' ? 'suspended' : 'proposed for suspension'}`, plan.status === 'suspended' ? '该计划已暂停' : '已提出暂停建议，等待县级决定');
  const updated = await store.updatePlan(tx, plan.id, { status: 'suspension_proposed', statusReason: reason });
  await audit.record(tx, actor, { action: 'propose_suspension', entity: 'payment_plan', entityId: plan.id, jurisdictionCode: plan.jurisdictionCode, reason, changes: { status: { before: plan.status, after: updated.status } } });
  return updated;
}

/** The county declines a proposed suspension: the plan is simply active again. */
export async function declineSuspensionAs(audit: AuditRecorder, tx: DbOrTx, caseId: number, reason: string, actor: Actor): Promise<store.PlanRow> {
  const problems: FieldProblem[] = [];
  checkReason(reason, problems);
  if (problems.length) throw validationFailed(problems);
  const plan = liveMonthlyPlan(await store.lockPlansOfCase(tx, caseId));
  if (plan.status !== 'suspension_proposed') throw new AppError('conflict', 'No suspension is proposed for this case', '该案件没有待决定的暂停建议');
  const updated = await store.updatePlan(tx, plan.id, { status: 'active', statusReason: null });
  await audit.record(tx, actor, { action: 'decline_suspension', entity: 'payment_plan', entityId: plan.id, jurisdictionCode: plan.jurisdictionCode, reason, changes: { status: { before: plan.status, after: 'active' } } });
  return updated;
}

/**
 * 暂停: the monthly plan is suspended; its payments not yet in a batch for months from `fromMonth`
 * on (all of them when omitted) are held, and months generated while suspended are held too.
 */
export async function suspendAs(audit: AuditRecorder, tx: DbOrTx, caseId: number, reason: string, actor: Actor, fromMonth?: Month): Promise<store.PlanRow> {
  const problems: FieldProblem[] = [];
  checkReason(reason, problems);
  if (fromMonth !== undefined && !isMonth(fromMonth)) problems.push({ field: 'fromMonth', message: 'a month as YYYY-MM', messageZh: '月份格式应为 YYYY-MM' });
  if (problems.length) throw validationFailed(problems);
  const plan = liveMonthlyPlan(await store.lockPlansOfCase(tx, caseId));
  if (plan.status === 'suspended') throw new AppError('conflict', 'The plan is already suspended', '该计划已暂停');
  const updated = await store.updatePlan(tx, plan.id, { status: 'suspended', statusReason: reason });
  const pending = await store.pendingRowsOfPlans(tx, [plan.id], fromMonth ?? '0000-01');
  await store.setPaymentStatus(tx, pending.map((r) => r.id), { status: 'held', failureReason: reason });
  await audit.record(tx, actor, { action: 'suspend_plan', entity: 'payment_plan', entityId: plan.id, jurisdictionCode: plan.jurisdictionCode, reason, changes: { status: { before: plan.status, after: 'suspended' }, heldPayments: { before: null, after: pending.length } } });
  return updated;
}

/**
 * 恢复: the plan pays again. Held months from `fromMonth` on are released into the next batch;
 * earlier held months are paid only with backPay (补发), otherwise cancelled.
 */
export async function resumeAs(audit: AuditRecorder, tx: DbOrTx, caseId: number, fromMonth: Month, backPay: boolean, reason: string, actor: Actor): Promise<store.PlanRow> {
  assertMonth(fromMonth, 'fromMonth');
  const problems: FieldProblem[] = [];
  checkReason(reason, problems);
  if (problems.length) throw validationFailed(problems);
  const plan = liveMonthlyPlan(await store.lockPlansOfCase(tx, caseId));
  if (plan.status !== 'suspended') throw new AppError('conflict', 'The plan is not suspended', '该计划未暂停');
  const updated = await store.updatePlan(tx, plan.id, { status: 'active', statusReason: null });
  const { release, cancel } = releaseOnResume(await store.heldRowsOfPlans(tx, [plan.id]), fromMonth, backPay);
  await store.setPaymentStatus(tx, release, { status: 'pending', failureReason: null });
  await store.cancelPayments(tx, cancel, `暂停期间不补发：${reason}`);
  await audit.record(tx, actor, { action: 'resume_plan', entity: 'payment_plan', entityId: plan.id, jurisdictionCode: plan.jurisdictionCode, reason, changes: { status: { before: 'suspended', after: 'active' }, released: { before: null, after: release.length }, notPaid: { before: null, after: cancel.length } } });
  return updated;
}

/**
 * The month's payments of every monthly plan in a county (see ledger.dueRows): idempotent (a plan
 * has one row per month and kind, and a covered month is never paid twice), arrears included.
 */
export async function generateMonthIn(audit: AuditRecorder, tx: DbOrTx, county: string, month: Month, actor: Actor): Promise<{ monthly: number; arrears: number; held: number }> {
  assertMonth(month, 'month');
  await store.lockCounty(tx, county);
  const candidates = (await store.plansForGeneration(tx, county, month))
    .map((p) => ({ row: p, plan: { period: 'monthly' as const, fromMonth: p.fromMonth, toMonth: p.toMonth, status: p.status as PlanStatus } }))
    .map((c) => ({ ...c, window: generationWindow(c.plan, month, c.row.lastOwnMonth) }))
    .filter((c) => c.window !== null);
  // Usually just this month per plan; only plans that started late look further back.
  const covered = await store.coveredMonths(tx, candidates.map((c) => ({ caseId: c.row.caseId, month: c.window!.start })));
  const rows: store.PaymentInsert[] = [];
  for (const { row: plan, plan: like } of candidates) {
    const due = dueRows(like, month, plan.lastOwnMonth, (m) => covered.has(`${plan.caseId}:${m}`));
    for (const d of due) {
      rows.push({ planId: plan.id, caseId: plan.caseId, householdId: plan.householdId, payeePersonId: plan.payeePersonId, jurisdictionCode: plan.jurisdictionCode, program: plan.program, month: d.month, kind: d.kind, amountFen: plan.amountFen, status: d.status, failureReason: d.status === 'held' ? plan.statusReason : null });
    }
  }
  const inserted = await store.insertPayments(tx, rows);
  const counts = { monthly: inserted.filter((r) => r.kind === 'monthly' && r.status === 'pending').length, arrears: inserted.filter((r) => r.kind === 'arrears' && r.status === 'pending').length, held: inserted.filter((r) => r.status === 'held').length };
  await audit.record(tx, actor, { action: 'generate', entity: 'payment_month', entityId: `${county}:${month}`, jurisdictionCode: county, reason: `monthly ${counts.monthly}, arrears ${counts.arrears}, held ${counts.held}` });
  return counts;
}
