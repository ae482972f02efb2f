import type { Command } from 'commander';
import { sql } from 'drizzle-orm';
import { loadConfig } from '../../platform/config.ts';
import { openDatabase, queryRows, type Database } from '../../platform/db/client.ts';
import { migrationStatus } from '../../platform/db/migrate.ts';
import { prepareDatabase } from '../../app/prepare.ts';

export async function withDatabase<T>(fn: (database: Database) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const database = await openDatabase(config.database);
  try {
    return await fn(database);
  } finally {
    await database.close();
  }
}

export function registerDb(program: Command): void {
  const db = program.command('db').description('database maintenance / 数据库维护');

  db.command('migrate')
    .description('apply pending migrations / 执行数据库迁移')
    .action(async () => {
      await withDatabase(async (database) => {
        const before = await migrationStatus(database);
        const after = await prepareDatabase(database);
        console.log(`applied ${before.pending.length} migration(s); ${after.applied}/${after.total} applied, ${after.pending.length} pending`);
        console.log(`policy parameters: ${after.parametersLoaded} new value(s) loaded from policy/parameters`);
      });
    });

  db.command('status')
    .description('show database kind and migration status / 查看数据库与迁移状态')
    .action(async () => {
      await withDatabase(async (database) => {
        const status = await migrationStatus(database);
        const [version] = await queryRows<{ v: string }>(database.db, sql`select version() as v`);
        console.log(`database: ${database.kind} (${version?.v.split(' on ')[0]})`);
        console.log(`migrations: ${status.applied}/${status.total} applied`);
        for (const p of status.pending) console.log(`  pending: ${p}`);
        if (status.pending.length > 0) process.exitCode = 3;
      });
    });
}
