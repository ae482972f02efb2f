// `npm test` (PGlite) and `npm run test:pg` (PostgreSQL at DATABASE_URL): prepares one migrated
// template database, runs every *.test.ts with node:test, and cleans up.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_TEST_PG_URL, dropDatabases, makePgTemplate, makePgliteTemplate } from './support/templates.ts';
import { scanLogs } from './support/log-scan.ts';

const usePg = process.argv.includes('--pg');
// A folder stands for the test files under it (`node test/run.ts src/modules/cases`).
const only = process.argv.slice(2).filter((a) => !a.startsWith('--')).map((a) => (existsSync(a) && statSync(a).isDirectory() ? `${a.replace(/\/+$/, '')}/**/*.test.ts` : a));
const started = performance.now();
const env: NodeJS.ProcessEnv = { ...process.env, LASTMILE_TEST_DB: usePg ? 'pg' : 'pglite', LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent' };
delete env.NODE_TEST_CONTEXT;
const tmp = mkdtempSync(join(tmpdir(), 'lastmile-test-'));
const runId = `lastmile_t${process.pid}`;
const pgUrl = process.env.DATABASE_URL ?? DEFAULT_TEST_PG_URL;

if (usePg) {
  await dropDatabases(pgUrl, 'lastmile_t'); // leftovers of killed runs
  await makePgTemplate(pgUrl, `${runId}_tpl`);
  Object.assign(env, { LASTMILE_TEST_PG_URL: pgUrl, LASTMILE_TEST_PG_TEMPLATE: `${runId}_tpl`, LASTMILE_TEST_PG_PREFIX: `${runId}_` });
} else {
  const file = join(tmp, 'template.tar');
  await makePgliteTemplate(file);
  env.LASTMILE_TEST_PGLITE_TEMPLATE = file;
}
env.LASTMILE_TEST_TMP = tmp;
env.LASTMILE_TEST_LOG_DIR = join(tmp, 'logs');
mkdirSync(env.LASTMILE_TEST_LOG_DIR);
delete env.DATABASE_URL; // tests choose their database from LASTMILE_TEST_DB, never the user's

const patterns = only.length > 0 ? only : ['src/**/*.test.ts', 'test/**/*.test.ts'];
const args = ['--test', '--test-concurrency=2', '--test-reporter=./test/support/reporter.ts', '--test-reporter-destination=stdout', ...patterns];
// Forward the suite's output, holding back its closing count to add the log scan to it.
const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'], env });
let counts = { passed: 0, failed: 0 };
let pending = '';
child.stdout!.on('data', (chunk: Buffer) => {
  pending += chunk.toString();
  const lines = pending.split('\n');
  pending = lines.pop()!;
  for (const line of lines) {
    const m = /^(\d+) passed, (\d+) failed/.exec(line);
    if (m) counts = { passed: Number(m[1]), failed: Number(m[2]) };
    else process.stdout.write(`${line}\n`);
  }
});
let code: number = await new Promise((resolve) => child.on('exit', (c) => resolve(c ?? 1)));

// The whole run's logs must hold no plaintext ID number, phone, name, address or card number of
// the samples tests used.
// A partial run (files named) may start no app at all: then there is nothing to scan.
const scan = scanLogs(env.LASTMILE_TEST_LOG_DIR, only.length > 0 ? 1 : 100);
if (only.length > 0 && scan.lines === 0) {
  console.log('- log scan skipped: these tests wrote no logs');
} else if (scan.ok) {
  counts.passed++;
  console.log(`✔ log scan: ${scan.lines} log lines (${(scan.bytes / 1048576).toFixed(1)} MiB) hold no plaintext ID number, phone, name, address or card number of the samples`);
} else {
  counts.failed++;
  code = code || 1;
  console.log(`✖ log scan: plaintext personal data in the logs:\n${scan.hits.join('\n')}`);
}

if (usePg) await dropDatabases(pgUrl, runId);
rmSync(tmp, { recursive: true, force: true });
console.log(`\n${counts.passed} passed, ${counts.failed} failed`);
console.log(`test run (${usePg ? 'PostgreSQL' : 'PGlite'}) took ${((performance.now() - started) / 1000).toFixed(1)} s`);
process.exit(code);
