import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { createSensitiveFields } from './sensitive.ts';
import { FieldCryptoError, generateKeyRingJson, parseKeyRing } from './field-crypto.ts';

test('a large file sealed on a worker thread is the same envelope: either side opens the other', async () => {
  const s = createSensitiveFields(parseKeyRing(generateKeyRingJson()));
  const file = randomBytes(3 << 20);
  const sealed = await s.sealFileAsync(file);
  assert.ok(sealed.toString('latin1').startsWith('v1.'));
  assert.deepEqual(s.openFile(sealed), file);
  assert.deepEqual(await s.openFileAsync(s.sealFile(file)), file);
  const small = Buffer.from('小文件');
  assert.deepEqual(await s.openFileAsync(await s.sealFileAsync(small)), small);
  const tampered = Buffer.from(sealed);
  tampered[tampered.length - 30] = tampered[tampered.length - 30] === 65 ? 66 : 65;
  await assert.rejects(s.openFileAsync(tampered), (e: unknown) => e instanceof FieldCryptoError && e.reason === 'tampered');
});
