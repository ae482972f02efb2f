// The small demo data set loaded on first start: the demo jurisdiction tree and demo users.
// Idempotent: existing places and users are left alone.
import type { Database } from '../platform/db/client.ts';
import type { Services } from '../app/services.ts';
import { countUsers } from '../modules/auth/index.ts';
import { SYSTEM_ACTOR } from '../modules/audit/index.ts';
import { insertJurisdictionsIgnoringExisting } from '../modules/jurisdictions/index.ts';
import { demoJurisdictions } from './demo-jurisdictions.ts';

/** Demo accounts share one password, printed at start-up and in the README. Never use in production (the policy refuses it outside demo mode). */
export { DEMO_PASSWORD } from '../lib/password-policy.ts';
import { DEMO_PASSWORD } from '../lib/password-policy.ts';

export const DEMO_USERS = [
  { username: 'admin', displayName: '系统管理员', jurisdictionCode: null, roles: ['admin'], phone: '13800000001' },
  { username: 'xhl_approver', displayName: '杏花岭区审批员', jurisdictionCode: '140107', roles: ['county_approver'], phone: '13934510702' },
  { username: 'wbl_approver', displayName: '万柏林区审批员', jurisdictionCode: '140109', roles: ['county_approver'], phone: '13934510903' },
  { username: 'julun_reviewer', displayName: '巨轮街道审核员', jurisdictionCode: '140107001', roles: ['township_reviewer'], phone: '15135100104' },
  { username: 'grid_worker', displayName: '和平社区网格员', jurisdictionCode: '140107001001001', roles: ['grid_worker'], phone: '18634500105' },
] as const;

export type SeedSummary = { jurisdictionsAdded: number; usersAdded: number };

export async function seedDemo(database: Database, services: Services): Promise<SeedSummary> {
  return database.db.transaction(async (tx) => {
    const jurisdictionsAdded = await insertJurisdictionsIgnoringExisting(tx, demoJurisdictions());
    let usersAdded = 0;
    if ((await countUsers(tx)) === 0) {
      for (const u of DEMO_USERS) {
        const phoneEnc = services.sensitive.encrypt(u.phone);
        const user = await services.auth.createUser({ ...u, roles: [...u.roles], password: DEMO_PASSWORD, phoneEnc }, tx);
        await services.audit.record(tx, SYSTEM_ACTOR, { action: 'create', entity: 'user', entityId: user.id, jurisdictionCode: user.jurisdictionCode, reason: 'demo data' });
        usersAdded++;
      }
    }
    if (jurisdictionsAdded > 0) {
      await services.audit.record(tx, SYSTEM_ACTOR, { action: 'create', entity: 'jurisdiction', reason: `demo data: ${jurisdictionsAdded} places` });
    }
    return { jurisdictionsAdded, usersAdded };
  });
}

/**
 * A production first start (no demo data): one system-wide admin with a random one-time
 * password, which must be changed at first login. Returns the password to print once.
 */
export async function ensureInitialAdmin(database: Database, services: Services): Promise<string | null> {
  if (!(await isEmpty(database))) return null;
  const { randomBytes } = await import('node:crypto');
  const password = `Lm-${randomBytes(9).toString('base64url')}#1`;
  await database.db.transaction(async (tx) => {
    const admin = await services.auth.createUser(
      { username: 'admin', displayName: '系统管理员', password, jurisdictionCode: null, roles: ['admin'], mustChangePassword: true },
      tx,
    );
    await services.audit.record(tx, SYSTEM_ACTOR, { action: 'create', entity: 'user', entityId: admin.id, reason: 'initial administrator' });
  });
  return password;
}

/** First start: an empty database (no users) gets the demo set. */
export async function isEmpty(database: Database): Promise<boolean> {
  return (await countUsers(database.db)) === 0;
}
