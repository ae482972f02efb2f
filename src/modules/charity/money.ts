// Money as integer 分, printed: ¥1,234.50 and the 大写 form receipts carry (壹仟贰佰叁拾肆元伍角整).
// Plain functions, no I/O.

export function yuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const whole = Math.floor(abs / 100).toLocaleString('en-US');
  return `${sign}${whole}.${String(abs % 100).padStart(2, '0')}`;
}

const DIGITS = '零壹贰叁肆伍陆柒捌玖';
const SMALL = ['', '拾', '佰', '仟'];
const BIG = ['', '万', '亿', '万亿'];

/** 大写金额 of a non-negative amount in 分 (below 10^16 元). */
export function chineseAmount(fen: number): string {
  if (!Number.isSafeInteger(fen) || fen < 0) throw new RangeError('amount must be a non-negative integer of fen');
  const yuanPart = Math.floor(fen / 100);
  const jiao = Math.floor((fen % 100) / 10);
  const fenPart = fen % 10;
  let integer = '';
  if (yuanPart > 0) {
    const groups: number[] = [];
    for (let n = yuanPart; n > 0; n = Math.floor(n / 10000)) groups.push(n % 10000);
    let zeroPending = false;
    for (let g = groups.length - 1; g >= 0; g--) {
      const group = groups[g]!;
      if (group === 0) {
        zeroPending = integer.length > 0;
        continue;
      }
      if (zeroPending || (integer.length > 0 && group < 1000)) integer += '零';
      zeroPending = false;
      let text = '';
      let zero = false;
      for (let i = 3; i >= 0; i--) {
        const d = Math.floor(group / 10 ** i) % 10;
        if (d === 0) {
          zero = text.length > 0;
          continue;
        }
        if (zero) text += '零';
        zero = false;
        text += DIGITS[d]! + SMALL[i]!;
      }
      integer += text + BIG[g]!;
    }
    integer += '元';
  }
  if (jiao === 0 && fenPart === 0) return (integer || '零元') + '整';
  let decimals = '';
  if (jiao > 0) decimals += `${DIGITS[jiao]}角`;
  else if (integer) decimals += '零';
  if (fenPart > 0) decimals += `${DIGITS[fenPart]}分`;
  else decimals += '整';
  return integer + decimals;
}

/** The receipt number as printed: year and a six-digit sequence, 2026-000042. */
export function receiptNumber(year: number, no: number): string {
  return `${year}-${String(no).padStart(6, '0')}`;
}
