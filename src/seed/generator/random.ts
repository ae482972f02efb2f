// A small, fast, seeded PRNG for demo data: sfc32 (Chris Doty-Humphrey's Small Fast Counting
// generator, 128-bit state, passes PractRand) seeded through a murmur3-style mixer. Only 32-bit
// integer operations (Math.imul, >>>), so the same seed gives the same numbers on every machine
// and engine. Never Math.random.
import { dayNumber, formatDay, parseDay } from './calendar.ts';

/** murmur3's 32-bit finalizer: a bijective avalanche mix of one 32-bit integer. */
export function mix32(x: number): number {
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

/** A precomputed table for `Random.fromTable`: cumulative integer weights, built once. */
export type WeightedTable<T> = { readonly values: readonly T[]; readonly cumulative: Uint32Array; readonly total: number };

/** Build a weighted table from [value, weight] pairs (weights ≥ 0, any scale; rounded to 1/1000). */
export function weightedTable<T>(pairs: readonly (readonly [T, number])[]): WeightedTable<T> {
  if (pairs.length === 0) throw new RangeError('weightedTable: no values');
  const values: T[] = [];
  const cumulative = new Uint32Array(pairs.length);
  let total = 0;
  for (let i = 0; i < pairs.length; i++) {
    const [value, weight] = pairs[i]!;
    if (!(weight >= 0) || !Number.isFinite(weight)) throw new RangeError(`weightedTable: bad weight ${weight}`);
    total += Math.round(weight * 1000);
    values.push(value);
    cumulative[i] = total;
  }
  if (total === 0 || total > 0xffffffff) throw new RangeError('weightedTable: weights must sum to a positive amount');
  return { values, cumulative, total };
}

const TWO_32 = 4294967296;

export class Random {
  private a = 0;
  private b = 0;
  private c = 0;
  private d = 0;

  /** `stream` selects an independent sequence for the same seed (e.g. a household index). */
  constructor(seed: number, stream = 0) {
    this.reseed(seed, stream);
  }

  /**
   * Restart as the generator for (seed, stream). Deterministic: the numbers after reseed(s, k)
   * depend only on s and k, never on what was drawn before. `stream` may be any integer up to 2^53.
   */
  reseed(seed: number, stream = 0): void {
    if (!Number.isSafeInteger(seed) || !Number.isSafeInteger(stream) || stream < 0) {
      throw new RangeError(`Random: seed and stream must be safe integers (stream ≥ 0), got ${seed}, ${stream}`);
    }
    const seedLo = seed >>> 0;
    const seedHi = Math.floor(seed / TWO_32) >>> 0;
    const lo = stream >>> 0;
    const hi = Math.floor(stream / TWO_32) >>> 0;
    this.a = mix32(seedLo ^ 0x9e3779b9);
    this.b = mix32(lo ^ mix32(seedHi + 0x7f4a7c15));
    this.c = mix32(hi ^ 0x6a09e667 ^ this.a);
    this.d = 1;
    for (let i = 0; i < 12; i++) this.next();
  }

  /** The next unsigned 32-bit integer. */
  next(): number {
    const a = this.a;
    const b = this.b;
    const c = this.c;
    const d = this.d;
    const t = (((a + b) | 0) + d) | 0;
    this.d = (d + 1) | 0;
    this.a = b ^ (b >>> 9);
    this.b = (c + (c << 3)) | 0;
    const r = (c << 21) | (c >>> 11);
    this.c = (r + t) | 0;
    return t >>> 0;
  }

  /** A float in [0, 1). */
  float(): number {
    return this.next() / TWO_32;
  }

  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor((this.next() / TWO_32) * (max - min + 1));
  }

  /** true with probability p. */
  chance(p: number): boolean {
    return this.next() / TWO_32 < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('pick: empty list');
    return items[Math.floor((this.next() / TWO_32) * items.length)]!;
  }

  /** A value from [value, weight] pairs. For hot loops, build a `weightedTable` once and use `fromTable`. */
  weighted<T>(pairs: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const p of pairs) total += p[1];
    if (!(total > 0)) throw new RangeError('weighted: weights must sum to a positive amount');
    let x = this.float() * total;
    for (const p of pairs) {
      x -= p[1];
      if (x < 0) return p[0];
    }
    return pairs[pairs.length - 1]![0];
  }

  /** A value from a precomputed weighted table (binary search over integer cumulative weights). */
  fromTable<T>(table: WeightedTable<T>): T {
    const x = Math.floor((this.next() / TWO_32) * table.total);
    const cum = table.cumulative;
    let lo = 0;
    let hi = cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cum[mid]! > x) hi = mid;
      else lo = mid + 1;
    }
    return table.values[lo]!;
  }

  /** A day number in [from, to], both inclusive. */
  day(from: number, to: number): number {
    return this.int(from, to);
  }

  /** A date 'YYYY-MM-DD' in [from, to], both inclusive (strings 'YYYY-MM-DD'). */
  date(from: string, to: string): string {
    const a = parseDay(from);
    const b = parseDay(to);
    if (b < a) throw new RangeError(`date: ${to} is before ${from}`);
    return formatDay(this.int(a, b));
  }

  /** Shuffle in place (Fisher–Yates). */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor((this.next() / TWO_32) * (i + 1));
      const t = items[i]!;
      items[i] = items[j]!;
      items[j] = t;
    }
    return items;
  }
}

/** Day number of a civil date, re-exported for callers that work in day numbers. */
export { dayNumber, formatDay, parseDay };
