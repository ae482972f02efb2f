// Runs `lastmile` as a child process (the real CLI, its own database connection), for tests that
// crash it, restart it, or check what it prints.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { testKeyRingJson } from './app.ts';
import { createEmptyPgDatabase, testDriver } from './db.ts';

export const CLI = new URL('../../src/cli/main.ts', import.meta.url).pathname;

export type CliWorld = { env: NodeJS.ProcessEnv; drop(): Promise<void> };

/**
 * An environment for the CLI on a database of the test driver: a PGlite data folder under `dir`,
 * or a new empty PostgreSQL database; the key file holds the test process's key ring, so the test
 * can open the same database in-process and read sealed values.
 */
export async function cliWorld(dir: string, name = 'data'): Promise<CliWorld> {
  const server = testDriver === 'pg' ? await createEmptyPgDatabase() : undefined;
  const keyFile = join(dir, `${name}-keys.json`);
  writeFileSync(keyFile, testKeyRingJson);
  const env: NodeJS.ProcessEnv = { ...process.env, LASTMILE_DATA_DIR: join(dir, name), LASTMILE_KEY_FILE: keyFile, LOG_LEVEL: 'warn' };
  delete env.DATABASE_URL;
  if (server) env.DATABASE_URL = server.url;
  return { env, drop: async () => server?.drop() };
}

export function spawnCli(env: NodeJS.ProcessEnv, ...args: string[]): ChildProcess & { out: () => string } {
  const child = spawn(process.execPath, [CLI, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (out += c.toString()));
  return Object.assign(child, { out: () => out });
}

/** Run to the end; the exit code and everything printed. */
export async function runCli(env: NodeJS.ProcessEnv, ...args: string[]): Promise<{ code: number | null; out: string }> {
  const child = spawnCli(env, ...args);
  const [code] = await once(child, 'exit');
  return { code, out: child.out() };
}
