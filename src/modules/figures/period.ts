// A figure's period from its text: a month ('2026-11'), a range of months ('2026-01..2026-11') or
// of days ('2026-01-15..2026-02-14'). Pure: the service turns problems into a 400 naming `period`.
export type Period = { from: string; to: string; text: string };
export type PeriodProblem = { en: string; zh: string };

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export function lastDayOfMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${month}-${String(days).padStart(2, '0')}`;
}

function realDay(day: string): boolean {
  const d = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === day;
}

/** Parses and checks a period against today (local date): not in the future, not reversed. */
export function parsePeriod(text: string | undefined, today: string): Period | PeriodProblem {
  const raw = (text ?? today.slice(0, 7)).trim();
  const [a, b, ...rest] = raw.split('..');
  if (rest.length > 0 || a === undefined) return bad(raw);
  const start = bound(a, 'start');
  const end = bound(b ?? a, 'end');
  if (!start || !end) return bad(raw);
  if (start < '1900-01-01' || end > '2100-12-31') return { en: 'period must lie between 1900 and 2100', zh: '统计期须在1900年至2100年之间' };
  if (start > end) return { en: `period is reversed: ${start} is after ${end}`, zh: `统计期起止颠倒：${start} 晚于 ${end}` };
  if (start > today) return { en: `period ${raw} lies in the future (today is ${today})`, zh: `统计期 ${raw} 尚未开始（今天是 ${today}）` };
  // The month (or range) in progress counts up to today: figures are as of the period's end.
  return { from: start, to: end < today ? end : today, text: raw };
}

function bound(part: string, side: 'start' | 'end'): string | undefined {
  const p = part.trim();
  if (MONTH.test(p)) return side === 'start' ? `${p}-01` : lastDayOfMonth(p);
  if (DAY.test(p) && realDay(p)) return p;
  return undefined;
}

function bad(raw: string): PeriodProblem {
  return { en: `period "${raw}" is not a month (YYYY-MM) or a range (YYYY-MM..YYYY-MM, YYYY-MM-DD..YYYY-MM-DD)`, zh: `统计期“${raw}”应为月份（YYYY-MM）或区间（YYYY-MM..YYYY-MM、YYYY-MM-DD..YYYY-MM-DD）` };
}

/** The months a period touches, each clipped to the period: the by-month breakdown. */
export function monthsOf(p: { from: string; to: string }): { month: string; from: string; to: string }[] {
  const out: { month: string; from: string; to: string }[] = [];
  let month = p.from.slice(0, 7);
  while (month <= p.to.slice(0, 7)) {
    const first = `${month}-01`;
    const last = lastDayOfMonth(month);
    out.push({ month, from: first > p.from ? first : p.from, to: last < p.to ? last : p.to });
    const [y, m] = month.split('-').map(Number) as [number, number];
    month = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  }
  return out;
}

export function isProblem(p: Period | PeriodProblem): p is PeriodProblem {
  return 'en' in p;
}
