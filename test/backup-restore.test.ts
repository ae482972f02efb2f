// Backup → restore identity (both drivers): `lastmile backup`, then `lastmile restore` into a
// fresh database, gives the same rows in every table (a checksum per table over every column,
// sealed ones included, and every sequence's position), and `lastmile audit verify` passes there.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { loadConfig } from '../src/platform/config.ts';
import { openDatabase, queryRows } from '../src/platform/db/client.ts';
import { testDriver } from './support/db.ts';
import { cliWorld, runCli, type CliWorld } from './support/cli.ts';

let dir: string;
const worlds: CliWorld[] = [];
before(() => {
  dir = mkdtempSync(join(process.env.LASTMILE_TEST_TMP ?? tmpdir(), 'lastmile-backup-'));
});
after(async () => {
  for (const w of worlds) await w.drop();
  rmSync(dir, { recursive: true, force: true });
});

type Sums = Record<string, string>;

/** `table → rows:checksum` for every table outside the system schemas, and `sequence → last value`. */
async function checksums(env: NodeJS.ProcessEnv): Promise<Sums> {
  const database = await openDatabase(loadConfig(env).database);
  try {
    const sums: Sums = {};
    const tables = await queryRows<{ s: string; t: string }>(database.db, sql`
      select schemaname as s, tablename as t from pg_tables where schemaname not in ('pg_catalog', 'information_schema') order by 1, 2`);
    for (const { s, t } of tables) {
      const name = `"${s}"."${t}"`;
      // Each row's text form hashed, the hashes sorted and hashed again: order-free, every column counted.
      const [row] = await queryRows<{ n: number | string; sum: string | null }>(database.db, sql.raw(
        `select count(*) as n, md5(string_agg(h, '' order by h)) as sum from (select md5(x::text) as h from ${name} x) rows`,
      ));
      sums[`${s}.${t}`] = `${row!.n}:${row!.sum ?? '-'}`;
    }
    const seqs = await queryRows<{ s: string; n: string; v: number | string | null }>(database.db, sql`
      select schemaname as s, sequencename as n, last_value as v from pg_sequences order by 1, 2`);
    for (const q of seqs) sums[`sequence ${q.s}.${q.n}`] = String(q.v);
    return sums;
  } finally {
    await database.close();
  }
}

test(`backup → restore into a fresh database: every table identical, the audit chain verifies (${testDriver})`, { timeout: 240_000 }, async () => {
  const source = await cliWorld(dir, 'source');
  worlds.push(source);
  const seeded = await runCli(source.env, 'seed', 'demo', '--households', '80');
  assert.equal(seeded.code, 0, seeded.out);

  const file = join(dir, testDriver === 'pg' ? 'backup.sql' : 'backup.tar.gz');
  const backup = await runCli(source.env, 'backup', file);
  assert.equal(backup.code, 0, backup.out);

  // A fresh database with the same key file (keys are not in backups: docs/security.md).
  const target = await cliWorld(dir, 'target');
  worlds.push(target);
  target.env.LASTMILE_KEY_FILE = source.env.LASTMILE_KEY_FILE;
  const restored = await runCli(target.env, 'restore', file);
  assert.equal(restored.code, 0, restored.out);

  const [before, after] = [await checksums(source.env), await checksums(target.env)];
  assert.ok(Number(before['public.persons']!.split(':')[0]) >= 80, `the source has people: ${before['public.persons']}`);
  assert.ok(Number(before['public.audit_log']!.split(':')[0]) > 0, `the source has audit entries: ${before['public.audit_log']}`);
  const differences = Object.keys({ ...before, ...after }).filter((k) => before[k] !== after[k]).map((k) => `${k}: ${before[k]} → ${after[k]}`);
  assert.deepEqual(differences, [], 'every table and sequence is the same after restore');
  assert.ok(Object.keys(before).length > 30, `tables compared: ${Object.keys(before).length}`);

  const verified = await runCli(target.env, 'audit', 'verify');
  assert.equal(verified.code, 0, verified.out);
  assert.match(verified.out, /audit chain intact: [1-9]\d* entries/);
});
