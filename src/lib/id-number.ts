// 公民身份号码 (GB 11643-1999): 6-digit region code, 8-digit birth date, 3-digit sequence (odd =
// male), and an ISO 7064 MOD 11-2 check character. Legacy 15-digit numbers (issued before 1999)
// have a 2-digit year and no check character; we convert them to 18 digits so each person has
// one stored form (and one blind index). Pure functions, shared by server and web.
import { todayLocal } from './local-date.ts';

export type IdNumberProblem = 'length' | 'format' | 'date' | 'check_digit' | 'future';

export type ParsedIdNumber =
  | { ok: true; value: string; birthDate: string; sex: 'male' | 'female'; regionCode: string; convertedFrom15: boolean }
  | { ok: false; reason: IdNumberProblem; message: string; messageZh: string };

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';
const EARLIEST_BIRTH_DATE = '1900-01-01';

/** The check character ('0'–'9' or 'X') for the first 17 digits. */
export function checkDigit(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError(`checkDigit needs 17 digits, got "${first17}"`);
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

/** YYYYMMDD → YYYY-MM-DD when it is a real calendar date, else undefined. */
function calendarDate(yyyymmdd: string): string | undefined {
  const y = Number(yyyymmdd.slice(0, 4));
  const m = Number(yyyymmdd.slice(4, 6));
  const d = Number(yyyymmdd.slice(6, 8));
  if (m < 1 || m > 12 || d < 1) return undefined;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const daysInMonth = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;
  if (d > daysInMonth) return undefined;
  return `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}`;
}

function fail(reason: IdNumberProblem, message: string, messageZh: string): ParsedIdNumber {
  return { ok: false, reason, message, messageZh };
}

/**
 * Validate and normalise an ID number. Accepts surrounding spaces, a lowercase x and full-width
 * characters (NFKC), so what a clerk pastes from a scanned form works. `today` (YYYY-MM-DD,
 * default: today in Asia/Shanghai) bounds the birth date.
 */
export function parseIdNumber(input: string, today: string = todayLocal()): ParsedIdNumber {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today) || !calendarDate(today.replaceAll('-', ''))) {
    throw new RangeError(`parseIdNumber: today must be YYYY-MM-DD, got "${today}"`);
  }
  const s = input.normalize('NFKC').trim().toUpperCase();
  if (s.length !== 18 && s.length !== 15) {
    return fail(
      'length',
      `must be 18 digits (or a legacy 15-digit number), got ${s.length}`,
      `应为 18 位（或旧版 15 位），实际为 ${s.length} 位`,
    );
  }
  const legacy = s.length === 15;
  if (legacy ? !/^\d{15}$/.test(s) : !/^\d{17}[\dX]$/.test(s)) {
    return legacy
      ? fail('format', 'a legacy 15-digit number has digits only', '旧版 15 位号码只能由数字组成')
      : fail('format', 'only digits are allowed, and X only as the last character', '只能由数字组成，仅最后一位可以是 X');
  }
  if (s.startsWith('0')) {
    return fail('format', 'the region code (first 6 digits) cannot start with 0', '地址码（前 6 位）不能以 0 开头');
  }

  // A 15-digit number is region(6) + YYMMDD(6) + sequence(3); all were issued to people born in 19xx.
  const first17 = legacy ? `${s.slice(0, 6)}19${s.slice(6)}` : s.slice(0, 17);
  const rawDate = first17.slice(6, 14);
  const birthDate = calendarDate(rawDate);
  if (!birthDate) return fail('date', `the birth date ${rawDate} does not exist`, `出生日期 ${rawDate} 不存在`);
  if (birthDate < EARLIEST_BIRTH_DATE) {
    return fail('date', `the birth date ${rawDate} is before 1900`, `出生日期 ${rawDate} 早于 1900 年`);
  }
  if (birthDate > today) {
    return fail('future', `the birth date ${rawDate} is in the future`, `出生日期 ${rawDate} 晚于今天`);
  }

  const expected = checkDigit(first17);
  if (!legacy && s[17] !== expected) {
    return fail('check_digit', `check digit is wrong (expected ${expected})`, `校验码错误（应为 ${expected}）`);
  }
  return {
    ok: true,
    value: first17 + expected,
    birthDate,
    sex: Number(first17[16]) % 2 === 1 ? 'male' : 'female',
    regionCode: first17.slice(0, 6),
    convertedFrom15: legacy,
  };
}

export function isValidIdNumber(s: string): boolean {
  return parseIdNumber(s).ok;
}

/**
 * A valid 18-digit number for demo data and tests. `birthDate` is YYYY-MM-DD; `sequence` 0..999
 * (its parity decides the sex: odd = male). Throws RangeError on impossible input.
 */
export function makeIdNumber(regionCode: string, birthDate: string, sequence: number): string {
  if (!/^[1-9]\d{5}$/.test(regionCode)) throw new RangeError(`makeIdNumber: bad region code "${regionCode}"`);
  const compact = birthDate.replaceAll('-', '');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(birthDate) || !calendarDate(compact)) {
    throw new RangeError(`makeIdNumber: bad birth date "${birthDate}"`);
  }
  if (!Number.isInteger(sequence) || sequence < 0 || sequence > 999) {
    throw new RangeError(`makeIdNumber: sequence must be an integer 0..999, got ${sequence}`);
  }
  const first17 = `${regionCode}${compact}${String(sequence).padStart(3, '0')}`;
  return first17 + checkDigit(first17);
}
