// Bulk inserts for loaders: one array parameter per column, `INSERT … SELECT * FROM unnest(…)`.
// Building a multi-row VALUES statement with the query builder costs more than the database
// work at this size; unnest keeps the statement tiny whatever the row count (and under the
// 65,535-parameter limit). Column names and types come from code, never from input.
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type DbOrTx } from './client.ts';

export type ColumnSpec = readonly [name: string, sqlType: string];

const IDENT = /^[a-z_][a-z0-9_]*$/;

export async function unnestInsert(db: DbOrTx, table: string, columns: readonly ColumnSpec[], data: unknown[][], options: { overridingIds?: boolean; onConflictDoNothing?: boolean } = {}): Promise<void> {
  if (data[0]?.length === 0 || data.length === 0) return;
  for (const [name, type] of [[table, 'x'] as const, ...columns]) {
    if (!IDENT.test(name) || !/^[a-z0-9_ ]+(\[\])?$/.test(type)) throw new Error(`bad identifier ${name} ${type}`);
  }
  const names = sql.raw(columns.map(([n]) => `"${n}"`).join(', '));
  // jsonb and array-typed columns travel as text (JSON / array literals) and are cast per element:
  // unnest would flatten a two-dimensional array.
  const asText = (type: string) => type === 'jsonb' || type.endsWith('[]');
  const arrays: SQL[] = columns.map(([, type], i) =>
    // sql.param: one array parameter (a bare array in a sql template would expand into a list).
    asText(type)
      ? sql`${sql.param(data[i]!.map((v) => (v === null || v === undefined ? null : type === 'jsonb' ? JSON.stringify(v) : arrayLiteral(v as string[]))))}::text[]`
      : sql`${sql.param(data[i])}::${sql.raw(`${type}[]`)}`,
  );
  const selects = sql.raw(columns.map(([, type], i) => (asText(type) ? `u.c${i}::${type}` : `u.c${i}`)).join(', '));
  const aliases = sql.raw(columns.map((_, i) => `c${i}`).join(', '));
  await db.execute(sql`insert into ${sql.raw(`"${table}"`)} (${names})${options.overridingIds ? sql` overriding system value` : sql``}
    select ${selects} from unnest(${sql.join(arrays, sql`, `)}) as u(${aliases})${options.onConflictDoNothing ? sql` on conflict do nothing` : sql``}`);
}

/** A PostgreSQL array literal of strings: {"a","b\"c"}. */
export function arrayLiteral(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`;
}

/** Reserve `n` ids from a table's identity sequence, so rows can be inserted with known ids. */
export async function reserveIds(db: DbOrTx, table: string, n: number): Promise<number[]> {
  if (n === 0) return [];
  if (!IDENT.test(table)) throw new Error(`bad table ${table}`);
  const rows = await queryRows<{ id: number }>(db, sql`select nextval(pg_get_serial_sequence(${table}, 'id')) as id from generate_series(1, ${n})`);
  return rows.map((r) => r.id);
}
