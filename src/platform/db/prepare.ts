// A database ready for the code: migrated, and with the policy parameter files (data shipped
// with the code) loaded. Start-up, `lastmile db migrate`, seeding and test templates all use it.
import type { Database } from './client.ts';
import { migrateDatabase } from './migrate.ts';
import { syncParameterFiles } from '../../modules/policy/policy.sync.ts';

export async function prepareDatabase(database: Database): Promise<{ parametersLoaded: number }> {
  await migrateDatabase(database);
  return { parametersLoaded: await syncParameterFiles(database.db) };
}
