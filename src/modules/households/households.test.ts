import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { createTestApp, type Session, type TestApp } from '../../../test/support/app.ts';
import { queryRows } from '../../platform/db/client.ts';
import { makeIdNumber } from '../../lib/id-number.ts';
import { addMonths, financePeriod } from './finances.ts';

let t: TestApp;
let s: Session; // township reviewer, 巨轮街道
let wbl: Session;
const ids: Record<string, number> = {};
before(async () => {
  t = await createTestApp();
  s = await t.login('julun_reviewer');
  wbl = await t.login('wbl_approver');
  const people: [string, string, string][] = [['王建国', '1958-04-02', 'head'], ['李秀英', '1960-09-12', 'spouse'], ['王小明', '2004-05-20', 'child'], ['王小红', '2012-07-01', 'child'], ['赵四', '1980-01-01', 'other']];
  for (const [i, [name, birth]] of people.entries()) {
    const res = await t.app.inject({ method: 'POST', url: '/api/persons', headers: s.headers, payload: { name, idNumber: makeIdNumber('140107', birth, 100 + i), jurisdictionCode: '140107001001001' } });
    assert.equal(res.statusCode, 201, res.body);
    ids[name] = res.json().id;
  }
});
after(() => t.close());

const inject = (sess: Session, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: sess.headers, ...(payload ? { payload } : {}) });

let householdId: number;

test('a household is created with its head; the bank account is encrypted and masked', async () => {
  const res = await inject(s, 'POST', '/api/households', { jurisdictionCode: '140107001001001', headPersonId: ids['王建国'], address: '和平社区 5-2-301', bankName: '中国农业银行', bankAccount: '6228480012345678901', accountHolder: '王建国' });
  assert.equal(res.statusCode, 201, res.body);
  const h = res.json();
  householdId = h.id;
  assert.deepEqual(h.members.map((m: { name: string; relationship: string }) => [m.name, m.relationship]), [['王建国', 'head']]);
  assert.equal(h.bankAccountMasked, '6228***********8901');
  assert.equal(h.accountHolderMasked, '王*国');
  const [row] = await queryRows<{ bank_account_enc: string }>(t.database.db, sql`select bank_account_enc from households where id = ${h.id}`);
  assert.equal(row!.bank_account_enc.includes('6228480012345678901'), false);
});

test('members join with relationships and flags; a person belongs to one household at a time', async () => {
  await inject(s, 'POST', `/api/households/${householdId}/members`, { personId: ids['李秀英'], relationship: 'spouse' });
  await inject(s, 'POST', `/api/households/${householdId}/members`, { personId: ids['王小明'], relationship: 'child', flags: { fullTimeStudent: true, livingTogether: true } });
  const h = (await inject(s, 'POST', `/api/households/${householdId}/members`, { personId: ids['王小红'], relationship: 'child' })).json();
  assert.equal(h.members.length, 4);
  assert.equal(h.members.find((m: { name: string }) => m.name === '王小明').flags.fullTimeStudent, true);

  const second = (await inject(s, 'POST', '/api/households', { jurisdictionCode: '140107001001001', headPersonId: ids['赵四'] })).json();
  const taken = await inject(s, 'POST', `/api/households/${second.id}/members`, { personId: ids['王小红'], relationship: 'other' });
  assert.equal(taken.statusCode, 409);
  assert.match(taken.json().messageZh, /已是户 \d+ 的成员/);
  const twoHeads = await inject(s, 'POST', `/api/households/${second.id}/members`, { personId: ids['王小红'], relationship: 'head', move: true });
  assert.equal(twoHeads.statusCode, 400);
  const moved = await inject(s, 'POST', `/api/households/${second.id}/members`, { personId: ids['王小红'], relationship: 'other', move: true });
  assert.equal(moved.statusCode, 200);
  assert.equal((await inject(s, 'GET', `/api/households/${householdId}`)).json().members.length, 3);
  const back = await inject(s, 'POST', `/api/households/${householdId}/members`, { personId: ids['王小红'], relationship: 'child', move: true });
  assert.equal(back.json().members.length, 4);
  const headAway = await inject(s, 'POST', `/api/households/${householdId}/members/${ids['王建国']}/remove`, { reason: '户主迁出测试' });
  assert.equal(headAway.statusCode, 409);
});

test('per-capita monthly income counts members living together, in integer fen', async () => {
  const { from, to } = financePeriod(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10));
  for (let i = 0; i < 12; i++) {
    await inject(s, 'POST', `/api/households/${householdId}/incomes`, { personId: ids['王建国'], type: 'wage', subtype: 'salary', month: addMonths(from, i), amountFen: 250_000, source: '工资单' });
  }
  await inject(s, 'POST', `/api/households/${householdId}/incomes`, { type: 'transfer', subtype: 'pension_basic', month: to, amountFen: 24_001, source: '社保信息核对' });
  await inject(s, 'PATCH', `/api/households/${householdId}/members/${ids['王小明']}`, { flags: { livingTogether: false }, reason: '外地读书，不在家居住' });
  const h = (await inject(s, 'GET', `/api/households/${householdId}`)).json();
  assert.equal(h.finances.incomeTotalFen, 3_024_001);
  assert.equal(h.finances.monthlyIncomeFen, 252_000); // floor(3,024,001 / 12)
  assert.equal(h.finances.membersCounted, 3);
  assert.equal(h.finances.perCapitaMonthlyIncomeFen, 84_000);
  const wrongPerson = await inject(s, 'POST', `/api/households/${householdId}/incomes`, { personId: ids['赵四'], type: 'wage', month: to, amountFen: 1, source: 'x' });
  assert.equal(wrongPerson.statusCode, 400);
  const float = await inject(s, 'POST', `/api/households/${householdId}/incomes`, { type: 'wage', month: to, amountFen: 100.5, source: 'x' });
  assert.equal(float.statusCode, 400, 'money is integer fen');
  const badMonth = await inject(s, 'POST', `/api/households/${householdId}/incomes`, { type: 'wage', month: '2026-13', amountFen: 1, source: 'x' });
  assert.match(badMonth.json().fields[0].messageZh, /YYYY-MM/);
});

test('facts as of a date: the household before the latest changes', async () => {
  await t.database.db.execute(sql`update registry_history set valid_from = valid_from - interval '10 days' where entity in ('household','person')`);
  const before = new Date(Date.now() + 8 * 3600_000 - 86_400_000).toISOString().slice(0, 10);
  await inject(s, 'POST', `/api/households/${householdId}/assets`, { kind: 'vehicle', valueFen: 3_000_000, description: '二手面包车', asOf: before });
  const now = (await inject(s, 'GET', `/api/households/${householdId}`)).json();
  const then = (await inject(s, 'GET', `/api/households/${householdId}/as-of?date=${before}`)).json();
  assert.equal(now.assets.length, 1);
  assert.equal(then.assets.length, 0);
  assert.equal(then.members.length, 4);
  assert.equal(then.version, now.version - 1);
  const history = (await inject(s, 'GET', `/api/households/${householdId}/history`)).json();
  assert.equal(history.items[0].version, now.version);
  const audit = (await inject(await t.login('xhl_approver'), 'GET', `/api/audit?entity=household&entityId=${householdId}&action=update_member`)).json();
  assert.equal(audit.items[0].reason, '外地读书，不在家居住');
});

test('another area sees nothing of the household', async () => {
  assert.equal((await inject(wbl, 'GET', `/api/households/${householdId}`)).statusCode, 404);
  assert.equal((await inject(wbl, 'POST', `/api/households/${householdId}/incomes`, { type: 'wage', month: '2026-01', amountFen: 1, source: 'x' })).statusCode, 404);
  const outside = await inject(s, 'POST', '/api/households', { jurisdictionCode: '140109001001001', headPersonId: ids['赵四'] });
  assert.equal(outside.statusCode, 400);
});

test('a household’s place is named with its township and community', async () => {
  const h = (await inject(s, 'GET', `/api/households/${householdId}`)).json();
  assert.equal(h.jurisdictionName, '巨轮街道 / 和平社区 / 第一网格');
  const p = (await inject(s, 'GET', `/api/persons/${ids['王建国']}`)).json();
  assert.equal(p.jurisdictionName, '巨轮街道 / 和平社区 / 第一网格');
});

test('a household whose head is no person (found by the fuzzer: a 500 on the foreign key) or one out of scope is a 400 naming headPersonId', async () => {
  for (const [session, headPersonId] of [[s, 987654321], [wbl, ids['赵四']!]] as const) {
    const res = await inject(session, 'POST', '/api/households', { jurisdictionCode: session === s ? '140107001001001' : '140109001001', headPersonId });
    assert.equal(res.statusCode, 400, res.body);
    assert.equal(res.json().fields[0].field, 'headPersonId');
    assert.match(res.json().messageZh, /本辖区内无此人员/);
  }
});
