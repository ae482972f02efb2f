// Preloaded into a server under test (`node --import ./bench/lib/count-statements.ts …`): counts the
// SQL statements the process sends to its database and, on request, records them with their
// parameters, so bench/api.ts can report statements per request and replay the very same SQL on
// a bare route. Talks to the parent over the IPC channel: 'count' → { statements },
// 'profile-start' / 'profile-stop NAME' (below),
// 'capture-start' / 'capture-stop' → { captured: [{ text, params }] }.
import { Session } from 'node:inspector/promises';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';

export type Statement = { text: string; params: unknown[] };

let statements = 0;
let capture: Statement[] | null = null;

function seen(text: unknown, params: unknown): void {
  statements++;
  if (capture) capture.push({ text: typeof text === 'string' ? text : String((text as { text?: string })?.text ?? text), params: Array.isArray(params) ? [...params] : [] });
}

// node-postgres: every statement goes through Client#query (pool.query included).
const pgQuery = pg.Client.prototype.query;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  const [config, values] = args as [unknown, unknown];
  const text = typeof config === 'string' ? config : (config as { text?: string })?.text;
  const params = Array.isArray(values) ? values : ((config as { values?: unknown[] })?.values ?? []);
  seen(text, params);
  return (pgQuery as (...a: unknown[]) => unknown).apply(this, args);
} as typeof pg.Client.prototype.query;

// PGlite: query/exec on the instance; a transaction adds BEGIN and COMMIT around its own calls.
const proto = PGlite.prototype as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>;
for (const method of ['query', 'exec'] as const) {
  const original = proto[method]!;
  proto[method] = function (this: unknown, ...args: unknown[]) {
    seen(args[0], args[1]);
    return original.apply(this, args);
  };
}
const transaction = proto.transaction!;
proto.transaction = function (this: unknown, fn: unknown) {
  seen('BEGIN', []);
  return transaction.call(this, async (tx: Record<string, (...a: unknown[]) => Promise<unknown>>) => {
    for (const method of ['query', 'exec'] as const) {
      const original = tx[method]!.bind(tx);
      tx[method] = (...args: unknown[]) => {
        seen(args[0], args[1]);
        return original(...args);
      };
    }
    try {
      return await (fn as (t: unknown) => Promise<unknown>)(tx);
    } finally {
      seen('COMMIT', []);
    }
  });
};

// 'profile-start' / 'profile-stop NAME': a V8 CPU profile of just the load (not start-up), written
// as NAME.cpuprofile into LASTMILE_BENCH_PROFILE_DIR.
let profiler: Session | undefined;
async function profile(message: string): Promise<void> {
  if (message === 'profile-start') {
    profiler = new Session();
    profiler.connect();
    await profiler.post('Profiler.enable');
    await profiler.post('Profiler.setSamplingInterval', { interval: 200 });
    await profiler.post('Profiler.start');
    process.send?.({ profiling: true });
  } else if (profiler) {
    const { profile: p } = await profiler.post('Profiler.stop');
    profiler.disconnect();
    profiler = undefined;
    writeFileSync(join(process.env.LASTMILE_BENCH_PROFILE_DIR ?? '.', `${message.slice('profile-stop '.length)}.cpuprofile`), JSON.stringify(p));
    process.send?.({ profiled: true });
  }
}

process.on('message', (message: unknown) => {
  if (typeof message === 'string' && message.startsWith('profile-')) void profile(message);
  else if (message === 'count') process.send?.({ statements });
  else if (message === 'capture-start') {
    capture = [];
    process.send?.({ capturing: true });
  } else if (message === 'capture-stop') {
    process.send?.({ captured: capture ?? [] });
    capture = null;
  }
});
