// `lastmile keys …`: the field-encryption key ring. `rotate` adds a new current key and re-encrypts
// every sealed value (ENCRYPTED_COLUMNS: fields, registry snapshots, uploaded ledgers, every
// attachment) in batches; safe to interrupt and run again. `status` counts values per key;
// `retire` removes an old key from the file once no value anywhere in the database is under it.
import type { Command } from 'commander';
import { existsSync, readFileSync } from 'node:fs';
import { loadConfig } from '../../platform/config.ts';
import { generateKeyRingJson, parseKeyRing } from '../../platform/crypto/field-crypto.ts';
import { keyRingWithout, loadKeyRing, writeKeyFile } from '../../platform/crypto/keys.ts';
import { findValuesUnderKey, type RotationProgress } from '../../platform/crypto/rotation.ts';
import { reencryptAll, sealedValuesByKey } from '../../app/key-rotation.ts';
import { progressBar, type Progress } from '../progress.ts';
import { withDatabase } from './db.ts';

/** One progress bar per column on stderr (stdout keeps the results). */
function columnProgress(): (p: RotationProgress) => void {
  let name = '';
  let bar: Progress | undefined;
  return (p) => {
    const label = `${p.table}.${p.column}`;
    if (label !== name) {
      bar?.finish();
      name = label;
      bar = p.total > 0 ? progressBar(`  re-encrypting ${label}`, p.total) : undefined;
    }
    bar?.update(p.done);
    if (p.done >= p.total && bar) {
      bar.finish();
      bar = undefined;
    }
  };
}

export function registerKeys(program: Command): void {
  const keys = program.command('keys').description('field-encryption keys / 数据加密密钥');
  keys
    .command('init')
    .description('write a new key file at LASTMILE_KEY_FILE (refuses to overwrite) / 生成密钥文件')
    .action(() => {
      const config = loadConfig();
      if (existsSync(config.keys.file)) throw new Error(`${config.keys.file} already exists; use \`lastmile keys rotate\` to add a key`);
      writeKeyFile(config.keys.file, generateKeyRingJson());
      console.log(`key file written: ${config.keys.file} (mode 0600). Back it up apart from the database. 密钥文件已生成，请与数据库分开备份。`);
    });
  keys
    .command('rotate')
    .description('make a new current key and re-encrypt every sealed value / 轮换密钥并重新加密')
    .option('--reencrypt-only', 'do not add a key; finish re-encrypting under the current one')
    .action(async (opts: { reencryptOnly?: boolean }) => {
      const config = loadConfig();
      if (config.keys.inline && !opts.reencryptOnly) throw new Error('LASTMILE_KEYS is set: rotate the key ring where it is kept, then run with --reencrypt-only');
      let ring = loadKeyRing(config.keys, console);
      if (!opts.reencryptOnly) {
        const next = generateKeyRingJson(readFileSync(config.keys.file, 'utf8'));
        writeKeyFile(config.keys.file, next);
        ring = parseKeyRing(next);
        console.log(`new current key ${ring.current} (audit key ${ring.audit.current}) written to ${config.keys.file}`);
      }
      const result = await withDatabase((database) => reencryptAll(database, ring, columnProgress()));
      console.log(`re-encrypted ${result.rewritten} value(s) under key ${ring.current} / 已用新密钥重新加密 ${result.rewritten} 个字段`);
      if (result.unreadable.length > 0) {
        console.error(`${result.unreadable.length} value(s) did not decrypt and were left as they are / ${result.unreadable.length} 个值无法解密，未改动:`);
        for (const u of result.unreadable.slice(0, 50)) console.error(`  ${u.table}.${u.column} ${u.key}: ${u.reason}`);
        process.exitCode = 5;
      }
      console.log('Restart every app process so it encrypts with the new key, then run `lastmile keys rotate --reencrypt-only` once more. 请重启所有应用进程后再运行一次 --reencrypt-only。');
    });
  keys
    .command('status')
    .description('sealed values per column and key id / 各密钥下的加密值数量')
    .action(async () => {
      const ring = loadKeyRing(loadConfig().keys, console);
      const rows = await withDatabase((database) => sealedValuesByKey(database));
      console.log(`current key: ${ring.current}; keys in the ring: ${[...ring.keys.keys()].join(', ')}`);
      for (const r of rows) console.log(`  ${`${r.table}.${r.column}`.padEnd(34)} ${r.keyId.padEnd(8)} ${r.count}${r.keyId === ring.current ? '' : '  (not current)'}`);
      const stale = rows.filter((r) => r.keyId !== ring.current).reduce((n, r) => n + r.count, 0);
      console.log(stale === 0 ? 'every sealed value is under the current key / 全部为当前密钥' : `${stale} value(s) under older keys: run \`lastmile keys rotate --reencrypt-only\``);
    });
  keys
    .command('retire')
    .argument('<keyId>', 'an old key id, e.g. k1')
    .description('remove an old key from the key file once nothing in the database is under it / 退役旧密钥')
    .action(async (keyId: string) => {
      const config = loadConfig();
      if (config.keys.inline) throw new Error('LASTMILE_KEYS is set: remove the key where the key ring is kept');
      const next = keyRingWithout(readFileSync(config.keys.file, 'utf8'), keyId);
      // Every column of every table, not only the declared ones: a value under the key anywhere blocks it.
      const found = await withDatabase((database) => findValuesUnderKey(database.db, keyId));
      if (found.length > 0) {
        console.error(`key ${keyId} is still in use / 密钥 ${keyId} 仍在使用:`);
        for (const f of found) console.error(`  ${f.schema}.${f.table}.${f.column}: ${f.rows} row(s)`);
        console.error('run `lastmile keys rotate --reencrypt-only` first / 请先运行 keys rotate --reencrypt-only');
        process.exitCode = 6;
        return;
      }
      writeKeyFile(config.keys.file, next);
      console.log(`key ${keyId} removed from ${config.keys.file}. Backups made before its rotation can no longer be read with this file: keep a copy of the old file with them if you keep them. 已移除密钥 ${keyId}；轮换前的备份需用旧密钥文件读取。`);
    });
}
