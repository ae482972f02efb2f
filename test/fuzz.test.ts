// The schema-driven fuzzer over every operation of the OpenAPI document, as an administrator, a
// scoped grid worker and anonymously: no input may give a 5xx or go unanswered. Bounded for CI
// (LASTMILE_FUZZ_REQUESTS, default 3000, and a 50 s budget); bench/fuzz.ts runs 100,000+ over HTTP.
// A failure prints the seed: LASTMILE_FUZZ_SEED=<seed> replays the same requests.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp } from './support/app.ts';
import { testDriver } from './support/db.ts';
import { fuzzSeed } from './support/fuzz/random.ts';
import { runFuzz, summarise } from './support/fuzz/runner.ts';
import { injectSender } from './support/fuzz/senders.ts';
import { populate } from './support/fuzz/world.ts';
import { DEMO_PASSWORD } from '../src/seed/demo.ts';

let t: TestApp;
before(async () => {
  t = await createTestApp({ LASTMILE_LOGIN_RATE_PER_MINUTE: '10000', LASTMILE_SELF_CHECK_RATE_PER_MINUTE: '10000', LASTMILE_PUBLIC_REQUEST_RATE_PER_MINUTE: '10000' });
});
after(() => t.close());

test(`fuzz: every operation, three callers, no 5xx and no hang (${testDriver})`, { timeout: 120_000 }, async () => {
  const doc = (await t.app.inject({ method: 'GET', url: '/api/docs/json' })).json();
  const stats = await runFuzz(
    { send: injectSender(t.app), db: t.database.db, doc, populate: (call) => populate(t.services, t.database.db, call), users: { admin: ['admin', DEMO_PASSWORD], scoped: ['grid_worker', DEMO_PASSWORD] } },
    { seed: fuzzSeed(), requests: Number(process.env.LASTMILE_FUZZ_REQUESTS ?? 3000), budgetMs: 50_000, timeoutMs: 15_000, concurrency: 2 },
  );
  const report = summarise(stats, `fuzz (${testDriver})`);
  console.log(report);
  assert.ok(stats.operationsReached === stats.operations, `every operation was tried: ${stats.operationsReached}/${stats.operations}`);
  // On a loaded 2-core runner the 50 s budget may end the run early; it still covers every operation.
  assert.ok(stats.sent >= 400, `enough requests in the budget: ${stats.sent}`);
  assert.equal(stats.fivexx + stats.hangs, 0, report);
});
