// int8 (bigint, count(*), sum of int) comes back as a JS number on both drivers: safe for money in
// 分 up to ±90 trillion 元. A value past Number.MAX_SAFE_INTEGER throws rather than losing digits.
export function parseInt8(text: string): number {
  const n = Number(text);
  if (!Number.isSafeInteger(n)) {
    throw new RangeError(`int8 value ${text} is outside the safe integer range`);
  }
  return n;
}

export const INT8_OID = 20;
