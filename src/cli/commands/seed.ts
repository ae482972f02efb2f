import type { Command } from 'commander';
import { loadConfig } from '../../platform/config.ts';
import { prepareDatabase } from '../../app/prepare.ts';
import { createServices } from '../../app/services.ts';
import { seedDemo } from '../../seed/demo.ts';
import { withDatabase } from './db.ts';
import { loadKeyRing } from '../../platform/crypto/keys.ts';
import { loadGeneratedHouseholds } from '../../seed/load-generated.ts';
import { progressBar } from '../progress.ts';

export function registerSeed(program: Command): void {
  const seed = program.command('seed').description('load data sets / 载入数据');
  seed
    .command('demo')
    .description('load the demo places and users, and optionally N generated households (idempotent, resumable) / 载入演示数据')
    .option('--households <n>', 'also generate and load this many households (up to 1,000,000)', (v) => Number.parseInt(v, 10))
    .option('--seed <n>', 'random seed for the generated households (same seed, same data)', (v) => Number.parseInt(v, 10), 2026)
    .action(async (opts: { households?: number; seed: number }) => {
      if (opts.households !== undefined && !(opts.households >= 0 && opts.households <= 1_000_000)) {
        throw new Error('--households must be between 0 and 1000000 / --households 须在 0 到 1000000 之间');
      }
      await withDatabase(async (database) => {
        await prepareDatabase(database);
        const config = loadConfig();
        const services = createServices(config, database, loadKeyRing(config.keys, console));
        const summary = await seedDemo(database, services);
        console.log(`demo data: ${summary.jurisdictionsAdded} places and ${summary.usersAdded} users added`);
        if (opts.households) {
          const bar = progressBar('households 户', opts.households);
          const stats = await loadGeneratedHouseholds(database, services, { seed: opts.seed, count: opts.households, onProgress: (n) => bar.update(n) });
          bar.finish();
          console.log(
            `loaded ${stats.households} households (${stats.skipped} already there), ${stats.persons} persons, ${stats.rows} rows in ${stats.seconds.toFixed(1)} s (${Math.round(stats.rows / stats.seconds)} rows/s)`,
          );
        }
      });
    });
}
