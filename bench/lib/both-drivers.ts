// Runs a bench on PGlite (in memory), then on a new PostgreSQL database under DATABASE_URL when
// it is set (dropped afterwards).
import { randomBytes } from 'node:crypto';
import { openPglite, openPostgres, type Database } from '../../src/platform/db/client.ts';
import { adminQuery, databaseUrl } from '../../test/support/templates.ts';

export async function onBothDrivers(run: (driver: 'PGlite' | 'PostgreSQL', database: Database) => Promise<void>): Promise<void> {
  const pglite = await openPglite();
  try {
    await run('PGlite', pglite);
  } finally {
    await pglite.close();
  }
  const base = process.env.DATABASE_URL;
  if (!base) return;
  const name = `lastmile_bench_${randomBytes(3).toString('hex')}`;
  await adminQuery(base, `create database ${name}`);
  const database = await openPostgres(databaseUrl(base, name), 4);
  try {
    await run('PostgreSQL', database);
  } finally {
    await database.close();
    await adminQuery(base, `drop database ${name}`);
  }
}
