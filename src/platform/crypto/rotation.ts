// Key rotation over the database: re-encrypt every sealed value that is not under the ring's
// current key, count values per key, and find any value left under a key about to be retired.
//
// The columns to rewrite are declared by the composition root (app/sealed-columns.ts) in three
// forms: 'text' (one field envelope, `v1.<key>.…`), 'file' (bytea holding sealFile's envelope),
// 'json' (jsonb whose string values anywhere may be envelopes, e.g. registry history snapshots).
// Each column is walked once in key order, in batches, each batch its own transaction with its
// rows locked (FOR UPDATE): a crash loses at most the batch under way, and a second run skips
// every value already under the current key. A value that does not decrypt (tampered, or under a
// key no longer in the ring) is left as it is and reported by table, column and row key.
//
// `findValuesUnderKey` does not use the declarations: it reads information_schema and searches
// every text-like, bytea and json column of every table, so a column nobody declared is found too.
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../db/client.ts';
import { decryptField, encryptField, FieldCryptoError, keyIdOf, type KeyRing } from './field-crypto.ts';

export type SealedForm = 'text' | 'file' | 'json';
/** `key`: the table's integer primary key (batches walk it in order). */
export type SealedColumn = { table: string; column: string; key: string; form: SealedForm };

export type RotationProgress = { table: string; column: string; done: number; total: number };
export type Unreadable = { table: string; column: string; key: string | number; reason: string };
export type RotationResult = { rewritten: number; unreadable: Unreadable[] };

const IDENT = /^[a-z_][a-z0-9_]*$/;
const ENVELOPE_START = 'v1.';
/** At most `rows` rows and `bytes` bytes of stored values per transaction (at least one row). */
export type BatchSizes = { rows: number; bytes: number };
const BATCHES: BatchSizes = { rows: 500, bytes: 8 * 1024 * 1024 };

function ident(name: string): SQL {
  if (!IDENT.test(name)) throw new Error(`not a plain SQL identifier: ${name}`);
  return sql.raw(`"${name}"`);
}

/** SQL true when the column's value is sealed but not under `prefix` (`v1.<current>.`). */
function staleFilter(c: SealedColumn, prefix: string): SQL {
  const col = ident(c.column);
  switch (c.form) {
    case 'text':
      return sql`${col} is not null and not starts_with(${col}, ${prefix})`;
    case 'file':
      // Purged files are kept as zero bytes: nothing to rewrite.
      return sql`octet_length(${col}) > 0 and substr(${col}, 1, ${Buffer.byteLength(prefix)}) <> ${Buffer.from(prefix, 'utf8')}`;
    case 'json':
      return sql`jsonb_path_exists(${col}, '$.** ? (@.type() == "string" && @ starts with "v1." && !(@ starts with $p))', jsonb_build_object('p', ${prefix}::text))`;
  }
}

type Rewriter = { ring: KeyRing; unreadable: Unreadable[]; at: (key: string | number) => Unreadable };

/** The value under the current key; undefined (and reported) when it does not decrypt. */
function rewrite(r: Rewriter, key: string | number, stored: string): string | undefined {
  try {
    return encryptField(r.ring, decryptField(r.ring, stored));
  } catch (err) {
    if (!(err instanceof FieldCryptoError)) throw err;
    r.unreadable.push({ ...r.at(key), reason: err.reason });
    return undefined;
  }
}

/** Every string in a JSON value that is an envelope under another key, rewritten (in place). */
function rewriteJson(r: Rewriter, key: string | number, value: unknown): { value: unknown; changed: boolean } {
  let changed = false;
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') {
      if (!v.startsWith(ENVELOPE_START)) return v;
      let keyId: string;
      try {
        keyId = keyIdOf(v);
      } catch {
        return v; // text that only looks like an envelope
      }
      if (keyId === r.ring.current) return v;
      const fresh = rewrite(r, key, v);
      if (fresh === undefined) return v;
      changed = true;
      return fresh;
    }
    if (Array.isArray(v)) return v.map(walk);
    if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  const out = walk(value);
  return { value: out, changed };
}

/** A value's size as stored, without reading it (for text and bytea, not even decompressing). */
function sizeOf(c: SealedColumn): SQL {
  return c.form === 'json' ? sql`pg_column_size(${ident(c.column)})` : sql`octet_length(${ident(c.column)})`;
}

/**
 * One batch of a column: the next rows in key order up to `sizes.rows` rows and `sizes.bytes`
 * bytes (at least one row: a photo of 9 MB is a batch of its own), locked, rewritten, written back.
 * Returns the last key looked at (undefined: the column is done).
 */
async function rotateBatch(tx: DbOrTx, c: SealedColumn, prefix: string, after: string | number | null, r: Rewriter, sizes: BatchSizes): Promise<{ last?: string | number; rewritten: number; seen: number }> {
  const [t, col, k] = [ident(c.table), ident(c.column), ident(c.key)];
  const from = after === null ? sql`true` : sql`${k} > ${after}`;
  const candidates = await queryRows<{ k: number; n: number }>(tx, sql`select ${k} as k, ${sizeOf(c)} as n from ${t} where ${from} and ${staleFilter(c, prefix)} order by ${k} limit ${sizes.rows}`);
  if (candidates.length === 0) return { rewritten: 0, seen: 0 };
  let bytes = 0;
  const chosen: number[] = [];
  for (const f of candidates) {
    if (chosen.length > 0 && bytes + f.n > sizes.bytes) break;
    bytes += f.n;
    chosen.push(f.k);
  }
  // Read again under lock: a row rewritten in between no longer matches and is skipped.
  const rows = await queryRows<{ k: number; v: unknown }>(tx, sql`select ${k} as k, ${col} as v from ${t}
    where ${k} = any(${sql.param(chosen)}::bigint[]) and ${staleFilter(c, prefix)} order by ${k} for update`);
  const keys: number[] = [];
  const values: string[] = [];
  for (const row of rows) {
    if (c.form === 'json') {
      const out = rewriteJson(r, row.k, typeof row.v === 'string' ? JSON.parse(row.v) : row.v);
      if (out.changed) (keys.push(row.k), values.push(JSON.stringify(out.value)));
    } else {
      const stored = c.form === 'file' ? Buffer.from(row.v as Uint8Array).toString('utf8') : (row.v as string);
      const fresh = rewrite(r, row.k, stored);
      if (fresh !== undefined) (keys.push(row.k), values.push(fresh));
    }
  }
  if (keys.length > 0) {
    // One statement for the batch; bytea travels as its (ASCII) text and is converted back.
    const value = c.form === 'json' ? sql`u.v::jsonb` : c.form === 'file' ? sql`convert_to(u.v, 'UTF8')` : sql`u.v`;
    await tx.execute(sql`update ${t} set ${col} = ${value} from unnest(${sql.param(keys)}::bigint[], ${sql.param(values)}::text[]) as u(k, v) where ${t}.${k} = u.k`);
  }
  return { last: chosen.at(-1)!, rewritten: keys.length, seen: chosen.length };
}

/** Values of the column not under the current key (for progress; a second run counts what is left). */
async function countStale(db: DbOrTx, c: SealedColumn, prefix: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from ${ident(c.table)} where ${staleFilter(c, prefix)}`);
  return row!.n;
}

/** Re-encrypt every declared value not under `ring.current`. Safe to interrupt and run again. */
export async function reencryptColumns(
  db: DbOrTx,
  ring: KeyRing,
  columns: readonly SealedColumn[],
  onProgress?: (p: RotationProgress) => void,
  batches: BatchSizes = BATCHES,
): Promise<RotationResult> {
  const prefix = `v1.${ring.current}.`;
  const unreadable: Unreadable[] = [];
  let rewritten = 0;
  for (const c of columns) {
    const total = await countStale(db, c, prefix);
    const r: Rewriter = { ring, unreadable, at: (key) => ({ table: c.table, column: c.column, key, reason: '' }) };
    let after: string | number | null = null;
    let done = 0;
    onProgress?.({ table: c.table, column: c.column, done, total });
    for (;;) {
      const batch = await db.transaction((tx) => rotateBatch(tx, c, prefix, after, r, batches));
      if (batch.last === undefined) break;
      after = batch.last;
      rewritten += batch.rewritten;
      done += batch.seen;
      onProgress?.({ table: c.table, column: c.column, done, total: Math.max(total, done) });
    }
  }
  return { rewritten, unreadable };
}

/** How many values of each declared column are under each key id. */
export async function countByKey(db: DbOrTx, columns: readonly SealedColumn[]): Promise<{ table: string; column: string; keyId: string; count: number }[]> {
  const out: { table: string; column: string; keyId: string; count: number }[] = [];
  for (const c of columns) {
    const col = ident(c.column);
    const keyOf =
      c.form === 'text'
        ? sql`select split_part(${col}, '.', 2) as key_id from ${ident(c.table)} where ${col} like 'v1.%'`
        : c.form === 'file'
          ? sql`select split_part(convert_from(substr(${col}, 1, 40), 'UTF8'), '.', 2) as key_id from ${ident(c.table)} where substr(${col}, 1, 3) = ${Buffer.from(ENVELOPE_START)}`
          : sql`select split_part(s #>> '{}', '.', 2) as key_id from ${ident(c.table)}, jsonb_path_query(${col}, '$.** ? (@.type() == "string" && @ starts with "v1.")') as s`;
    const rows = await queryRows<{ key_id: string; n: number }>(db, sql`select key_id, count(*)::int as n from (${keyOf}) v group by key_id order by key_id`);
    for (const row of rows) out.push({ table: c.table, column: c.column, keyId: row.key_id, count: row.n });
  }
  return out;
}

/**
 * Every column of every table (outside PostgreSQL's own schemas) holding a value sealed under
 * `keyId`: text, varchar, arrays and json(b) searched as text for `v1.<keyId>.<22-char iv>.`,
 * bytea for the bytes `v1.<keyId>.`. One pass over each table that has such columns.
 */
export async function findValuesUnderKey(db: DbOrTx, keyId: string): Promise<{ schema: string; table: string; column: string; rows: number }[]> {
  if (!/^[A-Za-z0-9_-]{1,32}$/.test(keyId)) throw new Error(`not a key id: ${keyId}`);
  const columns = await queryRows<{ schema: string; table: string; column: string; type: string }>(db, sql`
    select c.table_schema as "schema", c.table_name as "table", c.column_name as "column", c.data_type as "type"
      from information_schema.columns c join information_schema.tables t using (table_schema, table_name)
     where t.table_type = 'BASE TABLE' and c.table_schema not in ('pg_catalog', 'information_schema') and c.table_schema not like 'pg\\_%'
       and (c.data_type in ('text', 'character varying', 'character', 'bytea', 'json', 'jsonb', 'ARRAY', 'USER-DEFINED'))
     order by 1, 2, 3`);
  const pattern = `v1\\.${keyId}\\.[A-Za-z0-9_-]{22}\\.`;
  const prefix = Buffer.from(`v1.${keyId}.`, 'utf8');
  const byTable = new Map<string, typeof columns>();
  for (const c of columns) byTable.set(`${c.schema}.${c.table}`, [...(byTable.get(`${c.schema}.${c.table}`) ?? []), c]);
  const found: { schema: string; table: string; column: string; rows: number }[] = [];
  for (const cols of byTable.values()) {
    const counts = cols.map((c, i) => {
      const id = sql.identifier(c.column);
      const hit = c.type === 'bytea' ? sql`position(${prefix} in ${id}) > 0` : sql`${id}::text ~ ${pattern}`;
      return sql`count(*) filter (where ${hit})::int as ${sql.identifier(`c${i}`)}`;
    });
    const [row] = await queryRows<Record<string, number>>(db, sql`select ${sql.join(counts, sql`, `)} from ${sql.identifier(cols[0]!.schema)}.${sql.identifier(cols[0]!.table)}`);
    cols.forEach((c, i) => {
      const n = row![`c${i}`] ?? 0;
      if (n > 0) found.push({ schema: c.schema, table: c.table, column: c.column, rows: n });
    });
  }
  return found;
}
