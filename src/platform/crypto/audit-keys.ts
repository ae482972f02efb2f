// The audit chain's MAC keys: their own section of the key ring document, apart from the data
// keys, so retiring a data key never orphans old audit entries.
//
//   "audit": { "current": "a2", "keys": { "a1": "<base64 32 bytes>", "a2": "…" } }
//
// Key files written before the section existed keep working: key `a0` is derived from the
// blind-index key (which is never rotated or removed), always present, and current when the
// document has no section. `lastmile keys rotate` adds the next aN and makes it current; old ones
// stay, because an entry names the key it was written under.
import { createHmac, randomBytes } from 'node:crypto';

export type AuditKeys = { current: string; keys: Map<string, Buffer> };

export const DERIVED_AUDIT_KEY_ID = 'a0';
const AUDIT_KEY_BYTES = 32;
const AUDIT_KEY_ID = /^a[1-9][0-9]{0,8}$/;

/** a0: HMAC-SM3 of a fixed label under the blind-index key (a separate key for a separate job). */
export function derivedAuditKey(indexKey: Buffer): Buffer {
  return createHmac('sm3', indexKey).update('lastmile audit chain key a0').digest();
}

type Problem = (en: string, zh: string) => void;

/** The "audit" section (undefined when absent); problems are reported through `problem`. */
export function parseAuditKeys(section: unknown, indexKey: Buffer | undefined, problem: Problem): AuditKeys {
  const keys = new Map<string, Buffer>();
  if (indexKey) keys.set(DERIVED_AUDIT_KEY_ID, derivedAuditKey(indexKey));
  if (section === undefined) return { current: DERIVED_AUDIT_KEY_ID, keys };
  if (typeof section !== 'object' || section === null || Array.isArray(section)) {
    problem('"audit" must be an object with "current" and "keys"', '"audit" 应为包含 "current" 和 "keys" 的对象');
    return { current: DERIVED_AUDIT_KEY_ID, keys };
  }
  const { current, keys: raw, ...rest } = section as Record<string, unknown>;
  for (const field of Object.keys(rest)) problem(`unknown field "audit.${field}"`, `未知字段 "audit.${field}"`);
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    problem('"audit.keys" is missing or not an object of key id → base64 key', '"audit.keys" 缺失或不是“密钥编号 → base64 密钥”的对象');
  } else {
    for (const [id, value] of Object.entries(raw as Record<string, unknown>)) {
      const bytes = typeof value === 'string' && /^[A-Za-z0-9+/]+={0,2}$/.test(value) ? Buffer.from(value, 'base64') : undefined;
      if (!AUDIT_KEY_ID.test(id)) problem(`audit key id "${id}" must be a1, a2, …`, `审计密钥编号 "${id}" 应为 a1、a2……`);
      else if (bytes?.length !== AUDIT_KEY_BYTES) problem(`audit key "${id}" must be ${AUDIT_KEY_BYTES} bytes of base64`, `审计密钥 "${id}" 应为 ${AUDIT_KEY_BYTES} 字节的 base64`);
      else keys.set(id, bytes);
    }
  }
  if (typeof current !== 'string' || !keys.has(current)) {
    problem(`"audit.current" must name a key in "audit.keys" (or "${DERIVED_AUDIT_KEY_ID}")`, `"audit.current" 应为 "audit.keys" 中的密钥编号（或 "${DERIVED_AUDIT_KEY_ID}"）`);
    return { current: DERIVED_AUDIT_KEY_ID, keys };
  }
  return { current, keys };
}

/** The section with a fresh key after the highest aN, made current; stored keys kept as they are. */
export function nextAuditSection(previous?: AuditKeys): { current: string; keys: Record<string, string> } {
  const stored = [...(previous?.keys ?? [])].filter(([id]) => id !== DERIVED_AUDIT_KEY_ID);
  const highest = Math.max(0, ...stored.map(([id]) => Number(id.slice(1))));
  const id = `a${highest + 1}`;
  const keys = Object.fromEntries([...stored.map(([k, v]) => [k, v.toString('base64')]), [id, randomBytes(AUDIT_KEY_BYTES).toString('base64')]]);
  return { current: id, keys };
}
