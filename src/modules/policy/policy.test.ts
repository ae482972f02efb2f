// The policy module over HTTP and the database (both drivers): parameters with provenance and
// inheritance, validated and audited changes, a household's eligibility with its explanation,
// the anonymous self-check, and resumable batch screening.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { createTestApp, type Session, type TestApp } from '../../../test/support/app.ts';
import { queryRows } from '../../platform/db/client.ts';
import { makeIdNumber } from '../../lib/id-number.ts';
import { runScreening } from './screening.ts';
import { syncParameterFiles } from './policy.sync.ts';

let t: TestApp;
let xhl: Session; // 杏花岭区 county approver
let wbl: Session; // 万柏林区 county approver
let grid: Session;
let admin: Session;
let householdId: number;

const inject = (sess: Session | null, method: 'GET' | 'POST', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: sess?.headers ?? {}, ...(payload ? { payload } : {}) });

before(async () => {
  t = await createTestApp({ LASTMILE_SELF_CHECK_RATE_PER_MINUTE: '5' });
  xhl = await t.login('xhl_approver');
  wbl = await t.login('wbl_approver');
  grid = await t.login('grid_worker');
  admin = await t.login('admin');
  // A 3-person urban household in 杏花岭区 with 1,860 元 a month of wages (620 per head).
  const ids: number[] = [];
  for (const [i, [name, birth]] of [['刘德明', '1975-03-02'], ['陈桂芳', '1977-08-19'], ['刘小雨', '2012-01-05']].entries()) {
    const res = await inject(xhl, 'POST', '/api/persons', { name, idNumber: makeIdNumber('140107', birth!, 300 + i), jurisdictionCode: '140107001001001' });
    assert.equal(res.statusCode, 201, res.body);
    ids.push(res.json().id);
  }
  const h = await inject(xhl, 'POST', '/api/households', { jurisdictionCode: '140107001001001', headPersonId: ids[0] });
  householdId = h.json().id;
  await inject(xhl, 'POST', `/api/households/${householdId}/members`, { personId: ids[1], relationship: 'spouse' });
  await inject(xhl, 'POST', `/api/households/${householdId}/members`, { personId: ids[2], relationship: 'child' });
  for (let m = 1; m <= 12; m++) {
    const month = m <= 4 ? `2021-${String(m + 8).padStart(2, '0')}` : `2022-${String(m - 4).padStart(2, '0')}`;
    const res = await inject(xhl, 'POST', `/api/households/${householdId}/incomes`, { personId: ids[0], type: 'wage', subtype: 'salary', month, amountFen: 186000, source: '工资单' });
    assert.equal(res.statusCode, 200, res.body);
  }
  await inject(xhl, 'POST', `/api/households/${householdId}/assets`, { kind: 'house', valueFen: 30000000, floorAreaCm2: 600000, asOf: '2022-01-01' });
  // Three one-person households more, in 杏花岭区 and in 万柏林区.
  for (const [i, [session, code]] of ([[xhl, '140107001001001'], [wbl, '140109001001'], [wbl, '140109001001']] as const).entries()) {
    const p = await inject(session, 'POST', '/api/persons', { name: `独居老人${i}`, idNumber: makeIdNumber(code.slice(0, 6), '1940-05-05', 400 + i), jurisdictionCode: code });
    assert.equal(p.statusCode, 201, p.body);
    assert.equal((await inject(session, 'POST', '/api/households', { jurisdictionCode: code, headPersonId: p.json().id })).statusCode, 201);
  }
});
after(() => t.close());

test('parameter files load once: a second sync adds nothing', async () => {
  assert.equal(await syncParameterFiles(t.database.db), 0);
});

test('parameters in force carry their source; a county overrides its city, a district without its own value inherits', async () => {
  const own = (await inject(xhl, 'GET', '/api/policy/parameters?jurisdiction=140107&date=2022-09-01')).json();
  const urban = own.parameters.find((p: { key: string }) => p.key === 'dibao.standard.urban');
  assert.equal(urban.value, 75000);
  assert.equal(urban.display.zh, '750.00 元');
  assert.deepEqual([urban.provenance.jurisdictionName, urban.provenance.from, urban.provenance.tag], ['杏花岭区', '2022-01-01', 'demo']);
  const inherited = (await inject(wbl, 'GET', '/api/policy/parameters?jurisdiction=140109&date=2022-09-01')).json();
  const wblUrban = inherited.parameters.find((p: { key: string }) => p.key === 'dibao.standard.urban');
  assert.equal(wblUrban.value, 74000);
  assert.equal(wblUrban.provenance.jurisdictionName, '太原市');
  const edge = own.parameters.find((p: { key: string }) => p.key === 'dibao.edge_multiple_bp');
  assert.deepEqual([edge.provenance.jurisdictionName, edge.provenance.tag, edge.display.zh], ['全国', 'C', '150%']);
});

test('an invalid parameter value is refused with a clear message in both languages, and nothing is stored', async () => {
  const before = (await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from policy_parameters`))[0]!.n;
  const tooHigh = await inject(admin, 'POST', '/api/policy/parameters', { key: 'unemp.benefit_fen', jurisdiction: '1401', from: '2023-03-01', value: 200000, source: '测试' });
  assert.equal(tooHigh.statusCode, 400);
  assert.match(tooHigh.json().messageZh, /失业保险金标准（2000\.00 元）须低于最低工资标准（1980\.00 元）/);
  assert.match(tooHigh.json().message, /must be below the minimum wage/);
  assert.equal(tooHigh.json().fields[0].field, 'value');
  const tooLow = await inject(admin, 'POST', '/api/policy/parameters', { key: 'unemp.benefit_fen', jurisdiction: '140107', from: '2023-03-01', value: 75000, source: '测试' });
  assert.match(tooLow.json().messageZh, /须高于城市低保标准/);
  const badKind = await inject(admin, 'POST', '/api/policy/parameters', { key: 'dibao.standard.urban', jurisdiction: '140107', from: '2023-03-01', value: 750.5, source: '测试' });
  assert.equal(badKind.statusCode, 400);
  assert.match(badKind.json().messageZh, /城市低保标准：应为整数（分）/);
  // Lowering a province's minimum wage under a city's benefit is caught at the city's level.
  const below = await inject(admin, 'POST', '/api/policy/parameters', { key: 'min_wage.monthly', jurisdiction: '14', from: '2022-06-01', value: 150000, source: '测试' });
  assert.equal(below.statusCode, 400);
  const after = (await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from policy_parameters`))[0]!.n;
  assert.equal(after, before);
});

test('a dated value is added by the county for its own area, audited, and used from its date; other areas and other roles cannot', async () => {
  const outside = await inject(xhl, 'POST', '/api/policy/parameters', { key: 'dibao.standard.urban', jurisdiction: '140109', from: '2025-01-01', value: 80000, source: '外区' });
  assert.equal(outside.statusCode, 403);
  const gridTry = await inject(grid, 'POST', '/api/policy/parameters', { key: 'dibao.standard.urban', jurisdiction: '140107001001001', from: '2025-01-01', value: 80000, source: '网格' });
  assert.equal(gridTry.statusCode, 403);
  const res = await inject(xhl, 'POST', '/api/policy/parameters', { key: 'dibao.standard.urban', jurisdiction: '140107', from: '2025-01-01', value: 81000, tag: 'L', source: '杏民发〔2024〕12号' });
  assert.equal(res.statusCode, 201, res.body);
  assert.equal(res.json().display.zh, '810.00 元');
  const [audit] = await queryRows<{ action: string; actor_name: string }>(t.database.db, sql`select action, actor_name from audit_log where entity = 'policy_parameter' order by id desc limit 1`);
  assert.equal(audit!.action, 'policy.parameter.add');
  const in2025 = (await inject(xhl, 'GET', '/api/policy/parameters?jurisdiction=140107&date=2025-06-01')).json();
  assert.equal(in2025.parameters.find((p: { key: string }) => p.key === 'dibao.standard.urban').value, 81000);
  const in2024 = (await inject(xhl, 'GET', '/api/policy/parameters?jurisdiction=140107&date=2024-06-01')).json();
  assert.equal(in2024.parameters.find((p: { key: string }) => p.key === 'dibao.standard.urban').value, 78000);
  const history = (await inject(xhl, 'GET', '/api/policy/parameters/dibao.standard.urban/entries?jurisdiction=140107')).json();
  assert.deepEqual(history.items.slice(0, 2).map((e: { from: string; jurisdictionName: string }) => [e.from, e.jurisdictionName]), [['2025-01-01', '杏花岭区'], ['2024-01-01', '杏花岭区']]);
});

test('a household’s eligibility is explained in plain words against the parameters of its place and date', async () => {
  const res = await inject(xhl, 'GET', `/api/households/${householdId}/eligibility?date=2022-09-01`);
  assert.equal(res.statusCode, 200, res.body);
  const body = res.json();
  const dibao = body.decisions.find((d: { program: string }) => d.program === 'dibao');
  assert.equal(dibao.status, 'eligible');
  assert.equal(dibao.amountFen, (75000 - 62000) * 3);
  const income = dibao.trace.find((c: { id: string }) => c.id === 'dibao.income');
  assert.equal(income.zh, '家庭人均收入 620.00 元，低于杏花岭区 2022 年城市低保标准 750.00 元');
  assert.equal(income.pass, true);
  assert.equal(income.parameters[0].provenance.jurisdictionName, '杏花岭区');
  assert.match(dibao.summary.zh, /可能符合最低生活保障，约 390\.00 元\/月/);
  assert.equal(body.decisions[0].status, 'eligible', 'eligible programs come first');
  const other = await inject(wbl, 'GET', `/api/households/${householdId}/eligibility`);
  assert.equal(other.statusCode, 404);
});

test('the public self-check needs no login, stores nothing, explains, and is rate-limited', async () => {
  const counts = async () => (await queryRows<{ a: number; p: number; h: number }>(t.database.db, sql`select (select count(*)::int from audit_log) as a, (select count(*)::int from persons) as p, (select count(*)::int from households) as h`))[0];
  const before = await counts();
  const places = (await inject(null, 'GET', '/api/public/places')).json();
  assert.ok(places.items.some((p: { code: string; name: string; parentName: string }) => p.code === '140107' && p.name === '杏花岭区' && p.parentName === '太原市'));
  const body = { countyCode: '140107', area: 'urban', members: [{ relationship: 'head', age: 50 }, { relationship: 'spouse', age: 48 }], monthlyIncomeYuan: 600, depositsYuan: 0, houses: 1, vehicles: 0 };
  const res = await inject(null, 'POST', '/api/public/self-check', body);
  assert.equal(res.statusCode, 200, res.body);
  const dibao = res.json().results.find((r: { program: string }) => r.program === 'dibao');
  assert.equal(dibao.status, 'eligible');
  assert.match(dibao.summary.zh, /可能符合最低生活保障/);
  assert.match(dibao.applyAt.zh, /乡镇/);
  assert.ok(dibao.reasons.some((r: { zh: string }) => r.zh.includes('家庭人均收入 300.00 元')));
  assert.deepEqual(await counts(), before);
  const bad = await inject(null, 'POST', '/api/public/self-check', { ...body, countyCode: '14' });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.json().messageZh, /请选择区县/);
  let limited = 0;
  for (let i = 0; i < 6; i++) if ((await inject(null, 'POST', '/api/public/self-check', body)).statusCode === 429) limited++;
  assert.ok(limited > 0, 'the sixth check within a minute is refused');
});

test('screening stores eligible and near-miss results; a run that fails midway resumes without duplicates and matches a clean run', async () => {
  const index = await t.services.policy.index();
  const clean = await runScreening(t.database, index, { programs: 'all', jurisdiction: '', date: '2022-09-01', batchSize: 2 });
  assert.equal(clean.households, 4);
  let pages = 0;
  await assert.rejects(runScreening(t.database, index, {
    programs: 'all', jurisdiction: '', date: '2022-09-01', batchSize: 2,
    onProgress: () => { if (++pages === 1) throw new Error('killed'); },
  }));
  const [failed] = await queryRows<{ id: number; status: string; households_done: number }>(t.database.db, sql`select id, status, households_done from screening_runs order by id desc limit 1`);
  assert.equal(failed!.status, 'failed');
  assert.equal(failed!.households_done, 2, 'the first page committed with its progress');
  const resumed = await runScreening(t.database, index, { programs: 'all', jurisdiction: '', date: '2022-09-01', resumeRunId: failed!.id });
  assert.equal(resumed.households, clean.households);
  const rows = (id: number) => queryRows<{ k: string }>(t.database.db, sql`select household_id || ':' || program || ':' || subject || ':' || status || ':' || coalesce(amount_fen, -1) as k from screening_results where run_id = ${id} order by 1`);
  assert.deepEqual((await rows(failed!.id)).map((r) => r.k), (await rows(clean.runId)).map((r) => r.k));
  assert.ok((await rows(clean.runId)).some((r) => r.k.startsWith(`${householdId}:dibao:`)));
  // Scoped reading: 万柏林 sees the run only if it lies in its area — a whole-system run is not.
  assert.equal((await inject(wbl, 'GET', `/api/policy/screening/runs/${clean.runId}/results`)).statusCode, 404);
  const list = (await inject(admin, 'GET', `/api/policy/screening/runs/${clean.runId}/results?program=dibao&status=eligible`)).json();
  assert.ok(list.total >= 1);
});
