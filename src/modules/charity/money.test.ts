import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chineseAmount, receiptNumber, yuan } from './money.ts';

test('大写金额 as on a receipt', () => {
  assert.equal(chineseAmount(0), '零元整');
  assert.equal(chineseAmount(100), '壹元整');
  assert.equal(chineseAmount(123450), '壹仟贰佰叁拾肆元伍角整');
  assert.equal(chineseAmount(100_005), '壹仟元零伍分');
  assert.equal(chineseAmount(1_000_000_00), '壹佰万元整');
  assert.equal(chineseAmount(10_000_000_000), '壹亿元整');
  assert.equal(chineseAmount(10_000_500_000), '壹亿零伍仟元整');
  assert.equal(chineseAmount(1_816_000_000), '壹仟捌佰壹拾陆万元整');
  assert.equal(chineseAmount(10_010_00), '壹万零壹拾元整');
  assert.equal(chineseAmount(40_000), '肆佰元整');
  assert.equal(chineseAmount(1_000_100_00), '壹佰万零壹佰元整');
  assert.equal(chineseAmount(5), '伍分');
  assert.equal(chineseAmount(1_05), '壹元零伍分');
  assert.throws(() => chineseAmount(-1));
  assert.throws(() => chineseAmount(1.5));
});

test('yuan and receipt numbers', () => {
  assert.equal(yuan(1_816_000_000), '18,160,000.00');
  assert.equal(yuan(5), '0.05');
  assert.equal(receiptNumber(2026, 42), '2026-000042');
});
