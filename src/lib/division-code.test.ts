import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ancestorCodes, canonicalCode, fullDivisionCode, isWithin, levelOf, parentCode } from './division-code.ts';

test('canonicalCode strips trailing zero segments of a 12-digit code', () => {
  assert.equal(canonicalCode('140000000000'), '14');
  assert.equal(canonicalCode('140100000000'), '1401');
  assert.equal(canonicalCode('140107000000'), '140107');
  assert.equal(canonicalCode('140107001000'), '140107001');
  assert.equal(canonicalCode('140107001002'), '140107001002');
  assert.equal(canonicalCode('140107001002003'), '140107001002003');
});

test('canonicalCode accepts prefixes and rejects malformed codes', () => {
  assert.equal(canonicalCode('140107'), '140107');
  assert.equal(canonicalCode(' 4108 '), '4108');
  assert.equal(canonicalCode('1401070'), undefined, 'length 7 is no level');
  assert.equal(canonicalCode('14a107'), undefined);
  assert.equal(canonicalCode('140007'), undefined, 'zero city segment inside a county code');
  assert.equal(canonicalCode('000000000000'), undefined);
  assert.equal(canonicalCode('140107001002000'), undefined, 'grid number 000');
  assert.equal(canonicalCode(''), undefined);
});

test('levels, parents and ancestors follow the prefix structure', () => {
  assert.equal(levelOf('41'), 'province');
  assert.equal(levelOf('410883'), 'county');
  assert.equal(levelOf('140107001002003'), 'grid');
  assert.equal(levelOf('12345'), undefined);
  assert.equal(parentCode('140107001'), '140107');
  assert.equal(parentCode('14'), undefined);
  assert.deepEqual(ancestorCodes('140107001002'), ['14', '1401', '140107', '140107001']);
  assert.equal(fullDivisionCode('140107'), '140107000000');
  assert.equal(fullDivisionCode('140107001002003'), '140107001002');
});

test('isWithin is prefix containment, not numeric closeness', () => {
  assert.ok(isWithin('140107001', '140107'));
  assert.ok(!isWithin('140109001', '140107'));
  assert.ok(isWithin('140107', ''));
});
