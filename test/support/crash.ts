// Crash-test helpers: a `lastmile serve` child on a test database, killed with SIGKILL while a
// request is in flight, and a way to hand an in-process test database to such a child.
import { once } from 'node:events';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase, openPglite, type Database } from '../../src/platform/db/client.ts';
import { loadConfig } from '../../src/platform/config.ts';
import { testKeyRingJson, type TestApp } from './app.ts';
import { spawnCli } from './cli.ts';

export type Served = { url: string; child: ReturnType<typeof spawnCli> };

/**
 * The environment for a child server on the database of `t`: PostgreSQL shares the database
 * (the in-process app stays open; close it at the end), PGlite gets a data folder made from a
 * dump of the in-memory database (the in-process app is closed: one process per folder).
 */
export async function handOver(t: TestApp, dir: string): Promise<NodeJS.ProcessEnv> {
  const keyFile = join(dir, 'keys.json');
  writeFileSync(keyFile, testKeyRingJson);
  const env: NodeJS.ProcessEnv = { ...process.env, LASTMILE_KEY_FILE: keyFile, LOG_LEVEL: 'warn', PORT: '0', HOST: '127.0.0.1', LASTMILE_LOGIN_RATE_PER_MINUTE: '10000' };
  delete env.DATABASE_URL;
  if (t.database.kind === 'postgres') {
    env.DATABASE_URL = t.database.url!;
    return env;
  }
  env.LASTMILE_DATA_DIR = join(dir, 'data');
  const dump = await t.database.client.dumpDataDir('none');
  await t.close();
  const folder = await openPglite({ dataDir: env.LASTMILE_DATA_DIR, loadDataDir: dump });
  await folder.close();
  return env;
}

/** Open the child's database in-process for checks (PGlite: only while no child runs). */
export function openChildDatabase(env: NodeJS.ProcessEnv): Promise<Database> {
  return openDatabase(loadConfig(env).database);
}

/** Start `lastmile serve` and wait until it prints its address. */
export async function serve(env: NodeJS.ProcessEnv): Promise<Served> {
  const child = spawnCli(env, 'serve');
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not start:\n${child.out()}`)), 120_000);
    const look = () => {
      const m = /lastmile (http:\/\/\S+)/.exec(child.out());
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!.replace('localhost', '127.0.0.1'));
      }
    };
    child.stdout!.on('data', look);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited (${code}):\n${child.out()}`));
    });
  });
  return { url, child };
}

export async function kill9(served: Served): Promise<void> {
  if (served.child.exitCode === null && served.child.signalCode === null) {
    served.child.kill('SIGKILL');
    await once(served.child, 'exit');
  }
}

/** Log in over HTTP; the cookie and CSRF headers for later requests. */
export async function httpLogin(url: string, username: string, password: string): Promise<Record<string, string>> {
  const res = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  const jar = Object.fromEntries(res.headers.getSetCookie().map((c) => c.split(';')[0]!.split('=') as [string, string]));
  return { cookie: `lm_session=${jar.lm_session}; lm_csrf=${jar.lm_csrf}`, 'x-csrf-token': jar.lm_csrf!, 'content-type': 'application/json' };
}
