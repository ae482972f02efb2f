// Programs decided from registry facts alone, everything entered through the HTTP API (issue 14):
// 特困 from a recorded supporter (the trace names him), 事实无人抚养 from the parents' dated
// situations (6 months of 失联 qualifies, 5 not yet), 失业保险金 / 失业补助金 from recorded
// contributions, and a 低保 household's current benefit — derived from its approved case and
// payment plan — giving 事实无人抚养 only the difference (stacking) and a 渐退期 after a job.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { casesApp, HOME_VISIT, ALL_MATERIALS, type World, type Api } from '../cases/cases.fixtures.ts';
import { makeIdNumber } from '../../lib/id-number.ts';

let w: World;
let staff: Api; // township reviewer, 巨轮街道
const GRID = '140107001001001';
let seq = 0;

before(async () => {
  w = await casesApp('2025-09-15');
  staff = w.as.township;
});
after(() => w.t.close());

const SELF_CARE_OK = { eating: true, dressing: true, transfer: true, toilet: true, walking: true, bathing: true };

async function ok(res: Promise<{ status: number; body: any }>, status = 200) {
  const r = await res;
  assert.equal(r.status, status, JSON.stringify(r.body));
  return r.body;
}
const put = async (url: string, body: object) => {
  const r = await w.t.app.inject({ method: 'PUT', url, headers: staff.session.headers, payload: body });
  return { status: r.statusCode, body: r.json() };
};

/** A person registered through the API. */
async function person(name: string, birthDate: string, extra: object = {}): Promise<number> {
  const body = await ok(staff.post('/api/persons', { name, idNumber: makeIdNumber('140107', birthDate, 600 + ++seq), hukouCode: GRID, jurisdictionCode: GRID, ...extra }), 201);
  return body.id;
}

/** A household through the API: the head, then members with their relationship. */
async function household(head: number, members: [number, string][] = []): Promise<number> {
  const h = await ok(staff.post('/api/households', { jurisdictionCode: GRID, headPersonId: head }), 201);
  for (const [personId, relationship] of members) await ok(staff.post(`/api/households/${h.id}/members`, { personId, relationship }));
  return h.id;
}

async function decisions(householdId: number, date?: string): Promise<any[]> {
  return (await ok(staff.get(`/api/households/${householdId}/eligibility${date ? `?date=${date}` : ''}`))).decisions;
}
const find = (ds: any[], program: string, subjectName?: string) => ds.find((d) => d.program === program && (subjectName === undefined || d.subjectName === subjectName));

test('特困 from registry facts alone: the only son is 72 and low-income, and the trace names him', async () => {
  const old = await person('钱老太', '1938-02-02', { selfCare: SELF_CARE_OK });
  const son = await person('钱大山', '1953-04-04');
  const h = await household(old);

  const unknown = find(await decisions(h), 'tekun', '钱老太');
  assert.equal(unknown.status, 'needs_information');
  assert.ok(unknown.missing.includes('supporters'), JSON.stringify(unknown.missing));

  // The son earns above the previous-year disposable income: able to support.
  const s = await ok(staff.post(`/api/persons/${old}/supporters`, { relation: 'child', supporterPersonId: son, monthlyIncomeFen: 400_000, propertyWithinRule: true, source: '入户调查' }), 201);
  assert.equal(find(await decisions(h), 'tekun', '钱老太')?.status ?? 'ineligible', 'ineligible');

  // His income recorded lower (1,500 元 a month): unable to support → 特困.
  await ok(put(`/api/persons/${old}/supporters/${s.id}`, { relation: 'child', supporterPersonId: son, monthlyIncomeFen: 150_000, propertyWithinRule: true, reason: '核实收入' }));
  const d = find(await decisions(h), 'tekun', '钱老太');
  assert.equal(d.status, 'eligible', JSON.stringify(d));
  const line = d.trace.find((c: { id: string }) => c.id === 'tekun.supporter_0');
  assert.match(line.zh, /钱大山/);
  assert.match(line.zh, /72 岁/);
  assert.match(line.zh, /无履行义务能力/);
  assert.ok(d.amountFen > 0);
});

test('特困: a person checked to have no legal supporter at all', async () => {
  const alone = await person('陈孤老', '1941-07-07', { selfCare: SELF_CARE_OK });
  const h = await household(alone);
  const none = await ok(staff.post(`/api/persons/${alone}/supporters`, { relation: 'none', source: '入户调查、户籍核对' }), 201);
  const d = find(await decisions(h), 'tekun', '陈孤老');
  assert.equal(d.status, 'eligible', JSON.stringify(d));
  assert.ok(d.trace.some((c: { id: string; zh: string }) => c.id === 'tekun.supporters' && /无法定赡养/.test(c.zh)));
  // A supporter found later: 'none' must be removed first.
  const later = await staff.post(`/api/persons/${alone}/supporters`, { relation: 'child', name: '陈某' });
  assert.equal(later.status, 400);
  assert.equal(later.body.fields[0].field, 'relation');
  await ok(staff.post(`/api/persons/${alone}/supporters/${none.id}/remove`, { reason: '发现有子女在外地' }));
  await ok(staff.post(`/api/persons/${alone}/supporters`, { relation: 'child', name: '陈某' }), 201);
});

test('事实无人抚养: father in prison, mother out of contact 6 months → eligible; 5 months → not yet', async () => {
  const grandma = await person('周奶奶', '1955-05-05');
  const child = await person('周小雨', '2015-06-01');
  const h = await household(grandma, [[child, 'grandchild']]);
  await ok(staff.post(`/api/persons/${child}/parent-situations`, { parent: 'father', situation: 'imprisoned', beganOn: '2023-05-10', evidenceKind: 'prison_certificate' }), 201);
  assert.equal(find(await decisions(h, '2025-09-15'), 'fcu', '周小雨').status, 'needs_information', 'the mother’s situation is unknown');
  await ok(staff.post(`/api/persons/${child}/parent-situations`, { parent: 'mother', situation: 'lost_contact', beganOn: '2025-03-15', evidenceKind: 'police_record' }), 201);

  const six = find(await decisions(h, '2025-09-15'), 'fcu', '周小雨');
  assert.equal(six.status, 'eligible', JSON.stringify(six));
  assert.equal(six.amountFen, 120_000, 'the dispersed orphan standard; no other benefit to subtract');
  const five = find(await decisions(h, '2025-08-15'), 'fcu', '周小雨');
  assert.equal(five.status, 'ineligible');
  assert.equal(five.nearMiss, true, 'kept for the re-check');
  assert.equal(five.category, 'recheck');
  assert.equal(five.durationMonths, 1, 're-check in a month');
});

test('失业保险金 and 失业补助金 from recorded contributions, each member on their own facts', async () => {
  const a = await person('吴师傅', '1980-01-01');
  const b = await person('吴小妹', '1998-01-01');
  const h = await household(a, [[b, 'spouse']]);
  await ok(staff.post(`/api/persons/${a}/unemployment`, { contributionMonths: 72, lastEmployer: '太原某机械厂', separationOn: '2025-06-30', separationReason: 'involuntary', registeredOn: '2025-07-05' }), 201);
  await ok(staff.post(`/api/persons/${b}/unemployment`, { contributionMonths: 8, lastEmployer: '某商场', separationOn: '2022-05-31', separationReason: 'voluntary', registeredOn: '2022-06-10' }), 201);
  const ds = await decisions(h);
  const insurance = find(ds, 'unemployment_insurance', '吴师傅');
  assert.equal(insurance.status, 'eligible', JSON.stringify(insurance));
  assert.equal(insurance.amountFen, 159_800);
  assert.equal(insurance.durationMonths, 18, '6 full years → 18 months');
  assert.equal(find(ds, 'unemployment_insurance', '吴小妹')?.status ?? 'ineligible', 'ineligible', '8 months, left voluntarily');
  const subsidy = find(ds, 'unemployment_subsidy', '吴小妹');
  assert.equal(subsidy.status, 'eligible', JSON.stringify(subsidy));
  assert.equal(subsidy.amountFen, 127_840, '80% of 1,598 元');
  assert.equal(subsidy.durationMonths, 6);
});

test('a 低保 household: the benefit comes from its plan; 事实无人抚养 pays the difference; a job starts the 渐退期', async () => {
  const { as } = w;
  await w.at('2025-10-09');
  const grandma = await person('郑奶奶', '1958-03-03');
  const graduate = await person('郑大姐', '2003-07-07');
  const boy = await person('郑小弟', '2014-09-09');
  const h = await household(grandma, [[graduate, 'grandchild'], [boy, 'grandchild']]);
  for (let k = 1; k <= 12; k++) {
    const index = 2025 * 12 + 9 - k;
    const month = `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
    await ok(staff.post(`/api/households/${h}/incomes`, { personId: grandma, type: 'wage', subtype: 'flexible_work', month, amountFen: 30_000, source: '入户调查' }));
  }
  await ok(staff.post(`/api/persons/${boy}/parent-situations`, { parent: 'father', situation: 'imprisoned', beganOn: '2022-01-01', evidenceKind: 'prison_certificate' }), 201);
  await ok(staff.post(`/api/persons/${boy}/parent-situations`, { parent: 'mother', situation: 'lost_contact', beganOn: '2024-01-01', evidenceKind: 'police_record' }), 201);
  assert.equal(find(await decisions(h), 'fcu', '郑小弟').amountFen, 120_000, 'before 低保: the full standard');

  // 低保 through the case procedure: approved, paid from the next month.
  const c = await ok(as.social.post('/api/cases', { program: 'dibao', applicantPersonId: grandma, channel: 'application', materialsReceived: ALL_MATERIALS.dibao, promiseSigned: true, dataCheckAuthorised: true }), 201);
  await ok(as.social.post(`/api/cases/${c.id}/start-investigation`, {}));
  await ok(as.social.post(`/api/cases/${c.id}/visits`, HOME_VISIT('2025-10-09')));
  await ok(as.social.post(`/api/cases/${c.id}/submit-review`, {}));
  await ok(as.township.post(`/api/cases/${c.id}/opinion`, { note: '同意' }));
  await w.at('2025-10-20');
  await ok(as.township.post(`/api/cases/${c.id}/end-publicity`, {}));
  const approved = await ok(as.county.post(`/api/cases/${c.id}/approve`, { note: '同意给予低保' }));
  assert.equal(approved.firstPaymentMonth, '2025-11');
  const monthly = approved.approvedFen as number;
  assert.ok(monthly > 0);

  // November: on 低保 now. The boy's share of it is subtracted from the 事实无人抚养 allowance.
  await w.at('2025-11-20');
  const onDibao = await decisions(h);
  const fcu = find(onDibao, 'fcu', '郑小弟');
  const share = Math.floor(monthly / (approved.peopleCovered ?? 3));
  assert.equal(fcu.status, 'eligible', JSON.stringify(fcu));
  assert.equal(fcu.category, 'difference');
  assert.equal(fcu.amountFen, 120_000 - share);

  // The graduate takes a job in December; her wages lift the household above the standard.
  await w.at('2026-01-20');
  await ok(staff.post(`/api/persons/${graduate}/job-events`, { kind: 'employed', onDate: '2025-12-01', employer: '太原某公司', placementKind: 'graduate' }), 201);
  for (const month of ['2025-12']) await ok(staff.post(`/api/households/${h}/incomes`, { personId: graduate, type: 'wage', subtype: 'salary', month, amountFen: 4_000_000, source: '工资单' }));
  const dibao = find(await decisions(h), 'dibao');
  assert.equal(dibao.status, 'eligible', JSON.stringify(dibao));
  assert.equal(dibao.category, 'phase_out');
  assert.equal(dibao.amountFen, monthly, 'the plan’s amount is kept during the 渐退期');
  assert.equal(dibao.durationMonths, 11, '12 months for a graduate, 1 used');
  assert.ok(dibao.trace.some((x: { id: string }) => x.id === 'dibao.phase_out'));
});
