// Foreign keys checked once per batch instead of once per row, for bulk loads.
//
// PostgreSQL checks a foreign key with a per-row trigger that runs its own query; for an import
// of 100,000 persons into households that is ~350,000 queries and a third of the server's work.
// A loader that knows which rows it references can check them all in one statement per table —
// `SELECT … FOR KEY SHARE` on the referenced keys, the very lock the per-row check takes, so a
// concurrent delete waits just as it would — and skip the per-row triggers for its own COPY with
// `SET LOCAL session_replication_role = replica` (what pg_restore --disable-triggers does).
//
// That setting skips *every* trigger on the tables, so it is used only when it is safe, checked
// once per database: the tables have no triggers but those of their foreign keys, and those keys
// are exactly the ones the loader declares it checks. A trigger or key added later turns the fast
// path off (the loader then runs with the per-row checks, correct and slower), and a test fails
// until the declaration is brought up to date. It also needs the right to set the parameter
// (a superuser, or `GRANT SET ON PARAMETER session_replication_role TO …` on PostgreSQL 15+);
// without it, the same fallback.
import { sql } from 'drizzle-orm';
import { queryRows, type Db, type DbOrTx } from './client.ts';
import { AppError } from '../errors.ts';

/** One foreign key: `table.column → refTable.refColumn`. */
export type ForeignKey = { table: string; column: string; refTable: string; refColumn: string };

const decided = new WeakMap<object, Map<string, Promise<boolean>>>();

/** The foreign keys declared on these tables, as the catalogue has them (single-column keys). */
export async function foreignKeysOn(db: DbOrTx, tables: readonly string[]): Promise<{ keys: ForeignKey[]; userTriggers: string[] }> {
  const keys = await queryRows<ForeignKey & { columns: number }>(
    db,
    sql`select c.conrelid::regclass::text as "table", a.attname as "column", c.confrelid::regclass::text as "refTable",
          r.attname as "refColumn", cardinality(c.conkey) as columns
        from pg_constraint c
        join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
        join pg_attribute r on r.attrelid = c.confrelid and r.attnum = c.confkey[1]
        where c.contype = 'f' and c.conrelid::regclass::text = any(${sql.param([...tables])}::text[])`,
  );
  const triggers = await queryRows<{ name: string }>(
    db,
    sql`select tgrelid::regclass::text || '.' || tgname as name from pg_trigger
        where not tgisinternal and tgrelid::regclass::text = any(${sql.param([...tables])}::text[])`,
  );
  return {
    keys: keys.map((k) => (k.columns === 1 ? k : { ...k, column: `${k.column}+${k.columns - 1}` })),
    userTriggers: triggers.map((t) => t.name),
  };
}

const keyText = (k: ForeignKey) => `${k.table}.${k.column}→${k.refTable}.${k.refColumn}`;

/** Why the declared keys do not describe the tables (empty when they do). */
export function referenceMismatch(actual: { keys: ForeignKey[]; userTriggers: string[] }, declared: readonly ForeignKey[]): string[] {
  const want = new Set(declared.map(keyText));
  const have = new Set(actual.keys.map(keyText));
  return [
    ...actual.userTriggers.map((t) => `trigger ${t}`),
    ...[...have].filter((k) => !want.has(k)).map((k) => `undeclared foreign key ${k}`),
    ...[...want].filter((k) => !have.has(k)).map((k) => `declared foreign key ${k} is not in the database`),
  ];
}

/**
 * True when a loader that checks exactly `declared` itself may skip the per-row triggers on
 * `tables` (decided once per database and declaration).
 */
export function canCheckReferencesInBulk(db: Db, tables: readonly string[], declared: readonly ForeignKey[]): Promise<boolean> {
  let perDb = decided.get(db);
  if (!perDb) decided.set(db, (perDb = new Map()));
  const id = `${tables.join(',')}|${declared.map(keyText).join(',')}`;
  let answer = perDb.get(id);
  if (!answer) {
    answer = (async () => {
      try {
        if (referenceMismatch(await foreignKeysOn(db, tables), declared).length > 0) return false;
        await db.transaction(async (tx) => {
          await tx.execute(sql`set local session_replication_role = replica`);
        });
        return true;
      } catch {
        return false; // not allowed to set it (or the catalogue could not be read): per-row checks
      }
    })();
    perDb.set(id, answer);
  }
  return answer;
}

/** Per-row triggers off until the end of this transaction (call only after canCheckReferencesInBulk). */
export async function skipRowTriggers(tx: DbOrTx): Promise<void> {
  await tx.execute(sql`set local session_replication_role = replica`);
}

/**
 * Lock the referenced rows as a foreign-key check would (FOR KEY SHARE) and throw when any is
 * missing. `keys` are the values the batch refers to (duplicates are fine).
 */
export async function lockReferenced(tx: DbOrTx, table: string, column: string, keys: readonly (string | number)[], type: 'text' | 'bigint'): Promise<void> {
  const distinct = [...new Set(keys)];
  if (distinct.length === 0) return;
  if (!/^[a-z_][a-z0-9_]*$/.test(table) || !/^[a-z_][a-z0-9_]*$/.test(column)) throw new Error(`bad identifier ${table}.${column}`);
  const found = await queryRows<{ key: string | number }>(
    tx,
    sql`select ${sql.raw(`"${column}"`)} as key from ${sql.raw(`"${table}"`)} where ${sql.raw(`"${column}"`)} = any(${sql.param(distinct)}::${sql.raw(type)}[]) for key share`,
  );
  if (found.length === distinct.length) return;
  const present = new Set(found.map((r) => String(r.key)));
  const missing = distinct.filter((k) => !present.has(String(k)));
  throw new MissingReferenceError(table, column, missing.slice(0, 10).map(String));
}

/** A referenced row is gone (deleted after the loader validated its input): a 409 in both languages. */
export class MissingReferenceError extends AppError {
  readonly table: string;
  readonly column: string;
  readonly missing: string[];
  constructor(table: string, column: string, missing: string[]) {
    super(
      'conflict',
      `${table}.${column} has no row for ${missing.join(', ')} (removed while loading?); run the import again — batches already written are not written twice`,
      `${table}.${column} 中已没有 ${missing.join('、')}（可能在导入期间被删除）；请重新导入，已写入的批次不会重复写入`,
    );
    this.name = 'MissingReferenceError';
    this.table = table;
    this.column = column;
    this.missing = missing;
  }
}
