import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyBp, BP, formatBp, formatYuan, scaleFen } from './money.ts';

test('scaleFen: exact results are the same in every rounding mode', () => {
  for (const mode of ['floor', 'ceil', 'half_up'] as const) {
    assert.equal(scaleFen(100, 3, 4, mode), 75);
    assert.equal(scaleFen(0, 7, 3, mode), 0);
    assert.equal(scaleFen(159800, 8000, BP, mode), 127840, '0.8 × 1598 = 1278.40');
  }
});

test('scaleFen: floor, ceil and half_up below and above the half', () => {
  // 10 / 3 = 3.33…
  assert.equal(scaleFen(10, 1, 3, 'floor'), 3);
  assert.equal(scaleFen(10, 1, 3, 'ceil'), 4);
  assert.equal(scaleFen(10, 1, 3, 'half_up'), 3);
  // 20 / 3 = 6.66…
  assert.equal(scaleFen(20, 1, 3, 'floor'), 6);
  assert.equal(scaleFen(20, 1, 3, 'ceil'), 7);
  assert.equal(scaleFen(20, 1, 3, 'half_up'), 7);
});

test('scaleFen: half_up at exactly .5 rounds up', () => {
  assert.equal(scaleFen(1, 1, 2, 'half_up'), 1);
  assert.equal(scaleFen(5, 1, 2, 'half_up'), 3);
  assert.equal(scaleFen(5, 1, 2, 'floor'), 2);
  assert.equal(scaleFen(5, 1, 2, 'ceil'), 3);
  // 75% of 1598.02 元 = 1198.515 元
  assert.equal(applyBp(159802, 7500, 'half_up'), 119852);
  assert.equal(applyBp(159802, 7500, 'floor'), 119851);
  assert.equal(applyBp(159802, 7500, 'ceil'), 119852);
  // 0.49999… stays down
  assert.equal(scaleFen(4999, 1, 10000, 'half_up'), 0);
  assert.equal(scaleFen(5000, 1, 10000, 'half_up'), 1);
});

test('scaleFen: products beyond 2^53 are computed exactly', () => {
  const fen = 999_999_999_999;
  assert.ok(!Number.isSafeInteger(fen * 15_001));
  // 999 999 999 999 × 15 001 = 15 000 999 999 984 999 → ÷ 10 000 = 1 500 099 999 998.4999
  // (in doubles the product rounds to …985 000, which would make it exactly .5 and round up).
  assert.equal(scaleFen(fen, 15_001, BP, 'floor'), 1_500_099_999_998);
  assert.equal(scaleFen(fen, 15_001, BP, 'half_up'), 1_500_099_999_998);
  assert.equal(scaleFen(fen, 15_001, BP, 'ceil'), 1_500_099_999_999);
  // 999 999 999 999 × 1.5 = 1 499 999 999 998.5: exactly half
  assert.ok(!Number.isSafeInteger(fen * 15_000));
  assert.equal(scaleFen(fen, 15_000, BP, 'floor'), 1_499_999_999_998);
  assert.equal(scaleFen(fen, 15_000, BP, 'half_up'), 1_499_999_999_999);
  assert.equal(scaleFen(fen, 15_000, BP, 'ceil'), 1_499_999_999_999);
  // 2^40 × (2^20 + 1) / 2^20 = 2^40 + 2^20
  assert.equal(scaleFen(2 ** 40, 2 ** 20 + 1, 2 ** 20, 'floor'), 2 ** 40 + 2 ** 20);
  // the BigInt path agrees with a BigInt reference on a spread of values
  for (const [f, n, d] of [[123_456_789_012, 98_765, 10_000], [987_654_321_987, 33_333, 7], [1e12, 1_000_000, 3]] as const) {
    const p = BigInt(f) * BigInt(n);
    const q = p / BigInt(d);
    const r = p % BigInt(d);
    assert.equal(scaleFen(f, n, d, 'floor'), Number(q));
    assert.equal(scaleFen(f, n, d, 'ceil'), Number(r === 0n ? q : q + 1n));
    assert.equal(scaleFen(f, n, d, 'half_up'), Number(2n * r >= BigInt(d) ? q + 1n : q));
  }
});

test('scaleFen: floor and ceil of negative amounts go toward −∞ and +∞', () => {
  assert.equal(scaleFen(-5, 1, 2, 'floor'), -3);
  assert.equal(scaleFen(-5, 1, 2, 'ceil'), -2);
  assert.equal(scaleFen(-4, 1, 2, 'floor'), -2);
});

test('scaleFen: a denominator of zero or below is refused', () => {
  assert.throws(() => scaleFen(100, 1, 0, 'floor'), RangeError);
  assert.throws(() => scaleFen(100, 1, -3, 'floor'), RangeError);
});

test('applyBp: shares of an amount in basis points', () => {
  assert.equal(applyBp(92400, 15000, 'floor'), 138600, '150% of 924');
  assert.equal(applyBp(80100, 15000, 'floor'), 120150, '150% of 801 = 1201.50');
  assert.equal(applyBp(92400, 6000, 'half_up'), 55440, '60% of 924 = 554.40');
  assert.equal(applyBp(12345, 0, 'ceil'), 0);
  assert.equal(applyBp(12345, BP, 'floor'), 12345);
});

test('formatYuan: two decimals, no float arithmetic', () => {
  assert.equal(formatYuan(62000), '620.00');
  assert.equal(formatYuan(127840), '1278.40');
  assert.equal(formatYuan(5), '0.05');
  assert.equal(formatYuan(50), '0.50');
  assert.equal(formatYuan(0), '0.00');
  assert.equal(formatYuan(100), '1.00');
  assert.equal(formatYuan(1_499_999_999_999), '14999999999.99');
});

test('formatYuan: negative amounts keep their sign', () => {
  assert.equal(formatYuan(-150), '-1.50');
  assert.equal(formatYuan(-5), '-0.05');
  assert.equal(formatYuan(-62000), '-620.00');
});

test('formatBp: percentages without trailing zeros', () => {
  assert.equal(formatBp(8000), '80%');
  assert.equal(formatBp(15000), '150%');
  assert.equal(formatBp(10000), '100%');
  assert.equal(formatBp(1250), '12.5%');
  assert.equal(formatBp(12345), '123.45%');
  assert.equal(formatBp(10), '0.1%');
  assert.equal(formatBp(1), '0.01%');
  assert.equal(formatBp(0), '0%');
});
