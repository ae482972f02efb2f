// Jurisdiction scoping in one place: every store query for scoped rows filters with this, by code
// prefix. An empty scope (a system-wide user) matches everything.
import { sql, type SQL, type Column } from 'drizzle-orm';

/** Escape LIKE wildcards; codes are digits, but nothing reaching SQL is trusted to be. */
function likePrefix(prefix: string): string {
  return `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export function withinScope(column: Column | SQL, scope: string): SQL {
  return scope === '' ? sql`true` : sql`${column} like ${likePrefix(scope)}`;
}

export function underPrefix(column: Column | SQL, prefix: string): SQL {
  return sql`${column} like ${likePrefix(prefix)}`;
}
