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
