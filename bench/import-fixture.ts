// What the import benches share: a fresh database with the demo places and users, as an import
// finds them — PostgreSQL next to DATABASE_URL (a new lastmile_bench_* database) or PGlite.
import { randomBytes } from 'node:crypto';
import { loadConfig } from '../src/platform/config.ts';
import { openPglite, openPostgres, type Database } from '../src/platform/db/client.ts';
import { migrateDatabase } from '../src/platform/db/migrate.ts';
import { createServices } from '../src/app/services.ts';
import { generateKeyRingJson, parseKeyRing, type KeyRing } from '../src/platform/crypto/field-crypto.ts';
import { seedDemo } from '../src/seed/demo.ts';
import { adminQuery, databaseUrl } from '../test/support/templates.ts';

export type BenchDatabase = {
  database: Database;
  services: ReturnType<typeof createServices>;
  /** Closes the database and, with `keep` false, drops it (PostgreSQL). */
  close(keep?: boolean): Promise<void>;
};

export async function freshDatabase(keyRing: KeyRing = parseKeyRing(generateKeyRingJson())): Promise<BenchDatabase> {
  let database: Database;
  let drop = async () => {};
  if (process.env.DATABASE_URL) {
    const name = `lastmile_bench_${randomBytes(3).toString('hex')}`;
    await adminQuery(process.env.DATABASE_URL, `create database ${name}`);
    database = await openPostgres(databaseUrl(process.env.DATABASE_URL, name), 2);
    drop = async () => {
      await adminQuery(process.env.DATABASE_URL!, `drop database ${name} with (force)`);
    };
  } else {
    database = await openPglite();
  }
  await migrateDatabase(database);
  const services = createServices(loadConfig({ LOG_LEVEL: 'silent' }), database, keyRing);
  await seedDemo(database, services);
  return {
    database,
    services,
    async close(keep = false) {
      await database.close();
      if (!keep) await drop();
    },
  };
}
