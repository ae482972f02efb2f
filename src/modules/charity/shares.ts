// How the value of goods taken out for a distribution is shared among its households, to the 分:
// each item's value splits evenly, and the spare 分 of an uneven split go one each to the first
// households (by position). What a household got is then known exactly when it is returned.
// Plain functions, no I/O.

export type ItemShare = { itemId: number; quantity: number; totalFen: number };

/** Value of item `s` for the household at position `rank` among `n`. */
export function shareOf(s: ItemShare, n: number, rank: number): number {
  const base = Math.floor(s.totalFen / n);
  return base + (rank < s.totalFen - base * n ? 1 : 0);
}

/** Each household's value (by position) for the whole package; they add up to the total taken. */
export function householdValues(items: readonly ItemShare[], n: number): number[] {
  return Array.from({ length: n }, (_, rank) => items.reduce((sum, s) => sum + shareOf(s, n, rank), 0));
}
