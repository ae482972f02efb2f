// Roll the per-place figures of a campaign up the jurisdiction tree (grid → community → township →
// county → …) to a root. Pure; the figures come live from the targets (campaigns.store.ts).
import { levelOf, parentCode } from '../../lib/division-code.ts';
import type { Counts, ProgressRow } from './campaigns.schema.ts';
import type { CountRow } from './campaigns.store.ts';

const LENGTHS = [2, 4, 6, 9, 12, 15] as const;

export function percentOf(closed: number, total: number): number {
  return total === 0 ? 0 : Math.round((closed * 1000) / total) / 10;
}

export function withPercent(c: CountRow): Counts {
  return { total: c.total, closed: c.closed, revisit: c.revisit, pending: c.pending, unassigned: c.unassigned, due: c.due, percent: percentOf(c.closed, c.total) };
}

const zero = (): CountRow => ({ total: 0, closed: 0, revisit: 0, pending: 0, unassigned: 0, due: 0 });

function add(into: CountRow, c: CountRow): void {
  into.total += c.total;
  into.closed += c.closed;
  into.revisit += c.revisit;
  into.pending += c.pending;
  into.unassigned += c.unassigned;
  into.due += c.due;
}

/**
 * Every place from `root` down to the places the targets live in that has at least one target,
 * root first, then in code order (a parent before its children). Leaves outside `root` are ignored.
 */
export function rollUp(root: string, leaves: readonly (CountRow & { code: string })[], names: ReadonlyMap<string, string>): { root: ProgressRow; rows: ProgressRow[] } {
  const totals = new Map<string, CountRow>([[root, zero()]]);
  for (const leaf of leaves) {
    if (!leaf.code.startsWith(root)) continue;
    add(totals.get(root)!, leaf);
    for (const length of LENGTHS) {
      if (length <= root.length || length > leaf.code.length) continue;
      const code = leaf.code.slice(0, length);
      let node = totals.get(code);
      if (!node) totals.set(code, (node = zero()));
      add(node, leaf);
    }
  }
  const rows = [...totals.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([code, c]): ProgressRow => ({
      code,
      name: code === '' ? null : (names.get(code) ?? null),
      level: code === '' ? 'all' : (levelOf(code) ?? 'unknown'),
      parentCode: code === root ? null : (parentCode(code) ?? null),
      ...withPercent(c),
    }));
  return { root: rows[0]!, rows };
}

/** The codes a roll-up names (for one look-up of their names). */
export function rollUpCodes(root: string, leaves: readonly { code: string }[]): string[] {
  const codes = new Set<string>(root ? [root] : []);
  for (const leaf of leaves) for (const length of LENGTHS) if (length > root.length && length <= leaf.code.length && leaf.code.startsWith(root)) codes.add(leaf.code.slice(0, length));
  return [...codes];
}
