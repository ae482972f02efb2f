// Money is integer 分 everywhere; screens show 元 with two decimals. Integer arithmetic only, so a
// float never rounds a cent away: 84000 → "840.00", and "1234.5" 元 → 123450 分.

const group = (digits: string) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** 84000 → "840.00"; 123456789 → "1,234,567.89". */
export function formatFen(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(Math.trunc(fen));
  const yuan = Math.floor(abs / 100);
  const cents = abs % 100;
  return `${sign}${group(String(yuan))}.${String(cents).padStart(2, '0')}`;
}

/**
 * A non-negative decimal string as an integer scaled by 10^decimals ("1234.5", 2 → 123450).
 * Accepts thousands separators and surrounding spaces; undefined for anything else, including
 * more decimals than allowed.
 */
export function parseScaled(input: string, decimals: number): number | undefined {
  const text = input.trim().replace(/[,，\s]/g, '');
  const match = new RegExp(`^(\\d+)(?:\\.(\\d{0,${decimals}}))?$`).exec(text);
  if (!match) return undefined;
  const whole = match[1] ?? '0';
  const fraction = (match[2] ?? '').padEnd(decimals, '0');
  const value = Number(whole) * 10 ** decimals + Number(fraction || '0');
  return Number.isSafeInteger(value) ? value : undefined;
}

/** 元 as typed by staff → 分; undefined when not a valid amount (or more than 2 decimals). */
export const parseYuan = (input: string): number | undefined => parseScaled(input, 2);

/** Floor area: stored in cm² (1 m² = 10000 cm²), shown and typed in m² with up to 2 decimals. */
export function formatArea(cm2: number): string {
  const hundredths = Math.floor(cm2 / 100); // 0.01 m² = 100 cm²
  return `${group(String(Math.floor(hundredths / 100)))}.${String(hundredths % 100).padStart(2, '0')}`;
}

export function parseArea(input: string): number | undefined {
  const hundredths = parseScaled(input, 2);
  return hundredths === undefined ? undefined : hundredths * 100;
}
