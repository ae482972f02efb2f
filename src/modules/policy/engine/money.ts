// Money and rates as integers: amounts in 分, rates in basis points (10000 = 100%). Every place a
// product can leave whole 分 names its rounding, so the rule is written down and tested.
export type Rounding = 'floor' | 'ceil' | 'half_up';

export const BP = 10_000;

/** fen × num ÷ den, rounded as asked. Exact for any result below 2^53 (BigInt beyond 2^53 products). */
export function scaleFen(fen: number, num: number, den: number, rounding: Rounding): number {
  if (den <= 0) throw new RangeError('denominator must be positive');
  const product = fen * num;
  if (!Number.isSafeInteger(product)) return Number(scaleBig(BigInt(fen), BigInt(num), BigInt(den), rounding));
  const q = Math.floor(product / den);
  const r = product - q * den;
  if (r === 0) return q;
  if (rounding === 'floor') return q;
  if (rounding === 'ceil') return q + 1;
  return 2 * r >= den ? q + 1 : q;
}

function scaleBig(fen: bigint, num: bigint, den: bigint, rounding: Rounding): bigint {
  const product = fen * num;
  let q = product / den;
  let r = product % den;
  if (r < 0n) { q -= 1n; r += den; }
  if (r === 0n || rounding === 'floor') return q;
  if (rounding === 'ceil') return q + 1n;
  return 2n * r >= den ? q + 1n : q;
}

/** A share of an amount given in basis points (8000 = 80%). */
export function applyBp(fen: number, bp: number, rounding: Rounding): number {
  return scaleFen(fen, bp, BP, rounding);
}

/** 62000 → '620.00' (元, two decimals, no float arithmetic). */
export function formatYuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const yuan = Math.floor(abs / 100);
  const cents = abs - yuan * 100;
  return `${sign}${yuan}.${cents < 10 ? '0' : ''}${cents}`;
}

/** 8000 → '80%', 15000 → '150%', 1250 → '12.5%'. */
export function formatBp(bp: number): string {
  const whole = Math.floor(bp / 100);
  const frac = bp % 100;
  if (frac === 0) return `${whole}%`;
  return `${whole}.${String(frac).padStart(2, '0').replace(/0$/, '')}%`;
}
