// The persons import alone (not the file generation or the seeding): its time, the CPU it took in
// this process (all threads, and the main thread) and in the PostgreSQL server processes serving
// it — on a 2-core machine the sum over 2 is a floor for the time — and, with
// LASTMILE_PROFILE_DIR set, a CPU profile of the main thread during the import.
// `node bench/import-profile.ts [rows]` (PGlite) or with DATABASE_URL for a server.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { commitPersons } from '../src/modules/imports/person-import.ts';
import { todayLocal } from '../src/lib/local-date.ts';
import { freshDatabase } from './import-fixture.ts';
import { ledgerRows, writeLedger } from '../test/support/ledger.ts';

const target = Number(process.argv[2] ?? 20_000);
const rows = ledgerRows(Math.ceil(target / 2.6)).slice(0, target);
const dir = mkdtempSync(join(tmpdir(), 'lastmile-profile-import-'));
const file = join(dir, 'ledger.xlsx');
await writeLedger(file, rows);
const content = await readFile(file);

const { database, services, close } = await freshDatabase();

const profileDir = process.env.LASTMILE_PROFILE_DIR;
const session = profileDir ? new Session() : undefined;
if (session) {
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  await session.post('Profiler.start');
}
/** CPU seconds of the server processes serving this database (PostgreSQL only; Linux /proc). */
async function serverCpu(): Promise<number> {
  if (database.kind !== 'postgres') return 0;
  const { rows: pids } = await database.pool.query<{ pid: number }>('select pid from pg_stat_activity where datname = current_database()');
  let ticks = 0;
  for (const { pid } of pids) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      ticks += Number(stat[11]) + Number(stat[12]);
    } catch {
      // not visible from here
    }
  }
  return ticks / 100;
}
const server0 = await serverCpu();
const cpu0 = process.cpuUsage();
const main0 = process.threadCpuUsage();
const t0 = performance.now();
const result = await commitPersons({ db: database.db, sensitive: services.sensitive, scope: '', today: todayLocal() }, content, 'xlsx', 'bench');
const seconds = (performance.now() - t0) / 1000;
const cpu = process.cpuUsage(cpu0);
const mainCpu = process.threadCpuUsage(main0);
const serverSeconds = (await serverCpu()) - server0;
if (session) {
  const { profile } = await session.post('Profiler.stop');
  const out = join(profileDir!, `import-${database.kind}-${rows.length}.cpuprofile`);
  writeFileSync(out, JSON.stringify(profile));
  console.log(`profile: ${out}`);
}
console.log(`${database.kind}: ${rows.length} rows imported in ${seconds.toFixed(2)} s — ${result.persons} persons, ${result.households} households`);
console.log(`CPU: this process ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s (all threads; main thread ${((mainCpu.user + mainCpu.system) / 1e6).toFixed(2)} s), database server ${serverSeconds.toFixed(2)} s`);
// BENCH_KEEP=1 keeps the PostgreSQL database (to replay or inspect the rows).
await close(Boolean(process.env.BENCH_KEEP));
if (process.env.BENCH_KEEP) console.log('database kept (lastmile_bench_* in pg_database)');
