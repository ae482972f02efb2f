// Loads generated demo/benchmark households: batches of households in one transaction each,
// an audit entry per batch. Running it again skips what is there (household keys), so a load
// cut off by a crash is finished by running the same command again.
import type { Database } from '../platform/db/client.ts';
import type { Services } from '../app/services.ts';
import { SYSTEM_ACTOR } from '../modules/audit/index.ts';
import { loadHouseholdBatch, type HouseholdBundle } from '../modules/households/bulk-load.ts';
import { todayLocal } from '../lib/local-date.ts';
import { demoResidences, generateHouseholds } from './generator/index.ts';

export type LoadStats = { households: number; persons: number; rows: number; skipped: number; seconds: number };

export async function loadGeneratedHouseholds(
  database: Database,
  services: Services,
  options: { seed: number; count: number; batchSize?: number; onProgress?: (done: number) => void },
): Promise<LoadStats> {
  const started = performance.now();
  const batchSize = options.batchSize ?? 500;
  const stats: LoadStats = { households: 0, persons: 0, rows: 0, skipped: 0, seconds: 0 };
  let batch: HouseholdBundle[] = [];
  let done = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    const first = done;
    const result = await database.db.transaction(async (tx) => {
      const r = await loadHouseholdBatch(tx, services.sensitive, batch, todayLocal());
      if (r.households > 0) {
        await services.audit.record(tx, SYSTEM_ACTOR, { action: 'bulk_load', entity: 'household', reason: `demo data seed ${options.seed}: households ${first}–${first + batch.length - 1}, ${r.households} new` });
      }
      return r;
    });
    stats.households += result.households;
    stats.persons += result.persons;
    stats.rows += result.rows;
    stats.skipped += result.skipped;
    done += batch.length;
    batch = [];
    options.onProgress?.(done);
  };
  for (const h of generateHouseholds({ seed: options.seed, count: options.count, residences: demoResidences() })) {
    batch.push(h as unknown as HouseholdBundle);
    if (batch.length >= batchSize) await flush();
  }
  await flush();
  stats.seconds = (performance.now() - started) / 1000;
  return stats;
}
