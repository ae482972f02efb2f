// The payment ledger end to end on a real database (PGlite or PostgreSQL): plans started in the
// case's transaction, months generated (idempotent, arrears once, suspended months held), batches
// with exact totals, the bank file read back, results, re-issue, adjustments, stops and
// over-payments, and scoping. Cases are inserted directly (test-fixtures.ts).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { createTestApp, type Session, type TestApp } from '../../../test/support/app.ts';
import { queryRows } from '../../platform/db/client.ts';
import { AppError } from '../../platform/errors.ts';
import { BANK_COLUMNS } from './bank-file.ts';
import { recordPrepayment, startPlan } from './plans.ts';
import { approvedCase, caseWithPlan, family, type Family } from './test-fixtures.ts';

const JULUN = '140107001001001'; // 杏花岭区 巨轮街道
const SANQIAO = '140107002001001'; // 杏花岭区 三桥街道
const WBL = '140109001001001'; // 万柏林区

let t: TestApp;
let county: Session; // xhl_approver, 140107
let township: Session; // julun_reviewer, 140107001
let other: Session; // wbl_approver, 140109
let stats: Session;
let admin: Session;
const fam: Record<string, Family> = {};
const cases: Record<string, number> = {};

before(async () => {
  t = await createTestApp();
  county = await t.login('xhl_approver');
  township = await t.login('julun_reviewer');
  other = await t.login('wbl_approver');
  admin = await t.login('admin');
  await t.services.auth.createUser({ username: 'xhl_stats', displayName: '统计', password: 'Stats#Pass2026', jurisdictionCode: '140107', roles: ['statistics_viewer'] });
  stats = await t.login('xhl_stats', 'Stats#Pass2026');
  fam.A = await family(t.services, JULUN, '王建国');
  fam.B = await family(t.services, SANQIAO, '李秀英', { name: '中国工商银行', account: '6222020200112233445' });
  fam.C = await family(t.services, WBL, '赵四');
  fam.D = await family(t.services, JULUN, '孙五');
  fam.E = await family(t.services, JULUN, '周六');
});
after(() => t.close());

const call = (s: Session, method: 'GET' | 'POST', url: string, payload?: object) => t.app.inject({ method, url, headers: s.headers, ...(payload ? { payload } : {}) });
const rows = (caseId: number) =>
  queryRows<{ id: number; month: string; kind: string; status: string; amount_fen: number; batch_id: number | null; plan_id: number | null; failure_reason: string | null }>(
    t.database.db,
    sql`select id, month, kind, status, amount_fen, batch_id, plan_id, failure_reason from payments where case_id = ${caseId} order by month, id`,
  );
const one = async (caseId: number, month: string, kind = 'monthly') => (await rows(caseId)).find((r) => r.month === month && r.kind === kind)!;
let batch4: number;
let batch6: number;

test('the case service starts plans in its own transaction, from the case; bad input names the field', async () => {
  cases.A = (await caseWithPlan(t.database.db, t.services.audit, fam.A!, JULUN, { amountFen: 97_200, fromMonth: '2025-04' })).caseId; // edge 1: (924−600)×3
  cases.B = (await caseWithPlan(t.database.db, t.services.audit, fam.B!, SANQIAO, { amountFen: 45_050, fromMonth: '2025-02' })).caseId; // approved late
  cases.C = (await caseWithPlan(t.database.db, t.services.audit, fam.C!, WBL, { amountFen: 60_000, fromMonth: '2025-04' })).caseId;

  await assert.rejects(
    t.database.db.transaction((tx) => startPlan(t.services.audit, tx, { caseId: cases.A!, householdId: fam.A!.householdId, payeePersonId: fam.A!.personId, jurisdictionCode: JULUN, program: 'dibao', period: 'monthly', amountFen: 97_200.5, fromMonth: '2025-4', createdBy: null })),
    (err: unknown) => err instanceof AppError && err.status === 400 && err.fields!.map((f) => f.field).join() === 'amountFen,fromMonth',
  );
  await assert.rejects(
    t.database.db.transaction((tx) => startPlan(t.services.audit, tx, { caseId: cases.A!, householdId: fam.A!.householdId, payeePersonId: fam.A!.personId, jurisdictionCode: JULUN, program: 'dibao', period: 'monthly', amountFen: 1, fromMonth: '2025-05', createdBy: null })),
    (err: unknown) => err instanceof AppError && err.status === 409,
  );

  // 临时救助: 先行救助 paid at once from the reserve, then the rest once after approval.
  const { prepaymentId, planId } = await t.database.db.transaction(async (tx) => {
    cases.E = await approvedCase(tx, fam.E!, JULUN, 'temporary');
    const base = { caseId: cases.E, householdId: fam.E!.householdId, payeePersonId: fam.E!.personId, jurisdictionCode: JULUN, program: 'temporary', createdBy: null };
    const { paymentId } = await recordPrepayment(t.services.audit, tx, { ...base, amountFen: 20_000, month: '2025-04' });
    return { prepaymentId: paymentId, ...(await startPlan(t.services.audit, tx, { ...base, period: 'once', amountFen: 30_000, fromMonth: '2025-04' })) };
  });
  const e = await rows(cases.E!);
  assert.deepEqual(e.map((r) => [r.kind, r.status, r.amount_fen, r.plan_id]), [['prepay', 'paid', 20_000, null], ['once', 'pending', 30_000, planId]]);
  assert.equal(e[0]!.id, prepaymentId);
  const audit = (await call(admin, 'GET', `/api/audit?entity=payment_plan&entityId=${planId}`)).json();
  assert.equal(audit.items[0].action, 'start_plan');
});

test('generating a month is idempotent; a plan approved late gets its missed months once; whole months only', async () => {
  const first = await call(county, 'POST', '/api/payments/generate', { countyCode: '140107', month: '2025-04' });
  assert.equal(first.statusCode, 200, first.body);
  assert.deepEqual(first.json(), { countyCode: '140107', month: '2025-04', monthly: 2, arrears: 2, held: 0 });
  const again = (await call(county, 'POST', '/api/payments/generate', { countyCode: '140107', month: '2025-04' })).json();
  assert.deepEqual([again.monthly, again.arrears, again.held], [0, 0, 0]);
  // Out of order: March is already paid for B (as arrears) and not a month of A's plan.
  const march = (await call(county, 'POST', '/api/payments/generate', { countyCode: '140107', month: '2025-03' })).json();
  assert.deepEqual([march.monthly, march.arrears], [0, 0]);

  assert.deepEqual((await rows(cases.A!)).map((r) => [r.month, r.kind, r.amount_fen, r.status]), [['2025-04', 'monthly', 97_200, 'pending']]);
  assert.deepEqual((await rows(cases.B!)).map((r) => [r.month, r.kind]), [['2025-02', 'arrears'], ['2025-03', 'arrears'], ['2025-04', 'monthly']]);
  assert.deepEqual(await rows(cases.C!), [], 'another county is not touched');

  const bad = await call(county, 'POST', '/api/payments/generate', { countyCode: '140109', month: '2025-13' });
  assert.equal(bad.statusCode, 400);
  assert.deepEqual(bad.json().fields.map((f: { field: string }) => f.field).sort(), ['month']);
  const outside = await call(county, 'POST', '/api/payments/generate', { countyCode: '140109', month: '2025-04' });
  assert.equal(outside.json().fields[0].field, 'countyCode');
  assert.match(outside.json().fields[0].messageZh, /不在本辖区/);
  const far = await call(county, 'POST', '/api/payments/generate', { countyCode: '140107', month: '2099-01' });
  assert.equal(far.json().fields[0].field, 'month');
});

test('a batch collects the county’s pending payments up to its month; totals are exact to the 分', async () => {
  const res = await call(county, 'POST', '/api/payments/batches', { countyCode: '140107', month: '2025-04' });
  assert.equal(res.statusCode, 201, res.body);
  const b = res.json();
  batch4 = b.id;
  // A 972.00 + B 3 × 450.50 + E 300.00 (the prepayment was paid at once, not batched)
  assert.deepEqual([b.status, b.itemCount, b.totalFen, b.openCount, b.openFen, b.countyName, b.missingAccounts], ['open', 5, 262_350, 5, 262_350, '杏花岭区', 0]);
  const list = (await call(county, 'GET', `/api/payments?batchId=${b.id}&limit=2`)).json();
  assert.deepEqual([list.items.length, list.total, list.totalFen], [2, 5, 262_350]);
  assert.ok(list.items.every((p: { status: string }) => p.status === 'in_batch'));
  assert.equal((await call(county, 'POST', '/api/payments/batches', { countyCode: '140107', month: '2025-04' })).statusCode, 409);
  assert.equal((await call(county, 'POST', `/api/payments/batches/${b.id}/results`, { paid: [list.items[0].id] })).statusCode, 409, 'results need the bank file first');
});

let exported: ExcelJS.Workbook;

test('the bank file: full numbers only for those who may reveal them, audited with count and total', async () => {
  for (const s of [township, stats]) {
    const denied = await call(s, 'GET', `/api/payments/batches/${batch4}/export`);
    assert.equal(denied.statusCode, 403);
    assert.equal(denied.json().error, 'forbidden');
    assert.match(denied.json().messageZh, /无权导出含完整账号的银行代发文件/);
    assert.match(denied.json().message, /bank files/);
  }
  assert.equal((await call(other, 'GET', `/api/payments/batches/${batch4}/export`)).statusCode, 404);

  const res = await call(county, 'GET', `/api/payments/batches/${batch4}/export`);
  assert.equal(res.statusCode, 200, res.body);
  assert.match(String(res.headers['content-type']), /spreadsheetml/);
  exported = new ExcelJS.Workbook();
  await exported.xlsx.load(res.rawPayload as never);
  const sheet = exported.getWorksheet('代发明细')!;
  const values = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
  assert.deepEqual(values(1), BANK_COLUMNS.map(([h]) => h));
  assert.equal(sheet.rowCount, 6);
  const a = await one(cases.A!, '2025-04');
  const lines = [2, 3, 4, 5, 6].map(values);
  assert.deepEqual(lines.find((l) => l[9] === String(a.id)), [lines.findIndex((l) => l[9] === String(a.id)) + 1, '王建国', fam.A!.idNumber, '中国农业银行', fam.A!.bankAccount, '972.00', '最低生活保障', '2025-04', '巨轮街道', String(a.id)]);
  const b2 = lines.find((l) => l[7] === '2025-02')!;
  assert.deepEqual([b2[1], b2[2], b2[3], b2[4], b2[5], b2[6], b2[8]], ['李秀英', fam.B!.idNumber, '中国工商银行', '6222020200112233445', '450.50', '最低生活保障（补发）', '三桥街道']);
  assert.deepEqual(lines.find((l) => l[1] === '周六')!.slice(5, 7), ['300.00', '临时救助']);
  const summary = exported.getWorksheet('汇总')!;
  assert.deepEqual((summary.getRow(6).values as unknown[]).slice(1), ['合计金额(元)', '2623.50']);
  assert.deepEqual((summary.getRow(5).values as unknown[]).slice(1), ['笔数', '5']);

  const audit = (await call(admin, 'GET', `/api/audit?entity=payment_batch&entityId=${batch4}&action=export`)).json();
  assert.equal(audit.items.length, 1);
  assert.match(audit.items[0].reason, /5 items, total 2623\.50/);
  assert.equal(audit.items[0].actorName, 'xhl_approver');
  assert.equal((await call(county, 'GET', `/api/payments/batches/${batch4}`)).json().status, 'exported');
});

test('results: paid and failed by id, the rest from the bank’s result file; the batch closes when every item has one', async () => {
  const [a4, b2, b3, b4] = [await one(cases.A!, '2025-04'), await one(cases.B!, '2025-02', 'arrears'), await one(cases.B!, '2025-03', 'arrears'), await one(cases.B!, '2025-04')];
  const res = await call(county, 'POST', `/api/payments/batches/${batch4}/results`, { paidOn: '2025-04-10', paid: [a4.id, b2.id, b3.id], failed: [{ id: b4.id, reason: '账户冻结' }] });
  assert.equal(res.statusCode, 200, res.body);
  assert.deepEqual([res.json().paid, res.json().failed, res.json().batch.status, res.json().batch.openCount], [3, 1, 'exported', 1]);
  const twice = await call(county, 'POST', `/api/payments/batches/${batch4}/results`, { paid: [a4.id] });
  assert.equal(twice.statusCode, 409);
  const stranger = await call(county, 'POST', `/api/payments/batches/${batch4}/results`, { paid: [999_999] });
  assert.equal(stranger.statusCode, 400);

  // The bank returns its file with 发放结果; rows already recorded are skipped.
  const sheet = exported.getWorksheet('代发明细')!;
  sheet.getRow(1).getCell(11).value = '发放结果';
  sheet.getRow(1).getCell(12).value = '失败原因';
  for (let r = 2; r <= sheet.rowCount; r++) sheet.getRow(r).getCell(11).value = r === 2 || sheet.getRow(r).getCell(10).value !== String(b4.id) ? '成功' : '失败';
  for (let r = 2; r <= sheet.rowCount; r++) if (sheet.getRow(r).getCell(10).value === String(b4.id)) sheet.getRow(r).getCell(11).value = '失败';
  const wrongAmount = await t.app.inject({ method: 'POST', url: `/api/payments/batches/${batch4}/results/upload`, headers: { ...county.headers, 'content-type': 'application/octet-stream' }, payload: await withCell(exported, 2, 6, '1.00') });
  assert.equal(wrongAmount.statusCode, 400);
  assert.match(wrongAmount.json().messageZh, /金额 1\.00 与明细/);
  const upload = await t.app.inject({ method: 'POST', url: `/api/payments/batches/${batch4}/results/upload?paidOn=2025-04-11`, headers: { ...county.headers, 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }, payload: Buffer.from(await exported.xlsx.writeBuffer()) });
  assert.equal(upload.statusCode, 200, upload.body);
  const batch = upload.json().batch;
  assert.deepEqual([upload.json().paid, batch.status, batch.paidCount, batch.paidFen, batch.failedCount, batch.failedFen, batch.openCount], [1, 'closed', 4, 217_300, 1, 45_050, 0]);
  assert.equal(batch.paidFen + batch.failedFen, batch.totalFen);
  const e = await one(cases.E!, '2025-04', 'once');
  assert.deepEqual([e.status], ['paid']);
  const plans = (await call(county, 'GET', `/api/payments/cases/${cases.E}`)).json();
  assert.equal(plans.plans[0].status, 'ended', 'a one-off plan ends once paid');
  assert.equal(plans.paidFen, 50_000);
  assert.equal((await call(county, 'POST', `/api/payments/batches/${batch4}/results`, { paid: [a4.id] })).statusCode, 409, 'closed');
  let b4Row = 2;
  for (let r = 2; r <= sheet.rowCount; r++) if (sheet.getRow(r).getCell(10).value === String(b4.id)) b4Row = r;
  const contradicting = await t.app.inject({ method: 'POST', url: `/api/payments/batches/${batch4}/results/upload`, headers: { ...county.headers, 'content-type': 'application/octet-stream' }, payload: await withCell(exported, b4Row, 11, '成功') });
  assert.equal(contradicting.statusCode, 400);
  assert.match(contradicting.json().messageZh, /已登记为失败，与文件不符/);
});

async function withCell(wb: ExcelJS.Workbook, row: number, col: number, value: string): Promise<Buffer> {
  const copy = new ExcelJS.Workbook();
  await copy.xlsx.load((await wb.xlsx.writeBuffer()) as never);
  copy.getWorksheet('代发明细')!.getRow(row).getCell(col).value = value;
  return Buffer.from(await copy.xlsx.writeBuffer());
}

test('a township proposes a suspension, the county suspends: the month is held, not paid; a failed item is re-issued into the next batch', async () => {
  assert.equal((await call(township, 'POST', `/api/payments/cases/${cases.A}/suspend`, { reason: '未按时复核' })).statusCode, 403);
  const proposed = await call(township, 'POST', `/api/payments/cases/${cases.A}/suspension-proposal`, { reason: '户主外出务工，收入待核' });
  assert.equal(proposed.statusCode, 200, proposed.body);
  assert.equal(proposed.json().items[0].status, 'suspension_proposed');
  const suspended = await call(county, 'POST', `/api/payments/cases/${cases.A}/suspend`, { reason: '未按时复核' });
  assert.equal(suspended.json().items[0].status, 'suspended');

  const b4 = await one(cases.B!, '2025-04');
  assert.equal((await call(county, 'POST', '/api/payments/reissue', { ids: [(await one(cases.A!, '2025-04')).id], reason: '重发' })).statusCode, 409, 'only failed items');
  const reissued = await call(county, 'POST', '/api/payments/reissue', { ids: [b4.id], reason: '已更换为有效账户' });
  assert.equal(reissued.statusCode, 200, reissued.body);
  assert.deepEqual(reissued.json().items.map((p: { kind: string; status: string; month: string; amountFen: number }) => [p.kind, p.status, p.month, p.amountFen]), [['reissue', 'pending', '2025-04', 45_050]]);
  assert.equal((await one(cases.B!, '2025-04')).status, 'reissued');
  assert.equal((await call(county, 'POST', '/api/payments/reissue', { ids: [b4.id], reason: '再发' })).statusCode, 409, 'not twice');

  const batch5 = (await call(county, 'POST', '/api/payments/batches', { countyCode: '140107', month: '2025-05' })).json();
  assert.deepEqual([batch5.itemCount, batch5.totalFen], [2, 90_100]); // B's May and the re-issued April
  const a5 = await one(cases.A!, '2025-05');
  assert.deepEqual([a5.status, a5.batch_id, a5.failure_reason], ['held', null, '未按时复核']);

  // Resume from June without back pay: May stays unpaid; with the next month, A pays again.
  const resumed = await call(county, 'POST', `/api/payments/cases/${cases.A}/resume`, { reason: '已完成复核', fromMonth: '2025-06' });
  assert.equal(resumed.json().items[0].status, 'active');
  assert.equal((await one(cases.A!, '2025-05')).status, 'cancelled');
  const june = (await call(county, 'POST', '/api/payments/generate', { countyCode: '140107', month: '2025-06' })).json();
  assert.deepEqual([june.monthly, june.arrears], [2, 0]);
  assert.equal((await one(cases.A!, '2025-06')).status, 'pending');
  assert.equal((await call(county, 'POST', `/api/payments/cases/${cases.A}/resume`, { reason: '再次恢复', fromMonth: '2025-06' })).statusCode, 409);
});

test('an adjustment from a month: the old plan ends the month before; months already paid are settled to the new amount', async () => {
  const res = await call(county, 'POST', `/api/payments/cases/${cases.A}/adjust`, { amountFen: 100_000, fromMonth: '2025-06', reason: '家庭人口增加' });
  assert.equal(res.statusCode, 200, res.body);
  assert.deepEqual(res.json().items.map((p: { status: string; amountFen: number; fromMonth: string; toMonth: string | null }) => [p.status, p.amountFen, p.fromMonth, p.toMonth]), [['ended', 97_200, '2025-04', '2025-05'], ['active', 100_000, '2025-06', null]]);
  const june = (await rows(cases.A!)).filter((r) => r.month === '2025-06');
  assert.deepEqual(june.map((r) => [r.status, r.amount_fen]), [['cancelled', 97_200], ['pending', 100_000]]);
  assert.equal((await call(county, 'POST', `/api/payments/cases/${cases.A}/adjust`, { amountFen: 90_000, fromMonth: '2025-04', reason: '追溯' })).json().fields[0].field, 'fromMonth');

  // B, retroactively from March: March paid, April re-issued (in a batch), May in a batch, June pending.
  const b = await call(county, 'POST', `/api/payments/cases/${cases.B}/adjust`, { amountFen: 50_000, fromMonth: '2025-03', reason: '低保标准提高，追溯调整' });
  assert.equal(b.statusCode, 200, b.body);
  const all = await rows(cases.B!);
  const owed = (m: string) => all.filter((r) => r.month === m && !['cancelled', 'reissued'].includes(r.status)).reduce((s, r) => s + r.amount_fen, 0);
  assert.deepEqual(['2025-02', '2025-03', '2025-04', '2025-05', '2025-06'].map(owed), [45_050, 50_000, 50_000, 50_000, 50_000]);
  assert.deepEqual(all.filter((r) => r.kind === 'adjustment').map((r) => [r.month, r.amount_fen, r.status]), [['2025-03', 4_950, 'pending'], ['2025-04', 4_950, 'pending'], ['2025-05', 4_950, 'pending']]);
});

test('a stop ends payment with the stop month; later unpaid months are cancelled, later paid months become an over-payment', async () => {
  const stop = await call(county, 'POST', `/api/payments/cases/${cases.B}/stop`, { stoppedOn: '2025-05-20', reason: '家庭收入超过低保标准' });
  assert.equal(stop.statusCode, 200, stop.body);
  assert.deepEqual([stop.json().lastMonth, stop.json().stopped, stop.json().cancelled, stop.json().overpaidFen], ['2025-05', 1, 1, 0]);
  assert.equal((await rows(cases.B!)).find((r) => r.month === '2025-06' && r.status !== 'cancelled'), undefined);
  assert.equal((await call(county, 'POST', `/api/payments/cases/${cases.B}/stop`, { lastMonth: '2025-05', reason: '重复' })).statusCode, 409);
  assert.equal((await call(county, 'POST', `/api/payments/cases/${cases.B}/stop`, { reason: '缺日期' })).statusCode, 400);
  const july = (await call(county, 'POST', '/api/payments/generate', { countyCode: '140107', month: '2025-07' })).json();
  assert.equal((await rows(cases.B!)).some((r) => r.month === '2025-07'), false, `stopped plans generate nothing after their last month (${JSON.stringify(july)})`);

  // D: paid for June, then found to have died in May.
  cases.D = (await caseWithPlan(t.database.db, t.services.audit, fam.D!, JULUN, { amountFen: 60_000, fromMonth: '2025-06' })).caseId;
  const created = await call(county, 'POST', '/api/payments/batches', { countyCode: '140107', month: '2025-06' });
  batch6 = created.json().id;
  const d6 = await one(cases.D!, '2025-06');
  await call(county, 'GET', `/api/payments/batches/${batch6}/export`);
  assert.equal((await call(county, 'POST', `/api/payments/batches/${batch6}/results`, { paid: [d6.id] })).statusCode, 200);
  assert.equal((await call(county, 'POST', '/api/payments/generate', { countyCode: '140107', month: '2025-07' })).json().monthly, 1); // D's July
  const stopD = (await call(county, 'POST', `/api/payments/cases/${cases.D}/stop`, { lastMonth: '2025-05', reason: '本人于 2025 年 5 月死亡' })).json();
  assert.deepEqual([stopD.cancelled, stopD.overpaidFen], [1, 60_000]); // June paid; July pending cancelled
  const overs = (await call(county, 'GET', `/api/payments/overpayments?caseId=${cases.D}`)).json();
  assert.deepEqual(overs.items.map((o: { amountFen: number; status: string }) => [o.amountFen, o.status]), [[60_000, 'open']]);
  assert.match(overs.items[0].reason, /2025-06/);
});

test('over-payments: a fine only for fraud and within 1–3 times; partial recoveries; recovered or waived with a reason', async () => {
  const notMine = await call(county, 'POST', '/api/payments/overpayments', { caseId: cases.C, amountFen: 10_000, reason: '多领' });
  assert.equal(notMine.json().fields[0].field, 'caseId');
  const lowFine = await call(county, 'POST', '/api/payments/overpayments', { caseId: cases.A, amountFen: 500_000, reason: '隐瞒收入骗取低保', fraud: true, fineFen: 100 });
  assert.equal(lowFine.statusCode, 400);
  assert.equal(lowFine.json().fields[0].field, 'fineFen');
  assert.match(lowFine.json().fields[0].messageZh, /5000\.00 至 15000\.00 元/);
  assert.equal((await call(county, 'POST', '/api/payments/overpayments', { caseId: cases.A, amountFen: 500_000, reason: '多领', fineFen: 1 })).statusCode, 400);
  const fraud = await call(county, 'POST', '/api/payments/overpayments', { caseId: cases.A, amountFen: 500_000, reason: '隐瞒收入骗取低保', fraud: true, fineFen: 1_000_000 });
  assert.equal(fraud.statusCode, 201, fraud.body);
  assert.deepEqual([fraud.json().fineFen, fraud.json().outstandingFen, fraud.json().status], [1_000_000, 500_000, 'open']);

  const id = fraud.json().id;
  const part = (await call(county, 'POST', `/api/payments/overpayments/${id}/recoveries`, { amountFen: 200_000, note: '第一次退回' })).json();
  assert.deepEqual([part.recoveredFen, part.outstandingFen, part.status], [200_000, 300_000, 'open']);
  const tooMuch = await call(county, 'POST', `/api/payments/overpayments/${id}/recoveries`, { amountFen: 300_001 });
  assert.equal(tooMuch.statusCode, 400);
  assert.match(tooMuch.json().fields[0].messageZh, /尚欠 3000\.00 元/);
  const rest = (await call(county, 'POST', `/api/payments/overpayments/${id}/recoveries`, { amountFen: 300_000 })).json();
  assert.deepEqual([rest.recoveredFen, rest.outstandingFen, rest.status], [500_000, 0, 'recovered']);
  assert.equal((await call(county, 'POST', `/api/payments/overpayments/${id}/waive`, { reason: '无力偿还' })).statusCode, 409);

  const auto = (await call(county, 'GET', `/api/payments/overpayments?caseId=${cases.D}`)).json().items[0];
  await call(county, 'POST', `/api/payments/overpayments/${auto.id}/recoveries`, { amountFen: 10_000 });
  const waived = (await call(county, 'POST', `/api/payments/overpayments/${auto.id}/waive`, { reason: '本人死亡，无遗产可追' })).json();
  assert.deepEqual([waived.status, waived.recoveredFen, waived.outstandingFen], ['waived', 10_000, 0]);
  const audit = (await call(admin, 'GET', `/api/audit?entity=overpayment&entityId=${id}&action=recover`)).json();
  assert.equal(audit.items.length, 2);
});

test('scoping: a township sees its own township’s payments only; another county sees nothing of this one', async () => {
  const mine = (await call(township, 'GET', '/api/payments?limit=500')).json();
  assert.ok(mine.total > 0);
  assert.ok(mine.items.every((p: { jurisdictionCode: string }) => p.jurisdictionCode.startsWith('140107001')), 'only 巨轮街道');
  assert.equal(mine.items.some((p: { caseId: number }) => p.caseId === cases.B), false);
  assert.equal((await call(township, 'GET', `/api/payments/cases/${cases.B}`)).statusCode, 404);
  assert.equal((await call(township, 'GET', `/api/payments/cases/${cases.A}`)).statusCode, 200);
  assert.deepEqual((await call(township, 'GET', '/api/payments/batches')).json(), { items: [], total: 0 });
  assert.equal((await call(township, 'GET', `/api/payments/batches/${batch4}`)).statusCode, 404);

  const whole = (await call(stats, 'GET', '/api/payments?limit=500')).json();
  assert.ok(whole.items.some((p: { caseId: number }) => p.caseId === cases.B), 'the county sees both townships');
  assert.equal((await call(stats, 'POST', '/api/payments/generate', { countyCode: '140107', month: '2025-07' })).statusCode, 403);

  const gen = (await call(other, 'POST', '/api/payments/generate', { countyCode: '140109', month: '2025-04' })).json();
  assert.equal(gen.monthly, 1);
  const theirs = await call(other, 'GET', '/api/payments?limit=500');
  assert.doesNotMatch(theirs.body, /140107|杏花岭/);
  assert.deepEqual(theirs.json().items.map((p: { caseId: number }) => p.caseId), [cases.C]);
  for (const url of ['/api/payments/batches', '/api/payments/overpayments']) assert.doesNotMatch((await call(other, 'GET', url)).body, /140107|杏花岭/);
  assert.equal((await call(other, 'GET', `/api/payments/cases/${cases.A}`)).statusCode, 404);
  assert.equal((await call(other, 'POST', `/api/payments/cases/${cases.A}/suspend`, { reason: '越权' })).statusCode, 404);
  assert.equal((await call(other, 'POST', '/api/payments/reissue', { ids: [(await one(cases.A!, '2025-04')).id], reason: '越权' })).statusCode, 404);
});
