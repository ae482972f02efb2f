// `lastmile keys rotate`: add a new current data key to the key file, then re-encrypt every
// encrypted column in batches. Safe to interrupt and run again: it only rewrites values that
// are not yet under the current key, each batch in its own transaction.
import type { Command } from 'commander';
import { existsSync, readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { loadConfig } from '../../platform/config.ts';
import { queryRows, type Database } from '../../platform/db/client.ts';
import { generateKeyRingJson, parseKeyRing, type KeyRing } from '../../platform/crypto/field-crypto.ts';
import { loadKeyRing, writeKeyFile } from '../../platform/crypto/keys.ts';
import { ENCRYPTED_COLUMNS, createSensitiveFields } from '../../platform/crypto/sensitive.ts';
import { withDatabase } from './db.ts';

/** Re-encrypt every value not under the ring's current key; returns how many were rewritten. */
export async function reencryptAll(database: Database, ring: KeyRing, onProgress?: (table: string, done: number) => void): Promise<number> {
  const sensitive = createSensitiveFields(ring);
  const prefix = `v1.${ring.current}.`;
  let total = 0;
  for (const { table, column, key } of ENCRYPTED_COLUMNS) {
    for (;;) {
      const rewritten = await database.db.transaction(async (tx) => {
        const rows = await queryRows<{ k: string | number; v: string }>(
          tx,
          sql`select ${sql.identifier(key)} as k, ${sql.identifier(column)} as v from ${sql.identifier(table)}
              where ${sql.identifier(column)} is not null and not starts_with(${sql.identifier(column)}, ${prefix})
              limit 500 for update skip locked`,
        );
        for (const row of rows) {
          await tx.execute(
            sql`update ${sql.identifier(table)} set ${sql.identifier(column)} = ${sensitive.reencrypt(row.v)} where ${sql.identifier(key)} = ${row.k}`,
          );
        }
        return rows.length;
      });
      if (rewritten === 0) break;
      total += rewritten;
      onProgress?.(table, total);
    }
  }
  return total;
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
    .description('make a new current key and re-encrypt all sensitive fields / 轮换密钥并重新加密')
    .option('--reencrypt-only', 'do not add a key; finish re-encrypting under the current one')
    .action(async (opts: { reencryptOnly?: boolean }) => {
      const config = loadConfig();
      if (config.keys.inline) throw new Error('LASTMILE_KEYS is set: rotate the key ring where it is kept, then run with --reencrypt-only');
      let ring = loadKeyRing(config.keys, console);
      if (!opts.reencryptOnly) {
        const next = generateKeyRingJson(readFileSync(config.keys.file, 'utf8'));
        writeKeyFile(config.keys.file, next);
        ring = parseKeyRing(next);
        console.log(`new current key ${ring.current} (audit key ${ring.audit.current}) written to ${config.keys.file}`);
      }
      const n = await withDatabase((database) =>
        reencryptAll(database, ring, (table, done) => process.stdout.write(`\r  re-encrypting ${table}: ${done}`)),
      );
      console.log(`\nre-encrypted ${n} value(s) under key ${ring.current} / 已用新密钥重新加密 ${n} 个字段`);
    });
}
