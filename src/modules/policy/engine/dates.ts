// Dates inside the engine are integers yyyymmdd (20220315): comparisons are plain number
// comparisons and a completed age is one subtraction, with no Date objects per evaluation.
export type Ymd = number;

/** '2022-03-15' → 20220315. */
export function ymd(date: string): Ymd {
  return Number(date.slice(0, 4)) * 10000 + Number(date.slice(5, 7)) * 100 + Number(date.slice(8, 10));
}

/** 20220315 → '2022-03-15'. */
export function ymdToIso(d: Ymd): string {
  const y = Math.floor(d / 10000);
  const m = Math.floor(d / 100) % 100;
  const day = d % 100;
  return `${y}-${m < 10 ? '0' : ''}${m}-${day < 10 ? '0' : ''}${day}`;
}

/** Completed years between birth and date (a birthday counts on the day itself). */
export function ageAt(birth: Ymd, date: Ymd): number {
  return Math.floor((date - birth) / 10000);
}

/** Completed months from `since` to `date` (20220115 → 20220714 is 5, → 20220715 is 6). */
export function monthsBetween(since: Ymd, date: Ymd): number {
  const a = Math.floor(since / 10000) * 12 + (Math.floor(since / 100) % 100);
  const b = Math.floor(date / 10000) * 12 + (Math.floor(date / 100) % 100);
  return b - a - (date % 100 < since % 100 ? 1 : 0);
}
