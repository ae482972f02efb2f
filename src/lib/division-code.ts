// 统计用区划代码 (12 digits: province 2, city 2, county 2, township 3, village 3) plus a 3-digit
// grid number under a village/community. We keep each node's *significant prefix* as its code
// (2/4/6/9/12/15 digits), so "everything under X" is simply `code LIKE 'X%'` and an ancestor's
// code is a prefix of its descendants' codes. Pure functions, shared by server and web.

export const LEVELS = ['province', 'city', 'county', 'township', 'village', 'grid'] as const;
export type Level = (typeof LEVELS)[number];

const LEVEL_LENGTH: Record<Level, number> = { province: 2, city: 4, county: 6, township: 9, village: 12, grid: 15 };
const LENGTH_LEVEL = new Map<number, Level>(LEVELS.map((l) => [LEVEL_LENGTH[l], l]));
// Segment boundaries inside a 12-digit code.
const SEGMENT_ENDS = [2, 4, 6, 9, 12] as const;

export const LEVEL_LABEL_ZH: Record<Level, string> = {
  province: '省级',
  city: '市级',
  county: '县级',
  township: '乡镇（街道）',
  village: '村（社区）',
  grid: '网格',
};

export function levelLength(level: Level): number {
  return LEVEL_LENGTH[level];
}

/** The level of a canonical code, or undefined when its length is not a level's. */
export function levelOf(code: string): Level | undefined {
  return /^\d+$/.test(code) ? LENGTH_LEVEL.get(code.length) : undefined;
}

/**
 * Canonical code from either form: a significant prefix ("140107") or a full 12-digit code
 * ("140107000000", trailing all-zero segments stripped). Returns undefined when the input is
 * neither (wrong length, non-digits, or a zero segment inside the code).
 */
export function canonicalCode(input: string): string | undefined {
  const code = input.trim();
  if (!/^\d+$/.test(code)) return undefined;
  if (code.length === 15) return isValidPrefix(code.slice(0, 12)) && code.slice(12) !== '000' ? code : undefined;
  if (code.length === 12) {
    let end = 12;
    for (let i = SEGMENT_ENDS.length - 1; i > 0; i--) {
      const start = SEGMENT_ENDS[i - 1]!;
      if (end === SEGMENT_ENDS[i] && /^0+$/.test(code.slice(start, end))) end = start;
    }
    const prefix = code.slice(0, end);
    return isValidPrefix(prefix) ? prefix : undefined;
  }
  return LENGTH_LEVEL.has(code.length) && isValidPrefix(code) ? code : undefined;
}

/** Every segment of a prefix must be non-zero (a zero segment means "this level absent"). */
function isValidPrefix(prefix: string): boolean {
  let start = 0;
  for (const end of SEGMENT_ENDS) {
    if (end > prefix.length) break;
    if (/^0+$/.test(prefix.slice(start, end))) return false;
    start = end;
  }
  return SEGMENT_ENDS.includes(prefix.length as (typeof SEGMENT_ENDS)[number]);
}

/** The 12-digit 统计用区划代码 of a division (grids have none: they return their village's). */
export function fullDivisionCode(code: string): string {
  return code.slice(0, 12).padEnd(12, '0');
}

/** The canonical code of the parent node, or undefined for a province. */
export function parentCode(code: string): string | undefined {
  const level = levelOf(code);
  if (!level || level === 'province') return undefined;
  const parentLevel = LEVELS[LEVELS.indexOf(level) - 1]!;
  return code.slice(0, LEVEL_LENGTH[parentLevel]);
}

/** Codes of all ancestors, root first, excluding the node itself. */
export function ancestorCodes(code: string): string[] {
  const out: string[] = [];
  for (let p = parentCode(code); p; p = parentCode(p)) out.unshift(p);
  return out;
}

/** True when `code` is `scope` itself or lies under it. An empty scope covers everything. */
export function isWithin(code: string, scope: string): boolean {
  return code.startsWith(scope);
}

/**
 * Urban or rural from a village-level code (or a grid under it): 村民委员会 codes are 2xx in the
 * village segment, 居民委员会 1xx. Undefined above the village level.
 */
export function ruralOf(code: string): boolean | undefined {
  return code.length >= 12 ? code.charCodeAt(9) === 50 /* '2' */ : undefined;
}
