import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomInt } from 'node:crypto';
import { DEMO_PASSWORD, passwordProblems } from './password-policy.ts';
import { guessable, isKeyboardPattern, lookupForms } from './guessable-password.ts';

const published = [DEMO_PASSWORD];

test('a long varied password passes', () => {
  for (const p of ['Tiger!Moon#Lake29', 'Brisk-Lantern-4417', 'Xk7#pQ2!mZ9w', 'Social#Work2026']) assert.deepEqual(passwordProblems(p, { published }), [], p);
  assert.deepEqual(passwordProblems('长城长 城长城 2026a'), [], 'Chinese characters count as symbols');
});

test('short, uniform and username-based passwords are refused with reasons', () => {
  assert.match(passwordProblems('Ab1!')[0]!.messageZh, /至少 10 个字符/);
  assert.match(passwordProblems('abcdefghijkl')[0]!.messageZh, /至少三类/);
  assert.ok(passwordProblems('Zhangsan#2026', { username: 'zhangsan' }).some((p) => p.messageZh === '不能包含用户名'));
  assert.ok(passwordProblems('AAAAAAAAAAAA').some((p) => /键盘连续排列或顺序字符/.test(p.messageZh)));
});

test('known passwords are refused even disguised by case, leetspeak, digits, symbols or a year', () => {
  for (const p of ['admin123456', 'Qwerty@12345', 'P@ssw0rd2026', 'Password!2025', 'Dragon#2026', 'Woaini@1314', 'Iloveyou@520', 'Abcd@123456', 'Sunny#Day2026', '1qaz2WSX!@']) {
    const problems = passwordProblems(p, { published });
    assert.ok(problems.some((x) => x.message.startsWith('too common') && /常见密码/.test(x.messageZh)), `${p}: ${JSON.stringify(problems)}`);
  }
  assert.ok(lookupForms('P@ssw0rd2026').has('password'));
  assert.ok(lookupForms('Qwerty@12345').has('qwerty'));
});

test('the published demo password and its variants are refused outside demo mode only', () => {
  for (const p of [DEMO_PASSWORD, 'LastMile#2027', 'LASTMILE@2026!', 'L@stm1le2026']) {
    assert.ok(passwordProblems(p, { published }).some((x) => /published password/.test(x.message) && /已公开的密码/.test(x.messageZh)), p);
  }
  assert.deepEqual(passwordProblems(DEMO_PASSWORD), [], 'a demo installation publishes nothing it must refuse');
});

test('keyboard walks and sequences are patterns; words and random strings are not', () => {
  for (const p of ['qwertyuiop', 'Zxcvbnm,./', '1qaz2wsx3edc', 'asdf!@#$1234', 'abcdef123456', '9876543210', 'poiuytrewq', 'Qazwsxedc!']) assert.ok(isKeyboardPattern(p), p);
  for (const p of ['Tiger!Moon#Lake29', 'Brisk-Lantern-4417', 'Xk7#pQ2!mZ9w', 'Social#Work2026']) assert.equal(isKeyboardPattern(p), false, p);
});

test('random passwords of 12 mixed characters are almost never taken for guessable', () => {
  const alphabet = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789!@#$%&*-+=?';
  let flagged = 0;
  for (let i = 0; i < 2000; i++) {
    const p = Array.from({ length: 12 }, () => alphabet[randomInt(alphabet.length)]).join('');
    if (guessable(p, published) !== null) flagged++;
  }
  assert.ok(flagged <= 4, `${flagged} of 2000 random passwords flagged`);
});
