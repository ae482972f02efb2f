// Is the server still responsive while a maximal valid ledger validates? Starts `lastmile serve`
// (a child process, real HTTP), uploads a 1,000,000-row ledger (all demo counties) as the admin, and while
// it validates asks GET /api/health every 50 ms (not waiting for the previous answer), printing
// p50 / p99 / max latency and the validation time. Target: health p99 < 100 ms.
//   npx node bench/import-responsive.ts [rows]                  (PGlite in a temp folder)
//   DATABASE_URL=postgres://…/x npx node bench/import-responsive.ts [rows]   (a new database there)
// The generated .xlsx is kept in the temp folder for the next run. A 1,000,000-row ledger written
// without shared strings is ~75 MB, so the server here takes uploads up to 256 MB (PostgreSQL;
// PGlite cannot take a bytea parameter over ~134 MB — a sealed upload over ~70 MB — so use
// BENCH_SHARED_STRINGS=1 there).
import { existsSync, mkdtempSync, readFileSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { startServer } from '../test/browser/server.ts';
import { adminQuery, databaseUrl } from '../test/support/templates.ts';
import ExcelJS from 'exceljs';
import { LEDGER_HEADERS, ledgerRows, writeLedger, type LedgerRow } from '../test/support/ledger.ts';
import { DEMO_PASSWORD } from '../src/seed/demo.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const target = Number(process.argv[2] ?? 1_000_000);
// BENCH_SHARED_STRINGS=1: the file as Excel saves it (a shared-string table), ~half the size.
const shared = process.env.BENCH_SHARED_STRINGS === '1';
const file = join(tmpdir(), `lastmile-bench-ledger-${target}${shared ? '-sst' : ''}.xlsx`);
async function writeShared(path: string, rows: LedgerRow[]) {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true });
  const ws = wb.addWorksheet('人员台账');
  ws.addRow(LEDGER_HEADERS).commit();
  for (const r of rows) ws.addRow(r).commit();
  await wb.commit();
}
if (!existsSync(file)) {
  const t0 = performance.now();
  const rows = ledgerRows(Math.ceil(target / 2.6), { seed: 11 }).slice(0, target);
  await (shared ? writeShared : writeLedger)(`${file}.part`, rows);
  renameSync(`${file}.part`, file);
  console.log(`wrote ${rows.length} rows in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}
const content = readFileSync(file);

const env: NodeJS.ProcessEnv = { LOG_LEVEL: 'warn', LASTMILE_UPLOAD_MAX_BYTES: String(256 << 20), LASTMILE_DATA_DIR: mkdtempSync(join(tmpdir(), 'lastmile-bench-resp-')) };
let drop = async () => {};
if (process.env.DATABASE_URL) {
  const name = `lastmile_bench_${randomBytes(3).toString('hex')}`;
  await adminQuery(process.env.DATABASE_URL, `create database ${name}`);
  env.DATABASE_URL = databaseUrl(process.env.DATABASE_URL, name);
  drop = () => adminQuery(process.env.DATABASE_URL!, `drop database ${name} with (force)`).then(() => undefined);
}
const server = await startServer(env);
const pct = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))] ?? 0;

try {
  const login = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: DEMO_PASSWORD }) });
  if (!login.ok) throw new Error(`login: ${login.status} ${await login.text()}`);
  const jar = Object.fromEntries(login.headers.getSetCookie().map((c) => c.split(';')[0]!.split('=') as [string, string]));
  const headers = { cookie: `lm_session=${jar.lm_session}; lm_csrf=${jar.lm_csrf}`, 'x-csrf-token': jar.lm_csrf! };
  for (let i = 0; i < 20; i++) await fetch(`${server.url}/api/health`);
  console.log(`database: ${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'}; ${target} rows, ${(content.length / 1048576).toFixed(1)} MiB .xlsx`);

  const latencies: number[] = [];
  let failed = 0;
  const pending = new Set<Promise<void>>();
  const sampler = setInterval(() => {
    const t = performance.now();
    const p: Promise<void> = fetch(`${server.url}/api/health`, { signal: AbortSignal.timeout(30_000) })
      .then((r) => r.arrayBuffer())
      .then(
        () => void latencies.push(performance.now() - t),
        () => void (failed++, latencies.push(performance.now() - t)),
      )
      .finally(() => pending.delete(p));
    pending.add(p);
  }, 50);

  const started = performance.now();
  const res = await fetch(`${server.url}/api/imports/persons?fileName=ledger.xlsx`, { method: 'POST', headers: { ...headers, 'content-type': XLSX }, body: content });
  const uploaded = performance.now();
  if (res.status !== 201) throw new Error(`upload: ${res.status} ${await res.text()}\n${server.output().slice(-3000)}`);
  const { id } = (await res.json()) as { id: number };
  let job: { status: string; counts: unknown; progress: unknown; error: string | null } = { status: 'validating', counts: null, progress: null, error: null };
  for (;;) {
    // A server that does not answer for a while (PGlite runs its queries on the server's thread) is asked again.
    const answer = await fetch(`${server.url}/api/imports/${id}`, { headers }).then((r) => r.json(), () => undefined);
    if (!answer) continue;
    job = answer as typeof job;
    if (job.status !== 'validating') break;
    await new Promise((r) => setTimeout(r, 250));
  }
  const finished = performance.now();
  clearInterval(sampler);
  await Promise.all(pending);
  latencies.sort((a, b) => a - b);
  console.log(`upload answered in ${((uploaded - started) / 1000).toFixed(2)} s; validation ${job.status} after ${((finished - started) / 1000).toFixed(1)} s`, job.counts ?? job.error);
  console.log(`health during it (${latencies.length} requests, every 50 ms, ${failed} failed): p50 ${pct(latencies, 50).toFixed(1)} ms, p99 ${pct(latencies, 99).toFixed(1)} ms, max ${(latencies.at(-1) ?? 0).toFixed(1)} ms`);
} finally {
  await server.stop();
  await drop();
}
