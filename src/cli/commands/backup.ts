// Backups. Embedded: PGlite's own data-folder dump (.tar.gz). Server: plain SQL from pg_dump,
// which psql (or `lastmile restore`) loads back.
import type { Command } from 'commander';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { loadConfig } from '../../platform/config.ts';
import { lockDataDir } from '../../platform/db/lock.ts';
import { openPglite } from '../../platform/db/client.ts';

const stamp = () => new Date().toISOString().replace(/[:.]/g, '-').slice(0, 19);

function run(cmd: string, args: string[]): Promise<void> {
  return new Promise((ok, fail) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('error', (err) => fail(new Error(`${cmd} could not start (${err.message}); install the PostgreSQL client tools`)));
    child.on('exit', (code) => (code === 0 ? ok() : fail(new Error(`${cmd} exited with code ${code}`))));
  });
}

export function registerBackup(program: Command): void {
  program
    .command('backup')
    .description('write a backup file / 备份数据库')
    .argument('[file]', 'output file (default backups/lastmile-<time>.tar.gz or .sql)')
    .action(async (file: string | undefined) => {
      const config = loadConfig();
      if (config.database.kind === 'postgres') {
        const out = resolve(file ?? `backups/lastmile-${stamp()}.sql`);
        mkdirSync(dirname(out), { recursive: true });
        await run('pg_dump', ['--format=plain', '--no-owner', '--no-privileges', '--clean', '--if-exists', '--file', out, config.database.url]);
        console.log(`backup written (pg_dump SQL): ${out}`);
        return;
      }
      const out = resolve(file ?? `backups/lastmile-${stamp()}.tar.gz`);
      mkdirSync(dirname(out), { recursive: true });
      const database = await openPglite({ dataDir: config.database.dataDir });
      try {
        const dump = await database.client.dumpDataDir('gzip');
        await writeFile(out, Buffer.from(await dump.arrayBuffer()));
      } finally {
        await database.close();
      }
      console.log(`backup written (PGlite data folder): ${out}`);
    });

  program
    .command('restore')
    .description('restore a backup made by `lastmile backup` / 从备份恢复')
    .argument('<file>', 'backup file')
    .action(async (file: string) => {
      const config = loadConfig();
      const input = resolve(file);
      if (!existsSync(input)) throw new Error(`no such file: ${input}`);
      if (config.database.kind === 'postgres') {
        await run('psql', ['--quiet', '--single-transaction', '-v', 'ON_ERROR_STOP=1', '--file', input, config.database.url]);
        console.log('restored into the PostgreSQL database');
        return;
      }
      // Load into a fresh folder first; swap it in only when it opened cleanly. The old data is kept.
      const dataDir = config.database.dataDir;
      const lock = lockDataDir(dataDir);
      try {
        const fresh = join(dataDir, 'pgdata.restoring');
        rmSync(fresh, { recursive: true, force: true });
        const pg = await PGlite.create({ dataDir: fresh, loadDataDir: new Blob([await readFile(input)]) });
        await pg.query('select 1');
        await pg.close();
        const current = join(dataDir, 'pgdata');
        if (existsSync(current)) renameSync(current, join(dataDir, `pgdata.before-restore-${stamp()}`));
        renameSync(fresh, current);
      } finally {
        lock.release();
      }
      console.log(`restored into ${dataDir} (previous data kept beside it as pgdata.before-restore-*)`);
    });
}
