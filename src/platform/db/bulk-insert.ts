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
  // The sequence is looked up once (a materialized CTE): called per row, pg_get_serial_sequence
  // made this six times slower (0.35 s of server CPU per 100,000 ids).
  const rows = await queryRows<{ id: number }>(
    db,
    sql`with s as materialized (select pg_get_serial_sequence(${table}, 'id')::regclass as seq)
        select nextval(s.seq) as id from s, generate_series(1, ${n})`,
  );
  return rows.map((r) => r.id);
}

// ---------------------------------------------------------------------------------------------
// COPY … FROM STDIN inside a transaction, on either driver. Cheaper than unnest on both sides:
// the client writes plain text, the server parses it without array decoding. Lines are built by
// the caller with copyField() (text format: tab-separated, \N for null).

type PgConnection = { query(text: string): void; sendCopyFromChunk(chunk: Buffer): void; endCopyFrom(): void };
type PgClient = { query(submittable: object): unknown; connection: unknown };
type PgliteTx = { query(sql: string, params: unknown[], options: { blob: Blob }): Promise<{ affectedRows?: number }> };

/** The driver's own client under a drizzle transaction: a pg PoolClient or a PGlite transaction. */
function rawClient(tx: DbOrTx): PgClient | PgliteTx | undefined {
  const client = (tx as unknown as { session?: { client?: unknown } }).session?.client as Record<string, unknown> | undefined;
  if (!client || typeof client.query !== 'function') return undefined;
  if ('connection' in client && typeof client.release === 'function') return client as unknown as PgClient;
  if (typeof client.exec === 'function' && typeof client.rollback === 'function') return client as unknown as PgliteTx;
  return undefined;
}

/** True when `copyInto` can run on this transaction (a pg client or a PGlite transaction). */
export function canCopy(tx: DbOrTx): boolean {
  return rawClient(tx) !== undefined;
}

const COPY_CHUNK = 1 << 20;

/** COPY into a table from COPY text (rows of copyField()s joined by tabs, each ending in \n). Must run in a transaction. */
export async function copyInto(tx: DbOrTx, table: string, columns: readonly string[], text: string): Promise<void> {
  if (text.length === 0) return;
  for (const name of [table, ...columns]) if (!IDENT.test(name)) throw new Error(`bad identifier ${name}`);
  const statement = `copy "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) from `;
  const client = rawClient(tx);
  if (!client) throw new Error('copyInto needs a transaction of the pg or PGlite driver');
  if ('connection' in client) {
    const data = Buffer.from(text, 'utf8');
    await new Promise<void>((resolve, reject) => {
      client.query({
        submit(connection: PgConnection) {
          connection.query(`${statement}stdin`);
        },
        callback() {},
        handleCopyInResponse(connection: PgConnection) {
          for (let i = 0; i < data.length; i += COPY_CHUNK) connection.sendCopyFromChunk(data.subarray(i, i + COPY_CHUNK));
          connection.endCopyFrom();
        },
        handleCommandComplete() {},
        handleRowDescription() {},
        handleDataRow() {},
        handleEmptyQuery() {},
        handleCopyData() {},
        handlePortalSuspended() {},
        handleReadyForQuery() {
          resolve();
        },
        handleError(error: Error) {
          reject(error);
        },
      });
    });
  } else {
    await client.query(`${statement}'/dev/blob'`, [], { blob: new Blob([text]) });
  }
}

const COPY_SPECIAL = /[\\\t\n\r]/;

/** A value as a COPY text field: \N for null, backslash escapes for \ tab newline CR. */
export function copyField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value === 'number') return String(value);
  return COPY_SPECIAL.test(value) ? value.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r')) : value;
}
