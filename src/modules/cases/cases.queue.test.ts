// The work queue (待我办理), scoping between townships, the dashboard, refusal with its notice
// deadline, withdrawal and re-opening — on the 2025 National Day calendar with an injected clock.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { ALL_MATERIALS, HOME_VISIT, casesApp, household, type Api, type World } from './cases.fixtures.ts';

let w: World;
const ids: Record<string, number> = {};

async function register(as: Api, name: string, code: string, complete = true): Promise<number> {
  const h = await household(w.t, { members: [{ name, birthDate: '1966-06-06' }], code });
  const res = await as.post('/api/cases', { program: 'dibao', applicantPersonId: h.personIds[0], channel: 'application', ...(complete ? { materialsReceived: ALL_MATERIALS.dibao, promiseSigned: true, dataCheckAuthorised: true } : {}) });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return res.body.id;
}

const queueIds = async (as: Api) => (await as.get('/api/cases/queue')).body.items.map((c: { id: number }) => c.id);

before(async () => {
  w = await casesApp('2025-09-01');
  const { as } = w;
  // A: accepted on 09-01 (whole procedure due 10-17). Registered by the grid worker (主动发现).
  const h = await household(w.t, { members: [{ name: '甲主动', birthDate: '1950-01-01' }] });
  const a = await as.grid.post('/api/cases', { program: 'dibao', applicantPersonId: h.personIds[0], channel: 'proactive' });
  assert.equal(a.status, 201, JSON.stringify(a.body));
  ids.A = a.body.id;
  await w.at('2025-09-26');
  // B: investigation from Friday 09-26: 15 working days → 10-23.
  ids.B = await register(as.social, '乙调查', '140107001001001');
  await as.social.post(`/api/cases/${ids.B}/start-investigation`, {});
  // C: investigated, reviewed, refused on Tuesday 09-30: the notice is due Saturday 10-11 (调休上班).
  ids.C = await register(as.social, '丙拒绝', '140107001001001');
  await as.social.post(`/api/cases/${ids.C}/start-investigation`, {});
  // E: at 审核, assigned to the social worker.
  ids.E = await register(as.social, '戊指派', '140107001002001');
  await as.social.post(`/api/cases/${ids.E}/start-investigation`, {});
  await as.social.post(`/api/cases/${ids.E}/visits`, HOME_VISIT('2025-09-26'));
  await as.social.post(`/api/cases/${ids.E}/submit-review`, {});
  // D: another township (三桥街道).
  ids.D = await register(as.otherTownship, '丁三桥', '140107002001001', false);
  await w.at('2025-09-30');
  const refused = await as.township.post(`/api/cases/${ids.C}/refuse`, { reason: '家庭人均收入高于当地低保标准；\n拥有机动车一辆' });
  assert.equal(refused.status, 200, JSON.stringify(refused.body));
});
after(() => w.t.close());

test('a refusal carries written reasons and its notice deadline in working days', async () => {
  const c = (await w.as.township.get(`/api/cases/${ids.C}`)).body;
  assert.equal(c.state, 'refused');
  assert.equal(c.refusedOn, '2025-09-30');
  assert.equal(c.noticeDueOn, '2025-10-11');
  assert.equal(c.dueOn, '2025-10-11');
  assert.match(c.refusalReason, /人均收入高于/);
  const pdf = await w.t.app.inject({ method: 'GET', url: `/api/cases/${ids.C}/notice`, headers: w.as.township.session.headers });
  assert.equal(pdf.statusCode, 200);
  assert.equal(pdf.rawPayload.subarray(0, 5).toString(), '%PDF-');
});

test('待我办理: overdue first, then by due date; each role sees its steps; assigned cases too', async () => {
  const { as } = w;
  await w.at('2025-10-13');
  // The township: C's notice (overdue since 10-11), then A (whole procedure, 10-17), B (investigation, 10-23), E (审核: whole procedure, 11-13).
  assert.deepEqual(await queueIds(as.township), [ids.C, ids.A, ids.B, ids.E]);
  assert.deepEqual((await as.township.get('/api/cases/queue')).body.items.map((c: { dueOn: string }) => c.dueOn), ['2025-10-11', '2025-10-17', '2025-10-23', '2025-11-13']);
  // Working days left, on the holiday calendar: 10-11 was a make-up Saturday (one working day ago).
  assert.deepEqual((await as.township.get('/api/cases/queue')).body.items.map((c: { workingDaysLeft: number }) => c.workingDaysLeft), [-1, 4, 8, 23]);
  const first = (await as.township.get('/api/cases/queue')).body.items[0];
  assert.deepEqual([first.overdue, first.overdueReasons, first.dueOn], [true, ['notice'], '2025-10-11']);
  // The social worker: the cases at 受理/调查 in the township, and E assigned to them.
  assert.deepEqual(await queueIds(as.social), [ids.A, ids.B]);
  const assigned = await as.township.post(`/api/cases/${ids.E}/assign`, { userId: w.userIds.julun_social });
  assert.equal(assigned.status, 200, JSON.stringify(assigned.body));
  assert.deepEqual(await queueIds(as.social), [ids.A, ids.B, ids.E]);
  // The grid worker sees only his grid; the county, the refusal notice to serve.
  assert.deepEqual(await queueIds(as.grid), [ids.A, ids.B]);
  assert.deepEqual(await queueIds(as.county), [ids.C]);
  // A late-running case moves up once overdue: on 10-20 A (10-17) is overdue, C still is.
  await w.at('2025-10-20');
  assert.deepEqual(await queueIds(as.township), [ids.C, ids.A, ids.B, ids.E]);
  const items = (await as.township.get('/api/cases/queue')).body.items;
  assert.deepEqual(items.map((c: { overdue: boolean }) => c.overdue), [true, true, false, false]);
  // Serving the notice takes C off every desk.
  const served = await as.township.post(`/api/cases/${ids.C}/notice-served`, { servedOn: '2025-10-14', note: '直接送达' });
  assert.equal(served.status, 200, JSON.stringify(served.body));
  assert.equal(served.body.overdue, false);
  assert.equal(served.body.events.at(-1).data.late, true);
  assert.deepEqual(await queueIds(as.township), [ids.A, ids.B, ids.E]);
});

test('a township reviewer never sees another township’s cases', async () => {
  const { as } = w;
  assert.deepEqual(await queueIds(as.otherTownship), [ids.D]);
  const list = (await as.otherTownship.get('/api/cases')).body;
  assert.deepEqual(list.items.map((c: { id: number }) => c.id), [ids.D]);
  assert.equal(list.total, 1);
  for (const id of [ids.A, ids.B, ids.C, ids.E]) {
    assert.equal((await as.otherTownship.get(`/api/cases/${id}`)).status, 404);
    assert.equal((await as.otherTownship.post(`/api/cases/${id}/withdraw`, { reason: '越权尝试撤回' })).status, 404);
  }
  assert.equal((await as.township.get(`/api/cases/${ids.D}`)).status, 404);
  assert.equal((await as.otherCounty.get('/api/cases')).body.total, 0);
  // Search by name stays inside the area too.
  assert.equal((await as.otherTownship.get(`/api/cases?q=${encodeURIComponent('甲主动')}`)).body.total, 0);
  assert.equal((await as.township.get(`/api/cases?q=${encodeURIComponent('甲主动')}`)).body.total, 1);
});

test('dashboard: open cases per township by step, overdue counts, scoped', async () => {
  const { as } = w;
  const county = (await as.county.get('/api/cases/dashboard')).body;
  const julun = county.items.find((t: { townshipCode: string }) => t.townshipCode === '140107001');
  assert.equal(julun.townshipName, '巨轮街道');
  assert.deepEqual([julun.byState.accepted, julun.byState.investigating, julun.byState.reviewing, julun.open, julun.overdue], [1, 1, 1, 3, 1]);
  assert.equal(county.items.find((t: { townshipCode: string }) => t.townshipCode === '140107002').open, 1);
  assert.equal(county.totals.open, 4);
  const other = (await as.otherTownship.get('/api/cases/dashboard')).body;
  assert.deepEqual(other.items.map((t: { townshipCode: string }) => t.townshipCode), ['140107002']);
  // Statistics viewers see figures only, never the cases.
  const stats = await w.t.services.auth.createUser({ username: 'xhl_stats', displayName: 'stats', password: 'Cases#Pass2026', jurisdictionCode: '140107', roles: ['statistics_viewer'] });
  assert.ok(stats.id);
  const s = await w.t.login('xhl_stats', 'Cases#Pass2026');
  assert.equal((await w.t.app.inject({ method: 'GET', url: '/api/cases/dashboard', headers: s.headers })).statusCode, 200);
  assert.equal((await w.t.app.inject({ method: 'GET', url: '/api/cases', headers: s.headers })).statusCode, 403);
});

test('withdrawal ends a case; re-opening it restarts the handling with a new overall deadline', async () => {
  const { as } = w;
  const withdrawn = await as.social.post(`/api/cases/${ids.A}/withdraw`, { reason: '申请人书面申请撤回' });
  assert.equal(withdrawn.body.state, 'withdrawn');
  assert.equal(withdrawn.body.overdue, false);
  assert.equal((await as.social.post(`/api/cases/${ids.A}/start-investigation`, {})).status, 409);
  // Only deciders re-open.
  assert.equal((await as.social.post(`/api/cases/${ids.A}/reopen`, { reason: '家庭情况变化重新申请' })).status, 403);
  const reopened = await as.township.post(`/api/cases/${ids.A}/reopen`, { reason: '申请人重新提出申请', to: 'investigating' });
  assert.equal(reopened.status, 200, JSON.stringify(reopened.body));
  assert.equal(reopened.body.state, 'investigating');
  assert.equal(reopened.body.closedOn, null);
  // From 10-20: 30 working days → 12-01; investigation 15 → 11-10.
  assert.equal(reopened.body.overallDueOn, '2025-12-01');
  assert.equal(reopened.body.stepDueOn, '2025-11-10');
  assert.deepEqual(reopened.body.events.slice(-2).map((e: { action: string; fromState: string; toState: string }) => [e.action, e.fromState, e.toState]), [['withdraw', 'accepted', 'withdrawn'], ['reopen', 'withdrawn', 'investigating']]);
  // A refused case re-opens too, its refusal cleared but kept on the timeline.
  const again = await as.county.post(`/api/cases/${ids.C}/reopen`, { reason: '申请人补充新的收入证明' });
  assert.equal(again.body.state, 'accepted');
  assert.equal(again.body.refusalReason, null);
  assert.ok(again.body.events.some((e: { action: string }) => e.action === 'refuse'));
});

test('the county extends the whole-procedure deadline once, to 45 working days from 受理', async () => {
  const { as } = w;
  // B was received on Friday 09-26: 30 working days (Sunday 09-28 and Saturday 10-11 count, the break does not) → 11-13; 45 → 12-04.
  assert.equal((await as.township.get(`/api/cases/${ids.B}`)).body.overallDueOn, '2025-11-13');
  assert.equal((await as.township.post(`/api/cases/${ids.B}/extend`, { reason: '需补充信函索证' })).status, 403);
  const extended = await as.county.post(`/api/cases/${ids.B}/extend`, { reason: '需补充信函索证' });
  assert.equal(extended.status, 200, JSON.stringify(extended.body));
  assert.deepEqual([extended.body.extended, extended.body.overallDueOn], [true, '2025-12-04']);
  assert.equal((await as.county.post(`/api/cases/${ids.B}/extend`, { reason: '再次延长' })).status, 409);
});

test('the grid worker registers only 主动发现 and 求助转办 applications', async () => {
  const h = await household(w.t, { members: [{ name: '庚网格', birthDate: '1960-01-01' }] });
  const res = await w.as.grid.post('/api/cases', { program: 'dibao', applicantPersonId: h.personIds[0], channel: 'application' });
  assert.equal(res.status, 403);
  assert.equal(res.body.error, 'beyond_authority');
  // A help request the grid worker holds may become an application (the 主动发现 path of #7).
  const referred = await w.as.grid.post('/api/cases', { program: 'dibao', applicantPersonId: h.personIds[0], channel: 'help_request', sourceRef: 'help_request:1' });
  assert.equal(referred.status, 201, JSON.stringify(referred.body));
});
