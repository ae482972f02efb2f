// The figures over 1,000,000 households on PostgreSQL (issue #21): loads a county-sized world
// into a fresh database next to DATABASE_URL with set-based SQL (households with two members,
// 10% on 低保 and 2% on 特困 paid monthly for 12 months, 3% 临时救助, cases with timelines, help
// requests, a screening run), then times the county dashboard's figures through the service —
// cold (the first pass on a fresh connection pool, right after loading and ANALYZE; the OS page
// cache is not dropped) and warm (p50 of the next passes) — and the p99 of a drill-down list page.
// `DATABASE_URL=postgres://… npx node bench/figures-1m.ts [households]`; BENCH_KEEP=1 keeps the
// database, BENCH_DB=<name> re-runs the timings on a kept one.
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { loadConfig } from '../src/platform/config.ts';
import { openPostgres, queryRows } from '../src/platform/db/client.ts';
import { migrateDatabase } from '../src/platform/db/migrate.ts';
import { createServices } from '../src/app/services.ts';
import { generateKeyRingJson, parseKeyRing } from '../src/platform/crypto/field-crypto.ts';
import { seedDemo } from '../src/seed/demo.ts';
import { SYSTEM_ACTOR } from '../src/modules/audit/audit.service.ts';
import { adminQuery, databaseUrl } from '../test/support/templates.ts';

const base = process.env.DATABASE_URL;
if (!base) throw new Error('set DATABASE_URL (PostgreSQL)');
const N = Number(process.argv[2] ?? 1_000_000);
const reuse = process.env.BENCH_DB;
const name = reuse ?? `lastmile_bench_${randomBytes(3).toString('hex')}`;
if (!reuse) await adminQuery(base, `create database ${name}`);
let database = await openPostgres(databaseUrl(base, name), 4);
const keyRing = parseKeyRing(generateKeyRingJson());
const config = loadConfig({ LOG_LEVEL: 'silent' });
const step = async (label: string, q: ReturnType<typeof sql>) => {
  const started = performance.now();
  await database.db.execute(q);
  console.log(`  ${label}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
};

try {
  await migrateDatabase(database);
  if (!reuse) {
    const loader = createServices(config, database, keyRing);
    await seedDemo(database, loader);
    await loader.requests.categories(); // the default categories
    console.log(`loading ${N} households into ${name}:`);
    const loadStarted = performance.now();
    await step('grids', sql`create table bench_grids as select row_number() over (order by code) - 1 as i, code from jurisdictions where level = 'grid' and code like '140107%'`);
    const g = sql`(select code from bench_grids where i = s.n % (select count(*) from bench_grids))`;
    await step('persons (2 per household)', sql`insert into persons (name, name_pinyin, name_initials, jurisdiction_code)
      select '王' || s.n, 'wang' || s.n, 'w', ${g} from generate_series(0, ${2 * N - 1}) s(n)`);
    await step('households', sql`insert into households (jurisdiction_code, head_person_id, external_key)
      select p.jurisdiction_code, p.id, 'b' || p.id from persons p where p.id % 2 = 1`);
    await step('members', sql`insert into household_members (household_id, person_id, relationship, joined_at)
      select h.id, m.pid, m.rel, '2020-01-01' from households h cross join lateral (values (h.head_person_id, 'self'), (h.head_person_id + 1, 'spouse')) m(pid, rel)`);
    // Programs by household id: 低保 every 10th, 特困 every 50th (+3), 临时救助 every 33rd (+7).
    await step('cases', sql`insert into assistance_cases (case_no, program, procedure, state, household_id, applicant_person_id, beneficiary_person_id, jurisdiction_code, channel, step_started_on, received_on, approved_on, approved_fen, due_on)
      select 'B-' || x.prog || '-' || h.id, x.prog, 'general', case when h.id % 97 = 0 then 'investigating' else 'approved' end, h.id, h.head_person_id,
             case when x.prog = 'tekun' then h.head_person_id end, h.jurisdiction_code, 'application', '2025-01-02', '2025-01-02',
             case when h.id % 97 = 0 then null else ('2025-01-10'::date + (h.id % 300)::int) end, 50000, case when h.id % 97 = 0 then '2025-02-01'::date end
        from households h cross join lateral (select unnest(array[case when h.id % 10 = 0 then 'dibao' end, case when h.id % 50 = 3 then 'tekun' end, case when h.id % 33 = 7 then 'temporary' end]) as prog) x
       where x.prog is not null`);
    await step('case timelines', sql`insert into case_events (case_id, on_date, actor_name, action, to_state)
      select c.id, e.d, 'bench', 'step', e.s from assistance_cases c cross join lateral (values (c.received_on, 'accepted'), (c.received_on + 3, 'investigating'), (c.approved_on, 'approved')) e(d, s) where e.d is not null`);
    await step('plans', sql`insert into payment_plans (case_id, household_id, payee_person_id, jurisdiction_code, program, period, amount_fen, from_month, status)
      select c.id, c.household_id, c.applicant_person_id, c.jurisdiction_code, c.program, case when c.program = 'temporary' then 'once' else 'monthly' end,
             30000 + (c.id % 7) * 5000, '2025-01', 'active' from assistance_cases c where c.state = 'approved'`);
    await step('payments (12 months)', sql`insert into payments (plan_id, case_id, household_id, payee_person_id, jurisdiction_code, program, month, kind, amount_fen, status, paid_on)
      select pp.id, pp.case_id, pp.household_id, pp.payee_person_id, pp.jurisdiction_code, pp.program, to_char(m, 'YYYY-MM'), 'monthly', pp.amount_fen,
             case when (pp.id + extract(month from m)::int) % 200 = 0 then 'failed' else 'paid' end,
             case when (pp.id + extract(month from m)::int) % 200 = 0 then null else (m + interval '19 days')::date end
        from payment_plans pp cross join generate_series('2025-01-01'::date, '2025-12-01'::date, interval '1 month') m
       where pp.period = 'monthly' or m = (date_trunc('month', (select approved_on from assistance_cases where id = pp.case_id)))::date
       order by m, pp.id`); // month by month, as the monthly generation writes them
    await step('help requests (one per 5 households)', sql`insert into help_requests (tracking_code, channel, category_code, state, description, jurisdiction_code, handler_code, response_due_at, resolution_due_at, resolved_at, satisfaction, submitted_by, created_at)
      select 'B' || h.id, 'patrol', (array['living_help','facility_repair','mediation','other'])[1 + h.id % 4], 'visited', '巡查', h.jurisdiction_code, h.jurisdiction_code,
             t, t + interval '72 hours', t + ((h.id % 5) * 20) * interval '1 hour', 1 + h.id % 5, 'bench', t
        from households h cross join lateral (select '2025-01-01T08:00:00+08'::timestamptz + (h.id % 360) * interval '1 day' as t) x where h.id % 5 = 0`);
    await step('screening run', sql`with r as (insert into screening_runs (programs, jurisdiction_code, as_of, status) values (array['dibao'], '140107', '2025-11-30', 'done') returning id)
      insert into screening_results (run_id, household_id, jurisdiction_code, program, status, amount_fen, near_miss)
      select r.id, h.id, h.jurisdiction_code, 'dibao', case when h.id % 10 in (0, 1) then 'eligible' else 'ineligible' end, 40000, h.id % 10 = 2 from households h, r where h.id % 10 in (0, 1, 2)`);
    await step('analyze', sql`analyze`);
    const [size] = await queryRows<{ households: number; payments: number; cases: number; bytes: string }>(database.db, sql`select (select count(*) from households)::int as households, (select count(*) from payments)::int as payments, (select count(*) from assistance_cases)::int as cases, pg_size_pretty(pg_database_size(current_database())) as bytes`);
    console.log(`loaded in ${((performance.now() - loadStarted) / 1000).toFixed(0)} s: ${JSON.stringify(size)}`);
    await database.close();
    database = await openPostgres(databaseUrl(base, name), 4);
  }

  const at = { now: () => new Date('2025-12-31T18:00:00+08:00') };
  const services = createServices(config, database, keyRing, at);
  // The same figures with the in-process cache off: every pass goes to the database.
  const uncached = createServices(loadConfig({ LOG_LEVEL: 'silent', LASTMILE_FIGURES_CACHE_SECONDS: '0' }), database, keyRing, at);
  const county = { roles: ['county_approver'], scope: '140107' };
  const dashboard: [string, Record<string, string>][] = [
    ['dibao.recipients', { period: '2025-12', by: 'place' }], ['dibao.persons', { period: '2025-12' }], ['dibao.paid', { period: '2025-12', by: 'place' }],
    ['tekun.recipients', { period: '2025-12' }], ['temporary.paid', { period: '2025-01..2025-12' }], ['dibao.new', { period: '2025-12' }], ['dibao.ended', { period: '2025-12' }],
    ['payments.paid', { period: '2025-01..2025-12', by: 'month' }], ['payments.paid', { period: '2025-12', by: 'category' }], ['payments.failed', { period: '2025-12' }],
    ['cases.open', { period: '2025-12', by: 'category' }], ['cases.overdue', { by: 'place' }], ['requests.sla_met', { period: '2025-12', by: 'category' }],
    ['requests.satisfied', { period: '2025-12' }], ['coverage.gap', { period: '2025-12', by: 'place' }],
  ];
  const pass = async (svc = services) => {
    const times: Record<string, number> = {};
    const started = performance.now();
    await Promise.all(dashboard.map(async ([id, q], i) => {
      const t0 = performance.now();
      await svc.figures.value(county, id, q as never);
      times[`${i}:${id}`] = performance.now() - t0;
    }));
    return { total: performance.now() - started, times };
  };
  const cold = await pass();
  console.log(`county dashboard (${dashboard.length} figures, 4 connections), cold: ${cold.total.toFixed(0)} ms`);
  for (const [k, v] of Object.entries(cold.times)) console.log(`    ${k.padEnd(28)} ${v.toFixed(0)} ms`);
  const warmDb: number[] = [];
  for (let i = 0; i < 5; i++) warmDb.push((await pass(uncached)).total);
  warmDb.sort((a, b) => a - b);
  console.log(`county dashboard, warm, from the database (cache off): p50 ${warmDb[2]!.toFixed(0)} ms (of ${warmDb.map((w) => w.toFixed(0)).join(', ')})`);
  const warm: number[] = [];
  for (let i = 0; i < 5; i++) warm.push((await pass()).total);
  warm.sort((a, b) => a - b);
  console.log(`county dashboard, warm, seen again (figures cache): p50 ${warm[2]!.toFixed(2)} ms (of ${warm.map((w) => w.toFixed(2)).join(', ')})`);

  const places = (await queryRows<{ code: string }>(database.db, sql`select code from jurisdictions where code like '140107%' and length(code) >= 9 order by code`)).map((r) => r.code);
  const pages: number[] = [];
  for (let i = 0; i < 200; i++) {
    const t0 = performance.now();
    await uncached.figures.rows(county, 'dibao.paid', { period: '2025-12', under: places[(i * 7) % places.length], limit: 50, offset: 0, reveal: 'false' } as never, SYSTEM_ACTOR);
    pages.push(performance.now() - t0);
  }
  pages.sort((a, b) => a - b);
  console.log(`drill-down list page (dibao.paid, 50 rows, a township/community/grid, cache off): p50 ${pages[100]!.toFixed(0)} ms, p99 ${pages[197]!.toFixed(0)} ms`);
} finally {
  await database.close();
  if (!reuse && process.env.BENCH_KEEP !== '1') await adminQuery(base, `drop database ${name}`);
  else console.log(`kept database ${name}`);
}
