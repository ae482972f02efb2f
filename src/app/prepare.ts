// A database ready for the code: migrated, and with the policy parameter files (data shipped
// with the code) loaded. Start-up, `lastmile db migrate`, seeding and test templates all use it.
import type { Database } from '../platform/db/client.ts';
import { migrateDatabase, type MigrationStatus } from '../platform/db/migrate.ts';
import { syncParameterFiles } from '../modules/policy/policy.sync.ts';

export async function prepareDatabase(database: Database): Promise<MigrationStatus & { parametersLoaded: number }> {
  const status = await migrateDatabase(database);
  return { ...status, parametersLoaded: await syncParameterFiles(database.db) };
}
