// How dates and money read in printed documents: 2025年10月9日 and 620.00 元, as on paper notices.
import { formatYuan } from '../../policy/engine/money.ts';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH = /^(\d{4})-(\d{2})$/;

/** '2025-10-09' → '2025年10月9日'. */
export function dateZh(date: string): string {
  const m = DATE.exec(date);
  if (!m) throw new RangeError(`not a date (YYYY-MM-DD): ${date} / 不是有效日期：${date}`);
  return `${m[1]}年${Number(m[2])}月${Number(m[3])}日`;
}

/** '2025-11' → '2025年11月'. */
export function monthZh(month: string): string {
  const m = MONTH.exec(month);
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) throw new RangeError(`not a month (YYYY-MM): ${month} / 不是有效月份：${month}`);
  return `${m[1]}年${Number(m[2])}月`;
}

/** Integer 分 → '620.00' (元, two decimals). */
export function yuan(fen: number): string {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`amount must be whole 分: ${fen} / 金额必须为整数（分）：${fen}`);
  return formatYuan(fen);
}

/** Throws a RangeError with both languages unless the condition holds. */
export function check(condition: boolean, en: string, zh: string): asserts condition {
  if (!condition) throw new RangeError(`${en} / ${zh}`);
}
