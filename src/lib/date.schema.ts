// The one set of zod fields for dates that come in: local dates, months and instants, all within
// 1900-01-01 … 2100-12-31. Outside that range a date is a typo (0000-01-01, 2O24 → 2024), and
// PostgreSQL refuses year 0 outright, which used to reach the database as a 500. Every route that
// takes a date uses these; the web's forms import them too. Browser-safe.
import { z } from 'zod';
import { bi } from './bilingual.ts';

export const DATE_MIN = '1900-01-01';
export const DATE_MAX = '2100-12-31';
const MONTH_MIN = DATE_MIN.slice(0, 7);
const MONTH_MAX = DATE_MAX.slice(0, 7);
/** The instants of the first and last local day's bounds (Asia/Shanghai, UTC+8). */
const INSTANT_MIN = Date.parse(`${DATE_MIN}T00:00:00+08:00`);
const INSTANT_MAX = Date.parse(`${DATE_MAX}T23:59:59.999+08:00`);

const outOfRange = bi(`must lie between ${DATE_MIN} and ${DATE_MAX}`, `须在 ${DATE_MIN} 至 ${DATE_MAX} 之间`);
const monthOutOfRange = bi(`must lie between ${MONTH_MIN} and ${MONTH_MAX}`, `须在 ${MONTH_MIN} 至 ${MONTH_MAX} 之间`);

/** A local date, YYYY-MM-DD, a real calendar day within the range. */
export const LocalDate = z.iso
  .date({ message: bi('a date as YYYY-MM-DD', '日期格式应为 YYYY-MM-DD'), abort: true })
  .refine((d) => d >= DATE_MIN && d <= DATE_MAX, { message: outOfRange })
  .describe(`local date (Asia/Shanghai), ${DATE_MIN} … ${DATE_MAX}`);

/** A month, YYYY-MM, within the range. */
export const YearMonth = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: bi('a month as YYYY-MM', '月份格式应为 YYYY-MM'), abort: true })
  .refine((m) => m >= MONTH_MIN && m <= MONTH_MAX, { message: monthOutOfRange })
  .describe(`month, ${MONTH_MIN} … ${MONTH_MAX}`);

/** W3C date-time: a date, optionally a time, optionally a zone (Asia/Shanghai when none is given). */
const W3C_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** The instant a W3C date-time stands for, or undefined when it is not a real one (2025-02-30, 25:00). */
export function parseInstant(value: string): Date | undefined {
  const m = W3C_DATE_TIME.exec(value.trim());
  if (!m) return undefined;
  const [, y, mo, d, h = '00', mi = '00', sec = '00', zone] = m;
  const day = new Date(0);
  day.setUTCFullYear(Number(y), Number(mo) - 1, Number(d)); // Date.UTC would read years 0–99 as 1900–1999
  if (day.getUTCFullYear() !== Number(y) || day.getUTCMonth() !== Number(mo) - 1 || day.getUTCDate() !== Number(d)) return undefined;
  if (Number(h) > 23 || Number(mi) > 59 || Number(sec) > 59) return undefined;
  const text = m[4] === undefined ? `${y}-${mo}-${d}T00:00:00` : value.trim().replace(' ', 'T');
  const t = Date.parse(zone ? text : `${text}+08:00`);
  return Number.isNaN(t) ? undefined : new Date(t);
}

/** Whether the instant lies within the range (its local day between DATE_MIN and DATE_MAX). */
export function instantInRange(instant: Date): boolean {
  const t = instant.getTime();
  return t >= INSTANT_MIN && t <= INSTANT_MAX;
}

/** An instant as text (W3C date-time such as 2025-01-31T09:00:00+08:00), within the range. */
export const InstantText = z
  .string()
  .max(40)
  .refine((s) => parseInstant(s) !== undefined, { message: bi('a date-time such as 2025-01-31T09:00:00+08:00', '日期时间格式应如 2025-01-31T09:00:00+08:00'), abort: true })
  .refine((s) => instantInRange(parseInstant(s)!), { message: outOfRange })
  .describe(`W3C date-time (Asia/Shanghai when no zone is given), ${DATE_MIN} … ${DATE_MAX}`);
