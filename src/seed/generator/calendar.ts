// Integer calendar arithmetic for the generator: day numbers (days since 1970-01-01) and
// 'YYYY-MM-DD' strings without Date objects or regexes, so the hot loop stays cheap.
// Proleptic Gregorian calendar (H. Hinnant's civil-from-days algorithms).

/** Zero-padded '00'…'99', for building date strings without padStart. */
export const PAD2: readonly string[] = Array.from({ length: 100 }, (_, i) => (i < 10 ? `0${i}` : `${i}`));

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, m: number): number {
  return m === 2 && isLeapYear(y) ? 29 : MONTH_DAYS[m - 1]!;
}

/** Day number of a civil date (1970-01-01 = 0). */
export function dayNumber(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** 'YYYY-MM-DD' of a day number. */
export function formatDay(n: number): string {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${y}-${PAD2[m]}-${PAD2[d]}`;
}

/** Day number of a 'YYYY-MM-DD' string (validated: throws RangeError on anything else). */
export function parseDay(s: string): number {
  if (s.length !== 10 || s[4] !== '-' || s[7] !== '-') throw new RangeError(`expected YYYY-MM-DD, got "${s}"`);
  const y = Number(s.slice(0, 4));
  const m = Number(s.slice(5, 7));
  const d = Number(s.slice(8, 10));
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d) || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) {
    throw new RangeError(`not a calendar date: "${s}"`);
  }
  return dayNumber(y, m, d);
}

/**
 * The 365 days of a non-leap year as 'MM-DD' and as month*100+day, indexed 0..364. Birth dates are
 * placed on these (never on 29 February), so any year can carry any of them.
 */
export const MONTH_DAY_TEXT: readonly string[] = [];
export const MONTH_DAY_NUMBER: Int32Array = new Int32Array(365);
{
  let i = 0;
  for (let m = 1; m <= 12; m++) {
    for (let d = 1; d <= MONTH_DAYS[m - 1]!; d++) {
      (MONTH_DAY_TEXT as string[]).push(`${PAD2[m]}-${PAD2[d]}`);
      MONTH_DAY_NUMBER[i++] = m * 100 + d;
    }
  }
}
