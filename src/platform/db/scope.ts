// Jurisdiction scoping in one place: every store query for scoped rows filters with this, by code
// prefix. An empty scope (a system-wide user) matches everything.
import { sql, type SQL, type Column } from 'drizzle-orm';

/** Escape LIKE wildcards; codes are digits, but nothing reaching SQL is trusted to be. */
function likePrefix(prefix: string): string {
  return `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

// Compared under the "C" collation: codes are ASCII digits, so the result is the same, and the
// planner then turns the prefix into an index range on both kinds of index we keep — the
// varchar_pattern_ops scope indexes and the C-collated search indexes (persons.table.ts), where
// the place is the second column and the range is tested inside the index.
export function withinScope(column: Column | SQL, scope: string): SQL {
  return scope === '' ? sql`true` : sql`${column} collate "C" like ${likePrefix(scope)}`;
}

export function underPrefix(column: Column | SQL, prefix: string): SQL {
  return sql`${column} collate "C" like ${likePrefix(prefix)}`;
}

/**
 * The same test as withinScope, written as a range under "C" ('4101' ≤ code < '4102'). Only the
 * C-collated search indexes (persons.table.ts: key, place, id) can use it, not the place indexes
 * (varchar_pattern_ops), so the planner cannot swap a search index for the place index when it
 * misjudges how many people live in a grid (it did: 44 ms reading a whole grid's rows from the
 * heap for a name that the name index finds in under a millisecond). For digits the range holds
 * exactly the codes that start with the scope.
 */
export function withinScopeRange(column: Column | SQL, scope: string): SQL {
  if (scope === '') return sql`true`;
  if (!/^\d+$/.test(scope)) return withinScope(column, scope); // not a division code: the plain prefix test
  const next = scope.slice(0, -1) + String.fromCharCode(scope.charCodeAt(scope.length - 1) + 1);
  return sql`(${column} collate "C" >= ${scope} and ${column} collate "C" < ${next})`;
}
