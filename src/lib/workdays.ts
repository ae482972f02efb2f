// Working days (工作日) on China's public-holiday calendar: pure functions over a WorkCalendar, no
// I/O (workdays.data.ts loads policy/calendar/cn-holidays.yaml). A day is a working day unless it
// is a holiday day off, or a Saturday or Sunday that is not a 调休 make-up working day.
// Dates are local dates (Asia/Shanghai) written 'YYYY-MM-DD'. A date in a year the calendar does
// not cover throws OutsideCalendarError: assuming "weekends only" there would silently move
// deadlines by a week around 春节 or 国庆.
//
// Counting follows 民法典 第二百零一条: the day of the event is not counted, so "3 working days"
// from a Friday ends on the following Wednesday. 第二百零三条 (a period whose last day is a
// holiday ends on the next working day) is extendToWorkday, for periods in calendar days.

export type IsoDate = string;
export type Text = { zh: string; en: string };
export type CalendarStatus = 'official' | 'provisional';

export type CalendarYear = {
  year: number;
  status: CalendarStatus;
  /** The notice the data comes from, or for a provisional year how it was derived. */
  source: string;
  holidays: { name: Text; from: IsoDate; to: IsoDate }[];
  workdays: { date: IsoDate; for: string }[];
};

export type WorkCalendar = {
  readonly years: ReadonlyMap<number, { status: CalendarStatus; source: string }>;
  /** Every day off of every break, with the holiday's name. */
  readonly daysOff: ReadonlyMap<IsoDate, Text>;
  /** Weekend days that are working days (调休上班). */
  readonly makeUpWorkdays: ReadonlySet<IsoDate>;
};

export class OutsideCalendarError extends RangeError {
  readonly date: IsoDate;
  readonly text: Text;
  constructor(date: IsoDate, covered: number[]) {
    const span = covered.length === 0 ? 'none' : `${covered[0]}–${covered[covered.length - 1]}`;
    const text = {
      en: `No holiday calendar for ${date.slice(0, 4)} (${date}); covered years: ${span}. Add the State Council holiday notice for that year to policy/calendar/cn-holidays.yaml.`,
      zh: `节假日日历未包含 ${date.slice(0, 4)} 年（${date}），已有年份：${span === 'none' ? '无' : span}。请将当年国务院办公厅节假日安排通知录入 policy/calendar/cn-holidays.yaml。`,
    };
    super(`${text.en} / ${text.zh}`);
    this.name = 'OutsideCalendarError';
    this.date = date;
    this.text = text;
  }
}

// ---------------------------------------------------------------------------------------------
// Date arithmetic on 'YYYY-MM-DD' (UTC arithmetic on local dates: no zone, no DST).

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** Epoch milliseconds of the date at 00:00 UTC; throws on a malformed or impossible date. */
export function dateMs(date: IsoDate): number {
  const m = DATE.exec(date);
  const ms = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : NaN;
  if (!m || Number.isNaN(ms) || isoDate(ms) !== date) {
    throw new RangeError(`not a date (YYYY-MM-DD): ${date} / 不是有效日期（应为 YYYY-MM-DD）：${date}`);
  }
  return ms;
}

function isoDate(ms: number): IsoDate {
  return new Date(ms).toISOString().slice(0, 10);
}

export function addCalendarDays(date: IsoDate, days: number): IsoDate {
  return isoDate(dateMs(date) + days * DAY_MS);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: IsoDate): number {
  return new Date(dateMs(date)).getUTCDay();
}

export function isWeekend(date: IsoDate): boolean {
  const d = weekday(date);
  return d === 0 || d === 6;
}

// ---------------------------------------------------------------------------------------------

/** The calendar from already-validated years (workdays.data.ts checks the file first). */
export function buildWorkCalendar(years: CalendarYear[]): WorkCalendar {
  const info = new Map<number, { status: CalendarStatus; source: string }>();
  const daysOff = new Map<IsoDate, Text>();
  const makeUpWorkdays = new Set<IsoDate>();
  for (const y of [...years].sort((a, b) => a.year - b.year)) {
    info.set(y.year, { status: y.status, source: y.source });
    for (const h of y.holidays) {
      for (let d = h.from; d <= h.to; d = addCalendarDays(d, 1)) daysOff.set(d, h.name);
    }
    for (const w of y.workdays) makeUpWorkdays.add(w.date);
  }
  return { years: info, daysOff, makeUpWorkdays };
}

/** Throws OutsideCalendarError unless the calendar has the date's year. */
function covered(cal: WorkCalendar, date: IsoDate): void {
  dateMs(date);
  if (!cal.years.has(Number(date.slice(0, 4)))) throw new OutsideCalendarError(date, [...cal.years.keys()]);
}

/** Whether the calendar has this year, and from what (official notice or provisional). */
export function calendarYear(cal: WorkCalendar, year: number): { status: CalendarStatus; source: string } | undefined {
  return cal.years.get(year);
}

/** The holiday the date is a day off for, if any. */
export function holidayOn(cal: WorkCalendar, date: IsoDate): Text | undefined {
  covered(cal, date);
  return cal.daysOff.get(date);
}

export function isWorkday(cal: WorkCalendar, date: IsoDate): boolean {
  covered(cal, date);
  if (cal.daysOff.has(date)) return false;
  if (cal.makeUpWorkdays.has(date)) return true;
  return !isWeekend(date);
}

/**
 * The n-th working day after `date` (the day itself not counted, whether or not it is a working
 * day); negative n counts back: -1 is the last working day before `date`; 0 returns `date`.
 */
export function addWorkingDays(cal: WorkCalendar, date: IsoDate, n: number): IsoDate {
  if (!Number.isSafeInteger(n)) throw new RangeError(`working days must be an integer: ${n} / 工作日数必须为整数：${n}`);
  covered(cal, date);
  const step = n < 0 ? -1 : 1;
  let d = date;
  for (let left = Math.abs(n); left > 0; ) {
    d = addCalendarDays(d, step);
    if (isWorkday(cal, d)) left--;
  }
  return d;
}

/**
 * Working days from `from` to `to`, counted like addWorkingDays so that
 * workingDaysBetween(cal, d, addWorkingDays(cal, d, n)) === n: for from ≤ to the working days
 * in (from, to]; for to < from minus the working days in [to, from).
 */
export function workingDaysBetween(cal: WorkCalendar, from: IsoDate, to: IsoDate): number {
  covered(cal, from);
  covered(cal, to);
  if (to < from) return -countWorkdays(cal, to, addCalendarDays(from, -1));
  return countWorkdays(cal, addCalendarDays(from, 1), to);
}

/** Working days in [first, last], both inclusive: weekdays by arithmetic, then the calendar's
 *  exceptions in range (a handful a year) by binary search — not a walk day by day (issue #23). */
function countWorkdays(cal: WorkCalendar, first: IsoDate, last: IsoDate): number {
  if (last < first) return 0;
  for (let y = Number(first.slice(0, 4)) + 1; y < Number(last.slice(0, 4)); y++) {
    if (!cal.years.has(y)) throw new OutsideCalendarError(`${y}-01-01`, [...cal.years.keys()]);
  }
  const a = dateMs(first) / DAY_MS;
  const b = dateMs(last) / DAY_MS + 1; // exclusive
  const { weekdaysOff, weekendWorkdays } = exceptionsOf(cal);
  return weekdaysBefore(b) - weekdaysBefore(a) - (indexAtOrAfter(weekdaysOff, b) - indexAtOrAfter(weekdaysOff, a)) + (indexAtOrAfter(weekendWorkdays, b) - indexAtOrAfter(weekendWorkdays, a));
}

// Monday–Friday among epoch days [0, n): day 0 (1970-01-01) was a Thursday.
const WEEKDAYS_IN_FIRST = [0, 1, 2, 2, 2, 3, 4, 5]; // Thu Fri Sat Sun Mon Tue Wed
function weekdaysBefore(n: number): number {
  const weeks = Math.floor(n / 7);
  return weeks * 5 + WEEKDAYS_IN_FIRST[n - weeks * 7]!;
}

/** How many of the sorted days are before `day`. */
function indexAtOrAfter(sorted: readonly number[], day: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The calendar's departures from "Monday to Friday", as sorted epoch days (computed once per calendar). */
const exceptions = new WeakMap<WorkCalendar, { weekdaysOff: number[]; weekendWorkdays: number[] }>();
function exceptionsOf(cal: WorkCalendar) {
  let e = exceptions.get(cal);
  if (!e) {
    const days = (dates: Iterable<IsoDate>, weekend: boolean) =>
      [...dates].filter((d) => isWeekend(d) === weekend).map((d) => dateMs(d) / DAY_MS).sort((x, y) => x - y);
    // A make-up working day that is also a day off counts as a day off (isWorkday checks days off first).
    e = { weekdaysOff: days(cal.daysOff.keys(), false), weekendWorkdays: days([...cal.makeUpWorkdays].filter((d) => !cal.daysOff.has(d)), true) };
    exceptions.set(cal, e);
  }
  return e;
}

/** The first working day after `date` (the day itself not considered). */
export function nextWorkday(cal: WorkCalendar, date: IsoDate): IsoDate {
  return addWorkingDays(cal, date, 1);
}

/**
 * 民法典 第二百零三条: the last day of a period that is a holiday or rest day moves to the next
 * working day; a working day stays. For periods in calendar days (公示 7 days, 10 days to object).
 */
export function extendToWorkday(cal: WorkCalendar, date: IsoDate): IsoDate {
  return isWorkday(cal, date) ? date : nextWorkday(cal, date);
}

/** Last day of a period of `days` calendar days after `date` (day of the event not counted), extended by 第二百零三条. */
export function calendarPeriodEnd(cal: WorkCalendar, date: IsoDate, days: number): IsoDate {
  return extendToWorkday(cal, addCalendarDays(date, days));
}
