// Loads the holiday calendar (policy/calendar/cn-holidays.yaml) and checks it before anything
// counts on it: a typo in a date would move every deadline around that holiday, silently.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { addCalendarDays, buildWorkCalendar, isWeekend, type CalendarYear, type WorkCalendar } from './workdays.ts';

export const HOLIDAYS_FILE = resolve(import.meta.dirname, '../../policy/calendar/cn-holidays.yaml');

export class CalendarDataError extends Error {
  readonly messageZh: string;
  constructor(message: string, messageZh: string) {
    super(`${message} / ${messageZh}`);
    this.name = 'CalendarDataError';
    this.messageZh = messageZh;
  }
}

const Day = z.iso.date();
const CalendarFile = z.strictObject({
  years: z
    .array(
      z.strictObject({
        year: z.int().min(2000).max(2100),
        status: z.enum(['official', 'provisional']),
        source: z.string().min(1),
        holidays: z.array(z.strictObject({ zh: z.string().min(1), en: z.string().min(1), from: Day, to: Day })).min(1),
        workdays: z.array(z.strictObject({ date: Day, for: z.string().min(1) })),
      }),
    )
    .min(1),
});

/** The calendar's years from the file's text; throws CalendarDataError naming the first problem. */
export function parseHolidayFile(text: string, fileName = 'cn-holidays.yaml'): CalendarYear[] {
  const fail = (en: string, zh: string): never => {
    throw new CalendarDataError(`${fileName}: ${en}`, `${fileName}：${zh}`);
  };
  let raw: unknown;
  try {
    raw = parse(text);
  } catch (e) {
    return fail(`not valid YAML: ${(e as Error).message}`, `不是有效的 YAML：${(e as Error).message}`);
  }
  const parsed = CalendarFile.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return fail(`${issue.path.join('.')}: ${issue.message}`, `${issue.path.join('.')}：${issue.message}`);
  }

  const seenYears = new Set<number>();
  const out: CalendarYear[] = [];
  for (const y of parsed.data.years) {
    const at = (what: string) => `${y.year} ${what}`;
    if (seenYears.has(y.year)) fail(`year ${y.year} is listed twice`, `${y.year} 年重复出现`);
    seenYears.add(y.year);
    const inYear = (d: string) => d.startsWith(`${y.year}-`);

    const dayOff = new Map<string, string>();
    for (const h of y.holidays) {
      if (!inYear(h.from) || !inYear(h.to)) fail(`${at(h.zh)}: ${h.from}–${h.to} is not within ${y.year}`, `${at(h.zh)}：${h.from} 至 ${h.to} 不在 ${y.year} 年内`);
      if (h.to < h.from) fail(`${at(h.zh)}: ends (${h.to}) before it starts (${h.from})`, `${at(h.zh)}：结束日 ${h.to} 早于开始日 ${h.from}`);
      for (let d = h.from; d <= h.to; d = addCalendarDays(d, 1)) {
        const other = dayOff.get(d);
        if (other !== undefined) fail(`${at(h.zh)}: ${d} is already a day off for ${other}`, `${at(h.zh)}：${d} 已是${other}假期`);
        dayOff.set(d, h.zh);
      }
    }

    const names = new Set(y.holidays.map((h) => h.zh));
    const seenWorkdays = new Set<string>();
    for (const w of y.workdays) {
      if (!inYear(w.date)) fail(`${at('make-up workday')} ${w.date} is not within ${y.year}`, `${at('调休上班日')} ${w.date} 不在 ${y.year} 年内`);
      if (seenWorkdays.has(w.date)) fail(`${at('make-up workday')} ${w.date} is listed twice`, `${at('调休上班日')} ${w.date} 重复`);
      seenWorkdays.add(w.date);
      const off = dayOff.get(w.date);
      if (off !== undefined) fail(`${w.date} is both a day off (${off}) and a make-up workday`, `${w.date} 既是${off}假期又是调休上班日`);
      // A make-up day on a weekday would change nothing: it is a typo for another date.
      if (!isWeekend(w.date)) fail(`make-up workday ${w.date} is not a Saturday or Sunday`, `调休上班日 ${w.date} 不是周六或周日`);
      if (!names.has(w.for)) fail(`make-up workday ${w.date} is for "${w.for}", not a holiday of ${y.year}`, `调休上班日 ${w.date} 对应的“${w.for}”不是 ${y.year} 年的节日`);
    }

    out.push({
      year: y.year,
      status: y.status,
      source: y.source,
      holidays: y.holidays.map((h) => ({ name: { zh: h.zh, en: h.en }, from: h.from, to: h.to })),
      workdays: y.workdays.map((w) => ({ date: w.date, for: w.for })),
    });
  }
  return out;
}

const cache = new Map<string, WorkCalendar>();

/** The calendar in the file (read and checked once per path, then cached). */
export function loadWorkCalendar(path: string = HOLIDAYS_FILE): WorkCalendar {
  const key = resolve(path);
  let cal = cache.get(key);
  if (!cal) {
    cal = buildWorkCalendar(parseHolidayFile(readFileSync(key, 'utf8'), key));
    cache.set(key, cal);
  }
  return cal;
}

/** The repository's calendar (policy/calendar/cn-holidays.yaml). */
export function defaultWorkCalendar(): WorkCalendar {
  return loadWorkCalendar(HOLIDAYS_FILE);
}
