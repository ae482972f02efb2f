// `lastmile screen` killed half-way (kill -9) resumes with --resume: the finished run holds the
// same results as a clean run, nothing duplicated (both drivers).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../platform/db/client.ts';
import { createEmptyPgDatabase, testDriver } from '../../../test/support/db.ts';

test(`a screening run killed half-way (kill -9) resumes to the same results as a clean run (${testDriver})`, { timeout: 240_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'lastmile-screen-'));
  const server = testDriver === 'pg' ? await createEmptyPgDatabase() : undefined;
  const env: NodeJS.ProcessEnv = { ...process.env, LASTMILE_DATA_DIR: join(dir, 'data'), LOG_LEVEL: 'warn' };
  delete env.DATABASE_URL;
  if (server) env.DATABASE_URL = server.url;
  const cli = new URL('../../cli/main.ts', import.meta.url).pathname;
  const run = (...args: string[]) => spawn(process.execPath, [cli, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    const [seedCode] = await once(run('seed', 'demo', '--households', '3000'), 'exit');
    assert.equal(seedCode, 0);

    const first = run('screen', '--date', '2026-11-01', '--batch', '50');
    let out = '';
    let err = '';
    first.stdout!.on('data', (c: Buffer) => (out += c.toString()));
    await new Promise<void>((resolve) => {
      first.stderr!.on('data', (chunk: Buffer) => {
        err += chunk.toString();
        if (/screening 筛查 .* ([1-9]\d)%/.test(err) && first.exitCode === null) {
          first.kill('SIGKILL');
          resolve();
        }
      });
      first.on('exit', () => resolve());
    });
    if (first.exitCode === null && first.signalCode === null) await once(first, 'exit');
    assert.equal(first.signalCode, 'SIGKILL', `killed mid-way:\n${out}\n${err}`);
    const runId = Number(/run (\d+)/.exec(out)?.[1]);
    assert.ok(runId > 0, out);

    const second = run('screen', '--resume', String(runId));
    let out2 = '';
    second.stdout!.on('data', (c: Buffer) => (out2 += c.toString()));
    const [code2] = await once(second, 'exit');
    assert.equal(code2, 0, out2);
    const resumedAfter = Number(/resumes after (\d+) households/.exec(out2)?.[1]);
    assert.ok(resumedAfter > 0 && resumedAfter < 3000, `the killed run had committed part of the work: ${out2}`);

    const [code3] = await once(run('screen', '--date', '2026-11-01', '--batch', '500'), 'exit');
    assert.equal(code3, 0);

    const { openDatabase } = await import('../../platform/db/client.ts');
    const { loadConfig } = await import('../../platform/config.ts');
    const database = await openDatabase(loadConfig(env).database);
    try {
      const runs = await queryRows<{ id: number; status: string; households_done: number }>(database.db, sql`select id, status, households_done from screening_runs order by id`);
      assert.deepEqual(runs.map((r) => [r.status, r.households_done]), [['done', 3000], ['done', 3000]]);
      const results = (id: number) => queryRows<{ k: string }>(database.db, sql`
        select household_id || ':' || program || ':' || subject || ':' || status || ':' || coalesce(amount_fen, -1) || ':' || near_miss as k
          from screening_results where run_id = ${id} order by 1`);
      const resumed = (await results(runs[0]!.id)).map((r) => r.k);
      const clean = (await results(runs[1]!.id)).map((r) => r.k);
      assert.ok(clean.length > 100, `a clean run finds work: ${clean.length}`);
      assert.deepEqual(resumed, clean);
    } finally {
      await database.close();
    }
  } finally {
    await server?.drop();
  }
});
