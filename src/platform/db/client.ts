// Opens the database: embedded PGlite (data folder, locked to this process) or a PostgreSQL server
// (pooled). Both come back as the same drizzle `Db` type, so no code above this file knows which.
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import type { ExtractTablesWithRelations, SQL } from 'drizzle-orm';
import { INT8_OID, parseInt8 } from './int8.ts';
import { lockDataDir } from './lock.ts';
import type { Config } from '../config.ts';

// No relational schema: every query names its tables (relational `db.query` is not used), so the
// platform needs no list of the modules' tables.
export type Schema = Record<string, never>;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Stores accept either, so a service can run several stores in one transaction. */
export type DbOrTx = Db | Tx;

export type Database =
  | { kind: 'pglite'; db: Db; client: PGlite; close(): Promise<void> }
  | { kind: 'postgres'; db: Db; pool: pg.Pool; close(): Promise<void> };

export type PgliteDatabase = Extract<Database, { kind: 'pglite' }>;
export type PostgresDatabase = Extract<Database, { kind: 'postgres' }>;

export const SESSION_TIME_ZONE = 'Asia/Shanghai';

// pg parses int8 as string by default; PGlite as a lossy number. Make both the same, once.
pg.types.setTypeParser(INT8_OID, parseInt8);

export async function openPostgres(url: string, poolSize = 10): Promise<PostgresDatabase> {
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    options: `-c TimeZone=${SESSION_TIME_ZONE}`,
    application_name: 'lastmile',
  });
  // An idle client's network error must not crash the process; the pool replaces it.
  pool.on('error', () => {});
  const client = await pool.connect();
  client.release();
  return {
    kind: 'postgres',
    db: drizzlePg({ client: pool }) as unknown as Db,
    pool,
    close: () => pool.end(),
  };
}

/** `dataDir` undefined = in memory (tests). `loadDataDir` seeds it from a dump (test templates). */
export async function openPglite(options: { dataDir?: string; loadDataDir?: Blob } = {}): Promise<PgliteDatabase> {
  const lock = options.dataDir ? lockDataDir(options.dataDir) : undefined;
  try {
    const client = await PGlite.create({
      ...(options.dataDir ? { dataDir: join(options.dataDir, 'pgdata') } : {}),
      ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
      parsers: { [INT8_OID]: parseInt8 },
    });
    await client.exec(`SET TimeZone = '${SESSION_TIME_ZONE}'`);
    return {
      kind: 'pglite',
      db: drizzlePglite({ client }) as unknown as Db,
      client,
      async close() {
        try {
          if (!client.closed) await client.close();
        } finally {
          lock?.release();
        }
      },
    };
  } catch (err) {
    lock?.release();
    throw err;
  }
}

export function openDatabase(config: Config['database']): Promise<Database> {
  return config.kind === 'postgres' ? openPostgres(config.url, config.poolSize) : openPglite({ dataDir: config.dataDir });
}

/** Rows of a raw SQL query, the same shape on both drivers. */
export async function queryRows<T>(db: DbOrTx, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
