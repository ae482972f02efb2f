import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AppError } from '../../platform/errors.ts';
import { addMonths, assertMonth, isMonth, monthCount, monthsBetween, nextMonth, previousMonth } from './months.ts';

test('months are YYYY-MM and nothing else', () => {
  for (const ok of ['2025-01', '2025-12', '1999-07']) assert.equal(isMonth(ok), true, ok);
  for (const bad of ['2025-13', '2025-00', '2025-1', '25-01', '2025-01-01', '', null, 202501]) assert.equal(isMonth(bad), false, String(bad));
  assert.throws(() => assertMonth('2025-13', 'fromMonth'), (err: unknown) => err instanceof AppError && err.status === 400 && err.fields![0]!.field === 'fromMonth' && /YYYY-MM/.test(err.fields![0]!.messageZh));
});

test('month arithmetic crosses years both ways', () => {
  assert.equal(addMonths('2025-12', 1), '2026-01');
  assert.equal(addMonths('2025-01', -1), '2024-12');
  assert.equal(addMonths('2025-03', 24), '2027-03');
  assert.equal(nextMonth('2025-12'), '2026-01');
  assert.equal(previousMonth('2026-01'), '2025-12');
});

test('a range of months includes both ends; an inverted range is empty', () => {
  assert.deepEqual(monthsBetween('2025-11', '2026-02'), ['2025-11', '2025-12', '2026-01', '2026-02']);
  assert.deepEqual(monthsBetween('2025-05', '2025-05'), ['2025-05']);
  assert.deepEqual(monthsBetween('2025-05', '2025-04'), []);
  assert.equal(monthCount('2025-04', '2026-03'), 12);
  assert.equal(monthCount('2025-04', '2025-03'), 0);
});
