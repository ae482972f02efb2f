// Whole procedures through the HTTP API: general 低保 to approval and its payment plan (with an
// objection during 公示 and a second 公示), 事实无人抚养 without 公示, a separately registered
// application that needs the county's own visit, attachments and the printed documents.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { ALL_MATERIALS, HOME_VISIT, casesApp, household, setParameters, type World } from './cases.fixtures.ts';
import { makeIdNumber } from '../../lib/id-number.ts';
import { approvedCase, family } from '../payments/test-fixtures.ts';

let w: World;
before(async () => {
  w = await casesApp('2025-09-01');
});
after(() => w.t.close());

const events = (c: { events: { action: string }[] }) => c.events.map((e) => e.action);

test('general 低保: 受理 → 调查 → 审核 → 公示 (objection, second round) → 审批 → payments from the next month', async () => {
  const { as } = w;
  // 3 people, per-capita income 600 元 against the 2024 standard of 780 元 → (780 − 600) × 3 = 540 元.
  const h = await household(w.t, {
    members: [{ name: '张建国', birthDate: '1975-03-02', idNumber: makeIdNumber('140107', '1975-03-02', 31) }, { name: '李秀英', birthDate: '1977-06-09', relationship: 'spouse' }, { name: '张小明', birthDate: '2012-01-20' }],
    monthlyIncomeFen: 180_000,
  });
  const created = await as.social.post('/api/cases', { program: 'dibao', applicantPersonId: h.personIds[0], channel: 'application', materialsReceived: ['application_form', 'id_card'], promiseSigned: true });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const c = created.body;
  assert.equal(c.state, 'accepted');
  assert.equal(c.procedure, 'general');
  assert.equal(c.householdId, h.id);
  assert.match(c.caseNo, /^DB-2025-140107-\d{6}$/);
  // 一次性告知: every missing item at once, the unsigned authorisation too.
  assert.deepEqual(c.materialsNotice.missing.map((m: { code: string }) => m.code), ['hukou_book', 'income_proof', 'property_declaration', 'data_check_authorisation']);
  assert.ok(events(c).includes('materials_notice'));
  // 30 working days from 2025-09-01 (Mon), across the National Day break (10-01…10-08) and its make-up days 09-28 (Sun) and 10-11 (Sat).
  assert.equal(c.overallDueOn, '2025-10-17');

  const blocked = await as.social.post(`/api/cases/${c.id}/start-investigation`, {});
  assert.equal(blocked.status, 409);
  assert.match(blocked.body.messageZh, /尚缺 3 项必需材料.*核对授权书/);
  const complete = await as.social.post(`/api/cases/${c.id}/materials`, { received: ALL_MATERIALS.dibao, dataCheckAuthorised: true });
  assert.equal(complete.status, 200);
  assert.equal(complete.body.materialsNotice, null);
  assert.equal((await as.social.post(`/api/cases/${c.id}/start-investigation`, {})).body.state, 'investigating');

  // A visit with one investigator is no 入户调查; the review waits for a proper one.
  const lone = await as.grid.post(`/api/cases/${c.id}/visits`, { ...HOME_VISIT('2025-09-02'), investigators: [{ name: '王调查' }] });
  assert.equal(lone.status, 400);
  assert.equal((await as.social.post(`/api/cases/${c.id}/submit-review`, {})).status, 409);
  await w.at('2025-09-03');
  const visited = await as.grid.post(`/api/cases/${c.id}/visits`, HOME_VISIT('2025-09-03'));
  assert.equal(visited.status, 200, JSON.stringify(visited.body));
  assert.equal(visited.body.visits.length, 1);
  assert.equal((await as.social.post(`/api/cases/${c.id}/submit-review`, { note: '调查完毕' })).body.state, 'reviewing');

  // A grid worker cannot give the township's opinion (route permission).
  assert.equal((await as.grid.post(`/api/cases/${c.id}/opinion`, { note: '同意' })).status, 403);
  await w.at('2025-09-04');
  const opinion = await as.township.post(`/api/cases/${c.id}/opinion`, { note: '经审核符合低保条件，拟同意', peopleCovered: 3 });
  assert.equal(opinion.status, 200, JSON.stringify(opinion.body));
  const o = opinion.body;
  assert.equal(o.state, 'publicizing');
  assert.equal(o.decision.status, 'eligible');
  assert.equal(o.decision.amountFen, 54_000);
  assert.equal(o.decidedAsOf, '2025-09-04');
  assert.ok(o.decision.trace.length > 0 && o.decision.trace.some((x: { zh: string }) => /低保标准/.test(x.zh)));
  assert.equal(o.proposedFen, 54_000);
  assert.equal(o.approvalLevel, 'county');
  // Posted 09-04 (Thu): 7 days to 09-11 (Thu), a working day.
  assert.deepEqual([o.publicityRound, o.publicityFrom, o.publicityTo], [1, '2025-09-04', '2025-09-11']);

  // The 公示 cannot end before its last day has passed.
  await w.at('2025-09-11');
  assert.equal((await as.township.post(`/api/cases/${c.id}/end-publicity`, {})).status, 409);
  // Objection on 09-08: back to 调查.
  const objected = await as.township.post(`/api/cases/${c.id}/objections`, { note: '邻居反映户主有经营收入', objectionOn: '2025-09-08' });
  assert.equal(objected.status, 200, JSON.stringify(objected.body));
  assert.equal(objected.body.state, 'investigating');
  // Re-investigation within 15 working days of 09-11: the Sunday 09-28 counts, the break does not → 10-09.
  assert.equal(objected.body.stepDueOn, '2025-10-09');
  const obj = objected.body.events.find((e: { action: string }) => e.action === 'object');
  assert.equal(obj.data.objectionOn, '2025-09-08');
  assert.equal(obj.data.deadline, '2025-10-17');

  await w.at('2025-09-15');
  await as.social.post(`/api/cases/${c.id}/visits`, { ...HOME_VISIT('2025-09-15'), findings: '复查：经营已于 2024 年注销，异议不成立' });
  await as.social.post(`/api/cases/${c.id}/submit-review`, {});
  const second = await as.township.post(`/api/cases/${c.id}/opinion`, { note: '复查后维持原意见' });
  assert.equal(second.status, 200, JSON.stringify(second.body));
  // Second round from the re-posting day: 09-15 + 7 = 09-22 (Mon); the overall deadline is unchanged.
  assert.deepEqual([second.body.publicityRound, second.body.publicityFrom, second.body.publicityTo, second.body.overallDueOn], [2, '2025-09-15', '2025-09-22', '2025-10-17']);
  const round2 = second.body.events.filter((e: { action: string }) => e.action === 'opinion').at(-1);
  assert.deepEqual(round2.data.publicity, { round: 2, from: '2025-09-15', to: '2025-09-22', beyondDeadline: false, rule: round2.data.publicity.rule });

  await w.at('2025-09-23');
  const ended = await as.township.post(`/api/cases/${c.id}/end-publicity`, {});
  assert.equal(ended.body.state, 'approving');
  // The county decides within 10 working days of 09-23: 24–26, 28 (Sun), 29, 30, then 10-09, 10, 11 (Sat), 13.
  assert.equal(ended.body.stepDueOn, '2025-10-13');

  // The township may not approve 低保 (not delegated).
  const township = await as.township.post(`/api/cases/${c.id}/approve`, { note: '同意' });
  assert.equal(township.status, 403);
  assert.equal(township.body.error, 'beyond_authority');
  assert.match(township.body.messageZh, /低保未委托乡镇/);

  await w.at('2025-09-24');
  const approved = await as.county.post(`/api/cases/${c.id}/approve`, { note: '同意给予低保' });
  assert.equal(approved.status, 200, JSON.stringify(approved.body));
  const a = approved.body;
  assert.equal(a.state, 'approved');
  assert.equal(a.approvedFen, 54_000);
  assert.equal(a.approvedOn, '2025-09-24');
  // Approved in September → paid from October, whole months.
  assert.equal(a.firstPaymentMonth, '2025-10');
  // The head (50) is of working age and able to work: reviewed every 6 months.
  assert.equal(a.nextReviewOn, '2026-03-24');
  assert.equal(a.dueOn, null);
  assert.deepEqual(events(a), ['register', 'materials_notice', 'materials', 'start_investigation', 'visit', 'submit_review', 'opinion', 'object', 'visit', 'submit_review', 'opinion', 'end_publicity', 'approve']);
  // The timeline names people as colleagues know them, not by login.
  assert.equal(a.events.at(-1).actorName, '杏花岭区审批员');
  const plan = await w.t.database.db.execute(`select period, amount_fen, from_month, status from payment_plans where case_id = ${c.id}` as never) as unknown as { rows: { period: string; amount_fen: number; from_month: string; status: string }[] };
  assert.deepEqual(plan.rows.map((r) => [r.period, Number(r.amount_fen), r.from_month, r.status]), [['monthly', 54_000, '2025-10', 'active']]);

  // Every step is in the audit log with the case.
  const audit = await w.t.services.audit.list({ scope: '' }, { entity: 'assistance_case', entityId: String(c.id), limit: 50, offset: 0 });
  assert.ok(audit.items.some((e) => e.action === 'case.approve') && audit.items.some((e) => e.action === 'case.object'));

  // The written decision.
  const notice = await w.t.app.inject({ method: 'GET', url: `/api/cases/${c.id}/notice`, headers: as.county.session.headers });
  assert.equal(notice.statusCode, 200);
  assert.equal(notice.headers['content-type'], 'application/pdf');
  assert.equal(notice.rawPayload.subarray(0, 5).toString(), '%PDF-');
});

test('事实无人抚养: no 公示, the county confirms, payments from the next month', async () => {
  const { as } = w;
  await w.at('2025-10-09');
  const h = await household(w.t, { members: [{ name: '赵奶奶', birthDate: '1955-02-02' }, { name: '赵小花', birthDate: '2016-05-05', relationship: 'grandchild' }] });
  const c = (await as.social.post('/api/cases', { program: 'fcu', applicantPersonId: h.personIds[0], beneficiaryPersonId: h.personIds[1], channel: 'application', materialsReceived: ALL_MATERIALS.fcu, promiseSigned: true, dataCheckAuthorised: true })).body;
  assert.equal(c.procedure, 'no_publicity');
  assert.equal(c.beneficiaryName, '赵小花');
  await as.social.post(`/api/cases/${c.id}/start-investigation`, {});
  await as.social.post(`/api/cases/${c.id}/visits`, { kind: 'data_check', visitedOn: '2025-10-09', investigators: [{ name: '王调查' }], findings: '信息核对：父亲服刑至 2030 年，母亲失联 8 个月' });
  assert.equal((await as.social.post(`/api/cases/${c.id}/submit-review`, {})).body.state, 'reviewing');
  const opinion = await as.township.post(`/api/cases/${c.id}/opinion`, { note: '符合事实无人抚养儿童认定条件', proposedFen: 120_000 });
  assert.equal(opinion.status, 200, JSON.stringify(opinion.body));
  assert.equal(opinion.body.state, 'approving');
  assert.equal(opinion.body.publicityRound, 0);
  assert.equal(opinion.body.publicityFrom, null);
  await w.at('2025-10-31');
  const approved = await as.county.post(`/api/cases/${c.id}/approve`, { note: '认定' });
  assert.equal(approved.status, 200, JSON.stringify(approved.body));
  assert.equal(approved.body.firstPaymentMonth, '2025-11');
  assert.equal(approved.body.approvedFen, 120_000);
});

test('separately registered (a relative of staff): the county must visit before approval', async () => {
  const { as } = w;
  await w.at('2025-11-03');
  const h = await household(w.t, { members: [{ name: '钱经办', birthDate: '1950-01-01', workCapacity: 'none' }], monthlyIncomeFen: 20_000 });
  const c = (await as.social.post('/api/cases', {
    program: 'dibao', applicantPersonId: h.personIds[0], channel: 'application', materialsReceived: ALL_MATERIALS.dibao, promiseSigned: true, dataCheckAuthorised: true,
    ties: [{ role: 'case_worker', relation: 'child' }],
  })).body;
  assert.equal(c.separatelyRegistered, true);
  assert.match(c.separateNote, /单独登记备案/);
  // The county sees it on its desk while its own visit is pending.
  assert.ok((await as.county.get('/api/cases/queue')).body.items.some((x: { id: number }) => x.id === c.id));
  await as.social.post(`/api/cases/${c.id}/start-investigation`, {});
  await as.social.post(`/api/cases/${c.id}/visits`, HOME_VISIT('2025-11-03'));
  await as.social.post(`/api/cases/${c.id}/submit-review`, {});
  await as.township.post(`/api/cases/${c.id}/opinion`, { note: '拟同意' });
  await w.at('2025-11-11');
  await as.township.post(`/api/cases/${c.id}/end-publicity`, {});
  const blocked = await as.county.post(`/api/cases/${c.id}/approve`, { note: '同意' });
  assert.equal(blocked.status, 409);
  assert.match(blocked.body.messageZh, /县级民政部门入户调查/);
  // Only the county records its own visit.
  assert.equal((await as.social.post(`/api/cases/${c.id}/visits`, { ...HOME_VISIT('2025-11-11'), kind: 'county_visit' })).status, 403);
  const visited = await as.county.post(`/api/cases/${c.id}/visits`, { ...HOME_VISIT('2025-11-11'), kind: 'county_visit' });
  assert.equal(visited.status, 200, JSON.stringify(visited.body));
  assert.equal(visited.body.countyVisitDone, true);
  const approved = await as.county.post(`/api/cases/${c.id}/approve`, { note: '县级入户核实后同意' });
  assert.equal(approved.status, 200, JSON.stringify(approved.body));
  // Nobody able to work, regular income: reviewed yearly.
  assert.equal(approved.body.nextReviewOn, '2026-11-11');
});

test('where the county delegated 低保 to the township, the township approves it', async () => {
  const { as } = w;
  await setParameters(w.t, { 'procedure.township_approves.dibao': true }, '140107002');
  const h = await household(w.t, { members: [{ name: '委托审批', birthDate: '1950-01-01', workCapacity: 'none' }], monthlyIncomeFen: 30_000, code: '140107002001001' });
  const c = (await as.otherTownship.post('/api/cases', { program: 'dibao', applicantPersonId: h.personIds[0], channel: 'application', materialsReceived: ALL_MATERIALS.dibao, promiseSigned: true, dataCheckAuthorised: true })).body;
  await as.otherTownship.post(`/api/cases/${c.id}/start-investigation`, {});
  await as.otherTownship.post(`/api/cases/${c.id}/visits`, HOME_VISIT('2025-11-11'));
  await as.otherTownship.post(`/api/cases/${c.id}/submit-review`, {});
  const o = (await as.otherTownship.post(`/api/cases/${c.id}/opinion`, { note: '同意' })).body;
  assert.equal(o.approvalLevel, 'township');
  await w.at('2025-11-19');
  await as.otherTownship.post(`/api/cases/${c.id}/end-publicity`, {});
  const approved = await as.otherTownship.post(`/api/cases/${c.id}/approve`, { note: '乡镇审批确认' });
  assert.equal(approved.status, 200, JSON.stringify(approved.body));
  assert.equal(approved.body.approvalLevel, 'township');
  assert.equal(approved.body.firstPaymentMonth, '2025-12');
});

test('attachments: a photo of a visit is stored encrypted and its download audited; other bytes are refused', async () => {
  const { as, t } = w;
  const h = await household(t, { members: [{ name: '孙照片', birthDate: '1980-01-01' }] });
  const c = (await as.social.post('/api/cases', { program: 'dibao', applicantPersonId: h.personIds[0], channel: 'application' })).body;
  const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('家访照片 photo bytes')]);
  const up = await t.app.inject({ method: 'POST', url: `/api/cases/${c.id}/attachments?fileName=${encodeURIComponent('入户照片.jpg')}&kind=photo`, headers: { ...as.grid.session.headers, 'content-type': 'image/jpeg' }, payload: jpeg });
  assert.equal(up.statusCode, 200, up.body);
  const meta = up.json().attachments[0];
  assert.equal(meta.mimeType, 'image/jpeg');
  const stored = (await t.database.db.execute(`select content from attachments where id = ${meta.id} and owner_kind = 'case'` as never)) as unknown as { rows: { content: Uint8Array }[] };
  assert.ok(!Buffer.from(stored.rows[0]!.content).includes(Buffer.from('photo bytes')));
  const down = await t.app.inject({ method: 'GET', url: `/api/cases/${c.id}/attachments/${meta.id}`, headers: as.township.session.headers });
  assert.equal(down.statusCode, 200);
  assert.deepEqual(down.rawPayload, jpeg);
  const audit = await t.services.audit.list({ scope: '' }, { action: 'attachment.download', limit: 5, offset: 0 });
  assert.equal(audit.items[0]?.entityId, String(meta.id));
  const text = await t.app.inject({ method: 'POST', url: `/api/cases/${c.id}/attachments?fileName=x.jpg`, headers: { ...as.grid.session.headers, 'content-type': 'image/jpeg' }, payload: Buffer.from('not a picture') });
  assert.equal(text.statusCode, 415);
  // Another township's reviewer does not see the case at all.
  assert.equal((await as.otherTownship.get(`/api/cases/${c.id}/attachments/${meta.id}`)).status, 404);
});

test('the 公示 list of a community: names and ID numbers masked, HTML or PDF, scoped', async () => {
  const { as, t } = w;
  const html = await t.app.inject({ method: 'GET', url: '/api/cases/publicity?community=140107001001&from=2025-09-01&to=2025-12-31', headers: as.township.session.headers });
  assert.equal(html.statusCode, 200);
  assert.match(String(html.headers['content-type']), /text\/html/);
  assert.match(html.body, /张\*/);
  assert.doesNotMatch(html.body, /张建国/);
  // ID numbers: first 4 and last 4 digits only, never whole.
  assert.match(html.body, new RegExp(`1401\\*{10}${makeIdNumber('140107', '1975-03-02', 31).slice(-4)}`));
  assert.doesNotMatch(html.body, /\b\d{17}[\dX]\b/);
  const pdf = await t.app.inject({ method: 'GET', url: '/api/cases/publicity?community=140107001001&from=2025-09-01&to=2025-12-31&format=pdf', headers: as.township.session.headers });
  assert.equal(pdf.statusCode, 200);
  assert.equal(pdf.rawPayload.subarray(0, 5).toString(), '%PDF-');
  const other = await t.app.inject({ method: 'GET', url: '/api/cases/publicity?community=140107001001&from=2025-09-01&to=2025-12-31', headers: as.otherTownship.session.headers });
  assert.doesNotMatch(other.body, /张\*/);
});

test('an approved case without a recorded amount (imported, or inserted outside the workflow) has no notice: a 409, not a 500 (found by the fuzzer)', async () => {
  const f = await family(w.t.services, '140107001001', '无额户');
  const id = await approvedCase(w.t.database.db, f, '140107001001');
  const notice = await w.t.app.inject({ method: 'GET', url: `/api/cases/${id}/notice`, headers: w.as.county.session.headers });
  assert.equal(notice.statusCode, 409, notice.body);
  assert.match(notice.json().messageZh, /未记录救助金额/);
});
