// The ledger's unemployment-insurance columns: parsed and checked per row (bilingual problems
// naming the column), and recorded as the person's facts when the ledger is committed (once).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { createTestApp, testKeyRing, type TestApp } from '../../../test/support/app.ts';
import { queryRows } from '../../platform/db/client.ts';
import { createSensitiveFields } from '../../platform/crypto/sensitive.ts';
import { makeIdNumber } from '../../lib/id-number.ts';
import { mapHeaders, mapRow } from './map-rows.ts';
import { commitPersons } from './person-import.ts';

const HEADERS = ['姓名', '公民身份号码', '居住地区划代码', '失业保险缴费月数', '原工作单位', '离职日期', '离职原因', '失业登记日期'];
const ID = makeIdNumber('140107', '1980-01-01', 811);
const row = (cells: unknown[]) => {
  const { mapping } = mapHeaders(HEADERS);
  return mapRow({ rowNumber: 2, cells: Object.fromEntries(HEADERS.map((h, i) => [h, cells[i] ?? null])) }, mapping, { today: '2026-11-23' });
};
const problemOn = (r: ReturnType<typeof row>, column: string) => {
  const p = r.problems.find((x) => x.column === column);
  assert.ok(p, `a problem on ${column}: ${JSON.stringify(r.problems)}`);
  assert.ok(p.message && /[\u4e00-\u9fff]/.test(p.messageZh));
};

test('the columns are recognised and parsed: months, employer, dates, reason by its Chinese label', () => {
  const m = mapHeaders(HEADERS);
  assert.deepEqual(m.unknownHeaders, []);
  const r = row(['吴师傅', ID, '140107001001', '72个月', '太原某机械厂', '2025/6/30', '协商解除', '2025-07-05']);
  assert.deepEqual(r.problems, []);
  assert.deepEqual(
    { m: r.input!.contributionMonths, e: r.input!.lastEmployer, s: r.input!.separationOn, why: r.input!.separationReason, reg: r.input!.registeredOn },
    { m: 72, e: '太原某机械厂', s: '2025-06-30', why: 'involuntary', reg: '2025-07-05' },
  );
  assert.equal(row(['无失业', ID, '140107001001']).problems.length, 0, 'the columns are optional');
});

test('bad unemployment cells: over 600 months, registration before separation, unknown reason, no ID number, more than working life', () => {
  problemOn(row(['甲', ID, '140107001001', 601, null, '2025-06-30', '主动辞职']), '失业保险缴费月数');
  problemOn(row(['乙', ID, '140107001001', 12, null, '2025-06-30', '主动辞职', '2025-06-01']), '失业登记日期');
  problemOn(row(['丙', ID, '140107001001', 12, null, '2025-06-30', '不想干了']), '离职原因');
  problemOn(row(['丁', null, '140107001001', 12, null, '2025-06-30', '主动辞职']), '公民身份号码');
  problemOn(row(['戊', ID, '140107001001', 12]), '离职日期');
  problemOn(row(['己', makeIdNumber('140107', '2005-01-01', 812), '140107001001', 120, null, '2025-06-30', '主动辞职']), '失业保险缴费月数');
});

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(() => t.close());

test('commit records the facts once; the engine decides 失业保险金 from them', async () => {
  const csv = `${HEADERS.join(',')}\n吴师傅,${ID},140107001001,72,太原某机械厂,2025-06-30,协商解除,2025-07-05\n`;
  const ctx = { db: t.database.db, sensitive: createSensitiveFields(testKeyRing), scope: '140107', today: '2026-11-23' };
  await commitPersons(ctx, Buffer.from(csv), 'csv', 'unemployment-test');
  await commitPersons(ctx, Buffer.from(csv), 'csv', 'unemployment-test');
  const facts = await queryRows<{ person_id: number; contribution_months: number; separation_reason: string }>(t.database.db, sql`select person_id, contribution_months, separation_reason from person_unemployment`);
  assert.equal(facts.length, 1, 'a re-run adds nothing');
  assert.deepEqual([facts[0]!.contribution_months, facts[0]!.separation_reason], [72, 'involuntary']);
  const s = await t.login('julun_reviewer');
  const h = await t.app.inject({ method: 'POST', url: '/api/households', headers: s.headers, payload: { jurisdictionCode: '140107001001', headPersonId: Number(facts[0]!.person_id) } });
  assert.equal(h.statusCode, 201, h.body);
  const d = (await t.app.inject({ method: 'GET', url: `/api/households/${h.json().id}/eligibility?date=2025-09-01`, headers: s.headers })).json();
  const insurance = d.decisions.find((x: { program: string }) => x.program === 'unemployment_insurance');
  assert.equal(insurance.status, 'eligible', JSON.stringify(insurance));
  assert.equal(insurance.durationMonths, 18);
});
