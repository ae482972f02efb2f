// Start-up figures: first start on an empty data folder (migrations + demo data), restart, and
// idle memory. `npm run bench:startup` (PGlite) or with DATABASE_URL set (PostgreSQL; the
// database should be empty for a true first start).
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../test/browser/server.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'lastmile-bench-'));
const env: NodeJS.ProcessEnv = { LASTMILE_DATA_DIR: dataDir, LOG_LEVEL: 'warn' };

async function timedStart(label: string) {
  const started = performance.now();
  const server = await startServer(env);
  const [ui, docs] = await Promise.all([
    fetch(server.url, { headers: { accept: 'text/html' } }),
    fetch(`${server.url}/api/docs/json`),
  ]);
  if (!ui.ok || !docs.ok) throw new Error(`UI ${ui.status}, docs ${docs.status}`);
  const seconds = (performance.now() - started) / 1000;
  console.log(`${label}: ${seconds.toFixed(2)} s until the UI and /api/docs answer`);
  return server;
}

function rssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024;
}

console.log(`database: ${process.env.DATABASE_URL ? 'PostgreSQL' : `PGlite (${dataDir})`}`);
const first = await timedStart('first start (migrate + demo data)');
await first.stop();
const again = await timedStart('restart');
await new Promise((r) => setTimeout(r, 5000));
console.log(`idle RSS after 5 s: ${rssMiB(again.child.pid!).toFixed(0)} MiB`);
console.log(`stop (SIGTERM) exit code: ${await again.stop()}`);
