// 复核: approved 低保 cases come due after their review interval; opening the reviews re-runs the
// engine on the registry as it stands and proposes continue, adjust (with the difference) or
// stop; approving a review applies it to the reviewed case and its payment plans.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../platform/db/client.ts';
import { SYSTEM_ACTOR } from '../audit/audit.service.ts';
import { ALL_MATERIALS, HOME_VISIT, casesApp, household, type World } from './cases.fixtures.ts';

let w: World;
const cases: Record<'same' | 'more' | 'above', { caseId: number; householdId: number; personId: number }> = {} as never;

/** Income of the head in each month of the 12 before `month` (exclusive). */
async function incomes(householdId: number, personId: number, first: string, monthlyFen: number) {
  const [y, m] = first.split('-').map(Number) as [number, number];
  for (let k = 0; k < 12; k++) {
    const i = y * 12 + m - 1 + k;
    const month = `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
    await w.t.services.households.addItem({ scope: '' }, householdId, 'incomes', { personId, type: 'transfer', subtype: 'pension_employee', month, amountFen: monthlyFen, source: '复核测试' }, SYSTEM_ACTOR);
  }
}

before(async () => {
  w = await casesApp('2025-09-01');
  const { as } = w;
  for (const key of ['same', 'more', 'above'] as const) {
    // One elderly person unable to work, 600 元 a month: 低保 of 780 − 600 = 180 元, reviewed yearly.
    const h = await household(w.t, { members: [{ name: `复核${key}`, birthDate: '1948-04-04', workCapacity: 'none' }] });
    await incomes(h.id, h.personIds[0]!, '2024-09', 60_000);
    const c = (await as.social.post('/api/cases', { program: 'dibao', applicantPersonId: h.personIds[0], channel: 'application', materialsReceived: ALL_MATERIALS.dibao, promiseSigned: true, dataCheckAuthorised: true })).body;
    await as.social.post(`/api/cases/${c.id}/start-investigation`, {});
    await as.social.post(`/api/cases/${c.id}/visits`, HOME_VISIT('2025-09-01'));
    await as.social.post(`/api/cases/${c.id}/submit-review`, {});
    await as.township.post(`/api/cases/${c.id}/opinion`, { note: '拟同意' });
    cases[key] = { caseId: c.id, householdId: h.id, personId: h.personIds[0]! };
  }
  await w.at('2025-09-09');
  for (const { caseId } of Object.values(cases)) {
    await as.township.post(`/api/cases/${caseId}/end-publicity`, {});
    const approved = await as.county.post(`/api/cases/${caseId}/approve`, { note: '同意' });
    assert.equal(approved.status, 200, JSON.stringify(approved.body));
    assert.deepEqual([approved.body.approvedFen, approved.body.nextReviewOn, approved.body.firstPaymentMonth], [18_000, '2026-09-09', '2025-10']);
  }
});
after(() => w.t.close());

test('due reviews open with the engine’s proposal: continue, adjust with the difference, stop', async () => {
  const { as } = w;
  await w.at('2026-09-10');
  // The year since: the same income, a higher one still under the standard, one above it.
  await incomes(cases.same.householdId, cases.same.personId, '2025-09', 60_000);
  await incomes(cases.more.householdId, cases.more.personId, '2025-09', 70_000);
  await incomes(cases.above.householdId, cases.above.personId, '2025-09', 90_000);

  const due = (await as.township.get('/api/cases/reviews/due')).body.items;
  assert.deepEqual(due.map((d: { caseId: number }) => d.caseId).sort(), Object.values(cases).map((c) => c.caseId).sort());
  assert.equal(due[0].nextReviewOn, '2026-09-09');
  // Another township sees none of them.
  assert.deepEqual((await as.otherTownship.get('/api/cases/reviews/due')).body.items, []);

  const opened = await as.township.post('/api/cases/reviews/open', {});
  assert.equal(opened.status, 200, JSON.stringify(opened.body));
  const by = (id: number) => opened.body.opened.find((o: { caseId: number }) => o.caseId === id);
  assert.deepEqual([by(cases.same.caseId).outcome, by(cases.same.caseId).differenceFen], ['continue', 0]);
  assert.deepEqual([by(cases.more.caseId).outcome, by(cases.more.caseId).proposedFen, by(cases.more.caseId).differenceFen], ['adjust', 8_000, -10_000]);
  assert.deepEqual([by(cases.above.caseId).outcome, by(cases.above.caseId).proposedFen, by(cases.above.caseId).differenceFen], ['stop', 0, -18_000]);
  // Opening again adds nothing while the reviews are under way.
  assert.deepEqual((await as.township.post('/api/cases/reviews/open', {})).body.opened, []);

  const review = (await as.township.get(`/api/cases/${by(cases.more.caseId).reviewCaseId}`)).body;
  assert.deepEqual([review.kind, review.procedure, review.state, review.parentCaseId, review.reviewOutcome], ['review', 'review', 'reviewing', cases.more.caseId, 'adjust']);
  assert.match(review.caseNo, /^DB-FH-2026-140107-/);
  assert.equal(review.decision.amountFen, 8_000);
  assert.equal(review.decidedAsOf, '2026-09-10');

  for (const key of ['same', 'more', 'above'] as const) {
    const id = by(cases[key].caseId).reviewCaseId;
    const o = await as.township.post(`/api/cases/${id}/opinion`, { note: '复核意见' });
    assert.equal(o.body.state, 'approving', JSON.stringify(o.body));
    // 低保 reviews are decided by the county.
    assert.equal((await as.township.post(`/api/cases/${id}/approve`, { note: '同意' })).status, 403);
    const a = await as.county.post(`/api/cases/${id}/approve`, { note: '复核同意' });
    assert.equal(a.status, 200, JSON.stringify(a.body));
  }

  const parent = async (key: keyof typeof cases) => (await as.county.get(`/api/cases/${cases[key].caseId}`)).body;
  const plans = async (key: keyof typeof cases) => (await queryRows<{ amount: number; from: string; to: string | null; status: string }>(w.t.database.db, sql`
    select amount_fen as amount, from_month as "from", to_month as "to", status from payment_plans where case_id = ${cases[key].caseId} order by id`)).map((p) => [Number(p.amount), p.from, p.to, p.status]);

  const same = await parent('same');
  assert.deepEqual([same.state, same.approvedFen, same.nextReviewOn], ['approved', 18_000, '2027-09-10']);
  assert.deepEqual(await plans('same'), [[18_000, '2025-10', null, 'active']]);

  const more = await parent('more');
  assert.deepEqual([more.state, more.approvedFen, more.nextReviewOn], ['approved', 8_000, '2027-09-10']);
  assert.equal(more.events.at(-1).action, 'review_applied');
  assert.equal(more.events.at(-1).data.differenceFen, -10_000);
  // The new amount from the month after the decision; the old plan ends the month before.
  assert.deepEqual(await plans('more'), [[18_000, '2025-10', '2026-09', 'ended'], [8_000, '2026-10', null, 'active']]);

  const above = await parent('above');
  assert.deepEqual([above.state, above.closedOn, above.nextReviewOn], ['closed', '2026-09-10', null]);
  // Stopped with the month of the decision (paid in full), nothing after.
  assert.deepEqual(await plans('above'), [[18_000, '2025-10', '2026-09', 'stopped']]);

  assert.deepEqual((await as.township.get('/api/cases/reviews/due')).body.items, []);
});
