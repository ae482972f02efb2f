import type { Command } from 'commander';
import { loadConfig } from '../../platform/config.ts';
import { migrateDatabase } from '../../platform/db/migrate.ts';
import { createServices } from '../../platform/services.ts';
import { seedDemo } from '../../seed/demo.ts';
import { withDatabase } from './db.ts';
import { loadKeyRing } from '../../platform/crypto/keys.ts';

export function registerSeed(program: Command): void {
  const seed = program.command('seed').description('load data sets / 载入数据');
  seed
    .command('demo')
    .description('load the demo places and users (idempotent) / 载入演示数据')
    .action(async () => {
      await withDatabase(async (database) => {
        await migrateDatabase(database);
        const config = loadConfig();
        const summary = await seedDemo(database, createServices(config, database, loadKeyRing(config.keys, console)));
        console.log(`demo data: ${summary.jurisdictionsAdded} places and ${summary.usersAdded} users added`);
      });
    });
}
