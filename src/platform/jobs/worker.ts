// A small job worker over the jobs table. Each app process may run one; they coordinate through
// row locks only, so it is safe with several processes on one PostgreSQL.
import { randomUUID } from 'node:crypto';
import type { Db } from '../db/client.ts';
import type { Logger } from '../logger.ts';
import type { JobDefinition } from './define.ts';
import * as store from './jobs.store.ts';
import { safeErrorSummary } from '../safe-error.ts';

export type WorkerOptions = {
  db: Db;
  definitions: JobDefinition[];
  log: Logger;
  pollMs?: number;
  leaseMs?: number;
  /** Backoff before retry n (1-based): 2^n seconds by default. */
  backoffMs?: (attempt: number) => number;
};

export type Worker = {
  id: string;
  start(): void;
  /** Stop claiming, abort the running job's signal, and wait for it to settle. */
  stop(): Promise<void>;
  /** Run due jobs until none is left (tests and CLI). Returns how many ran. */
  drain(): Promise<number>;
};

export function createWorker(options: WorkerOptions): Worker {
  const { db, log } = options;
  const id = `${process.pid}-${randomUUID().slice(0, 8)}`;
  const pollMs = options.pollMs ?? 1000;
  const leaseMs = options.leaseMs ?? 60_000;
  const backoff = options.backoffMs ?? ((n: number) => 2 ** n * 1000);
  const byName = new Map(options.definitions.map((d) => [d.name, d]));
  const abort = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();
  let stopped = false;

  async function runOne(): Promise<boolean> {
    const job = await store.claimNext(db, id, leaseMs, [...byName.keys()]);
    if (!job) return false;
    const def = byName.get(job.name)!;
    const jobLog = log.child({ job: job.name, jobId: job.id, attempt: job.attempts });
    try {
      const payload = def.schema.parse(job.payload);
      const result = await def.handler(payload, {
        jobId: job.id,
        attempt: job.attempts,
        log: jobLog,
        signal: abort.signal,
        reportProgress: (p) => store.setProgress(db, job.id, id, p, leaseMs),
      });
      await store.markDone(db, job.id, id, result);
      jobLog.info('job done');
    } catch (err) {
      if (abort.signal.aborted) {
        await store.release(db, job.id, id);
        jobLog.warn('job interrupted by shutdown; released for retry');
      } else {
        const max = def.maxAttempts ?? job.maxAttempts;
        const retryAt = job.attempts < max ? new Date(Date.now() + backoff(job.attempts)) : null;
        // Stored and shown to users: the safe summary, as the log has it (a query error's message holds its values).
        await store.markFailed(db, job.id, id, safeErrorSummary(err), retryAt);
        jobLog.error({ err, willRetry: retryAt !== null }, 'job failed');
      }
    }
    return true;
  }

  async function loop(): Promise<void> {
    if (stopped) return;
    try {
      while (!stopped && (await runOne()));
    } catch (err) {
      log.error({ err }, 'job worker poll failed');
    }
    if (!stopped) timer = setTimeout(() => (running = loop()), pollMs);
  }

  return {
    id,
    start() {
      running = loop();
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      abort.abort();
      await running;
    },
    async drain() {
      let n = 0;
      while (await runOne()) n++;
      return n;
    },
  };
}
