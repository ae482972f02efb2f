// Applies the SQL migrations in migrations/ with drizzle's migrator on either driver. On a server,
// several app processes may start at once: an advisory lock lets one migrate while others wait.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { sql } from 'drizzle-orm';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import { queryRows, type Database } from './client.ts';

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../../../migrations', import.meta.url));
const MIGRATION_LOCK_KEY = 7_246_001; // constant key meaning "lastmile migrations"

export type MigrationStatus = { total: number; applied: number; pending: string[] };

/** `migrationsFolder`: another folder of migrations (upgrade tests apply the ones before a change first). */
export async function migrateDatabase(database: Database, migrationsFolder = MIGRATIONS_FOLDER): Promise<MigrationStatus> {
  const config = { migrationsFolder };
  if (database.kind === 'pglite') {
    await migratePglite(database.db as unknown as PgliteDatabase, config);
  } else {
    // A session-level advisory lock belongs to one connection: hold one for the whole migration.
    const client = await database.pool.connect();
    try {
      await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
      await migratePg(drizzlePg({ client }), config);
    } finally {
      await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => {});
      client.release();
    }
  }
  return migrationStatus(database);
}

export async function migrationStatus(database: Database): Promise<MigrationStatus> {
  const files = readMigrationFiles({ migrationsFolder: MIGRATIONS_FOLDER });
  const [table] = await queryRows<{ present: boolean }>(
    database.db,
    sql`select to_regclass('drizzle.__drizzle_migrations') is not null as present`,
  );
  const applied = new Set<string>();
  if (table?.present) {
    const rows = await queryRows<{ hash: string }>(database.db, sql`select hash from drizzle.__drizzle_migrations`);
    for (const row of rows) applied.add(row.hash);
  }
  const tags = journalTags();
  const pending = files.flatMap((file, i) => (applied.has(file.hash) ? [] : [tags[i] ?? `#${i}`]));
  return { total: files.length, applied: files.length - pending.length, pending };
}

/** Migration names from drizzle-kit's journal, in order. */
function journalTags(): string[] {
  const journal = JSON.parse(readFileSync(`${MIGRATIONS_FOLDER}/meta/_journal.json`, 'utf8')) as {
    entries: { tag: string }[];
  };
  return journal.entries.map((e) => e.tag);
}
