// Masking for 公示 (lists posted in the village or community and online for anyone to read). The
// national rules ask that a 公示 protect applicants' privacy and show only what the public needs
// to check eligibility; none fixes how a name or ID number is masked, so we follow the common
// practice of published lists, which is also what our screens show (masking.ts):
// - names keep the surname and, from 3 characters, the last character (张*, 张*三, 欧**明), so
//   neighbours can recognise the household without the list being a name register;
// - an ID number keeps its first 4 digits (province and city, which the list's place shows
//   anyway) and last 4 (lets an applicant find their own line among namesakes); the birth date
//   (digits 7–14) is never shown: with a name it identifies a person anywhere.
// Both are configurable per office, within those limits.
import { keepEnds, maskName } from './masking.ts';

export type PublicityMaskOptions = {
  /** ID number characters kept at the start: default 4, at most 6 (the region code). */
  idHead?: number;
  /** ID number characters kept at the end: default 4, at most 4 (never into the birth date). */
  idTail?: number;
  /** Chinese names of 3 or more characters keep their last character: default true (张*三); false → 张**. */
  nameKeepLast?: boolean;
};

const HAN = /\p{Script=Han}/u;
const SEPARATOR = /[\s·・•‧.\-]/u;

/** 张三 → 张*, 张小三 → 张*三, 欧阳小明 → 欧**明; Latin and interpunct names keep each word's initial (John Smith → J*** S****). */
export function maskNameForPublicity(name: string, options: PublicityMaskOptions = {}): string {
  if (options.nameKeepLast === false) {
    const compact = name.trim().replace(/\s+/g, '');
    const chars = Array.from(compact);
    if (HAN.test(compact) && !SEPARATOR.test(compact) && chars.length > 1) return chars[0] + '*'.repeat(chars.length - 1);
  }
  return maskName(name);
}

/**
 * 140107199001011234 → 1401**********1234 (defaults). A legacy 15-digit number keeps at most its
 * last 3 (after the birth date). Any other identifier (passport, permit) keeps the same ends only
 * while at least half of it stays hidden, else it is masked whole.
 */
export function maskIdForPublicity(idNumber: string, options: PublicityMaskOptions = {}): string {
  const head = options.idHead ?? 4;
  const tail = options.idTail ?? 4;
  if (!Number.isInteger(head) || head < 0 || head > 6 || !Number.isInteger(tail) || tail < 0 || tail > 4) {
    throw new RangeError(
      `publicity masking keeps at most the first 6 and last 4 characters of an ID number (asked: ${head}, ${tail}) / 公示中身份证号最多显示前 6 位和后 4 位（当前设置：${head}、${tail}）`,
    );
  }
  const value = idNumber.trim().toUpperCase();
  const length = Array.from(value).length;
  if (/^\d{17}[\dX]$/.test(value)) return keepEnds(value, head, tail, 0);
  if (/^\d{15}$/.test(value)) return keepEnds(value, head, Math.min(tail, 3), 0);
  return keepEnds(value, head, tail, Math.max(head + tail + Math.ceil(length / 2), 1));
}
