// The payment ledger's rules as pure functions over plain rows: which months a plan pays when a
// month is generated (arrears included), what an adjustment or a stop does to months already
// generated, batch totals and over-payment recoveries. Money is integer 分; months 'YYYY-MM'.
// No I/O, no clock: the store reads the rows, these decide, the store writes.
import { AppError, validationFailed } from '../../platform/errors.ts';
import { formatYuan } from '../policy/engine/money.ts';
import { monthsBetween, minMonth, maxMonth, nextMonth, type Month } from './months.ts';

/** active → (suspension_proposed) → suspended ⇄ active; stopped (终止) and ended (replaced by an adjustment) are final. */
export const PLAN_STATUSES = ['active', 'suspension_proposed', 'suspended', 'stopped', 'ended'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];
/** Plans still running: a month generated for them is paid (or held while suspended). */
export const LIVE_PLAN_STATUSES: readonly PlanStatus[] = ['active', 'suspension_proposed', 'suspended'];

/**
 * monthly: a plan's month; once: a one-off (临时救助); prepay: 先行救助 paid from the reserve fund;
 * arrears: a month the plan covered but that was generated before the plan existed (补发);
 * adjustment: the difference owed for a month already paid when an amount is raised retroactively;
 * reissue: a failed payment sent again in a later batch (the failed row stays in its batch as 'reissued').
 */
export const PAYMENT_KINDS = ['monthly', 'once', 'prepay', 'arrears', 'adjustment', 'reissue'] as const;
export type PaymentKind = (typeof PAYMENT_KINDS)[number];

/**
 * pending: waiting for a batch; held: a month generated while the plan was suspended (暂停, not
 * paid unless released on resume); in_batch: in a bank file; paid / failed: the bank's result;
 * reissued: failed and sent again as a new 'reissue' row; cancelled: will not be paid.
 */
export const PAYMENT_STATUSES = ['pending', 'held', 'in_batch', 'paid', 'failed', 'reissued', 'cancelled'] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];
/** A batch item in one of these has its result: the batch closes when every item has one. */
export const FINAL_STATUSES: readonly PaymentStatus[] = ['paid', 'failed', 'reissued', 'cancelled'];

/** Kinds that pay a month of a plan: a month with one of these (not cancelled) is covered. */
export const COVERING_KINDS: readonly PaymentKind[] = ['monthly', 'arrears', 'once'];

export type PlanLike = { period: 'monthly' | 'once'; fromMonth: Month; toMonth: Month | null; status: PlanStatus };

/** Does the plan pay this month (from its first month to its last, when it has one)? */
export function planCovers(plan: Pick<PlanLike, 'fromMonth' | 'toMonth'>, month: Month): boolean {
  return plan.fromMonth <= month && (plan.toMonth === null || month <= plan.toMonth);
}

export type DueRow = { month: Month; kind: 'monthly' | 'arrears'; status: 'pending' | 'held' };

/**
 * What generating `month` adds for one monthly plan. The month itself is 'monthly'; every earlier
 * month the plan covers that nothing pays yet is 'arrears', once (a plan approved after its first
 * months were generated, or a month the county skipped). Only months after the plan's last own
 * row are looked at: generation always covers every month up to the one generated, so earlier
 * gaps are deliberate (a month held and not released, a cancelled payment) and stay unpaid.
 * `covered(m)`: the case already has a payment for m (another plan's, e.g. before an adjustment).
 * A suspended plan's months are 'held', not paid.
 */
export function dueRows(plan: PlanLike, month: Month, lastOwnMonth: Month | null, covered: (m: Month) => boolean): DueRow[] {
  const window = generationWindow(plan, month, lastOwnMonth);
  if (!window) return [];
  const { start, end } = window;
  const status = plan.status === 'suspended' ? 'held' : 'pending';
  return monthsBetween(start, end)
    .filter((m) => !covered(m))
    .map((m) => ({ month: m, kind: m === month ? 'monthly' : 'arrears', status }));
}

/** The months generating `month` looks at for a plan (see dueRows), or null when there are none. */
export function generationWindow(plan: PlanLike, month: Month, lastOwnMonth: Month | null): { start: Month; end: Month } | null {
  if (plan.period !== 'monthly') return null;
  const start = lastOwnMonth === null ? plan.fromMonth : maxMonth(plan.fromMonth, nextMonth(lastOwnMonth));
  const end = plan.toMonth === null ? month : minMonth(plan.toMonth, month);
  return start <= end ? { start, end } : null;
}

/** A payment of a case for one month, as the retroactive rules see it. */
export type MonthRow = { id: number; month: Month; kind: PaymentKind; status: PaymentStatus; amountFen: number };

export type Retroaction = {
  /** Rows not yet sent (pending, held) or sent and failed: cancelled. */
  cancel: number[];
  /** Rows the new plan adds: a replacement month at the new amount, or the difference owed. */
  insert: { month: Month; kind: 'monthly' | 'adjustment'; amountFen: number; status: 'pending' | 'held' }[];
  /** Paid (or in a bank file) beyond the new amount: to recover. */
  overpaidFen: number;
  overpaidMonths: Month[];
};

/**
 * An amount changed from a month already generated (金额调整, possibly retroactive). For each such
 * month the case ends up paid exactly the new amount: what is not yet sent or failed is cancelled
 * and replaced at the new amount (held stays held); what is paid or in a bank file stays, and the
 * difference is paid as an 'adjustment' (raise) or recorded as an over-payment (cut).
 * Rows of kinds once and prepay are not monthly money and are ignored; cancelled and reissued
 * rows are history (a reissued row's money travels in its reissue row).
 */
export function retroactiveAdjustment(rows: readonly MonthRow[], newAmountFen: number): Retroaction {
  wholeFen(newAmountFen, 'amountFen');
  const out: Retroaction = { cancel: [], insert: [], overpaidFen: 0, overpaidMonths: [] };
  const byMonth = new Map<Month, MonthRow[]>();
  for (const r of rows) {
    if (r.kind === 'once' || r.kind === 'prepay' || r.status === 'cancelled' || r.status === 'reissued') continue;
    byMonth.set(r.month, [...(byMonth.get(r.month) ?? []), r]);
  }
  for (const month of [...byMonth.keys()].sort()) {
    const list = byMonth.get(month)!;
    const open = list.filter((r) => r.status === 'pending' || r.status === 'held' || r.status === 'failed');
    out.cancel.push(...open.map((r) => r.id));
    const committed = list.filter((r) => r.status === 'paid' || r.status === 'in_batch').reduce((s, r) => s + r.amountFen, 0);
    if (committed === 0) {
      if (open.length > 0) out.insert.push({ month, kind: 'monthly', amountFen: newAmountFen, status: open.some((r) => r.status === 'held') ? 'held' : 'pending' });
    } else if (newAmountFen > committed) {
      out.insert.push({ month, kind: 'adjustment', amountFen: newAmountFen - committed, status: 'pending' });
    } else if (newAmountFen < committed) {
      out.overpaidFen += committed - newAmountFen;
      out.overpaidMonths.push(month);
    }
  }
  return out;
}

export type StopEffect = { cancel: number[]; overpaidFen: number; overpaidMonths: Month[]; inBatch: number[] };

/**
 * A stop (终止) with `lastMonth` the last month paid: rows for later months not yet sent, or
 * failed, are cancelled; rows already paid are over-payments; rows in a bank file stay there
 * (the bank may have paid them) and become over-payments if the bank reports them paid.
 * A prepay (先行救助) is never undone by a stop.
 */
export function stopEffect(rows: readonly MonthRow[], lastMonth: Month): StopEffect {
  const out: StopEffect = { cancel: [], overpaidFen: 0, overpaidMonths: [], inBatch: [] };
  for (const r of rows) {
    if (r.month <= lastMonth || r.kind === 'prepay') continue;
    if (r.status === 'pending' || r.status === 'held' || r.status === 'failed') out.cancel.push(r.id);
    else if (r.status === 'paid') {
      out.overpaidFen += r.amountFen;
      if (!out.overpaidMonths.includes(r.month)) out.overpaidMonths.push(r.month);
    } else if (r.status === 'in_batch') out.inBatch.push(r.id);
  }
  out.overpaidMonths.sort();
  return out;
}

/** On resume from `fromMonth`: held months from then on are paid; earlier held months only with back pay (补发). */
export function releaseOnResume(held: readonly { id: number; month: Month }[], fromMonth: Month, backPay: boolean): { release: number[]; cancel: number[] } {
  const release: number[] = [];
  const cancel: number[] = [];
  for (const h of held) (backPay || h.month >= fromMonth ? release : cancel).push(h.id);
  return { release, cancel };
}

export type BatchFigures = {
  itemCount: number;
  totalFen: number;
  paidCount: number;
  paidFen: number;
  failedCount: number;
  failedFen: number;
  openCount: number;
  openFen: number;
  /** Every item has its result: the batch can close. */
  complete: boolean;
};

/** Totals of a batch from its items (status and amount), exact to the 分. 'reissued' items count as failed. */
export function batchFigures(items: readonly { status: string; amountFen: number; count?: number }[]): BatchFigures {
  const f: BatchFigures = { itemCount: 0, totalFen: 0, paidCount: 0, paidFen: 0, failedCount: 0, failedFen: 0, openCount: 0, openFen: 0, complete: true };
  for (const i of items) {
    const n = i.count ?? 1;
    wholeFen(i.amountFen, 'amountFen');
    f.itemCount += n;
    f.totalFen += i.amountFen;
    if (i.status === 'paid') {
      f.paidCount += n;
      f.paidFen += i.amountFen;
    } else if (i.status === 'failed' || i.status === 'reissued' || i.status === 'cancelled') {
      f.failedCount += n;
      f.failedFen += i.amountFen;
    } else {
      f.openCount += n;
      f.openFen += i.amountFen;
    }
  }
  f.complete = f.openCount === 0;
  if (!Number.isSafeInteger(f.totalFen)) throw new RangeError('batch total beyond 2^53 分');
  return f;
}

export type OverpaymentState = { amountFen: number; recoveredFen: number; status: string };

/** A partial (or final) recovery: whole 分, more than 0, never beyond what is owed; recovered in full → 'recovered'. */
export function applyRecovery(o: OverpaymentState, amountFen: number): { recoveredFen: number; status: 'open' | 'recovered' } {
  if (o.status !== 'open') throw new AppError('conflict', `This over-payment is ${o.status}; nothing more to recover`, `该笔多发款项已${o.status === 'recovered' ? '全部追回' : '核销'}，不能再登记追回`);
  if (!Number.isSafeInteger(amountFen) || amountFen <= 0) {
    throw validationFailed([{ field: 'amountFen', message: 'a whole number of 分 above 0', messageZh: '应为大于 0 的整数（分）' }]);
  }
  const outstanding = o.amountFen - o.recoveredFen;
  if (amountFen > outstanding) {
    throw validationFailed([{ field: 'amountFen', message: `only ${formatYuan(outstanding)} yuan is outstanding`, messageZh: `尚欠 ${formatYuan(outstanding)} 元，追回金额不能超过` }]);
  }
  const recoveredFen = o.recoveredFen + amountFen;
  return { recoveredFen, status: recoveredFen === o.amountFen ? 'recovered' : 'open' };
}

function wholeFen(fen: number, field: string): void {
  if (!Number.isSafeInteger(fen) || fen < 0) throw new RangeError(`${field} must be whole 分, not negative: ${fen}`);
}
