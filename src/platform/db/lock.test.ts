import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { lockDataDir } from './lock.ts';
import { AppError } from '../errors.ts';

const freshDir = () => mkdtempSync(join(tmpdir(), 'lastmile-lock-'));

test('a second process cannot take a held data folder, and is told which pid holds it', async () => {
  const dir = freshDir();
  const holder = spawn(
    process.execPath,
    ['-e', `import('${new URL('./lock.ts', import.meta.url).href}').then(m => { m.lockDataDir(${JSON.stringify(dir)}); console.log('locked'); setInterval(() => {}, 1000); })`],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  try {
    await once(holder.stdout!, 'data');
    assert.throws(
      () => lockDataDir(dir),
      (err: unknown) => err instanceof AppError && err.message.includes(`pid ${holder.pid}`) && /正被另一个/.test(err.messageZh),
    );
  } finally {
    holder.kill('SIGKILL');
    await once(holder, 'exit');
  }
  // The holder died without releasing (kill -9): its lock is stale and is reclaimed.
  const lock = lockDataDir(dir);
  assert.equal(readFileSync(lock.path, 'utf8').trim(), String(process.pid));
  lock.release();
  assert.equal(existsSync(lock.path), false);
});

test('the same process cannot open one folder twice', () => {
  const dir = freshDir();
  const lock = lockDataDir(dir);
  try {
    assert.throws(() => lockDataDir(dir), /already open in this process/);
  } finally {
    lock.release();
  }
});

test('a lock file naming a dead pid is reclaimed', () => {
  const dir = freshDir();
  writeFileSync(join(dir, 'lastmile.lock'), '2147483646\n');
  const lock = lockDataDir(dir);
  assert.equal(readFileSync(lock.path, 'utf8').trim(), String(process.pid));
  lock.release();
});
