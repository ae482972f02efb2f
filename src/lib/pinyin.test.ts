import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pinyinKeys } from './pinyin.ts';

test('full pinyin and initials of Chinese names', () => {
  assert.deepEqual(pinyinKeys('张三'), { full: 'zhangsan', initials: 'zs' });
  assert.deepEqual(pinyinKeys('欧阳娜娜'), { full: 'ouyangnana', initials: 'oynn' });
});

test('surnames with several readings are read as surnames', () => {
  assert.equal(pinyinKeys('曾国藩').full, 'zengguofan');
  assert.equal(pinyinKeys('单田芳').initials, 'stf');
});

test('non-Chinese parts are kept in lower case', () => {
  assert.deepEqual(pinyinKeys('John 李'), { full: 'johnli', initials: 'jl' });
});
