import { test } from 'node:test';
import assert from 'node:assert/strict';
import { householdValues, shareOf } from './shares.ts';

test('shares add up to what was taken, to the 分, and differ by at most one 分 per item', () => {
  const items = [{ itemId: 1, quantity: 3, totalFen: 1000 }, { itemId: 2, quantity: 3, totalFen: 7 }];
  const values = householdValues(items, 3);
  assert.deepEqual(values, [334 + 3, 333 + 2, 333 + 2]);
  assert.equal(values.reduce((a, b) => a + b, 0), 1007);
  for (const n of [1, 7, 1400, 10_000]) {
    const total = 400 * n + 123;
    assert.equal(householdValues([{ itemId: 1, quantity: n, totalFen: total }], n).reduce((a, b) => a + b, 0), total);
  }
  assert.equal(shareOf({ itemId: 1, quantity: 2, totalFen: 5 }, 2, 0), 3);
  assert.equal(shareOf({ itemId: 1, quantity: 2, totalFen: 5 }, 2, 1), 2);
});
