// `lastmile audit anchor` and `lastmile audit verify` as an operator runs them, on a database
// seeded in this process (PGlite data folder, or a PostgreSQL database of its own) with entries
// under one audit key and the key file rotated since.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { openDatabase } from '../src/platform/db/client.ts';
import { loadConfig } from '../src/platform/config.ts';
import { generateKeyRingJson, parseKeyRing } from '../src/platform/crypto/field-crypto.ts';
import { prepareDatabase } from '../src/app/prepare.ts';
import { createServices } from '../src/app/services.ts';
import { seedDemo } from '../src/seed/demo.ts';
import { createEmptyPgDatabase, testDriver } from './support/db.ts';

const run = promisify(execFile);
const BIN = new URL('../bin/lastmile.js', import.meta.url).pathname;

test(`lastmile audit anchor / verify: intact, then every break listed with exit 4 (${testDriver})`, { timeout: 300_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'lastmile-cli-audit-'));
  const server = testDriver === 'pg' ? await createEmptyPgDatabase() : undefined;
  const keyFile = join(dir, 'keys.json');
  const env: NodeJS.ProcessEnv = { ...process.env, LASTMILE_DATA_DIR: join(dir, 'data'), LASTMILE_KEY_FILE: keyFile, LOG_LEVEL: 'warn' };
  delete env.DATABASE_URL;
  if (server) env.DATABASE_URL = server.url;
  const verify = () => run(process.execPath, [BIN, 'audit', 'verify'], { env }).catch((e: { code: number; stdout: string }) => e);
  try {
    // Entries written under audit key a1, then the key file rotated (a2 current).
    writeFileSync(keyFile, generateKeyRingJson());
    const config = loadConfig(env);
    const database = await openDatabase(config.database);
    await prepareDatabase(database);
    await seedDemo(database, createServices(config, database, parseKeyRing(readFileSync(keyFile, 'utf8'))));
    await database.close();
    writeFileSync(keyFile, generateKeyRingJson(readFileSync(keyFile, 'utf8')));

    const anchored = (await run(process.execPath, [BIN, 'audit', 'anchor'], { env })).stdout;
    assert.match(anchored, /anchor of \d+ chain\(s\) at .* \(key a2\) appended to .*audit-anchors\.jsonl/);
    const intact = (await verify()) as { stdout: string; code?: number };
    assert.equal(intact.code, undefined, intact.stdout);
    assert.match(intact.stdout, /audit chain intact: \d+ entries in 16 chains; 1 anchor\(s\) checked from .*audit-anchors\.jsonl/);

    // Two entries altered behind the trigger's back.
    const tamper = await openDatabase(config.database);
    await tamper.db.execute(sql`alter table audit_log disable trigger audit_log_no_update_delete`);
    await tamper.db.execute(sql`update audit_log set reason = 'rewritten' where id in (select id from audit_log order by id limit 2)`);
    await tamper.close();
    const broken = (await verify()) as { stdout: string; code?: number };
    assert.equal(broken.code, 4, 'verify exits 4 when broken');
    assert.match(broken.stdout, /BROKEN: 2 problem\(s\)[\s\S]*first broken: chain \d+ seq \d+ \(entry 1\): hash_mismatch\n {2}chain[^\n]*hash_mismatch\n {2}chain[^\n]*hash_mismatch/);
  } finally {
    await server?.drop();
  }
});
