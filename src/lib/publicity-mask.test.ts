import { test } from 'node:test';
import assert from 'node:assert/strict';
import { maskIdForPublicity, maskNameForPublicity } from './publicity-mask.ts';

test('maskNameForPublicity: surname kept, and the last character from 3 characters', () => {
  assert.equal(maskNameForPublicity('张三'), '张*');
  assert.equal(maskNameForPublicity('张小三'), '张*三');
  assert.equal(maskNameForPublicity('欧阳小明'), '欧**明');
  assert.equal(maskNameForPublicity('爱新觉罗小明'), '爱****明');
  assert.equal(maskNameForPublicity(' 张 三 '), '张*');
  assert.equal(maskNameForPublicity('张'), '*');
  assert.equal(maskNameForPublicity(''), '');
});

test('maskNameForPublicity: Latin and transliterated names keep each word’s initial', () => {
  assert.equal(maskNameForPublicity('John Smith'), 'J*** S****');
  assert.equal(maskNameForPublicity('阿依古丽·买买提'), '阿***·买**');
});

test('maskNameForPublicity with nameKeepLast: false hides all but the surname', () => {
  const o = { nameKeepLast: false };
  assert.equal(maskNameForPublicity('张三', o), '张*');
  assert.equal(maskNameForPublicity('张小三', o), '张**');
  assert.equal(maskNameForPublicity('欧阳小明', o), '欧***');
  assert.equal(maskNameForPublicity('John Smith', o), 'J*** S****', 'non-Chinese names unchanged');
  assert.equal(maskNameForPublicity('阿依古丽·买买提', o), '阿***·买**');
});

test('maskIdForPublicity: first 4 and last 4 by default, the birth date never shown', () => {
  assert.equal(maskIdForPublicity('140107199001011234'), '1401**********1234');
  assert.equal(maskIdForPublicity('11010519491231002x'), '1101**********002X');
  assert.equal(maskIdForPublicity('110105491231002'), '1101********002', 'legacy 15-digit: at most 3 at the end');
  assert.equal(maskIdForPublicity('140107199001011234', { idHead: 6, idTail: 4 }), '140107********1234');
  assert.equal(maskIdForPublicity('140107199001011234', { idHead: 1, idTail: 1 }), '1****************4');
  assert.equal(maskIdForPublicity('140107199001011234', { idHead: 0, idTail: 0 }), '******************');
  assert.equal(maskIdForPublicity(''), '');
});

test('maskIdForPublicity: other identifiers keep the ends only while half stays hidden', () => {
  assert.equal(maskIdForPublicity('E12345678'), '*********', '9 characters: 4 + 4 would show too much');
  assert.equal(maskIdForPublicity('E12345678', { idHead: 1, idTail: 1 }), 'E*******8');
  assert.equal(maskIdForPublicity('AB12345678901234'), 'AB12********1234', '16 characters: 8 hidden');
});

test('maskIdForPublicity refuses options that would reveal the birth date', () => {
  assert.throws(() => maskIdForPublicity('140107199001011234', { idHead: 8 }), /at most the first 6 and last 4.*最多显示前 6 位和后 4 位/);
  assert.throws(() => maskIdForPublicity('140107199001011234', { idTail: 5 }), RangeError);
  assert.throws(() => maskIdForPublicity('140107199001011234', { idHead: -1 }), RangeError);
  assert.throws(() => maskIdForPublicity('140107199001011234', { idTail: 1.5 }), RangeError);
});
