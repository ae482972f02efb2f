// The yardstick of bench/api.ts: a bare Fastify server (no logger, no hooks) whose routes send the
// very statements the product route sent for one request — captured by count-statements.ts, same
// text, same parameters, same order, on one connection when they ran in a transaction — and answer
// with the product's captured response body. What the product costs beyond this is its own.
// Usage: node bench/lib/bare-server.ts <routes.json>   (DATABASE_URL, or LASTMILE_DATA_DIR for PGlite)
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Fastify from 'fastify';
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import type { Statement } from './count-statements.ts';

export type BareRoute = {
  method: 'GET' | 'POST';
  url: string;
  statements: Statement[];
  status: number;
  body: string;
  /** Parameters to replace by a fresh value each request (unique columns of a write), by index. */
  fresh?: { statement: number; param: number; prefix: string; numeric?: boolean }[];
};

type Runner = { run(statements: Statement[]): Promise<void>; close(): Promise<void> };
type Row = Record<string, unknown>;

// An audit entry takes its id, chain, seq and previous hash from the chain head the statement
// before it locked (audit.store.ts lockHead/append): replaying the captured values would only
// measure unique-violation errors, so the bare route threads the locked head through, as the
// product does (the hash is not recomputed: nothing checks it on insert).
const LOCK_HEAD = /^\s*with pick as \(/;
const AUDIT_APPEND = /insert into audit_log \(id, chain, seq,/;
function threadAuditHead(next: Statement, head: Row | undefined): Statement {
  if (!head || !AUDIT_APPEND.test(next.text)) return next;
  const params = [...next.params];
  params[0] = head.next_id;
  params[1] = head.chain;
  params[2] = Number(head.last_seq) + 1;
  params[15] = head.last_hash;
  return { text: next.text, params };
}

/** JSON turned Buffers into { type: 'Buffer', data } and Dates into strings; turn them back. */
function revive(value: unknown): unknown {
  if (value && typeof value === 'object' && (value as { type?: string }).type === 'Buffer') return Buffer.from((value as { data: number[] }).data);
  return value;
}

const inTransaction = (s: Statement[]) => s.some((x) => /^\s*begin\b/i.test(x.text));

async function postgresRunner(url: string, poolSize: number): Promise<Runner> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, options: '-c TimeZone=Asia/Shanghai' });
  return {
    async run(statements) {
      if (!inTransaction(statements)) {
        for (const s of statements) await pool.query(s.text, s.params);
        return;
      }
      const client = await pool.connect();
      try {
        let head: Row | undefined;
        for (const s of statements) {
          const t = threadAuditHead(s, head);
          const result = await client.query(t.text, t.params);
          head = LOCK_HEAD.test(s.text) ? (result.rows[0] as Row) : undefined;
        }
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

async function pgliteRunner(dataDir: string): Promise<Runner> {
  const db = await PGlite.create({ dataDir: join(dataDir, 'pgdata') });
  await db.exec(`SET TimeZone = 'Asia/Shanghai'`);
  // One connection: a transaction's statements must not interleave with another request's.
  let queue: Promise<unknown> = Promise.resolve();
  return {
    run(statements) {
      const next = queue.then(async () => {
        let head: Row | undefined;
        for (const s of statements) {
          const t = threadAuditHead(s, head);
          if (t.params.length > 0) head = LOCK_HEAD.test(s.text) ? (await db.query<Row>(t.text, t.params)).rows[0] : (await db.query(t.text, t.params), undefined);
          else await db.exec(t.text);
        }
      });
      queue = next.catch(() => undefined);
      return next;
    },
    close: () => db.close(),
  };
}

let counter = 0;
function withFresh(route: BareRoute): Statement[] {
  if (!route.fresh?.length) return route.statements;
  const out = route.statements.map((s) => ({ text: s.text, params: [...s.params] }));
  const n = counter++;
  const suffix = `${process.pid.toString(36)}${n.toString(36)}`.toUpperCase();
  for (const f of route.fresh) out[f.statement]!.params[f.param] = f.numeric ? 1e12 + process.pid * 1e6 + n : `${f.prefix}-${suffix}`.slice(0, 32);
  return out;
}

export async function startBareServer(routes: BareRoute[], options: { databaseUrl?: string; dataDir?: string; poolSize?: number; port?: number }) {
  const runner = options.databaseUrl ? await postgresRunner(options.databaseUrl, options.poolSize ?? 10) : await pgliteRunner(options.dataDir!);
  for (const r of routes) for (const s of r.statements) s.params = s.params.map(revive);
  const app = Fastify({ logger: false });
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) => done(null, body));
  for (const route of routes) {
    app.route({
      method: route.method,
      url: route.url,
      handler: async (_request, reply) => {
        await runner.run(withFresh(route));
        return reply.code(route.status).header('content-type', 'application/json; charset=utf-8').send(route.body);
      },
    });
  }
  const address = await app.listen({ host: '127.0.0.1', port: options.port ?? 0 });
  return {
    url: address,
    async close() {
      await app.close();
      await runner.close();
    },
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const routes = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as BareRoute[];
  const server = await startBareServer(routes, {
    ...(process.env.DATABASE_URL ? { databaseUrl: process.env.DATABASE_URL } : { dataDir: process.env.LASTMILE_DATA_DIR! }),
    poolSize: Number(process.env.LASTMILE_DB_POOL_SIZE ?? 10),
  });
  console.log(`bare ${server.url}`);
  process.on('SIGTERM', () => void server.close().then(() => process.exit(0)));
}
