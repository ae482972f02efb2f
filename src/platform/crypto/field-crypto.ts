// Field encryption at rest with 国密 algorithms (GB/T 32907 SM4, GB/T 32905 SM3). Node's OpenSSL
// has SM4 in CBC/CTR/ECB but no SM4-GCM, so we build authenticated encryption as encrypt-then-MAC:
// SM4-CBC (PKCS#7 padding, random 16-byte IV) and HMAC-SM3 over the header, IV and ciphertext,
// checked in constant time *before* anything is decrypted (no padding oracle).
//
// Stored form: `v1.<keyId>.<iv>.<ciphertext>.<tag>` (base64url, no padding). The tag is HMAC-SM3
// truncated to 16 bytes (128 bits, as GCM's tag; truncation is allowed by NIST SP 800-107) to keep
// rows short. The MAC input is the ASCII header `v1.<keyId>.` followed by IV ‖ ciphertext: key ids
// cannot contain '.', and the IV has a fixed length, so the input parses one way only.
//
// Each data key is 48 random bytes: 16 for SM4, 32 for HMAC-SM3 (separate keys for the two jobs).
// Old keys stay in the ring after rotation so old values still decrypt; `needsRotation` tells a
// re-encryption job which rows to rewrite. The blind-index key is separate and never rotated,
// because rotating it would change every index value at once.
import { createHash, createSecretKey, randomBytes, timingSafeEqual } from 'node:crypto';
import { nextAuditSection, parseAuditKeys, type AuditKeys } from './audit-keys.ts';
import { Sm3Hmac } from './sm3-hmac.ts';
import { Sm4Cbc } from './sm4-cbc.ts';

export type DataKey = { encKey: Buffer; macKey: Buffer };
/** `audit`: the audit chain's MAC keys (audit-keys.ts), apart from the data keys. */
export type KeyRing = { current: string; keys: Map<string, DataKey>; indexKey: Buffer; audit: AuditKeys };

export type FieldCryptoProblem = 'key_ring' | 'malformed' | 'unknown_key' | 'tampered';

/** Message is "English / 中文" (for logs and the console); `messageEn`/`messageZh` hold each half. */
export class FieldCryptoError extends Error {
  readonly reason: FieldCryptoProblem;
  readonly messageEn: string;
  readonly messageZh: string;
  constructor(reason: FieldCryptoProblem, messageEn: string, messageZh: string) {
    super(`${messageEn} / ${messageZh}`);
    this.name = 'FieldCryptoError';
    this.reason = reason;
    this.messageEn = messageEn;
    this.messageZh = messageZh;
  }
}

const VERSION = 'v1';
const ENC_KEY_BYTES = 16;
const MAC_KEY_BYTES = 32;
const DATA_KEY_BYTES = ENC_KEY_BYTES + MAC_KEY_BYTES;
const INDEX_KEY_BYTES = 32;
const IV_BYTES = 16;
const BLOCK_BYTES = 16;
const TAG_BYTES = 16;
const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;

/** Strict decoding: the text must be the canonical encoding of the bytes (no stray characters). */
function decodeStrict(text: string, encoding: 'base64' | 'base64url'): Buffer | undefined {
  const pattern =
    encoding === 'base64' ? /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/ : /^[A-Za-z0-9_-]*$/;
  if (!pattern.test(text)) return undefined;
  const bytes = Buffer.from(text, encoding);
  return bytes.toString(encoding) === text ? bytes : undefined;
}

// ---------------------------------------------------------------------------------------------
// Key ring document: { "current": "k2", "keys": { "k1": "<base64 48 bytes>", … }, "index": "<base64 32 bytes>",
//   "audit": { "current": "a1", "keys": { "a1": "<base64 32 bytes>" } } }   (audit optional: audit-keys.ts)

/** Parse and validate a key ring document; throws one FieldCryptoError listing every problem. */
export function parseKeyRing(text: string): KeyRing {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    throw new FieldCryptoError('key_ring', 'key ring is not valid JSON', '密钥环不是有效的 JSON');
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
    throw new FieldCryptoError(
      'key_ring',
      'key ring must be a JSON object with "current", "keys" and "index"',
      '密钥环应为包含 "current"、"keys" 和 "index" 的 JSON 对象',
    );
  }
  const en: string[] = [];
  const zh: string[] = [];
  const problem = (e: string, z: string) => {
    en.push(e);
    zh.push(z);
  };
  const record = doc as Record<string, unknown>;

  for (const field of Object.keys(record)) {
    if (!['current', 'keys', 'index', 'audit'].includes(field)) problem(`unknown field "${field}"`, `未知字段 "${field}"`);
  }

  const keys = new Map<string, DataKey>();
  const rawKeys = record.keys;
  if (typeof rawKeys !== 'object' || rawKeys === null || Array.isArray(rawKeys)) {
    problem('"keys" is missing or not an object of key id → base64 key', '"keys" 缺失或不是“密钥编号 → base64 密钥”的对象');
  } else {
    const entries = Object.entries(rawKeys as Record<string, unknown>);
    if (entries.length === 0) problem('"keys" is empty', '"keys" 为空');
    for (const [id, value] of entries) {
      if (!KEY_ID.test(id)) {
        problem(
          `key id "${id}" must be 1–32 letters, digits, "_" or "-"`,
          `密钥编号 "${id}" 应为 1–32 个字母、数字、"_" 或 "-"`,
        );
        continue;
      }
      const bytes = typeof value === 'string' ? decodeStrict(value, 'base64') : undefined;
      if (!bytes) {
        problem(`key "${id}" is not a base64 string`, `密钥 "${id}" 不是 base64 字符串`);
      } else if (bytes.length !== DATA_KEY_BYTES) {
        problem(
          `key "${id}" must be ${DATA_KEY_BYTES} bytes, got ${bytes.length}`,
          `密钥 "${id}" 应为 ${DATA_KEY_BYTES} 字节，实际为 ${bytes.length} 字节`,
        );
      } else {
        keys.set(id, { encKey: bytes.subarray(0, ENC_KEY_BYTES), macKey: bytes.subarray(ENC_KEY_BYTES) });
      }
    }
  }

  const current = record.current;
  if (typeof current !== 'string' || current === '') {
    problem('"current" (the key id for new encryptions) is missing', '缺少 "current"（用于新加密的密钥编号）');
  } else if (typeof rawKeys === 'object' && rawKeys !== null && !Object.hasOwn(rawKeys, current)) {
    problem(`the current key "${current}" is not in "keys"`, `当前密钥 "${current}" 不在 "keys" 中`);
  }

  const index = typeof record.index === 'string' ? decodeStrict(record.index, 'base64') : undefined;
  if (record.index === undefined) {
    problem('"index" (the blind-index key) is missing', '缺少 "index"（盲索引密钥）');
  } else if (!index) {
    problem('"index" is not a base64 string', '"index" 不是 base64 字符串');
  } else if (index.length !== INDEX_KEY_BYTES) {
    problem(
      `"index" must be ${INDEX_KEY_BYTES} bytes, got ${index.length}`,
      `"index" 应为 ${INDEX_KEY_BYTES} 字节，实际为 ${index.length} 字节`,
    );
  }

  const audit = parseAuditKeys(record.audit, index?.length === INDEX_KEY_BYTES ? index : undefined, problem);

  if (en.length > 0 || !index || typeof current !== 'string') {
    throw new FieldCryptoError('key_ring', `invalid key ring: ${en.join('; ')}`, `密钥环有误：${zh.join('；')}`);
  }
  return { current, keys, indexKey: index, audit };
}

/**
 * A key ring document with a fresh data key as current. Given a previous document, its keys (and
 * its index key) are kept, so existing ciphertexts and blind indexes stay valid; the new id is
 * `k<n+1>` after the highest `k<n>`. Without one, a new index key is made as well. The audit
 * section gains a fresh current key the same way (old audit keys kept: entries name theirs).
 */
export function generateKeyRingJson(previous?: string): string {
  const ring = previous === undefined ? undefined : parseKeyRing(previous);
  const keys = new Map<string, string>();
  let highest = 0;
  for (const [id, key] of ring?.keys ?? []) {
    keys.set(id, Buffer.concat([key.encKey, key.macKey]).toString('base64'));
    const n = /^k(\d+)$/.exec(id);
    if (n) highest = Math.max(highest, Number(n[1]));
  }
  const id = `k${highest + 1}`;
  keys.set(id, randomBytes(DATA_KEY_BYTES).toString('base64'));
  const index = (ring?.indexKey ?? randomBytes(INDEX_KEY_BYTES)).toString('base64');
  // fromEntries defines own properties, so even a key id like "__proto__" survives.
  const audit = nextAuditSection(ring?.audit);
  return `${JSON.stringify({ current: id, keys: Object.fromEntries(keys), index, audit }, null, 2)}\n`;
}

// ---------------------------------------------------------------------------------------------
// Encryption

// Per key, made once: the SM4-CBC cipher and the HMAC-SM3 (Node's createCipheriv/createHmac per
// value cost several times the work itself for short fields; see sm4-cbc.ts and sm3-hmac.ts).
const ciphers = new WeakMap<Buffer, Sm4Cbc>();
const macs = new WeakMap<Buffer, Sm3Hmac>();
function cipherFor(encKey: Buffer): Sm4Cbc {
  let c = ciphers.get(encKey);
  if (!c) ciphers.set(encKey, (c = new Sm4Cbc(createSecretKey(encKey))));
  return c;
}
function macFor(macKey: Buffer): Sm3Hmac {
  let m = macs.get(macKey);
  if (!m) macs.set(macKey, (m = new Sm3Hmac(macKey)));
  return m;
}

// IVs come from a pool filled by the CSPRNG a few hundred at a time: as unpredictable as one
// randomBytes(16) per value, without a native call per value.
const IV_POOL_SIZE = 256;
let ivPool = Buffer.alloc(0);
let ivNext = 0;
function freshIv(): Buffer {
  if (ivNext >= ivPool.length) {
    ivPool = randomBytes(IV_BYTES * IV_POOL_SIZE);
    ivNext = 0;
  }
  const iv = ivPool.subarray(ivNext, ivNext + IV_BYTES);
  ivNext += IV_BYTES;
  return iv;
}

function tagOf(macKey: Buffer, keyId: string, iv: Buffer, ciphertext: Buffer): Buffer {
  return macFor(macKey).mac([`${VERSION}.${keyId}.`, iv, ciphertext]).subarray(0, TAG_BYTES);
}

function currentKey(ring: KeyRing): DataKey {
  const key = ring.keys.get(ring.current);
  if (!key) {
    throw new FieldCryptoError(
      'unknown_key',
      `the current key "${ring.current}" is not in the key ring`,
      `当前密钥 "${ring.current}" 不在密钥环中`,
    );
  }
  return key;
}

/** The stored form: header, IV, ciphertext and the tag over them. */
function envelope(ring: KeyRing, key: DataKey, iv: Buffer, ciphertext: Buffer): string {
  const tag = tagOf(key.macKey, ring.current, iv, ciphertext);
  return `${VERSION}.${ring.current}.${iv.toString('base64url')}.${ciphertext.toString('base64url')}.${tag.toString('base64url')}`;
}

/** Encrypt with the ring's current key; the same plaintext gives a different result each time. */
export function encryptField(ring: KeyRing, plaintext: string): string {
  const key = currentKey(ring);
  const iv = freshIv();
  return envelope(ring, key, iv, cipherFor(key.encKey).encrypt(iv, Buffer.from(plaintext, 'utf8')));
}

/** encryptField for many values at once (one pass through the block cipher per block); same format. */
export function encryptFields(ring: KeyRing, plaintexts: readonly string[]): string[] {
  const key = currentKey(ring);
  const ivs = plaintexts.map(() => freshIv()); // views of the pool, which is replaced, never reused
  const ciphertexts = cipherFor(key.encKey).encryptMany(ivs, plaintexts.map((p) => Buffer.from(p, 'utf8')));
  return ciphertexts.map((ciphertext, i) => envelope(ring, key, ivs[i]!, ciphertext));
}

type Envelope = { keyId: string; iv: Buffer; ciphertext: Buffer; tag: Buffer };

function malformed(): FieldCryptoError {
  return new FieldCryptoError(
    'malformed',
    'not an encrypted field value (v1.<key>.<iv>.<data>.<tag>)',
    '不是有效的加密字段值（v1.<密钥>.<iv>.<密文>.<标签>）',
  );
}

function unpack(stored: string): Envelope {
  const parts = stored.split('.');
  if (parts.length !== 5 || parts[0] !== VERSION || !KEY_ID.test(parts[1]!)) throw malformed();
  const iv = decodeStrict(parts[2]!, 'base64url');
  const ciphertext = decodeStrict(parts[3]!, 'base64url');
  const tag = decodeStrict(parts[4]!, 'base64url');
  if (
    iv?.length !== IV_BYTES ||
    tag?.length !== TAG_BYTES ||
    !ciphertext ||
    ciphertext.length === 0 ||
    ciphertext.length % BLOCK_BYTES !== 0
  ) {
    throw malformed();
  }
  return { keyId: parts[1]!, iv, ciphertext, tag };
}

/** Verify the tag, then decrypt. Throws FieldCryptoError: malformed, unknown_key or tampered. */
export function decryptField(ring: KeyRing, stored: string): string {
  const { keyId, iv, ciphertext, tag } = unpack(stored);
  const key = ring.keys.get(keyId);
  if (!key) {
    throw new FieldCryptoError(
      'unknown_key',
      `the value was encrypted with key "${keyId}", which is not in the key ring`,
      `该值使用密钥 "${keyId}" 加密，但密钥环中没有此密钥`,
    );
  }
  if (!timingSafeEqual(tagOf(key.macKey, keyId, iv, ciphertext), tag)) {
    throw new FieldCryptoError(
      'tampered',
      `the value failed its integrity check (key "${keyId}"): it was altered, or the key ring has a different key under that id`,
      `该值未通过完整性校验（密钥 "${keyId}"）：内容已被篡改，或密钥环中同一编号下的密钥不同`,
    );
  }
  try {
    const bytes = cipherFor(key.encKey).decrypt(iv, ciphertext);
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Only reachable when the MAC key matches but the SM4 key does not: a broken key ring.
    throw new FieldCryptoError(
      'tampered',
      `the value passed its integrity check but does not decrypt (key "${keyId}")`,
      `该值通过完整性校验但无法解密（密钥 "${keyId}"）`,
    );
  }
}

/** The key id a stored value was encrypted with (throws on a value that is not one). */
export function keyIdOf(stored: string): string {
  return unpack(stored).keyId;
}

/** True when the value should be re-encrypted with the ring's current key. */
export function needsRotation(ring: KeyRing, stored: string): boolean {
  return keyIdOf(stored) !== ring.current;
}

// ---------------------------------------------------------------------------------------------
// Hashing

/**
 * A keyed, deterministic digest for exact-match lookups on encrypted columns ("is this ID number
 * already registered?"). `kind` (e.g. 'id_number', 'phone') is hashed in, separated by a NUL
 * byte, so equal values of different kinds never share an index value. Callers must normalise the
 * value first (e.g. parseIdNumber(...).value), or equal values written differently will not match.
 */
export function blindIndex(ring: KeyRing, kind: string, normalisedValue: string): string {
  if (kind === '' || kind.includes('\0')) {
    throw new RangeError('blindIndex: kind must be non-empty and contain no NUL byte');
  }
  return macFor(ring.indexKey).digest([kind, '\0', normalisedValue], 'base64url');
}

/**
 * What a worker thread of this process needs to compute blind indexes of one kind (the import
 * reader indexes ID numbers beside its parsing). Only ever passed to a worker, never stored or sent.
 */
export type IndexSecret = { readonly kind: string; readonly key: Uint8Array };

export function indexSecret(ring: KeyRing, kind: string): IndexSecret {
  return { kind, key: ring.indexKey };
}

/** blindIndex from an IndexSecret (in a worker thread): the same value as blindIndex. */
export function indexerOf(secret: IndexSecret): (normalisedValue: string) => string {
  const mac = macFor(Buffer.from(secret.key));
  return (value) => mac.digest([secret.kind, '\0', value], 'base64url');
}

/** SM3 digest as lowercase hex (UTF-8 for strings). */
export function sm3Hex(data: string | Buffer): string {
  return createHash('sm3').update(data).digest('hex');
}
