// 临时救助 through the HTTP API: the emergency path (先行救助 from the reserve fund, 补齐手续 with
// its deadline, approval of the rest), the township's delegated limit, 一事一救, the yearly caps
// and 一事一议. Local limits of 杏花岭区 (fixtures): township ≤ 2000 元, person ≤ 5000/year,
// household ≤ 10000/year, reserve fund 50000 元 per township and year.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../platform/db/client.ts';
import { ALL_MATERIALS, HOME_VISIT, casesApp, clock, household, setParameters, type Api, type World } from './cases.fixtures.ts';

let w: World;
before(async () => {
  w = await casesApp('2025-09-29');
});
after(() => w.t.close());

type Case = { id: number; state: string; [k: string]: unknown };

/** A 临时救助 application: the cause is its kind and event date (default: today), the text describes it. */
async function register(as: Api, personId: number, o: { category?: string; kind: string; on?: string; reference?: string; cause: string; requestedFen: number; complete?: boolean }): Promise<Case> {
  const res = await as.post('/api/cases', {
    program: 'temporary', applicantPersonId: personId, channel: 'application', category: o.category ?? 'emergency', causeKind: o.kind, causeEventOn: o.on ?? clock.date, ...(o.reference ? { causeReference: o.reference } : {}), cause: o.cause, requestedFen: o.requestedFen,
    ...(o.complete === false ? {} : { materialsReceived: ALL_MATERIALS.temporary, promiseSigned: true, dataCheckAuthorised: true }),
  });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return res.body;
}

/** 受理 → 调查 → 审核 (→ 公示 → 审批 for the general procedure): the case waits at 审批. */
async function toApproving(id: number, date: string, proposedFen?: number): Promise<Case> {
  const { as } = w;
  const listed = (await as.social.get(`/api/cases/${id}`)).body.materials.map((m: { code: string }) => m.code);
  assert.equal((await as.social.post(`/api/cases/${id}/materials`, { received: listed, promiseSigned: true, dataCheckAuthorised: true })).status, 200);
  assert.equal((await as.social.post(`/api/cases/${id}/start-investigation`, {})).status, 200);
  assert.equal((await as.social.post(`/api/cases/${id}/visits`, HOME_VISIT(date))).status, 200);
  assert.equal((await as.social.post(`/api/cases/${id}/submit-review`, {})).status, 200);
  const o = await as.township.post(`/api/cases/${id}/opinion`, { note: '拟同意临时救助', ...(proposedFen ? { proposedFen } : {}) });
  assert.equal(o.status, 200, JSON.stringify(o.body));
  if (o.body.state === 'publicizing') {
    const next = new Date(Date.parse(`${o.body.publicityTo}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    const back = clock.date;
    await w.at(next);
    const ended = await as.township.post(`/api/cases/${id}/end-publicity`, {});
    assert.equal(ended.status, 200, JSON.stringify(ended.body));
    await w.at(back);
    return ended.body;
  }
  return o.body;
}

const person = async (name: string, birthDate = '1980-05-05', code?: string) => household(w.t, { members: [{ name, birthDate }], monthlyIncomeFen: 100_000, ...(code ? { code } : {}) });

test('emergency path: paid first from the reserve fund, paperwork due across the holiday, the rest paid at approval', async () => {
  const { as, t } = w;
  await w.at('2025-09-30');
  const h = await household(t, { members: [{ name: '周火灾', birthDate: '1970-01-01' }, { name: '周妻', birthDate: '1972-01-01', relationship: 'spouse' }] });
  // Registered at night, papers incomplete: the advance does not wait for them.
  const c = await register(as.social, h.personIds[0]!, { kind: 'fire', on: '2025-09-30', cause: '2025-09-30 夜间住房火灾', requestedFen: 300_000, complete: false });
  assert.equal(c.procedure, 'emergency');
  // Only the township (or county) pays first; a social worker may not.
  assert.equal((await as.social.post(`/api/cases/${c.id}/prepay`, { amountFen: 150_000, note: '先行救助' })).status, 403);
  const paid = await as.township.post(`/api/cases/${c.id}/prepay`, { amountFen: 150_000, note: '火灾当晚先行救助' });
  assert.equal(paid.status, 200, JSON.stringify(paid.body));
  assert.equal(paid.body.prepaidFen, 150_000);
  assert.equal(paid.body.prepaidOn, '2025-09-30');
  // 5 days → 10-05, a holiday: the paperwork is due on the next working day, 10-09.
  assert.equal(paid.body.paperworkDueOn, '2025-10-09');
  assert.equal((await as.township.post(`/api/cases/${c.id}/prepay`, { amountFen: 1, note: '再次' })).status, 409);
  const [fund] = await queryRows<{ allocated: number; spent: number }>(t.database.db, sql`select allocated_fen as allocated, spent_fen as spent from reserve_funds where township_code = '140107001' and year = 2025`);
  assert.deepEqual([Number(fund!.allocated), Number(fund!.spent)], [5_000_000, 150_000]);
  const [prepay] = await queryRows<{ kind: string; status: string; amount: number }>(t.database.db, sql`select kind, status, amount_fen as amount from payments where case_id = ${c.id}`);
  assert.deepEqual([prepay!.kind, prepay!.status, Number(prepay!.amount)], ['prepay', 'paid', 150_000]);

  // 10-10 and the paperwork still not done: overdue, first in the township's queue.
  await w.at('2025-10-10');
  const late = (await as.township.get(`/api/cases/${c.id}`)).body;
  assert.equal(late.overdue, true);
  assert.ok(late.overdueReasons.includes('paperwork'));
  assert.equal((await as.township.get('/api/cases/queue')).body.items[0].id, c.id);

  // 补齐手续, then the county approves 3000 元 (above the township's 2000): 1500 more is paid once.
  const waiting = await toApproving(c.id, '2025-10-10');
  assert.equal(waiting.state, 'approving');
  assert.equal(waiting.approvalLevel, 'county');
  const approved = await as.county.post(`/api/cases/${c.id}/approve`, { note: '同意，扣除先行救助' });
  assert.equal(approved.status, 200, JSON.stringify(approved.body));
  assert.equal(approved.body.approvedFen, 300_000);
  assert.equal(approved.body.overdue, false);
  const rows = await queryRows<{ kind: string; amount: number; month: string }>(t.database.db, sql`select kind, amount_fen as amount, month from payments where case_id = ${c.id} order by id`);
  assert.deepEqual(rows.map((r) => [r.kind, Number(r.amount), r.month]), [['prepay', 150_000, '2025-09'], ['once', 150_000, '2025-10']]);
});

test('先行救助 is refused when the reserve fund is short, and for spending-type cases', async () => {
  const { as } = w;
  await setParameters(w.t, { 'linshi.reserve_fund_fen': 100_000 }, '140107002');
  const a = await person('吴一', '1980-01-01', '140107002001001');
  const b = await person('吴二', '1981-01-01', '140107002001001');
  const ca = await register(as.otherTownship, a.personIds[0]!, { kind: 'traffic_accident', cause: '车祸', requestedFen: 100_000 });
  const cb = await register(as.otherTownship, b.personIds[0]!, { kind: 'sudden_illness', cause: '突发重病', requestedFen: 100_000 });
  assert.equal((await as.otherTownship.post(`/api/cases/${ca.id}/prepay`, { amountFen: 80_000, note: '先行' })).status, 200);
  const short = await as.otherTownship.post(`/api/cases/${cb.id}/prepay`, { amountFen: 30_000, note: '先行' });
  assert.equal(short.status, 409);
  assert.match(short.body.messageZh, /备用金余额不足.*尚余 200\.00 元/);
  const spending = await register(as.social, (await person('吴三')).personIds[0]!, { category: 'expenditure', kind: 'education', cause: '子女大学学费', requestedFen: 100_000 });
  assert.equal(spending.procedure, 'general');
  assert.equal((await as.township.post(`/api/cases/${spending.id}/prepay`, { amountFen: 10_000, note: '先行' })).status, 409);
});

test('delegation: the township approves within its 2000 元 limit, never above it', async () => {
  const { as } = w;
  const small = await register(as.social, (await person('郑小额')).personIds[0]!, { kind: 'accidental_injury', cause: '意外摔伤', requestedFen: 150_000 });
  const big = await register(as.social, (await person('郑大额')).personIds[0]!, { kind: 'sudden_illness', cause: '突发心梗', requestedFen: 250_000 });
  assert.equal((await toApproving(small.id, '2025-10-10')).approvalLevel, 'township');
  assert.equal((await toApproving(big.id, '2025-10-10')).approvalLevel, 'county');
  const within = await as.township.post(`/api/cases/${small.id}/approve`, { note: '乡镇审批' });
  assert.equal(within.status, 200, JSON.stringify(within.body));
  assert.equal(within.body.approvalLevel, 'township');
  const above = await as.township.post(`/api/cases/${big.id}/approve`, { note: '乡镇审批' });
  assert.equal(above.status, 403);
  assert.equal(above.body.error, 'beyond_authority');
  assert.match(above.body.message, /above the township’s approval limit of ¥2000\.00/);
  assert.equal(above.body.messageZh, '救助金额 2500.00 元超过乡镇（街道）审批权限 2000.00 元，须报县级民政部门审批');
  // Nor by raising a delegated case's amount at approval.
  const raised = await register(as.social, (await person('郑加码')).personIds[0]!, { kind: 'traffic_accident', cause: '交通事故', requestedFen: 100_000 });
  await toApproving(raised.id, '2025-10-10');
  const r = await as.township.post(`/api/cases/${raised.id}/approve`, { amountFen: 300_000, note: '提高金额' });
  assert.equal(r.status, 403);
  assert.equal(r.body.error, 'beyond_authority');
  assert.equal((await as.county.post(`/api/cases/${big.id}/approve`, { note: '县级审批' })).status, 200);
});

test('the township approves exactly its limit; within the limit but beyond the yearly cap it is the county’s, and the refusal says so', async () => {
  const { as } = w;
  const atLimit = await register(as.social, (await person('郑等额')).personIds[0]!, { kind: 'accidental_injury', cause: '意外摔伤', requestedFen: 200_000 });
  assert.equal((await toApproving(atLimit.id, '2025-10-10')).approvalLevel, 'township', '2000.00 is not above a 2000.00 limit');
  assert.equal((await as.township.post(`/api/cases/${atLimit.id}/approve`, { note: '乡镇审批' })).status, 200);
  // The person's 5000 a year are used: a 2000 request within the township's limit still goes to the county.
  const h = await person('郑满额');
  const first = await register(as.social, h.personIds[0]!, { kind: 'natural_disaster', cause: '住房倒塌', requestedFen: 500_000 });
  await toApproving(first.id, '2025-10-10');
  assert.equal((await as.county.post(`/api/cases/${first.id}/approve`, { note: '同意' })).status, 200);
  const second = await register(as.social, h.personIds[0]!, { kind: 'sudden_illness', cause: '突发重病', requestedFen: 200_000 });
  assert.equal((await toApproving(second.id, '2025-10-10', 200_000)).approvalLevel, 'county');
  const refused = await as.township.post(`/api/cases/${second.id}/approve`, { note: '乡镇审批' });
  assert.equal(refused.status, 403);
  assert.equal(refused.body.error, 'beyond_authority');
  assert.equal(refused.body.messageZh, '救助金额 2000.00 元未超过乡镇（街道）审批权限 2000.00 元，但超出本年度临时救助累计上限，须报县级民政部门审批');
  assert.match(refused.body.message, /¥2000\.00 is within the township’s approval limit of ¥2000\.00, but goes beyond this year’s cap/);
});

test('一事一救 by what the cause is: one fire told two ways is refused naming the earlier case; another kind or a date outside the window is taken', async () => {
  const { as } = w;
  const h = await person('冯同因');
  const first = await register(as.social, h.personIds[0]!, { kind: 'fire', on: '2025-09-01', cause: '9月家中厨房失火', requestedFen: 100_000 });
  await toApproving(first.id, '2025-10-10');
  assert.equal((await as.township.post(`/api/cases/${first.id}/approve`, { note: '同意' })).status, 200);
  // The same fire, worded otherwise and dated a few days later: refused at intake, in both languages.
  const again = await as.social.post('/api/cases', { program: 'temporary', applicantPersonId: h.personIds[0], channel: 'application', category: 'emergency', causeKind: 'fire', causeEventOn: '2025-09-06', cause: '9月厨房起火', requestedFen: 50_000 });
  assert.equal(again.status, 409);
  assert.equal(again.body.error, 'conflict');
  assert.equal(again.body.messageZh, `该户已就同一事由申请临时救助（案件 ${first.caseNo}，同为火灾且事件日期相隔不超过 30 天（前案 2025-09-01）），同一事由不得重复申请（一事一救）`);
  assert.match(again.body.message, new RegExp(`already applied for this cause in case ${first.caseNo} \\(the same kind \\(fire\\) with event dates at most 30 days apart`));
  assert.equal(again.body.fields[0].field, 'causeEventOn');
  // The same fire-brigade report, even filed under another kind and date: the same event.
  const referenced = await register(as.social, h.personIds[0]!, { kind: 'natural_disaster', on: '2025-08-01', reference: '杏消认字〔2025〕第17号', cause: '暴雨', requestedFen: 10_000 });
  const sameReport = await as.social.post('/api/cases', { program: 'temporary', applicantPersonId: h.personIds[0], channel: 'application', category: 'emergency', causeKind: 'fire', causeEventOn: '2025-10-05', causeReference: '杏消认字〔2025〕 第 17 号', cause: '火灾', requestedFen: 10_000 });
  assert.equal(sameReport.status, 409);
  assert.equal(sameReport.body.fields[0].field, 'causeReference');
  assert.match(sameReport.body.messageZh, new RegExp(`案件 ${referenced.caseNo}，事件编号相同`));
  // Another kind in the same days, or a fire outside the 30-day window: other causes, taken.
  await register(as.social, h.personIds[0]!, { kind: 'sudden_illness', on: '2025-09-03', cause: '突发疾病住院', requestedFen: 50_000 });
  await register(as.social, h.personIds[0]!, { kind: 'fire', on: '2025-10-08', cause: '10月再次失火', requestedFen: 60_000 });
  // The event cannot come after the application.
  const future = await as.social.post('/api/cases', { program: 'temporary', applicantPersonId: h.personIds[0], channel: 'application', category: 'emergency', causeKind: 'traffic_accident', causeEventOn: '2025-12-01', cause: '车祸', requestedFen: 10_000 });
  assert.equal(future.status, 400);
  assert.equal(future.body.fields[0].field, 'causeEventOn');
  const missing = await as.social.post('/api/cases', { program: 'temporary', applicantPersonId: h.personIds[0], channel: 'application', category: 'emergency', cause: '车祸', requestedFen: 10_000 });
  assert.equal(missing.status, 400);
  assert.deepEqual(missing.body.fields.map((f: { field: string }) => f.field).sort(), ['causeEventOn', 'causeKind']);
});

test('一事一救 holds at approval too: an application taken while the first was withdrawn is refused once the first is helped', async () => {
  const { as } = w;
  const h = await person('冯复议');
  const a = await register(as.social, h.personIds[0]!, { kind: 'fire', on: '2025-10-01', cause: '11月家中厨房失火', requestedFen: 100_000 });
  assert.equal((await as.social.post(`/api/cases/${a.id}/withdraw`, { reason: '申请人撤回申请' })).body.state, 'withdrawn');
  const b = await register(as.social, h.personIds[0]!, { kind: 'fire', on: '2025-10-02', cause: '11月厨房起火', requestedFen: 80_000 });
  const reopened = await as.township.post(`/api/cases/${a.id}/reopen`, { reason: '申请人要求恢复办理' });
  assert.equal(reopened.status, 200, JSON.stringify(reopened.body));
  await toApproving(a.id, '2025-10-10');
  assert.equal((await as.township.post(`/api/cases/${a.id}/approve`, { note: '同意' })).status, 200);
  await toApproving(b.id, '2025-10-10');
  const refused = await as.township.post(`/api/cases/${b.id}/approve`, { note: '同意' });
  assert.equal(refused.status, 409);
  assert.match(refused.body.messageZh, new RegExp(`该户已因同一事由获得临时救助（案件 ${a.caseNo}，同为火灾.*一事一议`));
  assert.match(refused.body.message, new RegExp(`already helped for this cause in case ${a.caseNo}`));
});

test('yearly caps hold at approval; 一事一议 by the county lifts them and is marked', async () => {
  const { as } = w;
  const h = await person('陈上限');
  const first = await register(as.social, h.personIds[0]!, { kind: 'natural_disaster', cause: '住房倒塌', requestedFen: 500_000 });
  await toApproving(first.id, '2025-10-10');
  assert.equal((await as.county.post(`/api/cases/${first.id}/approve`, { note: '同意' })).body.approvedFen, 500_000);
  // The person's 5000 元 for the year are used: a new cause is refused at approval.
  const second = await register(as.social, h.personIds[0]!, { kind: 'sudden_illness', cause: '突发重病', requestedFen: 200_000 });
  await toApproving(second.id, '2025-10-10');
  const capped = await as.county.post(`/api/cases/${second.id}/approve`, { note: '同意' });
  assert.equal(capped.status, 409);
  assert.match(capped.body.messageZh, /累计额度已用完.*一事一议/);
  // Only the county records 一事一议.
  assert.equal((await as.township.post(`/api/cases/${second.id}/exception`, { decisionNo: '杏民〔2025〕8号', decidedOn: '2025-10-10', note: '重病特殊困难，经局务会研究' })).status, 403);
  const decided = await as.county.post(`/api/cases/${second.id}/exception`, { decisionNo: '杏民〔2025〕8号', decidedOn: '2025-10-10', note: '重病特殊困难，经局务会研究' });
  assert.equal(decided.status, 200);
  assert.equal(decided.body.exception, true);
  assert.equal(decided.body.exceptionDecision.decisionNo, '杏民〔2025〕8号');
  const approved = await as.county.post(`/api/cases/${second.id}/approve`, { note: '一事一议同意' });
  assert.equal(approved.status, 200, JSON.stringify(approved.body));
  assert.equal(approved.body.approvedFen, 200_000);
  assert.equal(approved.body.approvalLevel, 'county');
  const event = approved.body.events.at(-1);
  assert.equal(event.data.beyondYearlyCap, true);
  assert.equal(event.data.exception.decisionNo, '杏民〔2025〕8号');
});

test('an amount above what is left of the year is reduced to it, and says so', async () => {
  const { as } = w;
  const h = await household(w.t, { members: [{ name: '褚甲', birthDate: '1960-01-01' }, { name: '褚乙', birthDate: '1962-01-01', relationship: 'spouse' }, { name: '褚丙', birthDate: '1990-01-01' }] });
  const a = await register(as.social, h.personIds[0]!, { kind: 'fire', cause: '火灾', requestedFen: 500_000 });
  await toApproving(a.id, '2025-10-10');
  await as.county.post(`/api/cases/${a.id}/approve`, { note: '同意' });
  const b = await register(as.social, h.personIds[1]!, { kind: 'traffic_accident', cause: '车祸', requestedFen: 450_000 });
  await toApproving(b.id, '2025-10-10');
  await as.county.post(`/api/cases/${b.id}/approve`, { note: '同意' });
  // 9500 of the household's 10000 used: the third member's request of 2000 gets 500.
  const c = await register(as.social, h.personIds[2]!, { kind: 'sudden_illness', cause: '突发疾病', requestedFen: 200_000 });
  await toApproving(c.id, '2025-10-10', 200_000);
  const r = await as.county.post(`/api/cases/${c.id}/approve`, { note: '同意' });
  assert.equal(r.status, 200, JSON.stringify(r.body));
  assert.equal(r.body.approvedFen, 50_000);
  assert.equal(r.body.events.at(-1).data.limitedBy, 'household_year');
  assert.match(r.body.events.at(-1).note, /核减为 500\.00 元/);
});
