import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createCipheriv, randomBytes } from 'node:crypto';
import {
  FieldCryptoError,
  blindIndex,
  decryptField,
  encryptField,
  encryptFields,
  generateKeyRingJson,
  keyIdOf,
  needsRotation,
  parseKeyRing,
  sm3Hex,
  type FieldCryptoProblem,
} from './field-crypto.ts';

const ring = parseKeyRing(generateKeyRingJson());

function rejects(fn: () => unknown, reason: FieldCryptoProblem, pattern?: RegExp) {
  assert.throws(fn, (err: unknown) => {
    assert.ok(err instanceof FieldCryptoError, `expected FieldCryptoError, got ${String(err)}`);
    assert.equal(err.reason, reason, err.message);
    if (pattern) assert.match(err.message, pattern);
    return true;
  });
}

/** Decode one base64url part of a stored value, flip a bit in it, and put it back. */
function flipBit(stored: string, part: 2 | 3 | 4, byte = 0): string {
  const parts = stored.split('.');
  const bytes = Buffer.from(parts[part]!, 'base64url');
  bytes[byte]! ^= 0x01;
  parts[part] = bytes.toString('base64url');
  return parts.join('.');
}

test('SM3 matches the GB/T 32905 test vector', () => {
  assert.equal(sm3Hex('abc'), '66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0');
  assert.equal(sm3Hex(Buffer.from('abc')), sm3Hex('abc'));
  // Second standard vector: "abcd" repeated 16 times (64 bytes, one full block plus padding).
  assert.equal(sm3Hex('abcd'.repeat(16)), 'debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732');
});

test('SM4 in this Node build matches the GB/T 32907 test vector', () => {
  const key = Buffer.from('0123456789abcdeffedcba9876543210', 'hex');
  const cipher = createCipheriv('sm4-ecb', key, null).setAutoPadding(false);
  assert.equal(Buffer.concat([cipher.update(key), cipher.final()]).toString('hex'), '681edf34d206965e86b3e94f536e4246');
});

// Fixed keys (bytes 0..47 and 0xa0..0xbf) and values checked independently with the OpenSSL CLI:
// `openssl enc -d -sm4-cbc` decrypts the data; `openssl dgst -sm3 -mac HMAC` over "v1.k1." ‖ iv ‖ data
// gives the tag (first 16 bytes) and over "id_number" ‖ 0x00 ‖ value the blind index. Guards the format.
test('known answers: a stored value and a blind index made with fixed keys', () => {
  const fixed = parseKeyRing(
    JSON.stringify({
      current: 'k1',
      keys: { k1: 'AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8gISIjJCUmJygpKissLS4v' },
      index: 'oKGio6SlpqeoqaqrrK2ur7CxsrO0tba3uLm6u7y9vr8=',
    }),
  );
  const stored = 'v1.k1.Q2a_IdCmzgVBnGFrqO3Llg.g8vpW-GN6XdZSkSCcfz9z4hRzucl5GhESGAmmF3X0oI.o-Wd-39n8tJMyrtJyhRc9w';
  assert.equal(decryptField(fixed, stored), '张三 140107199001011230');
  assert.equal(blindIndex(fixed, 'id_number', '11010519491231002X'), 'IfodfrBQs8Gh2MkJQoIHoOILGD7wNmTpvkJwRVGVtWM');
});

test('values round-trip, including Chinese, emoji and the empty string', () => {
  for (const plain of ['', 'a', '140107199001011230', '张三丰', '山西省太原市小店区坞城路 92 号 🏠', 'x'.repeat(16), 'y'.repeat(1000)]) {
    const stored = encryptField(ring, plain);
    assert.match(stored, /^v1\.k1\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{22}$/);
    assert.equal(decryptField(ring, stored), plain);
  }
});

test('the same plaintext encrypts differently each time (random IV)', () => {
  const a = encryptField(ring, '13812345678');
  const b = encryptField(ring, '13812345678');
  assert.notEqual(a, b);
  assert.notEqual(a.split('.')[2], b.split('.')[2]);
  assert.equal(decryptField(ring, a), decryptField(ring, b));
});

test('a changed bit in the IV, ciphertext or tag is detected before decrypting', () => {
  const stored = encryptField(ring, '低保对象 张三');
  for (const part of [2, 3, 4] as const) {
    rejects(() => decryptField(ring, flipBit(stored, part)), 'tampered', /integrity check/);
    rejects(() => decryptField(ring, flipBit(stored, part, 15)), 'tampered');
  }
  // Swapping in another value's ciphertext under this tag is tampering too.
  const other = encryptField(ring, '李四').split('.');
  const mixed = stored.split('.');
  mixed[3] = other[3]!;
  rejects(() => decryptField(ring, mixed.join('.')), 'tampered');
});

test('malformed values are rejected with a clear error', () => {
  const stored = encryptField(ring, 'abc');
  const [, , iv, ct, tag] = stored.split('.');
  for (const bad of [
    '',
    'plain text',
    stored.replace(/^v1/, 'v2'),
    `${stored}.extra`,
    `v1.k1.${iv}.${ct}`,
    `v1.k1.${iv}.${ct}.${tag!.slice(0, -2)}`, // short tag
    `v1.k1.${iv!.slice(0, -2)}.${ct}.${tag}`, // short IV
    `v1.k1.${iv}..${tag}`, // empty ciphertext
    `v1.k1.${iv}.${ct!.slice(0, -3)}.${tag}`, // not whole blocks
    `v1.k1.${iv}.${ct}.${tag}=`, // padding is not base64url
    `v1.k!.${iv}.${ct}.${tag}`,
  ]) {
    rejects(() => decryptField(ring, bad), 'malformed');
  }
  rejects(() => keyIdOf('nope'), 'malformed', /不是有效的加密字段值/);
});

test('an unknown key id is reported as such, and a key swapped under the same id as tampering', () => {
  const stored = encryptField(ring, 'secret');
  rejects(() => decryptField(ring, stored.replace('.k1.', '.k9.')), 'unknown_key', /"k9".*密钥环中没有此密钥/);
  const otherRing = parseKeyRing(generateKeyRingJson());
  rejects(() => decryptField(otherRing, stored), 'tampered');
});

test('after rotation new values use the new key and old values still decrypt', () => {
  const firstJson = generateKeyRingJson();
  const first = parseKeyRing(firstJson);
  const old = encryptField(first, '140107199001011230');
  assert.equal(keyIdOf(old), 'k1');
  assert.equal(needsRotation(first, old), false);

  const secondJson = generateKeyRingJson(firstJson);
  const second = parseKeyRing(secondJson);
  assert.equal(second.current, 'k2');
  assert.deepEqual([...second.keys.keys()], ['k1', 'k2']);
  assert.ok(second.keys.get('k1')!.encKey.equals(first.keys.get('k1')!.encKey), 'old key kept as is');
  assert.ok(second.indexKey.equals(first.indexKey), 'index key is never rotated');

  assert.equal(decryptField(second, old), '140107199001011230');
  assert.equal(needsRotation(second, old), true);
  const fresh = encryptField(second, '140107199001011230');
  assert.equal(keyIdOf(fresh), 'k2');
  assert.equal(needsRotation(second, fresh), false);
  rejects(() => decryptField(first, fresh), 'unknown_key');

  const third = parseKeyRing(generateKeyRingJson(secondJson));
  assert.equal(third.current, 'k3');
  assert.equal(decryptField(third, old), '140107199001011230');
  rejects(() => generateKeyRingJson('{}'), 'key_ring');
});

test('generateKeyRingJson counts on from the highest kN and keeps custom ids', () => {
  const doc = {
    current: 'legacy',
    keys: { legacy: randomBytes(48).toString('base64'), k7: randomBytes(48).toString('base64') },
    index: randomBytes(32).toString('base64'),
  };
  const next = JSON.parse(generateKeyRingJson(JSON.stringify(doc)));
  assert.equal(next.current, 'k8');
  assert.deepEqual(Object.keys(next.keys), ['legacy', 'k7', 'k8']);
  assert.equal(next.keys.legacy, doc.keys.legacy);
  assert.equal(next.index, doc.index);
  assert.equal(Buffer.from(next.keys.k8, 'base64').length, 48);
});

test('blind indexes are deterministic, separated by kind, and keyed', () => {
  const a = blindIndex(ring, 'id_number', '11010519491231002X');
  assert.equal(a, blindIndex(ring, 'id_number', '11010519491231002X'));
  assert.match(a, /^[A-Za-z0-9_-]{43}$/, '32 bytes of HMAC-SM3, base64url');
  assert.notEqual(a, blindIndex(ring, 'id_number', '110105194912310020'));
  assert.notEqual(a, blindIndex(ring, 'phone', '11010519491231002X'), 'kinds never collide');
  // The NUL separator keeps ("ab", "c") and ("a", "bc") apart.
  assert.notEqual(blindIndex(ring, 'ab', 'c'), blindIndex(ring, 'a', 'bc'));
  const otherRing = parseKeyRing(generateKeyRingJson());
  assert.notEqual(a, blindIndex(otherRing, 'id_number', '11010519491231002X'), 'another index key, another index');
  // Adding a data key leaves the index untouched.
  const json = JSON.stringify({ current: 'k1', keys: { k1: randomBytes(48).toString('base64') }, index: ring.indexKey.toString('base64') });
  assert.equal(blindIndex(parseKeyRing(generateKeyRingJson(json)), 'id_number', '11010519491231002X'), a);
  assert.throws(() => blindIndex(ring, '', 'x'), RangeError);
  assert.throws(() => blindIndex(ring, 'a\0b', 'x'), RangeError);
});

test('parseKeyRing names each problem in English and Chinese', () => {
  const key = randomBytes(48).toString('base64');
  const index = randomBytes(32).toString('base64');
  const cases: [unknown, RegExp][] = [
    ['not json', /not valid JSON.*不是有效的 JSON/],
    [[], /must be a JSON object.*JSON 对象/],
    [{ keys: { k1: key }, index }, /"current".*is missing.*缺少 "current"/],
    [{ current: 'k2', keys: { k1: key }, index }, /current key "k2" is not in "keys".*当前密钥 "k2" 不在 "keys" 中/],
    [{ current: 'k1', index }, /"keys" is missing.*"keys" 缺失/],
    [{ current: 'k1', keys: {}, index }, /"keys" is empty.*"keys" 为空/],
    [{ current: 'k1', keys: { k1: randomBytes(32).toString('base64') }, index }, /key "k1" must be 48 bytes, got 32.*应为 48 字节，实际为 32 字节/],
    [{ current: 'k1', keys: { k1: 'not base64!' }, index }, /key "k1" is not a base64 string.*不是 base64 字符串/],
    [{ current: 'k1', keys: { k1: key.slice(0, -1) }, index }, /key "k1" is not a base64 string/],
    [{ current: 'k1', keys: { k1: 42 }, index }, /key "k1" is not a base64 string/],
    [{ current: 'k.1', keys: { 'k.1': key }, index }, /key id "k\.1" must be.*密钥编号 "k\.1"/],
    [{ current: 'k1', keys: { k1: key } }, /"index" \(the blind-index key\) is missing.*缺少 "index"/],
    [{ current: 'k1', keys: { k1: key }, index: key }, /"index" must be 32 bytes, got 48.*"index" 应为 32 字节/],
    [{ current: 'k1', keys: { k1: key }, index, idx: index }, /unknown field "idx".*未知字段 "idx"/],
  ];
  for (const [doc, pattern] of cases) {
    rejects(() => parseKeyRing(typeof doc === 'string' ? doc : JSON.stringify(doc)), 'key_ring', pattern);
  }
  // Every problem is listed at once.
  rejects(
    () => parseKeyRing(JSON.stringify({ current: 'k3', keys: { k1: 'x' }, index: 'y' })),
    'key_ring',
    /key "k1".*current key "k3".*"index" is not.*\/ 密钥环有误：/,
  );
  const ok = parseKeyRing(JSON.stringify({ current: 'k1', keys: { k1: key }, index }));
  assert.equal(ok.keys.get('k1')!.encKey.length, 16);
  assert.equal(ok.keys.get('k1')!.macKey.length, 32);
  assert.equal(ok.indexKey.length, 32);
});

test('encryptFields stores many values in the one format: each decrypts, each has its own IV', () => {
  const values = ['140107199001011230', '13812345678', '', '张三 · 太原市杏花岭区'.repeat(5), '1'];
  const stored = encryptFields(ring, values);
  assert.equal(stored.length, values.length);
  stored.forEach((s, i) => assert.equal(decryptField(ring, s), values[i]));
  assert.equal(new Set(stored.map((s) => s.split('.')[2])).size, values.length);
  assert.deepEqual(encryptFields(ring, []), []);
});
