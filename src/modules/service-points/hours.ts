// Opening hours and "open now": pure functions, no I/O. Hours are ranges per ISO weekday
// (1 = Monday … 7 = Sunday) in local time (Asia/Shanghai), 'HH:MM' to 'HH:MM' with '24:00' for
// midnight at the end of the day; a night across midnight is two ranges (20:00–24:00, 00:00–08:00
// the next day). The holiday rule applies the national calendar (lib/workdays.ts):
//   as_usual            the weekly hours every day (most 爱心驿站, the 24-hour 救助站);
//   closed_on_holidays  closed on statutory days off (春节, 国庆 …), weekly hours otherwise;
//   workdays            a government office: closed on days off, and on a 调休 make-up working
//                       day (a Saturday or Sunday) open with Monday's hours.
import { holidayOn, isWorkday, OutsideCalendarError, weekday, type WorkCalendar } from '../../lib/workdays.ts';
import type { FieldProblem } from '../../platform/errors.ts';

export type Range = { day: number; opens: string; closes: string };
export type HolidayRule = 'as_usual' | 'closed_on_holidays' | 'workdays';
export const HOLIDAY_RULES = ['as_usual', 'closed_on_holidays', 'workdays'] as const;
export type Schedule = { alwaysOpen: boolean; hours: readonly Range[]; holidayRule: HolidayRule };
export type Status = { status: 'open' | 'temporarily_closed' | 'closed'; closedUntil: string | null };

export const TIME = /^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/;
const minutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));

/** Problems with a week of hours: end not after start, overlapping ranges on a day. */
export function checkHours(hours: readonly Range[], field = 'hours'): FieldProblem[] {
  const problems: FieldProblem[] = [];
  hours.forEach((r, i) => {
    if (r.closes !== '24:00' && r.opens === '24:00') problems.push({ field: `${field}.${i}.opens`, message: 'a range cannot open at 24:00', messageZh: '开始时间不能是 24:00' });
    else if (minutes(r.closes) <= minutes(r.opens)) problems.push({ field: `${field}.${i}.closes`, message: `must be after the opening time ${r.opens} (a night across midnight is two ranges)`, messageZh: `须晚于开始时间 ${r.opens}（跨夜请分为两段）` });
  });
  for (let day = 1; day <= 7; day++) {
    const ranges = hours.map((r, i) => ({ ...r, i })).filter((r) => r.day === day).sort((a, b) => minutes(a.opens) - minutes(b.opens));
    for (let k = 1; k < ranges.length; k++) {
      const prev = ranges[k - 1]!;
      const cur = ranges[k]!;
      if (minutes(cur.opens) < minutes(prev.closes)) {
        problems.push({ field: `${field}.${cur.i}.opens`, message: `overlaps ${prev.opens}–${prev.closes} on the same day`, messageZh: `与同日 ${prev.opens}–${prev.closes} 重叠` });
      }
    }
  }
  return problems;
}

/** The local date and minute of an instant in Asia/Shanghai (UTC+8 all year). */
export function localMoment(at: Date): { date: string; minute: number } {
  const shifted = new Date(at.getTime() + 8 * 3_600_000);
  return { date: shifted.toISOString().slice(0, 10), minute: shifted.getUTCHours() * 60 + shifted.getUTCMinutes() };
}

export type DayKind = 'ordinary' | 'holiday' | 'make_up_workday' | 'calendar_unknown';

/** What the calendar says of a date: a day off (with its holiday), a make-up working day, or ordinary. */
export function dayKind(cal: WorkCalendar, date: string): { kind: DayKind; holiday: { zh: string; en: string } | null } {
  try {
    const holiday = holidayOn(cal, date);
    if (holiday) return { kind: 'holiday', holiday };
    const dow = weekday(date);
    if ((dow === 0 || dow === 6) && isWorkday(cal, date)) return { kind: 'make_up_workday', holiday: null };
    return { kind: 'ordinary', holiday: null };
  } catch (err) {
    // A year the calendar does not have: the weekly hours stand, and the answer says so.
    if (err instanceof OutsideCalendarError) return { kind: 'calendar_unknown', holiday: null };
    throw err;
  }
}

const isoDay = (date: string) => weekday(date) || 7;

/** The ranges a point keeps on a date (empty: closed all day). */
export function hoursOn(s: Schedule, cal: WorkCalendar, date: string): { ranges: { opens: string; closes: string }[]; kind: DayKind; holiday: { zh: string; en: string } | null } {
  const { kind, holiday } = dayKind(cal, date);
  if (s.alwaysOpen) return { ranges: [{ opens: '00:00', closes: '24:00' }], kind, holiday };
  let day = isoDay(date);
  if (kind === 'holiday' && s.holidayRule !== 'as_usual') return { ranges: [], kind, holiday };
  if (kind === 'make_up_workday' && s.holidayRule === 'workdays') day = 1;
  const ranges = s.hours.filter((r) => r.day === day).map((r) => ({ opens: r.opens, closes: r.closes })).sort((a, b) => minutes(a.opens) - minutes(b.opens));
  return { ranges, kind, holiday };
}

export type OpenNow = {
  open: boolean;
  /** Why closed when the hours alone would not say: temporarily closed, a holiday. */
  reason: 'temporarily_closed' | 'closed' | 'holiday' | 'outside_hours' | null;
  /** Until when today's current range runs ('24:00' for the end of the day). */
  closesAt: string | null;
  today: { opens: string; closes: string }[];
  dayKind: DayKind;
  holiday: { zh: string; en: string } | null;
};

/** Whether the point is open at `at`: status first, then the day's ranges. */
export function openAt(s: Schedule & Status, cal: WorkCalendar, at: Date): OpenNow {
  const { date, minute } = localMoment(at);
  const day = hoursOn(s, cal, date);
  const base = { today: day.ranges, dayKind: day.kind, holiday: day.holiday };
  if (s.status === 'closed') return { open: false, reason: 'closed', closesAt: null, ...base };
  if (s.status === 'temporarily_closed' && (s.closedUntil === null || date <= s.closedUntil)) return { open: false, reason: 'temporarily_closed', closesAt: null, ...base };
  const now = day.ranges.find((r) => minutes(r.opens) <= minute && minute < minutes(r.closes));
  if (now) return { open: true, reason: null, closesAt: now.closes, ...base };
  return { open: false, reason: day.kind === 'holiday' && day.ranges.length === 0 ? 'holiday' : 'outside_hours', closesAt: null, ...base };
}
