// The request path measured against its own yardstick (issue #23): the real server (`lastmile
// serve`, logs at info, as deployed) next to a bare Fastify route that sends the same SQL (captured
// from the product route, see lib/bare-server.ts), both loaded by autocannon with keep-alive
// connections. Prints req/s, p50/p99, server CPU per request (and PostgreSQL's), statements per
// request, the product/bare ratio, and p99 at half the saturating rate.
//
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npx node bench/api.ts   # PostgreSQL
//   npx node bench/api.ts                                                        # PGlite
// Options: --seconds 20 --connections 16,64 --routes case,person,search,request --households 3000 --runs 1
//          --captures FILE (write each route's captured statements)
//          --cpu-prof DIR (a V8 CPU profile of the product server per route, load only, for DevTools/speedscope)
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import autocannon from 'autocannon';
import { adminQuery, databaseUrl } from '../test/support/templates.ts';
import type { BareRoute } from './lib/bare-server.ts';
import { pinyinKeys } from '../src/lib/pinyin.ts';
import type { Statement } from './lib/count-statements.ts';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1]! : fallback;
};
const SECONDS = Number(arg('seconds', '20'));
const CONNECTIONS = arg('connections', '16,64').split(',').map(Number);
const ROUTES = arg('routes', 'case,person,search,request').split(',');
const HOUSEHOLDS = Number(arg('households', '3000'));
const RUNS = Number(arg('runs', '1'));
const CLI = new URL('../src/cli/main.ts', import.meta.url).pathname;
const COUNTER = new URL('./lib/count-statements.ts', import.meta.url).pathname;
const BARE = new URL('./lib/bare-server.ts', import.meta.url).pathname;
const TICK_MS = 10; // /proc CPU times are in 1/100 s

// ------------------------------------------------------------------------------------------------
// The database: a fresh one, migrated, with the demo places and users and generated households.
const work = mkdtempSync(join(tmpdir(), 'lastmile-api-bench-'));
const env: NodeJS.ProcessEnv = {
  ...process.env,
  LOG_LEVEL: 'info',
  LASTMILE_JOBS: 'false',
  LASTMILE_KEY_FILE: join(work, 'keys.json'),
  LASTMILE_LOGIN_RATE_PER_MINUTE: '10000',
};
let dropDatabase: (() => Promise<void>) | undefined;
if (process.env.DATABASE_URL) {
  const name = `lastmile_apibench_${randomBytes(3).toString('hex')}`;
  await adminQuery(process.env.DATABASE_URL, `create database ${name}`);
  env.DATABASE_URL = databaseUrl(process.env.DATABASE_URL, name);
  dropDatabase = () => adminQuery(process.env.DATABASE_URL!, `drop database ${name} with (force)`);
} else {
  delete env.DATABASE_URL;
  env.LASTMILE_DATA_DIR = join(work, 'data');
}
const kind = env.DATABASE_URL ? 'PostgreSQL' : 'PGlite';
console.log(`database: ${kind}; ${HOUSEHOLDS} generated households; ${SECONDS} s per load; connections ${CONNECTIONS.join(', ')}`);
execFileSync(process.execPath, [CLI, 'keys', 'init'], { env, stdio: ['ignore', 'ignore', 'inherit'] });
execFileSync(process.execPath, [CLI, 'db', 'migrate'], { env, stdio: ['ignore', 'ignore', 'inherit'] });
execFileSync(process.execPath, [CLI, 'seed', 'demo', '--households', String(HOUSEHOLDS)], { env, stdio: ['ignore', 'ignore', 'inherit'] });

// ------------------------------------------------------------------------------------------------
// Processes and their CPU.
type Proc = { child: ChildProcess; url: string; stop(): Promise<void> };

function startProcess(args: string[], ready: RegExp, extraEnv: NodeJS.ProcessEnv = {}): Promise<Proc> {
  const child = spawn(process.execPath, args, { env: { ...env, ...extraEnv }, stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
  let head = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      if (head.length > 100_000) return; // logs keep flowing; only the start matters
      head += chunk.toString();
      const m = head.match(ready);
      if (m) {
        resolve({
          child,
          url: m[1]!.replace('localhost', '127.0.0.1'),
          stop: () =>
            new Promise((done) => {
              if (child.exitCode !== null) return done();
              child.once('exit', () => done());
              child.kill('SIGTERM');
            }),
        });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`${args.join(' ')} exited (${code}):\n${head}`)));
  });
}

function cpuTicks(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return Number(fields[11]) + Number(fields[12]); // utime + stime
}

/** CPU of every PostgreSQL server process on this machine (the bench's backends among them). */
function postgresTicks(): number {
  if (!env.DATABASE_URL) return 0;
  let total = 0;
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      if (readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'postgres') total += cpuTicks(Number(pid));
    } catch {
      // the process ended while we looked
    }
  }
  return total;
}

function ask<T>(proc: Proc, message: string, key: string): Promise<T> {
  return new Promise((resolve) => {
    const onMessage = (m: Record<string, unknown>) => {
      if (key in m) {
        proc.child.off('message', onMessage);
        resolve(m[key] as T);
      }
    };
    proc.child.on('message', onMessage);
    proc.child.send(message);
  });
}

// ------------------------------------------------------------------------------------------------
// The product server, a session, and the records the routes read.
const CPU_PROF = arg('cpu-prof', '');
if (CPU_PROF) {
  mkdirSync(CPU_PROF, { recursive: true });
  env.LASTMILE_BENCH_PROFILE_DIR = CPU_PROF;
}
const startProduct = () => startProcess(['--import', COUNTER, CLI, 'serve', '-p', '0'], /lastmile (http:\/\/\S+)/);
let product = await startProduct();

async function call(url: string, init: RequestInit & { cookie?: string; csrf?: string } = {}) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (init.cookie) headers.cookie = init.cookie;
  if (init.csrf) headers['x-csrf-token'] = init.csrf;
  const res = await fetch(`${product.url}${url}`, { ...init, headers });
  return { status: res.status, text: await res.text(), res };
}

const login = await call('/api/auth/login', { method: 'POST', body: JSON.stringify({ username: 'xhl_approver', password: 'Lastmile@2026' }) });
if (login.status !== 200) throw new Error(`login: ${login.status} ${login.text}`);
const jar = Object.fromEntries(login.res.headers.getSetCookie().map((c) => c.split(';')[0]!.split('=') as [string, string]));
const cookie = `lm_session=${jar.lm_session}; lm_csrf=${jar.lm_csrf}`;
const csrf = jar.lm_csrf!;
const session = { cookie, csrf };

const found = JSON.parse((await call('/api/persons?q=z&limit=50', session)).text) as { items: { id: number; name: string; householdId: number | null }[] };
const person = found.items.find((p) => p.householdId) ?? found.items[0];
if (!person) throw new Error('no person found in 140107; seed more households');
const created = await call('/api/cases', { method: 'POST', ...session, body: JSON.stringify({ program: 'dibao', applicantPersonId: person.id, channel: 'application', promiseSigned: true, dataCheckAuthorised: true }) });
if (created.status !== 201 && created.status !== 200) throw new Error(`case: ${created.status} ${created.text}`);
const caseId = (JSON.parse(created.text) as { id: number }).id;
const initials = pinyinKeys(person.name).initials.slice(0, 2);
const requestBody = JSON.stringify({ channel: 'hotline_card', categoryCode: 'living_help', description: '燃气灶打不着火，请网格员上门看看', personId: person.id });

type RouteSpec = { name: string; method: 'GET' | 'POST'; url: string; body?: string };
const routes: RouteSpec[] = (
  [
    { name: 'case', method: 'GET', url: `/api/cases/${caseId}` },
    { name: 'person', method: 'GET', url: `/api/persons/${person.id}` },
    { name: 'search', method: 'GET', url: `/api/persons?q=${initials}` },
    { name: 'request', method: 'POST', url: '/api/requests', body: requestBody },
  ] satisfies RouteSpec[]
).filter((r) => ROUTES.includes(r.name));

// Capture each route's statements (after a warm-up request) for the bare server.
const bareRoutes: BareRoute[] = [];
for (const r of routes) {
  await call(r.url, { method: r.method, ...session, ...(r.body ? { body: r.body } : {}) });
  await ask(product, 'capture-start', 'capturing');
  const res = await call(r.url, { method: r.method, ...session, ...(r.body ? { body: r.body } : {}) });
  const statements = await ask<Statement[]>(product, 'capture-stop', 'captured');
  if (res.status >= 300) throw new Error(`${r.name}: ${res.status} ${res.text}`);
  // A write's unique values must differ per request, or the bare route would only measure
  // unique-violation errors: the tracking code, and ids an INSERT names itself (the audit entry's).
  const fresh: BareRoute['fresh'] = [];
  statements.forEach((s, si) => {
    if (/^\s*insert into "[a-z_]+" \("id",[^)]*\) values \(\$1\b/i.test(s.text)) fresh.push({ statement: si, param: 0, prefix: '', numeric: true });
    s.params.forEach((p, pi) => {
      if (typeof p === 'string' && /^(?=.*[A-Z])(?=.*\d)[A-Z0-9]{3,8}-[A-Z0-9]{3,8}$/.test(p) && res.text.includes(p)) fresh.push({ statement: si, param: pi, prefix: p.slice(0, 3) });
    });
  });
  bareRoutes.push({ method: r.method, url: r.url.split('?')[0]!, statements, status: res.status, body: res.text, fresh });
  console.log(`${r.name}: ${r.method} ${r.url} → ${res.status}, ${res.text.length} bytes, ${statements.length} statements per request`);
}
const routesFile = join(work, 'bare-routes.json');
writeFileSync(routesFile, JSON.stringify(bareRoutes));
// --captures FILE keeps the captured statements for reading (where a route's round trips go).
if (arg('captures', '')) writeFileSync(arg('captures', ''), JSON.stringify(bareRoutes, null, 1));

// ------------------------------------------------------------------------------------------------
// Load.
type Figures = { rps: number; p50: number; p99: number; cpuMs: number; dbCpuMs: number; statements: number; errors: number };

async function load(proc: Proc, r: RouteSpec, connections: number, overallRate?: number, counted = true): Promise<Figures> {
  const before = { cpu: cpuTicks(proc.child.pid!), db: postgresTicks(), statements: counted ? (await ask<number>(proc, 'count', 'statements')) : 0 };
  const result = await autocannon({
    url: `${proc.url}${r.url}`,
    method: r.method,
    connections,
    duration: SECONDS,
    ...(overallRate ? { overallRate } : {}),
    headers: { cookie, 'x-csrf-token': csrf, 'content-type': 'application/json' },
    ...(r.body ? { body: r.body } : {}),
  });
  const requests = result.requests.total || 1;
  const after = { cpu: cpuTicks(proc.child.pid!), db: postgresTicks(), statements: counted ? (await ask<number>(proc, 'count', 'statements')) : 0 };
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    cpuMs: ((after.cpu - before.cpu) * TICK_MS) / requests,
    dbCpuMs: ((after.db - before.db) * TICK_MS) / requests,
    statements: (after.statements - before.statements) / requests,
    errors: result.errors + result.non2xx,
  };
}

async function measure(proc: Proc, counted: boolean): Promise<Map<string, Figures>> {
  const out = new Map<string, Figures>();
  for (const r of routes) {
    await autocannon({ url: `${proc.url}${r.url}`, method: r.method, connections: 8, duration: 2, headers: { cookie, 'x-csrf-token': csrf, 'content-type': 'application/json' }, ...(r.body ? { body: r.body } : {}) });
    // The profile covers the first saturating load of each route (product only).
    if (CPU_PROF && counted) await ask(proc, 'profile-start', 'profiling');
    for (const [i, c] of CONNECTIONS.entries()) {
      out.set(`${r.name}@${c}`, await load(proc, r, c, undefined, counted));
      if (CPU_PROF && counted && i === 0) await ask(proc, `profile-stop ${r.name}-${c}-${Date.now()}`, 'profiled');
    }
    const saturating = out.get(`${r.name}@${CONNECTIONS[0]}`)!.rps;
    out.set(`${r.name}@half`, await load(proc, r, CONNECTIONS[0]!, Math.max(1, Math.round(saturating / 2)), counted));
  }
  return out;
}

const startBare = () => startProcess([BARE, routesFile], /bare (http:\/\/\S+)/);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const productRuns: Map<string, Figures>[] = [];
const bareRuns: Map<string, Figures>[] = [];
for (let run = 0; run < RUNS; run++) {
  if (run > 0) product = await startProduct();
  productRuns.push(await measure(product, true));
  await product.stop();
  const bare = await startBare(); // PGlite: the data folder is free once the product stopped
  bareRuns.push(await measure(bare, false));
  await bare.stop();
}

const pick = (runs: Map<string, Figures>[], key: string, f: keyof Figures) => median(runs.map((m) => m.get(key)![f]));
console.log(`\n${kind}, medians of ${RUNS} run(s); CPU per request in ms (server process${env.DATABASE_URL ? ' / PostgreSQL' : ''})`);
console.log('| route | conns | product req/s | bare-same-SQL req/s | ratio | product p50/p99 ms | bare p50/p99 ms | CPU/req | statements/req | errors (product/bare) |');
console.log('|---|---|---|---|---|---|---|---|---|---|');
for (const r of routes) {
  for (const c of [...CONNECTIONS.map(String), 'half']) {
    const key = `${r.name}@${c}`;
    const p = (f: keyof Figures) => pick(productRuns, key, f);
    const b = (f: keyof Figures) => pick(bareRuns, key, f);
    const cpu = env.DATABASE_URL ? `${p('cpuMs').toFixed(2)} / ${p('dbCpuMs').toFixed(2)}` : p('cpuMs').toFixed(2);
    const conns = c === 'half' ? `${CONNECTIONS[0]} at ½ rate` : c;
    console.log(
      `| ${r.method} ${r.url.replace(/\d+$/, ':id').replace(/q=.*/, 'q=<initials>')} | ${conns} | ${p('rps').toFixed(0)} | ${b('rps').toFixed(0)} | ${(p('rps') / b('rps')).toFixed(2)} | ${p('p50')}/${p('p99')} | ${b('p50')}/${b('p99')} | ${cpu} | ${p('statements').toFixed(1)} | ${p('errors')}/${b('errors')} |`,
    );
  }
}

await dropDatabase?.();
rmSync(work, { recursive: true, force: true });
process.exit(0);
