// Local dates in Asia/Shanghai (UTC+8 all year, no daylight saving): the calendar the
// civil-affairs work runs on. Dates are 'YYYY-MM-DD' strings; instants are Date objects.
const OFFSET = '+08:00';
const DAY_MS = 86_400_000;

/** The instant a local day starts. */
export function startOfLocalDay(date: string): Date {
  return new Date(`${date}T00:00:00.000${OFFSET}`);
}

/** The local date of an instant. */
export function localDateOf(instant: Date): string {
  return new Date(instant.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

export function todayLocal(now: Date = new Date()): string {
  return localDateOf(now);
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}
