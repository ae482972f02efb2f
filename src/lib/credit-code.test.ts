import { test } from 'node:test';
import assert from 'node:assert/strict';
import { creditCodeCheckCharacter, creditCodeProblem, isCreditCode, normaliseCreditCode } from './credit-code.ts';

// Published codes of real registrants (business licences and the charity register).
const REAL = [
  '91350100M000100Y43', // the worked example of GB 32100-2015
  '914403001922038216', // 华为技术有限公司
  '9144030071526726XG', // 深圳市腾讯计算机系统有限公司
  '91330100716105852F', // 阿里巴巴（中国）网络技术有限公司
  '53100000500021676K', // 中华慈善总会 (民政 5, 社会团体 3)
  '91110000100017643K', // 中国石油天然气股份有限公司
];

test('real codes pass, including those whose check character is a letter or 0', () => {
  for (const code of REAL) assert.equal(creditCodeProblem(code), undefined, code);
  assert.equal(creditCodeCheckCharacter('9144030071526726X'), 'G');
});

test('every wrong check character is refused as "check"', () => {
  for (const code of REAL) {
    for (const c of '0123456789ABCDEFGHJKLMNPQRTUWXY') {
      if (c === code[17]) continue;
      assert.equal(creditCodeProblem(code.slice(0, 17) + c), 'check', `${code.slice(0, 17)}${c}`);
    }
  }
});

test('a swapped pair of characters is caught', () => {
  assert.equal(isCreditCode('914403001922038261'), false);
  assert.equal(isCreditCode('914430001922038216'), false);
});

test('length, alphabet, authority and division are named', () => {
  assert.equal(creditCodeProblem('91440300192203821'), 'length');
  assert.equal(creditCodeProblem('9144030019220382166'), 'length');
  assert.equal(creditCodeProblem('91440300192203821I'), 'characters');
  assert.equal(creditCodeProblem('914403001922O38216'), 'characters');
  assert.equal(creditCodeProblem('H14403001922038216'), 'authority');
  assert.equal(creditCodeProblem('9144A3001922038216'), 'division');
});

test('normalising upper-cases and drops spaces and dashes', () => {
  assert.equal(normaliseCreditCode(' 9144 0300 7152 6726xg '), '9144030071526726XG');
  assert.equal(normaliseCreditCode('91350100-M000100Y4-3'), '91350100M000100Y43');
});
