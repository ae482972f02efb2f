import { test } from 'node:test';
import assert from 'node:assert/strict';
import { passwordProblems } from './password-policy.ts';

test('a long varied password passes', () => {
  assert.deepEqual(passwordProblems('Lastmile@2026'), []);
  assert.deepEqual(passwordProblems('长城长 城长城 2026a'), [], 'Chinese characters count as symbols');
});

test('short, uniform, username-based and common passwords are refused with reasons', () => {
  assert.match(passwordProblems('Ab1!')[0]!.messageZh, /至少 10 个字符/);
  assert.match(passwordProblems('abcdefghijkl')[0]!.messageZh, /至少三类/);
  assert.ok(passwordProblems('Zhangsan#2026', { username: 'zhangsan' }).some((p) => p.messageZh === '不能包含用户名'));
  assert.ok(passwordProblems('admin123456').some((p) => p.message === 'too common'));
});
