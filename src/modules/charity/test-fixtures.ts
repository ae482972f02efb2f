// Shared set-up of the social-force tests: a charity of 杏花岭区 with a linked organisation user,
// a warehouse and the rice/oil/flour of the catalogue.
import type { TestApp, Session } from '../../../test/support/app.ts';

export const PASS = 'Charity#Tests2026';
export type Inject = (s: Session, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) => Promise<{ statusCode: number; json(): any; body: string; rawPayload: Buffer }>;

export function injector(t: TestApp): Inject {
  return (s, method, url, payload) => t.app.inject({ method, url, headers: s.headers, ...(payload ? { payload } : {}) }) as never;
}

export async function charitySetup(t: TestApp, suffix = '') {
  const inject = injector(t);
  const admin = await t.login('admin');
  const org = (await inject(admin, 'POST', '/api/organisations', {
    kind: 'charity', name: `杏花岭区慈善会${suffix}`, creditCode: suffix ? '91330100716105852F' : '53100000500021676K', jurisdictionCode: '140107', charityStatus: 'recognised', publicFundraising: true,
  })).json();
  const username = `charity${suffix || '_a'}`;
  const userId = (await t.services.auth.createUser({ username, displayName: '慈善会经办人', password: PASS, jurisdictionCode: '140107', roles: ['organisation'] })).id;
  await inject(admin, 'POST', `/api/organisations/${org.id}/users`, { userId });
  const user = await t.login(username, PASS);
  const store = (await inject(user, 'POST', '/api/charity/stores', { name: `慈善会仓库${suffix}`, kind: 'warehouse', jurisdictionCode: '140107' })).json();
  const item = async (name: string, unit: string, unitValueFen: number, category = 'grain') => {
    const found = (await inject(admin, 'GET', '/api/charity/items')).json().items.find((i: { name: string; unit: string }) => i.name === name && i.unit === unit);
    return found ?? (await inject(admin, 'POST', '/api/charity/items', { name, unit, category, perishable: true, unitValueFen })).json();
  };
  const rice = await item('大米', '袋（10千克）', 6000);
  const oil = await item('食用油', '桶（5升）', 7500);
  const flour = await item('面粉', '袋（10千克）', 4500);
  return { inject, admin, org, user, userId, store, rice, oil, flour };
}
