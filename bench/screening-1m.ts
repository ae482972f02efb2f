// End-to-end screening at scale on PostgreSQL: load N generated households (default 1,000,000)
// into a fresh database next to DATABASE_URL, then time `runScreening` (all programs, whole
// system) next to a bare `COPY (the same input select) TO STDOUT`, and print both and the ratio.
// `DATABASE_URL=postgres://… node bench/screening-1m.ts [N]`; BENCH_KEEP=1 keeps the database,
// BENCH_DB=<name> re-runs the timing on a kept one; BENCH_FACTS=0 loads no registry facts
// (supporters, parents' situations, unemployment, job events; by default a share of persons has them).
import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { to as copyTo } from 'pg-copy-streams';
import type { Pool } from 'pg';
import { loadConfig } from '../src/platform/config.ts';
import { openPostgres, queryRows } from '../src/platform/db/client.ts';
import { prepareDatabase } from '../src/app/prepare.ts';
import { createServices } from '../src/app/services.ts';
import { generateKeyRingJson, parseKeyRing } from '../src/platform/crypto/field-crypto.ts';
import { seedDemo } from '../src/seed/demo.ts';
import { loadGeneratedHouseholds } from '../src/seed/load-generated.ts';
import { adminQuery, databaseUrl } from '../test/support/templates.ts';
import { progressBar } from '../src/cli/progress.ts';
import { factsSelect } from '../src/modules/policy/policy.facts.store.ts';
import { runScreening } from '../src/modules/policy/screening.ts';

const base = process.env.DATABASE_URL;
if (!base) throw new Error('set DATABASE_URL (PostgreSQL)');
const N = Number(process.argv[2] ?? 1_000_000);
const DATE = '2026-11-01';
const reuse = process.env.BENCH_DB;
const name = reuse ?? `lastmile_screen_${randomBytes(3).toString('hex')}`;
if (!reuse) await adminQuery(base, `create database ${name}`);
const database = await openPostgres(databaseUrl(base, name), 4);
try {
  await prepareDatabase(database);
  const services = createServices(loadConfig({ LOG_LEVEL: 'silent' }), database, parseKeyRing(generateKeyRingJson()));
  if (!reuse) {
    await seedDemo(database, services);
    const bar = progressBar('load', N);
    const stats = await loadGeneratedHouseholds(database, services, { seed: 2026, count: N, batchSize: 1000, onProgress: (n) => bar.update(n) });
    bar.finish();
    // Registry facts (supporters, parents' situations, unemployment, job events) for a share of
    // persons, so the input select reads them as it would in a real registry. BENCH_FACTS=0: none.
    if (process.env.BENCH_FACTS !== '0') {
      const started = performance.now();
      await database.db.execute(sql`insert into person_supporters (person_id, relation, name, birth_date, monthly_income_fen, property_within_rule, situations, recorded_by)
        select id, 'child', '义务人', date '1955-01-01' + (id % 9000)::int, (id % 500000)::bigint, true, '[]'::jsonb, 'bench' from persons where id % 10 = 0`);
      await database.db.execute(sql`insert into person_parent_situations (person_id, parent, situation, began_on, evidence_kind, recorded_by)
        select id, p.parent, p.situation, date '2024-01-01', 'other', 'bench' from persons, (values ('father', 'imprisoned'), ('mother', 'lost_contact')) as p(parent, situation)
         where id % 50 = 0 and birth_date > date '2008-11-01'`);
      await database.db.execute(sql`insert into person_unemployment (person_id, contribution_months, separation_on, separation_reason, registered_on, recorded_by)
        select id, (id % 200)::smallint, date '2025-06-30', case when id % 3 = 0 then 'voluntary' else 'involuntary' end, date '2025-07-05', 'bench'
          from persons where id % 25 = 0 and birth_date < date '1995-01-01'`);
      await database.db.execute(sql`insert into person_job_events (person_id, kind, on_date, recorded_by)
        select id, 'referral_refused', date '2026-01-01' + (k * 30), 'bench' from persons, generate_series(0, 2) as k where id % 40 = 0`);
      const [n] = await queryRows<{ s: number; p: number; u: number; j: number }>(database.db, sql`select (select count(*) from person_supporters)::int as s, (select count(*) from person_parent_situations)::int as p,
        (select count(*) from person_unemployment)::int as u, (select count(*) from person_job_events)::int as j`);
      console.log(`facts: ${n!.s} supporters, ${n!.p} parents' situations, ${n!.u} unemployment, ${n!.j} job events in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    }
    await database.db.execute(sql`vacuum analyze`); // as autovacuum would: statistics and the visibility map (index-only counts)
    console.log(`loaded ${stats.households} households in ${stats.seconds.toFixed(1)} s`);
  }
  const [{ households } = { households: 0 }] = await queryRows<{ households: number }>(database.db, sql`select count(*)::int as households from households`);

  // Baseline: the screener's own input select, streamed out by COPY and discarded.
  const query = new PgDialect().sqlToQuery(sql`${factsSelect(DATE)} order by h.id`);
  if (query.params.length > 0) throw new Error('the input select should have no bound parameters');
  const client = await (database.pool as Pool).connect();
  let bytes = 0;
  const copyStarted = performance.now();
  try {
    await pipeline(client.query(copyTo(`COPY (${query.sql}) TO STDOUT`)), new Writable({ write(chunk: Buffer, _e, cb) { bytes += chunk.length; cb(); } }));
  } finally {
    client.release();
  }
  const copySeconds = (performance.now() - copyStarted) / 1000;
  console.log(`COPY (input select) TO STDOUT: ${households} households, ${(bytes / 1e6).toFixed(0)} MB in ${copySeconds.toFixed(1)} s`);

  const bar = progressBar('screen', households);
  const rssBefore = process.memoryUsage().rss;
  let peakRss = rssBefore;
  const summary = await runScreening(database, await services.policy.index(), {
    programs: 'all', jurisdiction: '', date: DATE, batchSize: 2000, startedBy: 'bench',
    onProgress: (done) => { bar.update(done); peakRss = Math.max(peakRss, process.memoryUsage().rss); },
  });
  bar.finish();
  const byProgram = await queryRows<{ program: string; eligible: number; near: number }>(database.db, sql`
    select program, count(*) filter (where status = 'eligible')::int as eligible, count(*) filter (where near_miss)::int as near
      from screening_results where run_id = ${summary.runId} group by program order by program`);
  console.log(`screening: ${summary.households} households, ${summary.evaluations} evaluations, ${summary.stored} results stored in ${summary.seconds.toFixed(1)} s (${Math.round(summary.households / summary.seconds)} households/s), peak RSS ${Math.round(peakRss / 2 ** 20)} MiB`);
  for (const r of byProgram) console.log(`  ${r.program.padEnd(24)} eligible ${r.eligible}  near-miss ${r.near}`);
  console.log(`ratio screening / COPY baseline: ${(summary.seconds / copySeconds).toFixed(2)}× (target ≤ 3×)`);
} finally {
  await database.close();
  if (!reuse && process.env.BENCH_KEEP !== '1') await adminQuery(base, `drop database if exists ${name}`);
  else console.log(`kept database ${name} (BENCH_DB=${name} to re-run)`);
}
