// The fuzzer at scale against a real HTTP server: every OpenAPI operation, as an administrator,
// a scoped grid worker and anonymously. Prints requests, 5xx, hangs, time and a by-status table;
// exits 1 on any 5xx or hang.
//   DATABASE_URL=postgres://… npx node bench/fuzz.ts [requests]     (an empty database; demo data loaded)
//   npx node bench/fuzz.ts 100000                                      (PGlite in a temporary folder)
// LASTMILE_FUZZ_SEED replays a run; FUZZ_CONCURRENCY (8) and FUZZ_TIMEOUT_MS (15000) tune it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../src/platform/config.ts';
import { createLogger } from '../src/platform/logger.ts';
import { startSystem } from '../src/app/runtime.ts';
import { generateKeyRingJson } from '../src/platform/crypto/field-crypto.ts';
import { DEMO_PASSWORD } from '../src/seed/demo.ts';
import { fuzzSeed } from '../test/support/fuzz/random.ts';
import { runFuzz, summarise } from '../test/support/fuzz/runner.ts';
import { httpSender } from '../test/support/fuzz/senders.ts';
import { populate } from '../test/support/fuzz/world.ts';

const requests = Number(process.argv[2] ?? 100_000);
const dir = mkdtempSync(join(tmpdir(), 'lastmile-fuzz-'));
const env = {
  ...process.env,
  PORT: '0',
  HOST: '127.0.0.1',
  LASTMILE_DATA_DIR: join(dir, 'data'),
  LASTMILE_KEYS: generateKeyRingJson(),
  LASTMILE_SEED_DEMO: 'true',
  // Errors only: a 5xx is logged by the server with its request id and (scrubbed) stack.
  LOG_LEVEL: process.env.LOG_LEVEL ?? 'error',
  LASTMILE_LOGIN_RATE_PER_MINUTE: '10000',
  LASTMILE_SELF_CHECK_RATE_PER_MINUTE: '10000',
  LASTMILE_PUBLIC_REQUEST_RATE_PER_MINUTE: '10000',
};
const config = loadConfig(env);
const system = await startSystem(config, createLogger(config.logLevel));
const where = config.database.kind === 'postgres' ? 'PostgreSQL' : 'PGlite';
const memory = () => `${Math.round(process.memoryUsage().rss / 1048576)} MB RSS`;
try {
  const send = httpSender(system.url.replace('localhost', '127.0.0.1'));
  const doc = await (await fetch(`${system.url.replace('localhost', '127.0.0.1')}/api/docs/json`)).json();
  const started = performance.now();
  const stats = await runFuzz(
    { send, db: system.database.db, doc, populate: (call) => populate(system.services, system.database.db, call), users: { admin: ['admin', DEMO_PASSWORD], scoped: ['grid_worker', DEMO_PASSWORD] } },
    {
      seed: fuzzSeed(),
      requests,
      timeoutMs: Number(process.env.FUZZ_TIMEOUT_MS ?? 15_000),
      concurrency: Number(process.env.FUZZ_CONCURRENCY ?? 8),
      onFailure: (f) => console.error(`  ✖ ${f.kind}${f.status !== undefined ? ` ${f.status}` : ''}: ${f.request.slice(0, 1500)}${f.response ? `\n      → ${f.response.slice(0, 300)}` : ''}`),
      onProgress: (n, s) => {
        if (n % 10_000 === 0) console.error(`  ${n} requests, ${s.fivexx} × 5xx, ${s.hangs} hangs, ${((performance.now() - started) / 1000).toFixed(0)} s, ${memory()}`);
      },
    },
  );
  console.log(summarise(stats, `fuzz over HTTP (${where}, ${system.url})`));
  console.log(`  server process at the end: ${memory()}`);
  process.exitCode = stats.fivexx + stats.hangs === 0 ? 0 : 1;
} finally {
  await system.stop();
  rmSync(dir, { recursive: true, force: true });
}
