// Prepared queries for the hottest reads (issue #23: drizzle rebuilt every query's SQL on every
// request, a fifth of a read's CPU). A query is built once per database handle with placeholders
// and executed with values; on PostgreSQL it is also a named server-side prepared statement
// (parsed and planned once per connection). Only for the root handle: a transaction runs the
// ordinary query (a prepared query belongs to the session it was built on).
import { PgTransaction } from 'drizzle-orm/pg-core';
import { sql, type Column, type SQL } from 'drizzle-orm';
import type { DbOrTx, Db } from './client.ts';

const built = new WeakMap<object, Map<string, unknown>>();

/** The query `build` makes for `db`, built on first use; undefined inside a transaction. */
export function preparedOn<T>(db: DbOrTx, name: string, build: (db: Db) => T): T | undefined {
  if (db instanceof PgTransaction) return undefined;
  let byName = built.get(db);
  if (!byName) built.set(db, (byName = new Map()));
  let query = byName.get(name) as T | undefined;
  if (query === undefined) byName.set(name, (query = build(db as Db)));
  return query;
}

/** withinScope (scope.ts) with the pattern as a placeholder: pass `scopePattern(scope)` as its value. */
export function withinScopePlaceholder(column: Column, placeholder: string): SQL {
  return sql`${column} collate "C" like ${sql.placeholder(placeholder)}`;
}

/** The LIKE pattern of a scope ('' — the whole system — matches every code). */
export function scopePattern(scope: string): string {
  return `${scope.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
