import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { z } from 'zod';
import { createTestDatabase, testDriver, type TestDatabase } from '../../../test/support/db.ts';
import { createLogger } from '../logger.ts';
import { createJobQueue, createWorker, defineJob } from './index.ts';

let database: TestDatabase;
before(async () => {
  database = await createTestDatabase();
});
after(() => database.close());
const log = createLogger('silent');

test('a job runs once with its validated payload and records progress and result', async () => {
  const seen: number[] = [];
  const sum = defineJob({
    name: 'test.sum',
    schema: z.object({ values: z.array(z.number().int()) }),
    async handler(payload, ctx) {
      seen.push(ctx.attempt);
      await ctx.reportProgress({ done: payload.values.length, total: payload.values.length });
      return { total: payload.values.reduce((a, b) => a + b, 0) };
    },
  });
  const queue = createJobQueue(database.db);
  const { id } = await queue.enqueue(sum, { values: [1, 2, 3] });
  await assert.rejects(queue.enqueue(sum, { values: ['x'] } as never), /expected number/i);
  const worker = createWorker({ db: database.db, definitions: [sum], log });
  assert.equal(await worker.drain(), 1);
  assert.equal(await worker.drain(), 0);
  const job = await queue.get(id);
  assert.equal(job?.status, 'done');
  assert.deepEqual(job?.result, { total: 6 });
  assert.deepEqual(job?.progress, { done: 3, total: 3 });
  assert.deepEqual(seen, [1]);
});

test('a failing job is retried with backoff, then marked failed with the error', async () => {
  let calls = 0;
  const flaky = defineJob({
    name: 'test.flaky',
    schema: z.object({}),
    maxAttempts: 2,
    async handler() {
      calls++;
      throw new Error(`boom ${calls}`);
    },
  });
  const queue = createJobQueue(database.db);
  const { id } = await queue.enqueue(flaky, {});
  const worker = createWorker({ db: database.db, definitions: [flaky], log, backoffMs: () => 0 });
  await worker.drain();
  const job = await queue.get(id);
  assert.equal(calls, 2);
  assert.equal(job?.status, 'failed');
  assert.equal(job?.attempts, 2);
  assert.equal(job?.lastError, 'boom 2');
});

test('a job whose worker died (lease expired) is taken over', async () => {
  const noop = defineJob({ name: 'test.noop', schema: z.object({}), async handler() { return 'ok'; } });
  const queue = createJobQueue(database.db);
  const { id } = await queue.enqueue(noop, {});
  const { sql } = await import('drizzle-orm');
  await database.db.execute(sql`update jobs set status = 'running', locked_by = 'dead-worker', locked_until = now() - interval '1 second', attempts = 1 where id = ${id}`);
  const worker = createWorker({ db: database.db, definitions: [noop], log });
  assert.equal(await worker.drain(), 1);
  assert.equal((await queue.get(id))?.status, 'done');
});

test(`several workers never run one job twice (${testDriver})`, async () => {
  const ran: number[] = [];
  const slow = defineJob({
    name: 'test.slow',
    schema: z.object({ n: z.number() }),
    async handler(payload) {
      ran.push(payload.n);
      await new Promise((r) => setTimeout(r, 5));
    },
  });
  const queue = createJobQueue(database.db);
  for (let n = 0; n < 30; n++) await queue.enqueue(slow, { n });
  const workers = Array.from({ length: 4 }, () => createWorker({ db: database.db, definitions: [slow], log }));
  const counts = await Promise.all(workers.map((w) => w.drain()));
  assert.equal(counts.reduce((a, b) => a + b, 0), 30);
  assert.deepEqual([...ran].sort((a, b) => a - b), Array.from({ length: 30 }, (_, i) => i));
});

test('enqueueUnlessPending adds one job of a kind, and another only after it ran', async () => {
  const tick = defineJob({ name: 'test.tick', schema: z.object({}), async handler() { return 1; } });
  const queue = createJobQueue(database.db);
  const first = await queue.enqueueUnlessPending(tick, {});
  assert.equal(typeof first, 'number');
  assert.equal(await queue.enqueueUnlessPending(tick, {}), undefined);
  await createWorker({ db: database.db, definitions: [tick], log }).drain();
  assert.equal(typeof (await queue.enqueueUnlessPending(tick, {})), 'number');
});
