// Runs fuzz requests over every operation as an administrator, a scoped grid worker and an
// anonymous caller, through any sender (app.inject in tests, real HTTP in the bench). A 5xx or a
// request that does not answer within the timeout is a failure, reported with the request.
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../../src/platform/db/client.ts';
import { createRng, type Rng } from './random.ts';
import { buildRequest, collectionsOf, formatRequest, operationsOf, resolverOf, resourceOf, type FuzzRequest, type Operation } from './requests.ts';
import { harvest, harvestResource, type Context, type Pool } from './values.ts';

export type Answer = { status: number; body: string; setCookies: string[] };
/** Sends one request; headers already include the actor's cookie and CSRF token. */
export type Sender = (req: FuzzRequest, headers: Record<string, string>, timeoutMs: number) => Promise<Answer>;

export type Actor = { who: string; username?: string; password?: string; headers: Record<string, string> };

export type FuzzOptions = {
  /** Called with each failure as it happens (a long run keeps its findings even if stopped). */
  onFailure?: (failure: Failure) => void;
  seed: number;
  requests: number;
  /** Stop early when the time is up (the CI budget); the count done is reported. */
  budgetMs?: number;
  timeoutMs: number;
  concurrency: number;
  validShare?: number;
  /** Operations left out, as `METHOD /path` (none by default). */
  skip?: Set<string>;
  onProgress?: (done: number, stats: FuzzStats) => void;
};

export type Failure = { kind: '5xx' | 'hang'; status?: number; request: string; response?: string };
export type FuzzStats = {
  seed: number;
  sent: number;
  byStatus: Map<number, number>;
  byActor: Map<string, number>;
  failures: Failure[];
  fivexx: number;
  hangs: number;
  operations: number;
  operationsReached: number;
  ms: number;
  /** Time spent per operation (`METHOD /path`), for the slowest-operations line. */
  opMs: Map<string, number>;
};

const HANG = Symbol('hang');

export async function runFuzz(
  target: {
    send: Sender;
    db: Db;
    doc: unknown;
    users: { admin: [string, string]; scoped: [string, string] };
    /** Called once as the administrator before fuzzing, to make things to work on; returns what failed. */
    populate?: (call: (method: string, url: string, body?: unknown) => Promise<{ status: number; json: any }>) => Promise<string[]>;
  },
  options: FuzzOptions,
): Promise<FuzzStats> {
  const started = performance.now();
  const doc = target.doc as Parameters<typeof operationsOf>[0];
  const ops = operationsOf(doc).filter((op) => !options.skip?.has(`${op.method} ${op.path}`));
  const rng = createRng(options.seed);
  const pool: Pool = new Map();
  const ctx: Context = { rng, pool, resolve: resolverOf(doc) };
  const stats: FuzzStats = { seed: options.seed, sent: 0, byStatus: new Map(), byActor: new Map(), failures: [], fivexx: 0, hangs: 0, operations: ops.length, operationsReached: 0, ms: 0, opMs: new Map() };
  const reached = new Set<string>();
  const collections = collectionsOf(operationsOf(doc));

  const saved = await snapshotUsers(target.db, [target.users.admin[0], target.users.scoped[0]]);
  const actors: Actor[] = [
    { who: 'admin', username: target.users.admin[0], password: target.users.admin[1], headers: {} },
    { who: 'grid', username: target.users.scoped[0], password: target.users.scoped[1], headers: {} },
    { who: 'anonymous', headers: {} },
  ];
  // One login at a time: a lost session is restored once, not by every request that noticed.
  let relogging: Promise<void> | undefined;
  const login = async (actor: Actor) => {
    await restoreUsers(target.db, saved);
    const attempt = () => target.send({ method: 'POST', url: '/api/auth/login', body: { json: { username: actor.username, password: actor.password } }, faults: [] }, {}, options.timeoutMs * 3);
    // A connection reset on a reused socket is the client's lot, not the server's answer: try again.
    const res = await attempt().catch(attempt).catch(attempt);
    if (res.status !== 200) throw new Error(`fuzz: login ${actor.username} failed: ${res.status} ${res.body.slice(0, 300)}`);
    const jar = Object.fromEntries(res.setCookies.map((c) => c.split(';')[0]!.split('=') as [string, string]));
    actor.headers = { cookie: `lm_session=${jar.lm_session}; lm_csrf=${jar.lm_csrf}`, 'x-csrf-token': jar.lm_csrf! };
  };
  for (const actor of actors) if (actor.username) await login(actor);
  if (target.populate) {
    const problems = await target.populate(async (method, url, body) => {
      const res = await target.send({ method, url, ...(body === undefined ? {} : { body: { json: body } }), faults: [] }, actors[0]!.headers, options.timeoutMs * 4);
      let json: unknown = null;
      try {
        json = JSON.parse(res.body);
      } catch {
        /* not JSON */
      }
      return { status: res.status, json };
    });
    // Not fatal (the fuzzer still runs), but a world half made reaches less: say so.
    for (const p of problems) console.error(`fuzz world: ${p}`);
  }

  const fail = (f: Failure) => {
    stats.failures.push(f);
    options.onFailure?.(f);
  };
  const one = async (actor: Actor, req: FuzzRequest, op?: Operation) => {
    const line = formatRequest(req, actor.who);
    const t0 = performance.now();
    const timed = () => {
      if (op) stats.opMs.set(`${op.method} ${op.path}`, (stats.opMs.get(`${op.method} ${op.path}`) ?? 0) + performance.now() - t0);
    };
    let res: Answer | typeof HANG;
    try {
      const isTimeout = (err: unknown) => err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError' || /timed out/.test(err.message));
      const send = (): Promise<Answer | typeof HANG> => target.send(req, actor.headers, options.timeoutMs);
      // A reset on a kept-alive socket the server had closed is retried once on a new one; twice is a failure.
      res = await send()
        .catch((err: unknown) => (isTimeout(err) ? HANG : send()))
        .catch((err: unknown) => {
          if (isTimeout(err)) return HANG;
          throw err;
        });
    } catch (err) {
      // The connection itself failed: as bad as a 5xx.
      stats.fivexx++;
      fail({ kind: '5xx', status: 0, request: line, response: `${String(err)} ${String((err as { cause?: unknown }).cause ?? '')}` });
      return;
    }
    timed();
    stats.sent++;
    stats.byActor.set(actor.who, (stats.byActor.get(actor.who) ?? 0) + 1);
    if (res === HANG) {
      stats.hangs++;
      fail({ kind: 'hang', request: line });
      return;
    }
    stats.byStatus.set(res.status, (stats.byStatus.get(res.status) ?? 0) + 1);
    if (res.status >= 500) {
      stats.fivexx++;
      fail({ kind: '5xx', status: res.status, request: line, response: res.body.slice(0, 500) });
    } else if (res.status < 300) {
      if (res.body.startsWith('{') || res.body.startsWith('[')) {
        try {
          const parsed: unknown = JSON.parse(res.body);
          harvest(pool, parsed);
          const resource = op && resourceOf(op.path, collections);
          if (resource) harvestResource(pool, parsed, resource, collections.get(resource)!);
        } catch {
          /* not JSON after all */
        }
      }
    }
    if (res.status === 401 && actor.username) {
      relogging ??= login(actor).finally(() => (relogging = undefined));
      await relogging;
    }
  };

  // Warm-up: every list operation once as the administrator, valid, to fill the pool with ids and codes.
  for (const op of ops.filter((o) => o.method === 'GET' && !o.path.includes('{'))) {
    await one(actors[0]!, buildRequest(ctx, op, 1), op);
    reached.add(`${op.method} ${op.path}`);
  }
  const deadline = options.budgetMs ? started + options.budgetMs : Infinity;
  let next = 0;
  const validShare = options.validShare ?? 0.35;
  const worker = async () => {
    while (next < options.requests && performance.now() < deadline) {
      const n = ++next;
      const op = pickOperation(rng, ops, n);
      const actor = rng.chance(0.45) ? actors[0]! : rng.chance(0.65) ? actors[1]! : actors[2]!;
      reached.add(`${op.method} ${op.path}`);
      await one(actor, buildRequest(ctx, op, validShare), op);
      if (n % 500 === 0) options.onProgress?.(n, stats);
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  await relogging;
  await restoreUsers(target.db, saved);
  stats.operationsReached = reached.size;
  stats.ms = performance.now() - started;
  return stats;
}

/** Round-robin over the operations first (each is reached early), then at random. */
function pickOperation(rng: Rng, ops: Operation[], n: number): Operation {
  if (n <= ops.length * 2) return ops[n % ops.length]!;
  const op = rng.pick(ops);
  // Workbooks and PDFs cost a second of CPU each and take little input: drawn 5× less often.
  return HEAVY.test(op.path) && rng.chance(0.8) ? rng.pick(ops) : op;
}

const HEAVY = /\/(export|template|notice)(\/|$)/;

type SavedUser = { username: string; password_hash: string; roles: string[]; jurisdiction_code: string | null; display_name: string };

/** The fuzzing users may lock, disable, re-role or re-password themselves: keep what they were. */
async function snapshotUsers(db: Db, usernames: string[]): Promise<SavedUser[]> {
  const rows: SavedUser[] = [];
  for (const u of usernames) {
    const [row] = await queryRows<SavedUser>(db, sql`select username, password_hash, roles, jurisdiction_code, display_name from users where username = ${u}`);
    if (!row) throw new Error(`fuzz: no user ${u}`);
    rows.push(row);
  }
  return rows;
}

async function restoreUsers(db: Db, saved: SavedUser[]): Promise<void> {
  for (const u of saved) {
    await db.execute(sql`update users set password_hash = ${u.password_hash}, roles = ${sql.raw(`array[${u.roles.map((r) => `'${r.replace(/'/g, "''")}'`).join(',')}]::text[]`)},
      jurisdiction_code = ${u.jurisdiction_code}, disabled = false, failed_logins = 0, locked_until = null, must_change_password = false
      where username = ${u.username}`);
  }
  // Only the back-off of the fuzzing users' own names: a bulk delete of every row raced the
  // server's own deletes of the same rows (unlock, successful login).
  await db.execute(sql`delete from login_throttles where username in ${sql.raw(`(${saved.map((u) => `'${u.username.replace(/'/g, "''")}'`).join(',')})`)} or username = ''`);
}

/** The figures a run prints: seed, requests, 5xx, hangs, time and a by-status table. */
export function summarise(stats: FuzzStats, label: string): string {
  const lines = [
    `${label}: seed ${stats.seed} (replay with LASTMILE_FUZZ_SEED=${stats.seed})`,
    `  requests ${stats.sent}, operations ${stats.operationsReached}/${stats.operations}, 5xx ${stats.fivexx}, hangs ${stats.hangs}, ${(stats.ms / 1000).toFixed(1)} s (${Math.round(stats.sent / (stats.ms / 1000))} req/s)`,
    `  by actor: ${[...stats.byActor].map(([a, n]) => `${a} ${n}`).join(', ')}`,
    `  by status: ${[...stats.byStatus].sort((a, b) => a[0] - b[0]).map(([s, n]) => `${s} ×${n}`).join(', ')}`,
  ];
  const slowest = [...stats.opMs].sort((a, b) => b[1] - a[1]).slice(0, 8);
  lines.push(`  slowest operations (total s): ${slowest.map(([op, ms]) => `${op} ${(ms / 1000).toFixed(1)}`).join(', ')}`);
  for (const f of stats.failures.slice(0, 30)) lines.push(`  ✖ ${f.kind}${f.status ? ` ${f.status}` : ''}: ${f.request}${f.response ? `\n      → ${f.response.slice(0, 300)}` : ''}`);
  if (stats.failures.length > 30) lines.push(`  … ${stats.failures.length - 30} more`);
  return lines.join('\n');
}
