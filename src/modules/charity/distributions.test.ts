import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { createTestApp, type Session, type TestApp } from '../../../test/support/app.ts';
import { queryRows } from '../../platform/db/client.ts';
import { inspectPdf } from '../../lib/pdf/inspect.ts';
import { caseWithPlan, family } from '../payments/test-fixtures.ts';
import { charitySetup, cloneFamilies } from './test-fixtures.ts';

const GRID = '140107001001001'; // 和平社区 first grid: the demo grid worker's
const COMMUNITY = '140107001001';
const N = 1400;
const PACKAGE_FEN = 6000 + 7500 + 4500;

let t: TestApp;
let s: Awaited<ReturnType<typeof charitySetup>>;
let gridWorker: Session;
let named: { personId: number; householdId: number; idNumber: string };
let elsewhere: { personId: number; householdId: number; idNumber: string };
let distribution: { id: number };

before(async () => {
  t = await createTestApp();
  s = await charitySetup(t);
  gridWorker = await t.login('grid_worker');
  // 1,400 低保 households in one grid: one real family with an ID number, the rest cloned from it.
  const head = await family(t.services, GRID, '张三丰');
  const { caseId, planId } = await caseWithPlan(t.database.db, t.services.audit, head, GRID, { amountFen: 75_000, fromMonth: '2026-01' });
  named = head;
  await cloneFamilies(t.database.db, { ...head, caseId, planId }, GRID, N - 1);
  await family(t.services, GRID, '不在低保'); // same grid, no 低保: not chosen
  elsewhere = await family(t.services, '140107002001001', '别处人'); // another township, not handed over
  const res = await s.inject(s.user, 'POST', '/api/charity/donations', {
    kind: 'goods', donorKind: 'organisation', donorName: '某粮油集团', receivedOn: '2026-03-05', storeId: s.store.id,
    lines: [{ itemId: s.rice.id, quantity: 1500, expiresOn: '2027-03-01' }, { itemId: s.oil.id, quantity: 1500, expiresOn: '2027-09-01' }, { itemId: s.flour.id, quantity: 1500, expiresOn: '2027-01-01' }],
  });
  assert.equal(res.statusCode, 201, res.body);
});
after(() => t.close());

const stock = async () => Object.fromEntries((await s.inject(s.user, 'GET', `/api/charity/stores/${s.store.id}/stock`)).json().balances.map((b: { itemName: string; quantity: number; valueFen: number }) => [b.itemName, [b.quantity, b.valueFen]]));
const goods = (extra: object = {}) => ({
  name: '春节粮油慰问', kind: 'goods', storeId: s.store.id, jurisdictionCode: COMMUNITY, plannedOn: '2026-03-10',
  package: [{ itemId: s.rice.id, quantity: 1 }, { itemId: s.oil.id, quantity: 1 }, { itemId: s.flour.id, quantity: 1 }],
  recipients: { query: { program: 'dibao', under: COMMUNITY } }, ...extra,
});

test('rice, oil and flour to the 1,400 低保 households of a community: 1,400 ledger rows, stock out, a signing sheet', async () => {
  const dry = await s.inject(s.user, 'POST', '/api/charity/distributions', goods({ dryRun: true }));
  assert.equal(dry.statusCode, 200, dry.body);
  assert.deepEqual(dry.json(), { distribution: null, report: { matched: N, unmatched: [] } });
  const started = performance.now();
  const res = await s.inject(s.user, 'POST', '/api/charity/distributions', goods());
  const ms = performance.now() - started;
  assert.equal(res.statusCode, 201, res.body);
  distribution = res.json().distribution;
  assert.deepEqual(res.json().distribution.counts, { total: N, pending: N, delivered: 0, undelivered: 0 });
  assert.equal(res.json().distribution.valueFen, PACKAGE_FEN);
  const [rows] = await queryRows<{ n: number; v: number }>(t.database.db, sql`select count(*)::int as n, sum(value_fen)::bigint as v from distribution_recipients where distribution_id = ${distribution.id}`);
  assert.equal(rows!.n, N);
  assert.equal(Number(rows!.v), N * PACKAGE_FEN, 'the households carry exactly the value that left the store');
  assert.deepEqual(await stock(), { 大米: [100, 100 * 6000], 食用油: [100, 100 * 7500], 面粉: [100, 100 * 4500] });
  const sheet = await s.inject(s.user, 'GET', `/api/charity/distributions/${distribution.id}/sheet?community=${COMMUNITY}`);
  assert.equal(sheet.statusCode, 200);
  const text = inspectPdf(sheet.rawPayload).pages.join('\n');
  assert.match(text, /签收表/);
  assert.match(text, new RegExp(`共 ${N} 户`));
  assert.match(text, /张\*丰/);
  assert.doesNotMatch(text, /张三丰/, 'names are masked on the sheet');
  console.log(`distribution to ${N} households: ${ms.toFixed(0)} ms`);
});

test('the organisation sees only the households handed over, masked, and nothing else of the registry', async () => {
  const list = (await s.inject(s.user, 'GET', `/api/charity/distributions/${distribution.id}/recipients?limit=500`)).json();
  assert.equal(list.total, N);
  const mine = list.items.find((r: { personId: number }) => r.personId === named.personId);
  assert.equal(mine.nameMasked, '张*丰');
  assert.match(mine.idNumberMasked, /^\d{3}\*+\d{4}$|\*/);
  assert.equal(JSON.stringify(list).includes('张三丰'), false);
  for (const url of [`/api/persons/${named.personId}`, `/api/households/${named.householdId}`, `/api/households/${named.householdId}/benefits`, `/api/persons/${elsewhere.personId}`]) {
    assert.equal((await s.inject(s.user, 'GET', url)).statusCode, 403, url);
  }
  // A list naming a household never handed over to the organisation: refused row by row, nothing stored.
  const before = (await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from distributions`))[0]!.n;
  const res = await s.inject(s.user, 'POST', '/api/charity/distributions', goods({ jurisdictionCode: '140107', recipients: { householdIds: [named.householdId, elsewhere.householdId, named.householdId] } }));
  assert.equal(res.statusCode, 400);
  assert.deepEqual(res.json().fields.map((f: { field: string }) => f.field), ['recipients.householdIds.1', 'recipients.householdIds.2']);
  assert.match(res.json().fields[0].messageZh, /未移交/);
  assert.equal((await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from distributions`))[0]!.n, before);
  assert.deepEqual((await stock())['大米'], [100, 600_000], 'nothing half-done: no stock moved');
  // An imported list of ID numbers, matched row by row; the organisation learns nothing of whom it was not handed.
  const byId = await s.inject(s.user, 'POST', '/api/charity/distributions', goods({ jurisdictionCode: '140107', dryRun: true, recipients: { idNumbers: [named.idNumber, '140107196001011234', elsewhere.idNumber] } }));
  assert.equal(byId.statusCode, 200, byId.body);
  assert.deepEqual(byId.json().report, { matched: 1, unmatched: [
    { row: 1, householdId: null, reason: 'not a valid ID number', reasonZh: '身份证号码无效' },
    { row: 2, householdId: null, reason: 'not handed over to your organisation', reasonZh: '未移交给本组织' },
  ] });
  const staffById = await s.inject(s.admin, 'POST', '/api/charity/distributions', goods({ organisationId: s.org.id, jurisdictionCode: '140107', dryRun: true, recipients: { idNumbers: [named.idNumber, elsewhere.idNumber] } }));
  assert.deepEqual(staffById.json().report, { matched: 2, unmatched: [] }, 'staff match anyone of their area');
  const ok = await s.inject(s.user, 'POST', '/api/charity/distributions', goods({ jurisdictionCode: '140107', dryRun: true, recipients: { householdIds: [named.householdId] } }));
  assert.deepEqual(ok.json().report, { matched: 1, unmatched: [] }, 'a household handed over before may be named again');
});

test('the grid worker signs on the phone with a photo; a second signature is a 409; another area sees no one', async () => {
  const page = (await s.inject(gridWorker, 'GET', `/api/charity/distributions/${distribution.id}/recipients?community=${GRID}&status=pending&limit=3`)).json();
  assert.equal(page.total, N, 'the whole grid is the worker\'s');
  const [first, second] = page.items;
  const early = await s.inject(gridWorker, 'POST', `/api/charity/distributions/${distribution.id}/recipients/${first.id}/deliver`, { deliveredOn: '2026-03-09' });
  assert.equal(early.statusCode, 400);
  assert.equal(early.json().fields[0].field, 'deliveredOn');
  const signed = await s.inject(gridWorker, 'POST', `/api/charity/distributions/${distribution.id}/recipients/${first.id}/deliver`, { deliveredOn: '2026-03-10' });
  assert.equal(signed.statusCode, 200, signed.body);
  assert.equal(signed.json().status, 'delivered');
  const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('签收照片')]);
  const photo = await t.app.inject({ method: 'PUT', url: `/api/charity/distributions/${distribution.id}/recipients/${first.id}/photo`, headers: { ...gridWorker.headers, 'content-type': 'image/png' }, payload: png });
  assert.equal(photo.statusCode, 204, photo.body);
  const again = await s.inject(gridWorker, 'POST', `/api/charity/distributions/${distribution.id}/recipients/${first.id}/deliver`, {});
  assert.equal(again.statusCode, 409);
  const after = (await s.inject(gridWorker, 'GET', `/api/charity/distributions/${distribution.id}/recipients?status=delivered`)).json();
  assert.equal(after.items[0].hasPhoto, true);
  await s.inject(gridWorker, 'POST', `/api/charity/distributions/${distribution.id}/recipients/${second.id}/deliver`, {});

  // The figures module counts the signed delivery on its day, at the package's value, and its list adds up.
  const admin = await t.login('admin');
  const aid = (await s.inject(admin, 'GET', '/api/figures/charity.aid_value?period=2026-03&under=140107')).json();
  assert.deepEqual([aid.total.count, aid.total.amountFen], [1, PACKAGE_FEN], JSON.stringify(aid));
  const rows = (await s.inject(admin, 'GET', '/api/figures/charity.households/rows?period=2026-03&under=140107')).json();
  assert.deepEqual([rows.total.count, rows.items.length, rows.items[0].amountFen], [1, 1, PACKAGE_FEN], JSON.stringify(rows));

  await t.services.auth.createUser({ username: 'other_grid', displayName: '别的网格员', password: 'Other#Grid2026', jurisdictionCode: '140107002001001', roles: ['grid_worker'] });
  const other = await t.login('other_grid', 'Other#Grid2026');
  assert.equal((await s.inject(other, 'GET', `/api/charity/distributions/${distribution.id}/recipients`)).json().total, 0);
  const third = page.items[2];
  assert.equal((await s.inject(other, 'POST', `/api/charity/distributions/${distribution.id}/recipients/${third.id}/deliver`, {})).statusCode, 404);
});

test('what was not delivered goes back to stock at the value it left with', async () => {
  const [pending] = (await s.inject(gridWorker, 'GET', `/api/charity/distributions/${distribution.id}/recipients?status=pending&limit=1`)).json().items;
  const back = await s.inject(gridWorker, 'POST', `/api/charity/distributions/${distribution.id}/recipients/${pending.id}/undeliver`, { reason: '户主外出务工，联系不上' });
  assert.equal(back.statusCode, 200, back.body);
  assert.deepEqual((await stock())['大米'], [101, 101 * 6000]);
  assert.equal((await s.inject(gridWorker, 'POST', `/api/charity/distributions/${distribution.id}/close`, {})).statusCode, 403, 'a grid worker cannot close a community distribution');
  const closed = await s.inject(s.user, 'POST', `/api/charity/distributions/${distribution.id}/close`, {});
  assert.equal(closed.statusCode, 200, closed.body);
  assert.equal(closed.json().returned, N - 3);
  assert.deepEqual(closed.json().distribution.counts, { total: N, pending: 0, delivered: 2, undelivered: N - 2 });
  assert.deepEqual(await stock(), { 大米: [1498, 1498 * 6000], 食用油: [1498, 1498 * 7500], 面粉: [1498, 1498 * 4500] });
});

test('money: a project cannot hand out more than it received, and it reconciles to the 分 (received = distributed + balance)', async () => {
  const project = (await s.inject(s.user, 'POST', '/api/charity/projects', { name: '困难家庭助学金', purpose: '资助低保家庭子女上学', cause: 'education', startsOn: '2026-01-01', jurisdictionCode: '140107', fundraisingFilingNo: '53140107MJY0001' })).json();
  assert.ok(project.id, JSON.stringify(project));
  for (const amountFen of [10_001, 10_000, 9_999]) {
    await s.inject(s.user, 'POST', '/api/charity/donations', { kind: 'money', projectId: project.id, donorKind: 'anonymous', amountFen, channel: 'wechat', receivedOn: '2026-03-01' });
  }
  const first = await s.inject(s.user, 'POST', '/api/charity/distributions', { name: '助学金第一批', kind: 'money', projectId: project.id, amountFen: 7_000, jurisdictionCode: '140107', plannedOn: '2026-03-12', recipients: { householdIds: [named.householdId] } });
  assert.equal(first.statusCode, 201, first.body);
  const tooMuch = await s.inject(s.user, 'POST', '/api/charity/distributions', { name: '助学金超额', kind: 'money', projectId: project.id, amountFen: 23_001, jurisdictionCode: '140107', plannedOn: '2026-03-12', recipients: { householdIds: [named.householdId] } });
  assert.equal(tooMuch.statusCode, 409);
  assert.equal(tooMuch.json().fields[0].field, 'amountFen');
  const rid = (await s.inject(s.user, 'GET', `/api/charity/distributions/${first.json().distribution.id}/recipients`)).json().items[0].id;
  await s.inject(gridWorker, 'POST', `/api/charity/distributions/${first.json().distribution.id}/recipients/${rid}/deliver`, {});
  const d = (await s.inject(s.user, 'GET', `/api/charity/projects/${project.id}/disclosure`)).json();
  assert.equal(d.moneyReceivedFen, 30_000);
  assert.equal(d.moneyDistributedFen, 7_000);
  assert.equal(d.moneyBalanceFen, 23_000);
  assert.equal(d.moneyReceivedFen, d.moneyDistributedFen + d.moneyCommittedFen + d.moneyBalanceFen);
  assert.equal(d.householdsHelped, 1);
  assert.equal(d.personsHelped, 1);
  const notQualified = await s.inject(s.admin, 'POST', '/api/charity/projects', { organisationId: (await s.inject(s.admin, 'POST', '/api/organisations', { kind: 'volunteer', name: '志愿者协会', creditCode: '91110000100017643K', jurisdictionCode: '140107' })).json().id, name: 'x', purpose: 'x', cause: 'other', startsOn: '2026-01-01', jurisdictionCode: '140107', fundraisingFilingNo: '53140107MJY0002' });
  assert.equal(notQualified.statusCode, 400);
  assert.equal(notQualified.json().fields[0].field, 'fundraisingFilingNo');
});
