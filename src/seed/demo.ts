// The small demo data set loaded on first start: the demo jurisdiction tree and demo users.
// Idempotent: existing places and users are left alone.
import type { Database } from '../platform/db/client.ts';
import type { Services } from '../platform/services.ts';
import { countUsers } from '../modules/auth/index.ts';
import { insertJurisdictionsIgnoringExisting } from '../modules/jurisdictions/index.ts';
import { demoJurisdictions } from './demo-jurisdictions.ts';

/** Demo accounts share one password, printed at start-up and in the README. Never use in production. */
export const DEMO_PASSWORD = 'Lastmile@2026';

export const DEMO_USERS = [
  { username: 'admin', displayName: '系统管理员', jurisdictionCode: null, roles: ['admin'] },
  { username: 'xhl_approver', displayName: '杏花岭区审批员', jurisdictionCode: '140107', roles: ['county_approver'] },
  { username: 'wbl_approver', displayName: '万柏林区审批员', jurisdictionCode: '140109', roles: ['county_approver'] },
  { username: 'julun_reviewer', displayName: '巨轮街道审核员', jurisdictionCode: '140107001', roles: ['township_reviewer'] },
  { username: 'grid_worker', displayName: '和平社区网格员', jurisdictionCode: '140107001001001', roles: ['grid_worker'] },
] as const;

export type SeedSummary = { jurisdictionsAdded: number; usersAdded: number };

export async function seedDemo(database: Database, services: Services): Promise<SeedSummary> {
  return database.db.transaction(async (tx) => {
    const jurisdictionsAdded = await insertJurisdictionsIgnoringExisting(tx, demoJurisdictions());
    let usersAdded = 0;
    if ((await countUsers(tx)) === 0) {
      for (const u of DEMO_USERS) {
        await services.auth.createUser({ ...u, roles: [...u.roles], password: DEMO_PASSWORD }, tx);
        usersAdded++;
      }
    }
    return { jurisdictionsAdded, usersAdded };
  });
}

/** First start: an empty database (no users) gets the demo set. */
export async function isEmpty(database: Database): Promise<boolean> {
  return (await countUsers(database.db)) === 0;
}
