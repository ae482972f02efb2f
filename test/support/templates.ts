// Migrated template databases, made once per test run by test/run.ts: a PGlite data-dir dump
// (each test file loads a copy) and a PostgreSQL template database (each file gets a clone).
import { writeFile } from 'node:fs/promises';
import pg from 'pg';
import { openPglite, openPostgres } from '../../src/platform/db/client.ts';
import { prepareDatabase } from '../../src/app/prepare.ts';

export const DEFAULT_TEST_PG_URL = 'postgres://postgres@127.0.0.1:5432/test';

export async function makePgliteTemplate(file: string): Promise<void> {
  const database = await openPglite();
  await prepareDatabase(database);
  const dump = await database.client.dumpDataDir('none');
  await writeFile(file, Buffer.from(await dump.arrayBuffer()));
  await database.close();
}

export function databaseUrl(baseUrl: string, name: string): string {
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function makePgTemplate(baseUrl: string, name: string): Promise<void> {
  await adminQuery(baseUrl, `drop database if exists ${name}`);
  await adminQuery(baseUrl, `create database ${name}`);
  const database = await openPostgres(databaseUrl(baseUrl, name), 1);
  await prepareDatabase(database);
  await database.close();
}

/** Drop test databases left by this run (or by an earlier run that was killed). */
/** Whether a process with this pid is running on this machine. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Drop databases under a prefix. test/run.ts names a run's databases `lastmile_t<pid>_…`: those
 * of another run still going (two suites side by side) are left alone, a killed run's are dropped.
 */
export async function dropDatabases(baseUrl: string, prefix: string): Promise<void> {
  const client = new pg.Client({ connectionString: baseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>(
      `select datname from pg_database where datname like $1`,
      [`${prefix}%`],
    );
    for (const { datname } of rows) {
      const pid = Number(/^lastmile_t(\d+)_/.exec(datname)?.[1]);
      if (Number.isInteger(pid) && pid !== process.pid && alive(pid)) continue;
      await client.query(`drop database if exists "${datname}" with (force)`);
    }
  } finally {
    await client.end();
  }
}

export async function adminQuery(baseUrl: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: baseUrl });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}
