// Approving against the policy engine: a case the engine found 不符合, or an amount above the
// engine's, is approved only with a written reason, which is kept on the case with what the engine
// said, shows in the timeline and in the county's overrides report — through the HTTP API.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { ALL_MATERIALS, HOME_VISIT, casesApp, household, type World } from './cases.fixtures.ts';

let w: World;
before(async () => {
  w = await casesApp('2025-09-01');
});
after(() => w.t.close());

/** A 低保 case taken to 审批 (approving), with the engine's decision attached at 审核. */
async function toApproval(name: string, monthlyIncomeFen: number, proposedFen: number): Promise<{ id: number; decision: { status: string; amountFen: number | null } }> {
  const { as } = w;
  await w.at('2025-09-01');
  const h = await household(w.t, { members: [{ name, birthDate: '1970-05-05' }], monthlyIncomeFen });
  const created = await as.social.post('/api/cases', { program: 'dibao', applicantPersonId: h.personIds[0], channel: 'application', materialsReceived: ALL_MATERIALS.dibao, promiseSigned: true, dataCheckAuthorised: true });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const id = created.body.id as number;
  assert.equal((await as.social.post(`/api/cases/${id}/start-investigation`, {})).status, 200);
  await w.at('2025-09-02');
  assert.equal((await as.grid.post(`/api/cases/${id}/visits`, HOME_VISIT('2025-09-02'))).status, 200);
  assert.equal((await as.social.post(`/api/cases/${id}/submit-review`, { note: '调查完毕' })).status, 200);
  const opinion = await as.township.post(`/api/cases/${id}/opinion`, { note: '拟同意', proposedFen, peopleCovered: 1 });
  assert.equal(opinion.status, 200, JSON.stringify(opinion.body));
  await w.at('2025-09-15');
  const ended = await as.township.post(`/api/cases/${id}/end-publicity`, {});
  assert.equal(ended.status, 200, JSON.stringify(ended.body));
  assert.equal(ended.body.state, 'approving');
  return { id, decision: ended.body.decision };
}

test('a case the engine found 不符合 is approved only with a written reason, kept on the case, in the timeline and the county report', async () => {
  const { as } = w;
  // 3,000 元 a month alone, far above the standard: the engine says 不符合.
  const c = await toApproval('覆核甲', 300_000, 50_000);
  assert.equal(c.decision.status, 'ineligible');

  const bare = await as.county.post(`/api/cases/${c.id}/approve`, { note: '同意' });
  assert.equal(bare.status, 400);
  const problem = bare.body.fields.find((f: { field: string }) => f.field === 'overrideReason');
  assert.ok(problem, JSON.stringify(bare.body));
  assert.match(problem.messageZh, /政策引擎判定“不符合”，批准须写明理由/);
  assert.match(problem.message, /ineligible: approving needs a written reason/);
  assert.equal((await as.county.get(`/api/cases/${c.id}`)).body.state, 'approving', 'nothing changed');

  const reason = '申请人收入为一次性赔偿款，已用于医疗，实际生活困难';
  const ok = await as.county.post(`/api/cases/${c.id}/approve`, { note: '同意', overrideReason: reason });
  assert.equal(ok.status, 200, JSON.stringify(ok.body));
  assert.equal(ok.body.state, 'approved');
  assert.deepEqual(ok.body.override, { kind: 'ineligible', reason, engineStatus: 'ineligible', engineFen: null, approvedFen: 50_000, decidedAsOf: ok.body.decidedAsOf });
  const event = ok.body.events.at(-1);
  assert.equal(event.action, 'approve');
  assert.equal(event.data.override.reason, reason);
  assert.match(event.note, /不同于政策引擎意见/);

  const report = await as.county.get('/api/cases/overrides?from=2025-09-01&to=2025-09-30');
  assert.equal(report.status, 200);
  assert.ok(report.body.items.some((r: { id: number; override: { kind: string } }) => r.id === c.id && r.override.kind === 'ineligible'));
  // Another county sees none of it; a reversed period is refused naming the field.
  assert.deepEqual((await as.otherCounty.get('/api/cases/overrides?from=2025-09-01&to=2025-09-30')).body.items, []);
  const reversed = await as.county.get('/api/cases/overrides?from=2025-09-30&to=2025-09-01');
  assert.equal(reversed.status, 400);
  assert.equal(reversed.body.fields[0].field, 'to');
});

test('above the engine’s amount needs a reason; at or below it does not', async () => {
  const { as } = w;
  // 300 元 a month alone: eligible, the engine's amount is the gap to the standard.
  const a = await toApproval('覆核乙', 30_000, 40_000);
  assert.equal(a.decision.status, 'eligible');
  const engineFen = a.decision.amountFen!;
  const above = await as.county.post(`/api/cases/${a.id}/approve`, { note: '同意', amountFen: engineFen + 1 });
  assert.equal(above.status, 400);
  assert.match(above.body.fields[0].messageZh, /高于政策引擎核算的/);
  const at = await as.county.post(`/api/cases/${a.id}/approve`, { note: '同意', amountFen: engineFen });
  assert.equal(at.status, 200, JSON.stringify(at.body));
  assert.equal(at.body.override, null);
});
