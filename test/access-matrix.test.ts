// Generated from the OpenAPI document: for every API operation, every role, and a user of
// another area, access is allowed or denied exactly as the route's declared permission says,
// and nothing of another area leaks through lists, counts or lookups.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import Fastify from 'fastify';
import { createTestApp, type Session, type TestApp } from './support/app.ts';
import { ROLE_NAMES } from '../src/modules/users/users.schema.ts';
import { permissionSpec } from '../src/platform/authz.ts';
import { registerAuthentication } from '../src/modules/auth/auth.hook.ts';
import type { ZodApp } from '../src/platform/http/types.ts';
import { caseWithPlan, family } from '../src/modules/payments/test-fixtures.ts';

type Param = { in: string; name: string; required?: boolean; schema?: { type?: string; format?: string } };
type Op = { method: string; path: string; permission: string; query: string; stream: boolean };

let t: TestApp;
let ops: Op[];
const byRole = new Map<string, Session>();
let outsider: Session; // every role, but in 万柏林区 140109
let inScopeUserId: number;
let outOfScopeUserId: number;
let inScopePersonId: number;
let inScopeHouseholdId: number;
const inScopePayments = { caseId: 0, batchId: 0, overpaymentId: 0 };
let inScopeCampaign = { id: 0, targetId: 0, visitId: 0 };
let inScopeCaseId: number;
const inScopeRequests = { requestId: 0, meetingId: 0, ruleId: 0 };
let inScopeServicePointId: number;

before(async () => {
  t = await createTestApp();
  const doc = (await t.app.inject({ method: 'GET', url: '/api/docs/json' })).json() as {
    paths: Record<string, Record<string, { 'x-permission'?: string; 'x-event-stream'?: boolean; parameters?: Param[] }>>;
  };
  ops = Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, op]) => ({
      method: method.toUpperCase(),
      path,
      permission: op['x-permission'] ?? '',
      query: sampleQuery(op.parameters ?? []),
      stream: op['x-event-stream'] === true,
    })),
  );
  const make = async (username: string, roles: string[], code: string) => {
    const user = await t.services.auth.createUser({ username, displayName: username, password: 'Matrix#Pass2026', jurisdictionCode: code, roles });
    return user.id;
  };
  for (const role of ROLE_NAMES) {
    await make(`m_${role}`, [role], '140107');
    byRole.set(role, await t.login(`m_${role}`, 'Matrix#Pass2026'));
  }
  outOfScopeUserId = await make('m_outsider', [...ROLE_NAMES], '140109');
  outsider = await t.login('m_outsider', 'Matrix#Pass2026');
  inScopeUserId = await make('m_target', ['grid_worker'], '140107001');
  const actor = { kind: 'system' as const, id: null, name: 'test', ip: null };
  inScopePersonId = (await t.services.persons.create({ scope: '' }, { name: '矩阵测试', jurisdictionCode: '140107001001' }, actor)).id;
  inScopeHouseholdId = (await t.services.households.create({ scope: '' }, { jurisdictionCode: '140107001001', headPersonId: inScopePersonId }, actor)).id;
  // The payment ledger: a case paying monthly, its county's batch and an over-payment, in 140107.
  const payee = await family(t.services, '140107001001', '矩阵发放');
  inScopePayments.caseId = (await caseWithPlan(t.database.db, t.services.audit, payee, '140107001001', { amountFen: 50_000, fromMonth: '2025-05' })).caseId;
  inScopePayments.batchId = (await t.services.payments.createBatch({ scope: '' }, { countyCode: '140107', month: '2025-05' }, actor)).id;
  inScopePayments.overpaymentId = (await t.services.payments.createOverpayment({ scope: '' }, { caseId: inScopePayments.caseId, amountFen: 1_000, reason: '矩阵测试', fraud: false }, actor)).id;
  inScopeCaseId = (await t.services.cases.register({ id: null, username: 'test', roles: ['admin'], scope: '' }, { program: 'dibao', applicantPersonId: inScopePersonId, channel: 'application', promiseSigned: false, dataCheckAuthorised: false, materialsReceived: [], ties: [] }, actor)).id;
  const system = { id: inScopeUserId, kind: 'user' as const, roles: ['admin'], scope: '' };
  const campaign = await t.services.campaigns.create(system, { name: '矩阵测试行动', jurisdictionCode: '140107001', startsOn: '2026-01-01', endsOn: '2026-12-31', revisitDays: 3, checklist: { results: [{ label: '已走访', closes: true }, { label: '不在家', closes: false }], questions: [] }, criteria: { under: '140107001001', tagMode: 'any' } }, actor);
  const [target] = (await t.services.campaigns.targets(system, campaign.id, { limit: 1, offset: 0 })).items;
  const visited = await t.services.campaigns.visit(system, campaign.id, target!.id, { visitedOn: '2026-01-02', result: 'r2', answers: {} }, actor);
  inScopeCampaign = { id: campaign.id, targetId: target!.id, visitId: visited.visit.id };
  // Help requests: one in a grid of 140107, a council meeting there and a routing rule for the county.
  inScopeRequests.requestId = (await t.services.requests.create(system, { channel: 'patrol', categoryCode: 'facility_repair', description: '矩阵测试诉求', jurisdictionCode: '140107001001001' }, actor)).id;
  inScopeRequests.meetingId = (await t.services.requests.createMeeting(system, { jurisdictionCode: '140107001001', heldOn: '2025-01-02', title: '矩阵测试议事会', attendees: [{ name: '居民' }], items: [] }, actor)).id;
  inScopeRequests.ruleId = (await t.services.requests.saveRule(system, { categoryCode: null, jurisdictionCode: '140107', handlerLevel: 'grid', handlerRole: 'grid_worker', department: null }, actor)).id;
  // A service point in 140107 (the directory's staff routes).
  inScopeServicePointId = (await t.services.servicePoints.create(system, { typeCode: 'love_station', name: '矩阵测试驿站', operatorId: null, jurisdictionCode: '140107001001', address: '矩阵路 1 号', location: { lng: 112.57, lat: 37.88 }, services: ['hot_water'], alwaysOpen: true, hours: [], holidayRule: 'as_usual', phones: [], capacity: null, accessibility: [], description: null }, actor)).id;
});

/** Values for required query parameters, from their declared schema (so validation passes). */
function sampleQuery(params: Param[]): string {
  const pairs = params
    .filter((p) => p.in === 'query' && p.required)
    .map((p): [string, string] => [p.name, p.schema?.format === 'date' ? '2026-01-01' : p.schema?.type === 'integer' ? '1' : 'x']);
  return pairs.length ? `?${new URLSearchParams(pairs).toString()}` : '';
}
after(() => t.close());

/** A concrete URL for an operation: path parameters point at a record of that kind inside 140107. */
function urlFor(op: Op): string {
  const id = op.path.startsWith('/api/persons/') ? inScopePersonId : op.path.startsWith('/api/households/') ? inScopeHouseholdId : op.path.startsWith('/api/cases/') ? inScopeCaseId : op.path.startsWith('/api/campaigns/') ? inScopeCampaign.id : op.path.startsWith('/api/payments/batches/') ? inScopePayments.batchId : op.path.startsWith('/api/payments/overpayments/') ? inScopePayments.overpaymentId : op.path.startsWith('/api/requests/') ? inScopeRequests.requestId : op.path.startsWith('/api/council-meetings/') ? inScopeRequests.meetingId : op.path.startsWith('/api/request-routes/') ? inScopeRequests.ruleId : op.path.startsWith('/api/service-points/') ? inScopeServicePointId : inScopeUserId;
  return op.path.replace('{code}', '140107001').replace('{id}', String(id)).replace('{personId}', String(inScopePersonId)).replace('{caseId}', String(inScopePayments.caseId)).replace('{targetId}', String(inScopeCampaign.targetId)).replace('{visitId}', String(inScopeCampaign.visitId)).replace('{itemId}', '1').replace('{importId}', '1').replace('{attachmentId}', '1').replace('{factId}', '1').replace('{key}', 'dibao.standard.urban').replace('{kind}', 'tag') + op.query;
}

type Answer = { statusCode: number; body: string; json(): { error?: string; message: string; messageZh: string } };
let address: string | undefined;

/** A server-sent-event stream never ends by itself: over real HTTP, its status and first bytes only. */
async function openStream(url: string, headers: Record<string, string>): Promise<Answer> {
  address ??= await t.app.listen({ host: '127.0.0.1', port: 0 });
  const res = await fetch(`${address}${url}`, { headers, signal: AbortSignal.timeout(15_000) });
  const json = res.headers.get('content-type')?.includes('json') === true;
  const body = json ? await res.text() : '';
  if (!json) await res.body?.cancel();
  return { statusCode: res.status, body, json: () => JSON.parse(body || '{}') };
}

async function call(op: Op, session: Session | null): Promise<Answer> {
  const headers = session ? session.headers : {};
  if (op.stream) return openStream(urlFor(op), headers);
  const payload = ['POST', 'PUT', 'PATCH'].includes(op.method) ? {} : undefined;
  return t.app.inject({ method: op.method as 'GET', url: urlFor(op), headers, ...(payload ? { payload } : {}) });
}

test('every API operation declares a known permission or is public', () => {
  const apiOps = ops.filter((o) => o.path.startsWith('/api/') && !o.path.startsWith('/api/docs'));
  assert.ok(apiOps.length >= 20, `found ${apiOps.length} operations`);
  for (const op of apiOps) {
    assert.ok(op.permission === 'public' || permissionSpec(op.permission), `${op.method} ${op.path} has no declared permission`);
  }
});

test('a route without a declared permission stops the app from starting', async () => {
  const app = Fastify() as unknown as ZodApp;
  await app.register(import('@fastify/cookie'));
  registerAuthentication(app, t.services.auth);
  assert.throws(() => app.get('/undeclared', async () => 'x'), /declares no known permission/);
  app.get('/declared', { config: { permission: 'jurisdictions.read' } }, async () => 'x');
  await app.close();
});

test('role × route: allowed roles get through, others get 403, anonymous gets 401', async () => {
  const problems: string[] = [];
  for (const op of ops.filter((o) => o.path.startsWith('/api/') && o.permission !== 'public' && !o.path.startsWith('/api/docs'))) {
    // The matrix users are scoped to 140107: a whole-system permission is held by none of them.
    const spec = permissionSpec(op.permission)!;
    const allowed = spec.wholeSystem ? [] : spec.roles;
    const anonymous = await call(op, null);
    if (anonymous.statusCode !== 401) problems.push(`${op.method} ${op.path} anonymous → ${anonymous.statusCode}`);
    for (const role of ROLE_NAMES) {
      // Re-login roles whose sessions a previous operation ended (e.g. DELETE sessions).
      const res = await call(op, byRole.get(role)!);
      const denied = res.statusCode === 403 && res.json().error === 'forbidden';
      if (allowed.includes(role) === denied || res.statusCode === 401 || res.statusCode >= 500) {
        problems.push(`${op.method} ${op.path} as ${role}: ${res.statusCode} ${res.body.slice(0, 120)}`);
      }
    }
  }
  assert.deepEqual(problems, []);
});

test('out of jurisdiction: records of 杏花岭区 are 404 for a 万柏林区 user holding every role', async () => {
  const problems: string[] = [];
  for (const op of ops.filter((o) => /\{(code|id|personId|caseId)\}/.test(o.path) && o.permission !== 'public')) {
    if (op.path.startsWith('/api/tokens')) continue; // token ids: covered below with a real token
    if (permissionSpec(op.permission)?.wholeSystem) continue; // no area of their own: covered below
    const res = await call(op, outsider);
    if (res.statusCode !== 404 && !(res.statusCode === 400 && op.method !== 'GET' && res.json().error === 'validation_failed')) {
      problems.push(`${op.method} ${op.path}: ${res.statusCode} ${res.body.slice(0, 120)}`);
    }
  }
  assert.deepEqual(problems, []);
  // And their own area's records are there (the 404 is scoping, not a broken route).
  const own = await t.app.inject({ method: 'GET', url: `/api/users/${outOfScopeUserId}`, headers: outsider.headers });
  assert.equal(own.statusCode, 200);
});

test('out of jurisdiction: lists, counts and searches never mention the other area', async () => {
  const seen: string[] = [];
  // A notification stream holds only what is posted to the caller (tested in the notifications module).
  for (const op of ops.filter((o) => o.method === 'GET' && !o.stream && !o.path.includes('{') && o.permission !== 'public' && !o.path.startsWith('/api/docs'))) {
    const res = await t.app.inject({ method: 'GET', url: op.path, headers: outsider.headers });
    assert.ok(res.statusCode < 300, `${op.path} → ${res.statusCode}`);
    if (/140107|杏花岭/.test(res.body)) seen.push(`${op.path}: ${res.body.slice(0, 200)}`);
    const searched = await t.app.inject({ method: 'GET', url: `${op.path}?q=${encodeURIComponent('杏花岭')}&under=140107`, headers: outsider.headers });
    if (searched.statusCode < 300 && /140107|杏花岭/.test(searched.body)) seen.push(`${op.path} (search): ${searched.body.slice(0, 200)}`);
  }
  assert.deepEqual(seen, []);
});

test('whole-system settings: a county-scoped holder of the role is refused in both languages, the system admin is not', async () => {
  const wholeSystem = ops.filter((o) => o.permission !== 'public' && permissionSpec(o.permission)?.wholeSystem);
  assert.ok(wholeSystem.length >= 1, 'request categories at least');
  const system = await t.login('admin');
  const problems: string[] = [];
  for (const op of wholeSystem) {
    for (const role of permissionSpec(op.permission)!.roles) {
      const res = await call(op, byRole.get(role)!);
      const body = res.json();
      if (res.statusCode !== 403 || body.error !== 'forbidden' || !/whole system/.test(body.message) || !/全系统管理员/.test(body.messageZh)) problems.push(`${op.method} ${op.path} as county ${role}: ${res.statusCode} ${res.body.slice(0, 160)}`);
    }
    const res = await call(op, system);
    if (res.statusCode === 403 || res.statusCode === 401 || res.statusCode >= 500) problems.push(`${op.method} ${op.path} as the system admin: ${res.statusCode}`);
  }
  assert.deepEqual(problems, []);
});
