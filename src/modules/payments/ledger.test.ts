import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AppError } from '../../platform/errors.ts';
import { firstPaymentMonth, lastPaymentMonth } from '../policy/rules/procedures.ts';
import { applyRecovery, batchFigures, dueRows, planCovers, releaseOnResume, retroactiveAdjustment, stopEffect, type MonthRow, type PlanLike } from './ledger.ts';

const plan = (p: Partial<PlanLike> = {}): PlanLike => ({ period: 'monthly', fromMonth: '2025-04', toMonth: null, status: 'active', ...p });
const none = () => false;

test('edge 5: approved 15 March, the plan pays whole months from April; March is never paid', () => {
  const from = firstPaymentMonth('2025-03-15');
  assert.equal(from, '2025-04');
  assert.deepEqual(dueRows(plan({ fromMonth: from }), '2025-03', null, none), []);
  assert.deepEqual(dueRows(plan({ fromMonth: from }), '2025-04', null, none), [{ month: '2025-04', kind: 'monthly', status: 'pending' }]);
});

test('a plan approved late gets its missed months once, as arrears', () => {
  const due = dueRows(plan({ fromMonth: '2025-02' }), '2025-04', null, none);
  assert.deepEqual(due.map((d) => [d.month, d.kind]), [['2025-02', 'arrears'], ['2025-03', 'arrears'], ['2025-04', 'monthly']]);
  // Next month: only after its last own row, so nothing is paid twice.
  assert.deepEqual(dueRows(plan({ fromMonth: '2025-02' }), '2025-05', '2025-04', none).map((d) => d.month), ['2025-05']);
  // A month the case already has (another plan paid it) is not paid again.
  assert.deepEqual(dueRows(plan({ fromMonth: '2025-02' }), '2025-04', null, (m) => m === '2025-03').map((d) => d.month), ['2025-02', '2025-04']);
  // Generating the same month again adds nothing.
  assert.deepEqual(dueRows(plan({ fromMonth: '2025-02' }), '2025-04', '2025-04', none), []);
});

test('suspended plans hold their month; stopped plans pay nothing after their last month', () => {
  assert.deepEqual(dueRows(plan({ status: 'suspended' }), '2025-05', '2025-04', none), [{ month: '2025-05', kind: 'monthly', status: 'held' }]);
  assert.deepEqual(dueRows(plan({ status: 'stopped', toMonth: '2025-05' }), '2025-06', '2025-05', none), []);
  // Stopped before its first months were generated: those months are still owed, as arrears.
  assert.deepEqual(dueRows(plan({ status: 'stopped', toMonth: lastPaymentMonth('2025-05-20') }), '2025-07', null, none).map((d) => [d.month, d.kind]), [['2025-04', 'arrears'], ['2025-05', 'arrears']]);
  assert.deepEqual(dueRows({ ...plan(), period: 'once' }, '2025-04', null, none), []);
  assert.equal(planCovers({ fromMonth: '2025-04', toMonth: '2025-03' }, '2025-04'), false);
});

const row = (id: number, month: string, status: MonthRow['status'], amountFen: number, kind: MonthRow['kind'] = 'monthly'): MonthRow => ({ id, month, status, amountFen, kind });

test('a retroactive raise: unsent months are replaced at the new amount, paid ones get the difference', () => {
  const r = retroactiveAdjustment([row(1, '2025-04', 'paid', 97_200), row(2, '2025-05', 'in_batch', 97_200), row(3, '2025-06', 'pending', 97_200), row(4, '2025-07', 'held', 97_200), row(5, '2025-05', 'paid', 1, 'prepay')], 100_001);
  assert.deepEqual(r.cancel, [3, 4]);
  assert.deepEqual(r.insert, [
    { month: '2025-04', kind: 'adjustment', amountFen: 2_801, status: 'pending' },
    { month: '2025-05', kind: 'adjustment', amountFen: 2_801, status: 'pending' },
    { month: '2025-06', kind: 'monthly', amountFen: 100_001, status: 'pending' },
    { month: '2025-07', kind: 'monthly', amountFen: 100_001, status: 'held' },
  ]);
  assert.equal(r.overpaidFen, 0);
});

test('a retroactive cut records the over-payment; a failed month is paid again at the new amount; cancelled months stay unpaid', () => {
  const r = retroactiveAdjustment([row(1, '2025-04', 'paid', 97_200), row(2, '2025-04', 'paid', 2_801, 'adjustment'), row(3, '2025-05', 'failed', 97_200), row(4, '2025-06', 'cancelled', 97_200), row(5, '2025-07', 'reissued', 97_200), row(6, '2025-07', 'paid', 97_200, 'reissue')], 80_000);
  assert.deepEqual(r.cancel, [3]);
  assert.deepEqual(r.insert, [{ month: '2025-05', kind: 'monthly', amountFen: 80_000, status: 'pending' }]);
  assert.equal(r.overpaidFen, 100_001 - 80_000 + 97_200 - 80_000);
  assert.deepEqual(r.overpaidMonths, ['2025-04', '2025-07']);
});

test('a stop cancels later unsent and failed months, counts later paid ones as over-paid and leaves bank files alone', () => {
  const e = stopEffect([row(1, '2025-05', 'paid', 50_000), row(2, '2025-06', 'paid', 50_000), row(3, '2025-06', 'paid', 1_000, 'adjustment'), row(4, '2025-07', 'in_batch', 50_000), row(5, '2025-08', 'pending', 50_000), row(6, '2025-09', 'held', 50_000), row(7, '2025-07', 'failed', 50_000), row(8, '2025-08', 'paid', 20_000, 'prepay')], '2025-05');
  assert.deepEqual(e.cancel, [5, 6, 7]);
  assert.equal(e.overpaidFen, 51_000);
  assert.deepEqual(e.overpaidMonths, ['2025-06']);
  assert.deepEqual(e.inBatch, [4]);
});

test('resume releases held months from a month on; earlier ones only with back pay', () => {
  const held = [{ id: 1, month: '2025-05' }, { id: 2, month: '2025-06' }, { id: 3, month: '2025-07' }];
  assert.deepEqual(releaseOnResume(held, '2025-06', false), { release: [2, 3], cancel: [1] });
  assert.deepEqual(releaseOnResume(held, '2025-06', true), { release: [1, 2, 3], cancel: [] });
});

test('batch figures are exact to the 分 and say when every item has its result', () => {
  const f = batchFigures([{ status: 'paid', amountFen: 97_201 }, { status: 'paid', amountFen: 33_333 }, { status: 'failed', amountFen: 1 }, { status: 'in_batch', amountFen: 45_050 }]);
  assert.deepEqual([f.itemCount, f.totalFen, f.paidCount, f.paidFen, f.failedFen, f.openCount, f.complete], [4, 175_585, 2, 130_534, 1, 1, false]);
  const grouped = batchFigures([{ status: 'paid', amountFen: 300_000, count: 3 }, { status: 'reissued', amountFen: 100_000, count: 1 }]);
  assert.deepEqual([grouped.itemCount, grouped.totalFen, grouped.failedCount, grouped.complete], [4, 400_000, 1, true]);
  // 0.1 + 0.2 in yuan would not be 0.3; in 分 it is.
  assert.equal(batchFigures([{ status: 'paid', amountFen: 10 }, { status: 'paid', amountFen: 20 }]).totalFen, 30);
  assert.throws(() => batchFigures([{ status: 'paid', amountFen: 1.5 }]), RangeError);
});

test('over-payments are recovered in parts, never beyond what is owed', () => {
  let o = { amountFen: 500_000, recoveredFen: 0, status: 'open' };
  o = { ...o, ...applyRecovery(o, 200_000) };
  assert.deepEqual(o, { amountFen: 500_000, recoveredFen: 200_000, status: 'open' });
  assert.throws(() => applyRecovery(o, 300_001), (err: unknown) => err instanceof AppError && err.fields![0]!.field === 'amountFen' && /3000\.00/.test(err.fields![0]!.messageZh));
  assert.throws(() => applyRecovery(o, 0), (err: unknown) => err instanceof AppError && err.status === 400);
  o = { ...o, ...applyRecovery(o, 300_000) };
  assert.equal(o.status, 'recovered');
  assert.throws(() => applyRecovery(o, 1), (err: unknown) => err instanceof AppError && err.status === 409);
});
