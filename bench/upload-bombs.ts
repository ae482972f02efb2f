// The decompression bombs of issue 13 against a running server (`lastmile serve` as a child
// process, real HTTP), as the grid worker: for each, the server's peak RSS growth while it is
// refused (/proc/PID/status VmRSS sampled every 5 ms, against the RSS just before), the time to
// the refusal, and /api/health latency meanwhile (one request at a time, back to back).
// Targets: peak growth < 100 MB, refusal < 1 s.
//   npx node bench/upload-bombs.ts              (PGlite in a temp folder)
//   DATABASE_URL=postgres://… npx node bench/upload-bombs.ts   (an empty PostgreSQL database)
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../test/browser/server.ts';
import { DEMO_PASSWORD } from '../src/seed/demo.ts';
import * as bombs from '../test/support/xlsx-bombs.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const dataDir = mkdtempSync(join(tmpdir(), 'lastmile-bench-bombs-'));
const server = await startServer({ LASTMILE_DATA_DIR: dataDir, LOG_LEVEL: 'warn' });
const pid = server.child.pid!;
const rssMiB = () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;

try {
  const login = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'grid_worker', password: DEMO_PASSWORD }) });
  if (!login.ok) throw new Error(`login: ${login.status} ${await login.text()}`);
  const jar = Object.fromEntries(login.headers.getSetCookie().map((c) => c.split(';')[0]!.split('=') as [string, string]));
  const headers = { cookie: `lm_session=${jar.lm_session}; lm_csrf=${jar.lm_csrf}`, 'x-csrf-token': jar.lm_csrf!, 'content-type': XLSX };

  const cases: [string, () => Buffer][] = [
    ['one 200 MB shared string', () => bombs.sharedStringBomb(200)],
    ['one 300 MB shared string', () => bombs.sharedStringBomb(300)],
    ['20,000 zip entries', () => bombs.manyEntries(20_000)],
    ['a 2 GB sheet (10M rows)', () => bombs.hugeSheet(10_000_000)],
    ['16,384 columns', () => bombs.longRow(16_384)],
    ['a 100,000-char cell', () => bombs.longCell(100_000)],
    ['nesting 100,000 deep', () => bombs.deepXml(100_000)],
    ['exceljs-only, 200 MB string', () => bombs.fallbackBomb(200)],
  ];
  // Warm up (first requests load code) and let start-up garbage go.
  for (let i = 0; i < 20; i++) await fetch(`${server.url}/api/health`);
  await new Promise((r) => setTimeout(r, 2000));
  console.log(`database: ${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'}; server RSS at rest ${rssMiB().toFixed(0)} MiB`);
  console.log('bomb | file | status | refused in | peak RSS growth | health p50 / max (n) | message');
  for (const [what, build] of cases) {
    const file = build();
    const base = rssMiB();
    let peak = base;
    const sampler = setInterval(() => (peak = Math.max(peak, rssMiB())), 5);
    let done = false;
    const latencies: number[] = [];
    const health = (async () => {
      while (!done) {
        const t = performance.now();
        await fetch(`${server.url}/api/health`).then((r) => r.arrayBuffer());
        latencies.push(performance.now() - t);
      }
    })();
    const started = performance.now();
    const res = await fetch(`${server.url}/api/imports/persons?fileName=bomb.xlsx`, { method: 'POST', headers, body: file });
    const body = (await res.json()) as { id?: number; status?: string; message?: string };
    let refusedMs = performance.now() - started;
    let status = String(res.status);
    let message = body.message ?? '';
    // A shape limit is met while the file is validated in the background: wait for that refusal.
    if (res.status === 201) {
      for (;;) {
        const job = (await (await fetch(`${server.url}/api/imports/${body.id}`, { headers })).json()) as { status: string; error: string | null };
        if (job.status !== 'validating') {
          refusedMs = performance.now() - started;
          status = `201→${job.status}`;
          message = job.error ?? '';
          break;
        }
        await new Promise((r) => setTimeout(r, 20));
      }
    }
    done = true;
    await health;
    await new Promise((r) => setTimeout(r, 200)); // memory still rising just after the answer counts too
    clearInterval(sampler);
    latencies.sort((a, b) => a - b);
    const p50 = latencies[Math.floor(latencies.length / 2)] ?? 0;
    const max = latencies.at(-1) ?? 0;
    console.log(
      `${what} | ${(file.length / 1024).toFixed(0)} KiB | ${status} | ${refusedMs.toFixed(0)} ms | ${(peak - base).toFixed(0)} MiB | ${p50.toFixed(1)} / ${max.toFixed(1)} ms (${latencies.length}) | ${message.split(' / ').at(-1)!.slice(0, 110)}`,
    );
    await new Promise((r) => setTimeout(r, 1000));
  }
} finally {
  await server.stop();
}
