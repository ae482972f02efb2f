// PGlite runs inside one process. Two processes on one data folder silently lose writes, so the
// folder is locked with a file holding the owner's pid. A lock left by a dead process is reclaimed.
import { mkdirSync, openSync, readFileSync, unlinkSync, writeSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../errors.ts';

export type DataDirLock = { path: string; release(): void };

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readOwner(path: string): number | undefined {
  try {
    const pid = Number.parseInt(readFileSync(path, 'utf8').trim(), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

export function lockDataDir(dataDir: string): DataDirLock {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, 'lastmile.lock');
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      let released = false;
      return {
        path,
        release() {
          if (released) return;
          released = true;
          if (readOwner(path) === process.pid) unlinkSync(path);
        },
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const owner = readOwner(path);
      if (owner !== undefined && owner !== process.pid && isAlive(owner)) {
        throw new AppError(
          'unavailable',
          `The data folder ${dataDir} is in use by another lastmile process (pid ${owner}). ` +
            `Stop it first, or set DATABASE_URL to use a PostgreSQL server for several processes.`,
          `数据目录 ${dataDir} 正被另一个 lastmile 进程（pid ${owner}）使用。请先停止该进程；如需多个进程，请设置 DATABASE_URL 使用 PostgreSQL 服务器。`,
        );
      }
      if (owner === process.pid) {
        throw new AppError('unavailable', `The data folder ${dataDir} is already open in this process.`, `数据目录 ${dataDir} 已在本进程中打开。`);
      }
      // The owner is gone (crash or kill -9): reclaim, but only if the file still names that owner.
      if (readOwner(path) === owner) {
        try {
          unlinkSync(path);
        } catch {
          /* another starter reclaimed it first; retry */
        }
      }
    }
  }
  throw new AppError('unavailable', `Could not lock the data folder ${dataDir}.`, `无法锁定数据目录 ${dataDir}。`);
}
