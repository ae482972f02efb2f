// Test helpers for the cases tests: an app on an injected clock, sessions for the people who
// handle cases, households in the registry, and local 临时救助 limits for 杏花岭区.
import { createTestApp, type Session, type TestApp } from '../../../test/support/app.ts';
import { SYSTEM_ACTOR } from '../audit/audit.service.ts';

/** The day every service sees (10:00 China time on clock.date). */
export const clock = { date: '2025-09-15' };
export const now = () => new Date(`${clock.date}T10:00:00+08:00`);

export type Res = { status: number; body: any };
export type Api = { session: Session; get(url: string): Promise<Res>; post(url: string, body?: unknown): Promise<Res> };

export type World = {
  t: TestApp;
  /** Move the clock; sessions (30 days here) are renewed when the clock runs past them. */
  at(date: string): Promise<void>;
  as: Record<'admin' | 'county' | 'township' | 'social' | 'grid' | 'otherTownship' | 'otherCounty', Api>;
  userIds: Record<string, number>;
};

function api(t: TestApp, first: Session): Api {
  const parse = (r: { statusCode: number; body: string; headers: Record<string, unknown> }) => ({
    status: r.statusCode,
    body: String(r.headers['content-type'] ?? '').includes('json') ? JSON.parse(r.body) : r.body,
  });
  const self: Api = {
    session: first,
    get: async (url) => parse(await t.app.inject({ method: 'GET', url, headers: self.session.headers })),
    post: async (url, body = {}) => parse(await t.app.inject({ method: 'POST', url, headers: self.session.headers, payload: body as object })),
  };
  return self;
}

/** 杏花岭区 临时救助 limits (a Shanxi county's figures, policy-digest §3): township ≤ 2000 元, per case ≤ 5000, person ≤ 5000/year, household ≤ 10000/year. */
export const LOCAL_LIMITS = {
  'linshi.township_limit_fen': 200_000,
  'linshi.case_cap_fen': 500_000,
  'linshi.yearly_cap_person_fen': 500_000,
  'linshi.yearly_cap_household_fen': 1_000_000,
  'linshi.reserve_fund_fen': 5_000_000,
} as const;

export async function setParameters(t: TestApp, values: Record<string, unknown>, jurisdiction = '140107', from = '2025-01-01'): Promise<void> {
  for (const [key, value] of Object.entries(values)) {
    await t.services.policy.addParameter({ scope: '', roles: ['admin'] }, SYSTEM_ACTOR, { key, jurisdiction, from, value, tag: 'demo', source: '测试用地方参数' });
  }
}

export async function casesApp(date = '2025-09-15', env: NodeJS.ProcessEnv = {}): Promise<World> {
  clock.date = date;
  const t = await createTestApp({ LASTMILE_SESSION_HOURS: '720', LASTMILE_LOGIN_RATE_PER_MINUTE: '10000', ...env }, { now });
  await setParameters(t, LOCAL_LIMITS);
  const userIds: Record<string, number> = {};
  const extra = [
    ['julun_social', ['social_worker'], '140107001'],
    ['sanqiao_reviewer', ['township_reviewer'], '140107002'],
  ] as const;
  for (const [username, roles, code] of extra) {
    userIds[username] = (await t.services.auth.createUser({ username, displayName: username, password: 'Cases#Pass2026', jurisdictionCode: code, roles: [...roles] })).id;
  }
  const accounts = {
    admin: ['admin'], county: ['xhl_approver'], township: ['julun_reviewer'], social: ['julun_social', 'Cases#Pass2026'],
    grid: ['grid_worker'], otherTownship: ['sanqiao_reviewer', 'Cases#Pass2026'], otherCounty: ['wbl_approver'],
  } as const;
  const as = {} as World['as'];
  for (const [key, [name, password]] of Object.entries(accounts) as [keyof World['as'], readonly [string, string?]][]) as[key] = api(t, await t.login(name, password));
  let loggedInOn = date;
  return {
    t,
    userIds,
    as,
    async at(next: string) {
      clock.date = next;
      if (Date.parse(next) - Date.parse(loggedInOn) < 20 * 86_400_000) return;
      for (const [key, [name, password]] of Object.entries(accounts) as [keyof World['as'], readonly [string, string?]][]) as[key].session = await t.login(name, password);
      loggedInOn = next;
    },
  };
}

type Member = { name: string; birthDate: string; relationship?: 'head' | 'spouse' | 'child' | 'parent' | 'grandparent' | 'grandchild' | 'sibling' | 'other'; workCapacity?: 'full' | 'partial' | 'none'; idNumber?: string };

/**
 * A household in the registry: members with local hukou, and (optionally) the head's monthly
 * income in each of the 12 months before `clock.date` (subtype salary unless told).
 */
export async function household(t: TestApp, o: { code?: string; members: Member[]; monthlyIncomeFen?: number; subtype?: 'salary' | 'flexible_work' }): Promise<{ id: number; personIds: number[] }> {
  const code = o.code ?? '140107001001001';
  const caller = { scope: '' };
  const personIds: number[] = [];
  for (const m of o.members) {
    personIds.push((await t.services.persons.create(caller, { name: m.name, birthDate: m.birthDate, hukouCode: code, jurisdictionCode: code, ...(m.workCapacity ? { workCapacity: m.workCapacity } : {}), ...(m.idNumber ? { idNumber: m.idNumber } : {}) }, SYSTEM_ACTOR)).id);
  }
  const id = (await t.services.households.create(caller, { jurisdictionCode: code, headPersonId: personIds[0]! }, SYSTEM_ACTOR)).id;
  for (const [i, m] of o.members.entries()) {
    if (i > 0) await t.services.households.addMember(caller, id, { personId: personIds[i]!, relationship: m.relationship ?? 'child' }, SYSTEM_ACTOR);
  }
  if (o.monthlyIncomeFen) {
    const [y, mo] = clock.date.split('-').map(Number) as [number, number];
    for (let k = 1; k <= 12; k++) {
      const index = y * 12 + (mo - 1) - k;
      const month = `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
      await t.services.households.addItem(caller, id, 'incomes', { personId: personIds[0]!, type: 'wage', subtype: o.subtype ?? 'salary', month, amountFen: o.monthlyIncomeFen, source: '测试' }, SYSTEM_ACTOR);
    }
  }
  return { id, personIds };
}

/** The visit every investigation needs: two investigators, signed by the family. */
export const HOME_VISIT = (visitedOn: string) => ({
  kind: 'home_visit', visitedOn, investigators: [{ name: '王调查' }, { name: '李调查' }],
  findings: '入户核实：家庭成员、收入与申报一致，住房一套。', familyConfirmed: true, confirmedBy: '户主',
});

export const ALL_MATERIALS: Record<'dibao' | 'tekun' | 'temporary' | 'fcu', string[]> = {
  dibao: ['application_form', 'id_card', 'hukou_book', 'income_proof', 'property_declaration'],
  tekun: ['application_form', 'id_card', 'hukou_book', 'income_proof', 'property_declaration', 'supporter_info'],
  temporary: ['application_form', 'id_card', 'hukou_book', 'cause_proof'],
  fcu: ['application_form', 'child_id', 'guardian_id', 'parent_situation_proof'],
};
