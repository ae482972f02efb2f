import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { createTestApp, type Session, type TestApp } from '../../../test/support/app.ts';
import { caseWithPlan, family } from '../payments/test-fixtures.ts';
import { charitySetup } from './test-fixtures.ts';

const GRID = '140107001001001';
let t: TestApp;
let s: Awaited<ReturnType<typeof charitySetup>>;
let worker: Session;
let head: Awaited<ReturnType<typeof family>>;

before(async () => {
  t = await createTestApp();
  s = await charitySetup(t);
  worker = await t.login('xhl_approver');
  head = await family(t.services, GRID, '王五');
  const { caseId, planId } = await caseWithPlan(t.database.db, t.services.audit, head, GRID, { amountFen: 75_000, fromMonth: '2025-11' });
  // The payment ledger as a paid batch leaves it: 低保 Nov 2025 – Mar 2026, 750 元 a month, and one unpaid month.
  for (const [month, status] of [['2025-11', 'paid'], ['2025-12', 'paid'], ['2026-01', 'paid'], ['2026-02', 'paid'], ['2026-03', 'paid'], ['2026-04', 'pending']] as const) {
    await t.database.db.execute(sql`insert into payments (plan_id, case_id, household_id, payee_person_id, jurisdiction_code, program, month, kind, amount_fen, status, paid_on)
      values (${planId}, ${caseId}, ${head.householdId}, ${head.personId}, ${GRID}, 'dibao', ${month}, 'monthly', 75000, ${status}, ${status === 'paid' ? `${month}-20` : null})`);
  }
  await s.inject(s.user, 'POST', '/api/charity/donations', { kind: 'goods', donorKind: 'anonymous', receivedOn: '2026-01-05', storeId: s.store.id, lines: [{ itemId: s.rice.id, quantity: 10, expiresOn: '2027-01-01' }, { itemId: s.oil.id, quantity: 10, expiresOn: '2027-01-01' }] });
  const project = (await s.inject(s.user, 'POST', '/api/charity/projects', { name: '大病救助', purpose: '重病家庭医疗费用', cause: 'medical', startsOn: '2026-01-01', jurisdictionCode: '140107' })).json();
  await s.inject(s.user, 'POST', '/api/charity/donations', { kind: 'money', projectId: project.id, donorKind: 'person', donorName: '爱心人士', amountFen: 3_000_000, channel: 'bank', receivedOn: '2026-01-06' });
  // Goods (rice + oil, 135 元) and money for a medical cause (25,000 元), both signed for in 2026.
  for (const body of [
    { name: '春节慰问', kind: 'goods', storeId: s.store.id, package: [{ itemId: s.rice.id, quantity: 1 }, { itemId: s.oil.id, quantity: 1 }] },
    { name: '医疗救助金', kind: 'money', projectId: project.id, amountFen: 2_500_000 },
  ]) {
    const d = (await s.inject(s.admin, 'POST', '/api/charity/distributions', { organisationId: s.org.id, jurisdictionCode: '140107', plannedOn: '2026-02-01', recipients: { householdIds: [head.householdId] }, ...body })).json();
    assert.ok(d.distribution, JSON.stringify(d));
    const [r] = (await s.inject(s.admin, 'GET', `/api/charity/distributions/${d.distribution.id}/recipients`)).json().items;
    await s.inject(s.admin, 'POST', `/api/charity/distributions/${d.distribution.id}/recipients/${r.id}/deliver`, { deliveredOn: '2026-02-03' });
  }
});
after(() => t.close());

test('the household ledger totals government and charity aid by year, source and cause', async () => {
  const res = await s.inject(worker, 'GET', `/api/households/${head.householdId}/benefits`);
  assert.equal(res.statusCode, 200, res.body);
  const b = res.json();
  assert.deepEqual(b.years.map((y: { year: number; governmentFen: number; charityFen: number; totalFen: number }) => [y.year, y.governmentFen, y.charityFen, y.totalFen]), [
    [2026, 3 * 75_000, 13_500 + 2_500_000, 3 * 75_000 + 13_500 + 2_500_000],
    [2025, 2 * 75_000, 0, 2 * 75_000],
  ]);
  assert.deepEqual(b.totals, { governmentFen: 5 * 75_000, charityFen: 2_513_500, totalFen: 5 * 75_000 + 2_513_500 });
  const y2026 = b.years[0];
  assert.deepEqual(y2026.lines.map((l: { source: string; program: string; amountFen: number }) => [l.source, l.program, l.amountFen]), [
    ['charity', '大病救助', 2_500_000], ['charity', '春节慰问', 13_500], ['government', '最低生活保障', 225_000],
  ]);
  assert.equal(y2026.lines[0].sourceName, '杏花岭区慈善会');
  // 25,000 元 for one medical cause passes the 20,000 元 mark line: marked, nothing blocked.
  assert.deepEqual(y2026.byCause.map((c: { cause: string; marked: boolean }) => [c.cause, c.marked]), [['living', false], ['food', false], ['medical', true]]);
  assert.equal(y2026.byCause[2].thresholdFen, 2_000_000);
  assert.equal(b.marked, true);
  const only2025 = (await s.inject(worker, 'GET', `/api/households/${head.householdId}/benefits?fromYear=2025&toYear=2025`)).json();
  assert.equal(only2025.totals.totalFen, 150_000);
  const person = (await s.inject(worker, 'GET', `/api/persons/${head.personId}/benefits`)).json();
  assert.equal(person.totals.totalFen, b.totals.totalFen, 'the head signed for everything in their name');
});

test('the ledger is staff-only and scoped: an organisation gets 403, another county 404', async () => {
  assert.equal((await s.inject(s.user, 'GET', `/api/households/${head.householdId}/benefits`)).statusCode, 403);
  const other = await t.login('wbl_approver');
  assert.equal((await s.inject(other, 'GET', `/api/households/${head.householdId}/benefits`)).statusCode, 404);
  assert.equal((await s.inject(other, 'GET', `/api/persons/${head.personId}/benefits`)).statusCode, 404);
});
