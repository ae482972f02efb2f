// The operators' CLI end to end: migrate, status, seed, backup, change, restore — on PGlite or,
// under test:pg, on a PostgreSQL database of its own.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { openDatabase, queryRows } from '../src/platform/db/client.ts';
import { loadConfig } from '../src/platform/config.ts';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { MIGRATIONS_FOLDER } from '../src/platform/db/migrate.ts';
import { createEmptyPgDatabase, testDriver } from './support/db.ts';

const run = promisify(execFile);
const BIN = new URL('../bin/lastmile.js', import.meta.url).pathname;

test(`lastmile db / seed / backup / restore (${testDriver})`, { timeout: 120_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'lastmile-cli-'));
  const server = testDriver === 'pg' ? await createEmptyPgDatabase() : undefined;
  const env: NodeJS.ProcessEnv = { ...process.env, LASTMILE_DATA_DIR: join(dir, 'data'), LASTMILE_KEY_FILE: join(dir, 'keys.json'), LOG_LEVEL: 'warn' };
  delete env.DATABASE_URL;
  if (server) env.DATABASE_URL = server.url;
  const cli = async (...args: string[]) => (await run(process.execPath, [BIN, ...args], { env })).stdout;
  const countPlaces = async () => {
    const database = await openDatabase(loadConfig(env).database);
    try {
      const [row] = await queryRows<{ n: number }>(database.db, sql`select count(*) as n from jurisdictions`);
      return row!.n;
    } finally {
      await database.close();
    }
  };

  try {
    const pending = await run(process.execPath, [BIN, 'db', 'status'], { env }).catch((e: { code: number; stdout: string }) => e);
    assert.equal((pending as { code?: number }).code, 3, 'status exits 3 while migrations are pending');
    assert.match(await cli('keys', 'init'), /key file written/);
    const total = readMigrationFiles({ migrationsFolder: MIGRATIONS_FOLDER }).length;
    assert.match(await cli('db', 'migrate'), new RegExp(`applied ${total} migration`));
    assert.match(await cli('db', 'migrate'), /applied 0 migration/);
    assert.match(await cli('db', 'status'), new RegExp(`migrations: ${total}/${total} applied`));
    assert.match(await cli('seed', 'demo'), /308 places and 5 users added/);
    assert.match(await cli('seed', 'demo'), /0 places and 0 users added/, 'seeding is idempotent');
    assert.match(await cli('audit', 'verify'), /audit chain intact: \d+ entries/);
    assert.match(await cli('keys', 'rotate'), /new current key k2[\s\S]*re-encrypted 5 value/);
    assert.match(await cli('keys', 'rotate', '--reencrypt-only'), /re-encrypted 0 value/);

    const backupFile = join(dir, testDriver === 'pg' ? 'backup.sql' : 'backup.tar.gz');
    assert.match(await cli('backup', backupFile), /backup written/);
    assert.ok(existsSync(backupFile));

    const database = await openDatabase(loadConfig(env).database);
    await database.db.execute(sql`delete from users`);
    await database.db.execute(sql`delete from jurisdictions where level = 'grid'`);
    await database.close();
    assert.equal(await countPlaces(), 128);

    assert.match(await cli('restore', backupFile), /restored/);
    assert.equal(await countPlaces(), 308, 'the deleted grids are back');
  } finally {
    await server?.drop();
  }
});

test('the CLI explains bad configuration and exits 2', async () => {
  const env = { ...process.env, PORT: 'not-a-port', DATABASE_URL: 'mysql://nope' };
  const result = await run(process.execPath, [BIN, 'db', 'status'], { env }).catch((e: { code: number; stderr: string }) => e);
  assert.equal((result as { code: number }).code, 2);
  assert.match((result as { stderr: string }).stderr, /配置有误[\s\S]*DATABASE_URL[\s\S]*PORT/);
});

test('lastmile screen refuses bad options in both languages before touching the database', async () => {
  const env: NodeJS.ProcessEnv = { ...process.env, LASTMILE_DATA_DIR: '/nonexistent/lastmile-never-created' };
  delete env.DATABASE_URL;
  for (const [args, zh] of [
    [['screen', '--batch', 'abc'], /--batch 应为 1–50000 的整数/],
    [['screen', '--date', '2026-13-45'], /--date 应为日期/],
    [['screen', '--program', 'dibo'], /未知的救助项目：dibo/],
    [['screen', '--resume', 'x'], /--resume 应为筛查批次编号/],
  ] as const) {
    const result = await run(process.execPath, [BIN, ...args], { env }).catch((e: { code: number; stderr: string }) => e);
    assert.equal((result as { code: number }).code, 1, args.join(' '));
    assert.match((result as { stderr: string }).stderr, zh);
    assert.match((result as { stderr: string }).stderr, /must be|unknown program/);
  }
});
