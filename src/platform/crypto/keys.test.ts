// Retiring a key from the key ring document: never the current one, never one that is not there,
// and nothing else in the document changes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AppError } from '../errors.ts';
import { generateKeyRingJson, parseKeyRing } from './field-crypto.ts';
import { keyRingWithout } from './keys.ts';

test('keyRingWithout removes an old key and keeps the rest; refuses the current key and unknown ids', () => {
  const k1 = generateKeyRingJson();
  const k2 = generateKeyRingJson(k1);
  const k3 = generateKeyRingJson(k2);
  const retired = keyRingWithout(k3, 'k1');
  const before = JSON.parse(k3);
  const after = JSON.parse(retired);
  assert.deepEqual(Object.keys(after.keys), ['k2', 'k3']);
  assert.deepEqual([after.current, after.index, after.keys.k2, after.keys.k3], [before.current, before.index, before.keys.k2, before.keys.k3]);
  assert.equal(parseKeyRing(retired).current, 'k3');
  assert.throws(() => keyRingWithout(k3, 'k3'), (e: AppError) => e.code === 'conflict' && /当前密钥/.test(e.messageZh));
  assert.throws(() => keyRingWithout(retired, 'k1'), (e: AppError) => e.code === 'not_found');
});
