// Graceful shutdown: SIGTERM lets in-flight requests finish, refuses new work, closes the
// database and releases the data-folder lock; the data written before is there on restart.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { loadConfig } from '../src/platform/config.ts';
import { buildApp } from '../src/app/http.ts';
import { createServices } from '../src/app/services.ts';
import { createEmptyPgDatabase, createTestDatabase, testDriver } from './support/db.ts';
import { testKeyRing } from './support/app.ts';

const CLI = new URL('../src/cli/main.ts', import.meta.url).pathname;

function startServe(dataDir: string, databaseUrl?: string): Promise<{ child: ChildProcess; url: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, LASTMILE_DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'warn', LASTMILE_SEED_DEMO: 'true' };
  delete env.DATABASE_URL;
  if (databaseUrl) env.DATABASE_URL = databaseUrl;
  const child = spawn(process.execPath, [CLI, 'serve'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = out.match(/lastmile (http:\/\/\S+)/);
      if (m) resolve({ child, url: m[1]! });
    });
    child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`serve exited early (${code}): ${out}`)));
  });
}

test(`SIGTERM stops the server cleanly and releases the database (${testDriver})`, { timeout: 90_000 }, async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'lastmile-shutdown-'));
  // On PostgreSQL the server gets a fresh empty database; on PGlite a fresh data folder.
  const server = testDriver === 'pg' ? await createEmptyPgDatabase() : undefined;
  const first = await startServe(dataDir, server?.url);
  if (!server) assert.ok(existsSync(join(dataDir, 'lastmile.lock')));
  const login = await fetch(`${first.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: 'Lastmile@2026' }),
  });
  assert.equal(login.status, 200);
  // A request in flight while SIGTERM arrives still gets its answer.
  const inFlight = fetch(`${first.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: 'Lastmile@2026' }),
  });
  await new Promise((r) => setTimeout(r, 20));
  first.child.kill('SIGTERM');
  const [code] = await once(first.child, 'exit');
  assert.equal((await inFlight).status, 200);
  assert.equal(code, 0);
  assert.equal(existsSync(join(dataDir, 'lastmile.lock')), false, 'lock released');

  // Restart on the same database: no second seeding, the session written before survives.
  const second = await startServe(dataDir, server?.url);
  const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const me = await fetch(`${second.url}/api/auth/me`, { headers: { cookie } });
  assert.equal(me.status, 200);
  second.child.kill('SIGTERM');
  assert.equal((await once(second.child, 'exit'))[0], 0);
  await server?.drop();
});

test('closing the app drains a slow request and refuses new ones with 503', async () => {
  const database = await createTestDatabase();
  const config = loadConfig({ LOG_LEVEL: 'silent' });
  const app = await buildApp({ config, database, services: createServices(config, database, testKeyRing) }, { logger: false, serveWeb: false });
  app.get('/slow', { config: { public: true } }, async () => {
    await new Promise((r) => setTimeout(r, 300));
    return { ok: true };
  });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  const slow = fetch(`${url}/slow`);
  await new Promise((r) => setTimeout(r, 50));
  const closing = app.close();
  const late = await fetch(`${url}/api/health`).then((r) => r.status, () => 'refused');
  assert.ok(late === 503 || late === 'refused', `new request after close: ${late}`);
  assert.equal((await slow).status, 200);
  await closing;
  await database.close();
});
