// Test helpers for help requests: an app on an injected clock (an instant that tests move), the
// people who take and handle requests, and registered callers with a 连心卡.
import { createTestApp, type Session, type TestApp } from '../../../test/support/app.ts';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../platform/db/client.ts';
import { SYSTEM_ACTOR } from '../audit/audit.service.ts';

export const clock = { at: new Date('2025-09-15T09:00:00+08:00') };
export const now = () => clock.at;
export const HOUR = 3_600_000;

export type Res = { status: number; body: any };
export type Api = { session: Session; get(url: string): Promise<Res>; post(url: string, body?: unknown): Promise<Res>; put(url: string, body?: unknown): Promise<Res>; del(url: string): Promise<Res> };

/** Demo places: 巨轮街道 (140107001) / 和平社区 (…001) with grids 001 (has the demo grid worker) and 002 (none). */
export const GRID_1 = '140107001001001';
export const GRID_2 = '140107001001002';
export const COMMUNITY = '140107001001';
export const OTHER_COMMUNITY = '140107001002';
export const TOWNSHIP = '140107001';

export function api(t: TestApp, first: Session): Api {
  const parse = (r: { statusCode: number; body: string; headers: Record<string, unknown> }) => ({
    status: r.statusCode,
    body: String(r.headers['content-type'] ?? '').includes('json') ? JSON.parse(r.body) : r.body,
  });
  const self: Api = {
    session: first,
    get: async (url) => parse(await t.app.inject({ method: 'GET', url, headers: self.session.headers })),
    post: async (url, body = {}) => parse(await t.app.inject({ method: 'POST', url, headers: self.session.headers, payload: body as object })),
    put: async (url, body = {}) => parse(await t.app.inject({ method: 'PUT', url, headers: self.session.headers, payload: body as object })),
    del: async (url) => parse(await t.app.inject({ method: 'DELETE', url, headers: self.session.headers })),
  };
  return self;
}

export type World = {
  t: TestApp;
  as: Record<'admin' | 'county' | 'township' | 'community' | 'grid' | 'grid2' | 'otherCounty', Api>;
  userIds: Record<string, number>;
  /** A registered person with a 连心卡 and a phone. */
  person(input: { name: string; jurisdictionCode?: string; phone?: string; contactCardNo?: string }): Promise<number>;
};

export async function requestsApp(at = '2025-09-15T09:00:00+08:00', env: NodeJS.ProcessEnv = {}): Promise<World> {
  clock.at = new Date(at);
  const t = await createTestApp({ LASTMILE_SESSION_HOURS: '720', LASTMILE_LOGIN_RATE_PER_MINUTE: '10000', ...env }, { now });
  const userIds: Record<string, number> = {};
  const extra = [
    ['heping_social', '和平社区社工', ['social_worker'], COMMUNITY],
    ['grid_worker_2', '和平社区第二网格网格员', ['grid_worker'], GRID_2],
  ] as const;
  for (const [username, displayName, roles, code] of extra) {
    userIds[username] = (await t.services.auth.createUser({ username, displayName, password: 'Requests#Pass2026', jurisdictionCode: code, roles: [...roles] })).id;
  }
  const accounts = {
    admin: ['admin'], county: ['xhl_approver'], township: ['julun_reviewer'], community: ['heping_social', 'Requests#Pass2026'],
    grid: ['grid_worker'], grid2: ['grid_worker_2', 'Requests#Pass2026'], otherCounty: ['wbl_approver'],
  } as const;
  const as = {} as World['as'];
  for (const [key, [name, password]] of Object.entries(accounts) as [keyof World['as'], readonly [string, string?]][]) as[key] = api(t, await t.login(name, password));
  const rows = await queryRows<{ id: number; username: string }>(t.database.db, sql`select id, username from users`);
  for (const u of rows) userIds[u.username] ??= u.id;
  return {
    t,
    as,
    userIds,
    async person(input) {
      const p = await t.services.persons.create({ scope: '' }, { name: input.name, jurisdictionCode: input.jurisdictionCode ?? GRID_1, phone: input.phone, contactCardNo: input.contactCardNo } as never, SYSTEM_ACTOR);
      return p.id;
    },
  };
}
