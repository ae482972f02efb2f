// Loads the field-encryption key ring: from LASTMILE_KEYS (the JSON itself), or from the key
// file. Without either, a key file is generated beside the data on first start (mode 0600) —
// fine for one machine; production sets LASTMILE_KEY_FILE to a file kept apart from backups.
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Config } from '../config.ts';
import { AppError } from '../errors.ts';
import { generateKeyRingJson, parseKeyRing, type KeyRing } from './field-crypto.ts';

export function loadKeyRing(keys: Config['keys'], log?: { warn(msg: string): void }): KeyRing {
  if (keys.inline) return parseKeyRing(keys.inline);
  if (!existsSync(keys.file)) {
    if (!keys.generateIfMissing) {
      throw new AppError('unavailable', `Key file ${keys.file} not found`, `找不到密钥文件 ${keys.file}`);
    }
    writeKeyFile(keys.file, generateKeyRingJson());
    log?.warn(`generated a new field-encryption key file at ${keys.file}: back it up separately from the data / 已生成数据加密密钥文件，请与数据分开备份`);
  }
  return parseKeyRing(readFileSync(keys.file, 'utf8'));
}

/** Write atomically (temp file + rename) so a crash never leaves a half-written key file. */
export function writeKeyFile(path: string, json: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, json, { mode: 0o600 });
  chmodSync(tmp, 0o600);
  renameSync(tmp, path);
}

/**
 * The key ring document without `keyId` (a retired data key); everything else in it is kept as
 * written. The current key cannot be retired.
 */
export function keyRingWithout(json: string, keyId: string): string {
  const ring = parseKeyRing(json);
  if (keyId === ring.current) {
    throw new AppError('conflict', `Key ${keyId} is the current key; rotate first`, `${keyId} 是当前密钥，请先轮换`);
  }
  if (!ring.keys.has(keyId)) throw new AppError('not_found', `Key ${keyId} is not in the key ring`, `密钥环中没有 ${keyId}`);
  const doc = JSON.parse(json) as { keys: Record<string, unknown> };
  delete doc.keys[keyId];
  const text = `${JSON.stringify(doc, null, 2)}\n`;
  parseKeyRing(text);
  return text;
}
