import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createCipheriv, createDecipheriv, createHmac, createSecretKey, randomBytes, randomInt } from 'node:crypto';
import { Sm3Hmac } from './sm3-hmac.ts';
import { NATIVE_CBC_FROM, Sm4Cbc } from './sm4-cbc.ts';

// The hand-built HMAC and CBC must give exactly Node's (OpenSSL's) bytes, or stored values and
// blind indexes would stop matching. Random keys, IVs and lengths around the block boundaries.

test('Sm3Hmac gives the bytes of createHmac("sm3") for keys and messages of many lengths', () => {
  for (const keyLength of [1, 16, 32, 48, 63, 64, 65, 100]) {
    const key = randomBytes(keyLength);
    const mac = new Sm3Hmac(key);
    for (let n = 0; n < 40; n++) {
      const parts: (string | Buffer)[] = [];
      for (let p = randomInt(1, 4); p > 0; p--) parts.push(randomInt(2) === 0 ? randomBytes(randomInt(0, 90)) : '张三·v1.'.repeat(randomInt(0, 40)));
      const expected = createHmac('sm3', key);
      for (const part of parts) expected.update(part);
      const digest = expected.digest();
      assert.equal(mac.digest(parts, 'hex'), digest.toString('hex'));
      assert.equal(mac.digest(parts, 'base64url'), digest.toString('base64url'));
    }
  }
  // Every length across the short path (one to five blocks) and the long one, in turn.
  const key = randomBytes(32);
  const mac = new Sm3Hmac(key);
  for (let length = 0; length <= 300; length++) {
    const message = randomBytes(length);
    assert.equal(mac.digest([message], 'hex'), createHmac('sm3', key).update(message).digest('hex'), `length ${length}`);
  }
  for (const length of [10, 5000, 3]) {
    const message = randomBytes(length);
    assert.equal(mac.digest([message], 'hex'), createHmac('sm3', key).update(message).digest('hex'));
  }
});

test('Sm4Cbc encrypts and decrypts exactly as sm4-cbc with PKCS#7 padding', () => {
  for (let n = 0; n < 30; n++) {
    const key = randomBytes(16);
    const cbc = new Sm4Cbc(createSecretKey(key));
    for (const length of [0, 1, 11, 15, 16, 17, 18, 31, 32, 33, 100, randomInt(0, 400), NATIVE_CBC_FROM - 17, NATIVE_CBC_FROM - 16, NATIVE_CBC_FROM - 1, NATIVE_CBC_FROM, 70_001]) {
      const iv = randomBytes(16);
      const plaintext = randomBytes(length);
      const cipher = createCipheriv('sm4-cbc', key, iv);
      const expected = Buffer.concat([cipher.update(plaintext), cipher.final()]);
      const ours = cbc.encrypt(iv, plaintext);
      assert.deepEqual(ours, expected, `length ${length}`);
      assert.deepEqual(cbc.decrypt(iv, expected), plaintext);
      const decipher = createDecipheriv('sm4-cbc', key, iv);
      assert.deepEqual(Buffer.concat([decipher.update(ours), decipher.final()]), plaintext);
    }
  }
});

test('Sm4Cbc refuses broken ciphertexts (wrong length, bad padding)', () => {
  const key = randomBytes(16);
  const cbc = new Sm4Cbc(createSecretKey(key));
  const iv = randomBytes(16);
  assert.throws(() => cbc.decrypt(iv, Buffer.alloc(0)), /whole blocks/);
  assert.throws(() => cbc.decrypt(iv, randomBytes(17)), /whole blocks/);
  // Last byte of the padded plaintext 0x00 or above 16, or pad bytes that disagree.
  for (const padded of [Buffer.alloc(16, 0), Buffer.alloc(16, 17), Buffer.concat([Buffer.alloc(13, 3), Buffer.from([2, 3, 3])]), Buffer.alloc(NATIVE_CBC_FROM, 0), Buffer.alloc(NATIVE_CBC_FROM * 2, 17)]) {
    const cipher = createCipheriv('sm4-cbc', key, iv).setAutoPadding(false);
    const bad = Buffer.concat([cipher.update(padded), cipher.final()]);
    assert.throws(() => cbc.decrypt(iv, bad), /bad padding/);
  }
});

test('Sm4Cbc.encryptMany gives each value what encrypt gives it (mixed lengths, one batch)', () => {
  const key = randomBytes(16);
  const cbc = new Sm4Cbc(createSecretKey(key));
  const lengths = [0, 11, 18, 16, 31, 32, 47, 5, 100, 17, NATIVE_CBC_FROM, 5000, NATIVE_CBC_FROM - 1];
  const plaintexts = lengths.map((n) => randomBytes(n));
  const ivs = lengths.map(() => randomBytes(16));
  const many = cbc.encryptMany(ivs, plaintexts);
  plaintexts.forEach((p, i) => {
    assert.deepEqual(many[i], cbc.encrypt(ivs[i]!, p), `length ${p.length}`);
    assert.deepEqual(cbc.decrypt(ivs[i]!, many[i]!), p);
  });
  assert.deepEqual(cbc.encryptMany([], []), []);
});
