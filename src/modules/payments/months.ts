// Months of the payment ledger, written 'YYYY-MM' (string order is month order). Pure: no clock,
// no I/O. A month is the unit of every monthly benefit: no partial months (policy-digest §1, §2, §4).
import { validationFailed } from '../../platform/errors.ts';

export type Month = string;

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isMonth(value: unknown): value is Month {
  return typeof value === 'string' && MONTH.test(value) && value >= '1900-01' && value <= '2999-12';
}

/** A month or a 400 naming the field, in both languages. */
export function assertMonth(value: unknown, field: string): asserts value is Month {
  if (!isMonth(value)) throw validationFailed([{ field, message: `a month as YYYY-MM, got ${JSON.stringify(value)}`, messageZh: `月份格式应为 YYYY-MM，收到 ${JSON.stringify(value)}` }]);
}

/** Months since year 0: '2025-01' → 24300. */
export function monthIndex(month: Month): number {
  return Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
}

export function monthOfIndex(index: number): Month {
  const y = Math.floor(index / 12);
  return `${String(y).padStart(4, '0')}-${String(index - y * 12 + 1).padStart(2, '0')}`;
}

/** '2025-12' + 1 → '2026-01'; negative n goes back. */
export function addMonths(month: Month, n: number): Month {
  return monthOfIndex(monthIndex(month) + n);
}

export function previousMonth(month: Month): Month {
  return addMonths(month, -1);
}

export function nextMonth(month: Month): Month {
  return addMonths(month, 1);
}

/** Every month from `from` to `to`, both included; empty when `to` is before `from`. */
export function monthsBetween(from: Month, to: Month): Month[] {
  const out: Month[] = [];
  for (let i = monthIndex(from), end = monthIndex(to); i <= end; i++) out.push(monthOfIndex(i));
  return out;
}

/** How many months from `from` to `to`, both included (0 when `to` is before `from`). */
export function monthCount(from: Month, to: Month): number {
  return Math.max(0, monthIndex(to) - monthIndex(from) + 1);
}

/** The month of a local date 'YYYY-MM-DD'. */
export function monthOfDate(date: string): Month {
  return date.slice(0, 7);
}

export function minMonth(a: Month, b: Month): Month {
  return a <= b ? a : b;
}

export function maxMonth(a: Month, b: Month): Month {
  return a >= b ? a : b;
}
