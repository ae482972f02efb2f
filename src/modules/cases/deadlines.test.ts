// Deadlines on the real 2025 calendar: the National Day break (10-01 … 10-08) with its make-up
// working days Sunday 09-28 and Saturday 10-11; the day of the event is never counted.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultWorkCalendar } from '../../lib/workdays.data.ts';
import type { ParameterValues } from '../policy/engine/parameters.catalog.ts';
import { effectiveDue, overallDue, overdueReasons, paperworkDue, publicityWindow, refusalNoticeDue, stepDue } from './deadlines.ts';
import { materialsFor, materialsNotice, markReceived } from './materials.ts';

const cal = defaultWorkCalendar();
const p: ParameterValues = {
  'procedure.publicity_days': 7, 'procedure.investigate_days': 15, 'procedure.decision_days': 10, 'procedure.refusal_notice_days': 3,
  'procedure.total_days': 30, 'procedure.total_days_extended': 45, 'linshi.paperwork_days': 5,
};

test('a refusal on Tuesday 09-30: the notice is due on the make-up Saturday 10-11', () => {
  // 10-01…10-08 off; 10-09 (Thu) 1, 10-10 (Fri) 2, 10-11 (Sat, 调休上班) 3.
  assert.equal(refusalNoticeDue(cal, '2025-09-30', p), '2025-10-11');
  // From Friday 09-26: Sunday 09-28 is a working day → 09-28, 09-29, 09-30.
  assert.equal(refusalNoticeDue(cal, '2025-09-26', p), '2025-09-30');
});

test('step deadlines across the break: investigation 15, county decision 10 working days', () => {
  const c = { overallDueOn: '2025-10-31', publicityTo: null, noticeDueOn: null };
  assert.equal(stepDue(cal, 'investigating', '2025-09-26', p, c), '2025-10-23');
  assert.equal(stepDue(cal, 'approving', '2025-09-29', p, c), '2025-10-20');
  assert.equal(stepDue(cal, 'reviewing', '2025-09-29', p, c), '2025-10-31');
  assert.equal(stepDue(cal, 'approved', '2025-09-29', p, c), null);
});

test('the whole procedure: 30 working days, 45 once extended', () => {
  assert.equal(overallDue(cal, '2025-09-15', p, false), '2025-10-31');
  assert.equal(overallDue(cal, '2025-09-15', p, true), '2025-11-21');
});

test('calendar-day periods end on the next working day when they end on a holiday (民法典 203)', () => {
  // 公示 posted 09-26: 7 days → 10-03, a holiday → 10-09.
  assert.deepEqual(publicityWindow(cal, '2025-09-26', p), { from: '2025-09-26', to: '2025-10-09' });
  assert.deepEqual(publicityWindow(cal, '2025-09-04', p), { from: '2025-09-04', to: '2025-09-11' });
  // 先行救助 on 09-30: 5 days → 10-05 → 10-09.
  assert.equal(paperworkDue(cal, '2025-09-30', p), '2025-10-09');
});

test('a year outside the holiday calendar is a clear error, not a guess', () => {
  assert.throws(() => overallDue(cal, '2031-03-02', p, false), (err: { code: string; messageZh: string }) => err.code === 'conflict' && /节假日日历未包含 2031 年/.test(err.messageZh));
});

test('overdue: the last day is in time; open cases by step, overall and paperwork, refusals by their notice', () => {
  const open = { state: 'investigating', dueOn: '2025-10-09', overallDueOn: '2025-10-31', paperworkDueOn: '2025-10-09', noticeDueOn: null, noticeServedOn: null };
  assert.deepEqual(overdueReasons(open, '2025-10-09'), []);
  assert.deepEqual(overdueReasons(open, '2025-10-10'), ['step', 'paperwork']);
  assert.equal(effectiveDue(open), '2025-10-09');
  const refused = { state: 'refused', dueOn: null, overallDueOn: '2025-10-31', paperworkDueOn: null, noticeDueOn: '2025-10-11', noticeServedOn: null };
  assert.deepEqual(overdueReasons(refused, '2025-10-13'), ['notice']);
  assert.deepEqual(overdueReasons({ ...refused, noticeServedOn: '2025-10-10' }, '2025-10-13'), []);
  assert.equal(effectiveDue({ ...open, state: 'approved' }), null);
});

test('一次性告知 lists every missing item at once; 支出型 临时救助 also needs receipts and income', () => {
  const list = markReceived(materialsFor('temporary', 'expenditure'), ['application_form', 'id_card']);
  const notice = materialsNotice(list, { promiseSigned: false, dataCheckAuthorised: true })!;
  assert.deepEqual(notice.missing.map((m) => m.code), ['hukou_book', 'cause_proof', 'expense_receipts', 'income_proof', 'promise']);
  assert.match(notice.zh, /^一次性告知：.*1\. 户口簿或居住证；2\. .*5\. 申请人承诺书/);
  // Optional items (a disability certificate "if any") are never demanded.
  const dibao = markReceived(materialsFor('dibao'), ['application_form', 'id_card', 'hukou_book', 'income_proof', 'property_declaration']);
  assert.equal(materialsNotice(dibao, { promiseSigned: true, dataCheckAuthorised: true }), null);
});
