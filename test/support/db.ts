// A fresh, migrated database for one test file: PGlite loaded from the run's template dump, or a
// PostgreSQL database cloned from the run's template database. LASTMILE_TEST_DB picks which.
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { openPglite, openPostgres, type Database } from '../../src/platform/db/client.ts';
import { prepareDatabase } from '../../src/app/prepare.ts';
import { adminQuery, databaseUrl } from './templates.ts';

export const testDriver: 'pg' | 'pglite' = process.env.LASTMILE_TEST_DB === 'pg' ? 'pg' : 'pglite';

export type TestDatabase = Database & { url?: string };

export async function createTestDatabase(): Promise<TestDatabase> {
  if (testDriver === 'pg') {
    const base = process.env.LASTMILE_TEST_PG_URL!;
    const name = `${process.env.LASTMILE_TEST_PG_PREFIX}${randomBytes(4).toString('hex')}`;
    await adminQuery(base, `create database ${name} template ${process.env.LASTMILE_TEST_PG_TEMPLATE}`);
    const url = databaseUrl(base, name);
    const database = await openPostgres(url, 10);
    return {
      ...database,
      url,
      async close() {
        await database.close();
        await adminQuery(base, `drop database if exists ${name} with (force)`);
      },
    };
  }
  const template = process.env.LASTMILE_TEST_PGLITE_TEMPLATE;
  if (!template) {
    // Run directly with `node --test file`: migrate a fresh in-memory database instead.
    const database = await openPglite();
    await prepareDatabase(database);
    return database;
  }
  return openPglite({ loadDataDir: new Blob([await readFile(template)]) });
}

/** An empty PostgreSQL database (no migrations) for tests that start the real server on it. */
export async function createEmptyPgDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const base = process.env.LASTMILE_TEST_PG_URL!;
  const name = `${process.env.LASTMILE_TEST_PG_PREFIX}${randomBytes(4).toString('hex')}`;
  await adminQuery(base, `create database ${name}`);
  return { url: databaseUrl(base, name), drop: () => adminQuery(base, `drop database if exists ${name} with (force)`) };
}

/** An empty database (no migrations) on the test driver, for tests that migrate it step by step. */
export async function createUnmigratedDatabase(): Promise<TestDatabase> {
  if (testDriver === 'pglite') return openPglite();
  const { url, drop } = await createEmptyPgDatabase();
  const database = await openPostgres(url, 4);
  return {
    ...database,
    url,
    async close() {
      await database.close();
      await drop();
    },
  };
}
