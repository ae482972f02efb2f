// Shared set-up of the social-force tests: a charity of 杏花岭区 with a linked organisation user,
// a warehouse and the rice/oil/flour of the catalogue.
import { sql, type SQL } from 'drizzle-orm';
import type { TestApp, Session } from '../../../test/support/app.ts';
import { queryRows, type Db } from '../../platform/db/client.ts';
import { reserveIds } from '../../platform/db/bulk-insert.ts';

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

/**
 * `n` copies of a template 低保 family (person, household, membership, approved case, active
 * payment plan) living at `place`, inserted set-based: a community of 1,400 or 10,000 households
 * for distribution tests and the benchmark, without running the case workflow n times. The copies
 * have no ID number; everything else is the template's.
 */
export async function cloneFamilies(db: Db, template: { personId: number; householdId: number; caseId: number; planId: number }, place: string, n: number): Promise<number[]> {
  return db.transaction(async (tx) => {
    const ids = { persons: await reserveIds(tx, 'persons', n), households: await reserveIds(tx, 'households', n), cases: await reserveIds(tx, 'assistance_cases', n), plans: await reserveIds(tx, 'payment_plans', n) };
    const columns = async (table: string) =>
      (await queryRows<{ column_name: string }>(tx, sql`select column_name from information_schema.columns where table_schema = current_schema() and table_name = ${table} and column_name <> 'id' order by ordinal_position`)).map((c) => c.column_name);
    const clone = async (table: string, templateWhere: SQL, ownIds: number[] | null, overrides: Record<string, SQL>) => {
      const cols = await columns(table);
      const target = [...(ownIds ? ['id'] : []), ...cols];
      const values = [...(ownIds ? [sql`u.own`] : []), ...cols.map((c) => overrides[c] ?? sql`t.${sql.identifier(c)}`)];
      await tx.execute(sql`insert into ${sql.identifier(table)} (${sql.join(target.map((c) => sql.identifier(c)), sql`, `)}) ${ownIds ? sql`overriding system value` : sql``}
        select ${sql.join(values, sql`, `)}
        from unnest(${sql.param(ownIds ?? ids.persons)}::bigint[], ${sql.param(ids.persons)}::bigint[], ${sql.param(ids.households)}::bigint[], ${sql.param(ids.cases)}::bigint[], ${sql.param(ids.plans)}::bigint[]) with ordinality as u(own, pid, hid, cid, plid, g)
        cross join (select * from ${sql.identifier(table)} where ${templateWhere}) t`);
    };
    await clone('persons', sql`id = ${template.personId}`, ids.persons, { name: sql`'受助人' || u.g`, id_number_enc: sql`null`, id_number_index: sql`null`, phone_enc: sql`null`, phone_index: sql`null`, jurisdiction_code: sql`${place}` });
    await clone('households', sql`id = ${template.householdId}`, ids.households, { head_person_id: sql`u.pid`, external_key: sql`null`, jurisdiction_code: sql`${place}` });
    await clone('household_members', sql`household_id = ${template.householdId} and person_id = ${template.personId}`, null, { household_id: sql`u.hid`, person_id: sql`u.pid` });
    await clone('assistance_cases', sql`id = ${template.caseId}`, ids.cases, { case_no: sql`'CLONE-' || u.cid`, household_id: sql`u.hid`, applicant_person_id: sql`u.pid`, beneficiary_person_id: sql`u.pid`, jurisdiction_code: sql`${place}` });
    await clone('payment_plans', sql`id = ${template.planId}`, ids.plans, { case_id: sql`u.cid`, household_id: sql`u.hid`, payee_person_id: sql`u.pid`, jurisdiction_code: sql`${place}` });
    return ids.households;
  });
}
