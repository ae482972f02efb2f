// Issue #15 closing figures on PostgreSQL: time to distribute one package (rice, oil, flour) to
// the 10,000 低保 households of one community in one batch (stock out, 10,000 recipient rows), and
// the latency of a household's benefit ledger with 5 years of history (60 monthly payments and
// the charity deliveries) — p50/p95/p99 over random households.
// `DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx node bench/charity-distribute.ts [households=10000]`
// A database is created for the run and dropped afterwards (BENCH_KEEP=1 keeps it).
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { loadConfig } from '../src/platform/config.ts';
import { openPostgres, queryRows } from '../src/platform/db/client.ts';
import { prepareDatabase } from '../src/app/prepare.ts';
import { createServices } from '../src/app/services.ts';
import { generateKeyRingJson, parseKeyRing } from '../src/platform/crypto/field-crypto.ts';
import { seedDemo } from '../src/seed/demo.ts';
import { SYSTEM_ACTOR } from '../src/modules/audit/index.ts';
import { caseWithPlan, family } from '../src/modules/payments/test-fixtures.ts';
import { cloneFamilies } from '../src/modules/charity/test-fixtures.ts';
import { adminQuery, databaseUrl } from '../test/support/templates.ts';

const base = process.env.DATABASE_URL;
if (!base) throw new Error('set DATABASE_URL (PostgreSQL)');
const N = Number(process.argv[2] ?? 10_000);
const GRID = '140107001001001';
const name = `lastmile_bench_${randomBytes(3).toString('hex')}`;
await adminQuery(base, `create database ${name}`);
const database = await openPostgres(databaseUrl(base, name), 4);
const ms = (started: number) => performance.now() - started;
try {
  await prepareDatabase(database);
  const services = createServices(loadConfig({ LOG_LEVEL: 'silent' }), database, parseKeyRing(generateKeyRingJson()));
  await seedDemo(database, services);
  const [adminRow] = await queryRows<{ id: number }>(database.db, sql`select id from users where username = 'admin'`);
  const admin = { id: Number(adminRow!.id), kind: 'user' as const, scope: '', roles: ['admin'] };
  const org = await services.organisations.create(admin, { kind: 'charity', name: '杏花岭区慈善会', creditCode: '53100000500021676K', jurisdictionCode: '140107', charityStatus: 'recognised', publicFundraising: false }, SYSTEM_ACTOR);
  const store = await services.charity.stock.createStore(admin, { organisationId: org.id, name: '慈善会仓库', kind: 'warehouse', jurisdictionCode: '140107' }, SYSTEM_ACTOR);
  const item = (name: string, unit: string, unitValueFen: number) => services.charity.stock.createItem({ name, unit, category: 'grain', perishable: true, unitValueFen }, SYSTEM_ACTOR);
  const items = [await item('大米', '袋（10千克）', 6000), await item('食用油', '桶（5升）', 7500), await item('面粉', '袋（10千克）', 4500)];
  await services.charity.donations.create(admin, {
    organisationId: org.id, kind: 'goods', donorKind: 'anonymous', receivedOn: '2026-01-05', restricted: false, storeId: store.id,
    lines: items.map((i) => ({ itemId: i.id, quantity: 2 * N, expiresOn: '2027-12-31' })),
  }, SYSTEM_ACTOR);
  let started = performance.now();
  const head = await family(services, GRID, '张三丰');
  const { caseId, planId } = await caseWithPlan(database.db, services.audit, head, GRID, { amountFen: 75_000, fromMonth: '2021-01' });
  await cloneFamilies(database.db, { ...head, caseId, planId }, GRID, N - 1);
  // Five years of 低保 payments for every household (60 months), as paid batches leave them.
  await database.db.execute(sql`
    insert into payments (plan_id, case_id, household_id, payee_person_id, jurisdiction_code, program, month, kind, amount_fen, status, paid_on)
    select pp.id, pp.case_id, pp.household_id, pp.payee_person_id, pp.jurisdiction_code, 'dibao', to_char(date '2021-01-01' + make_interval(months => m), 'YYYY-MM'), 'monthly', 75000, 'paid',
           (date '2021-01-20' + make_interval(months => m))::date
    from payment_plans pp cross join generate_series(0, 59) m where pp.jurisdiction_code = ${GRID}`);
  await database.db.execute(sql`vacuum analyze`);
  console.log(`set-up: ${N} 低保 households with 60 paid months each in ${(ms(started) / 1000).toFixed(1)} s`);

  const body = (nameOf: string, plannedOn: string) => ({
    organisationId: org.id, name: nameOf, kind: 'goods' as const, storeId: store.id, jurisdictionCode: '140107001001', plannedOn, dryRun: false,
    package: items.map((i) => ({ itemId: i.id, quantity: 1 })), recipients: { query: { program: 'dibao' as const, under: '140107001001' } },
  });
  const runs: number[] = [];
  for (const [label, plannedOn] of [['春节粮油慰问', '2025-01-20'], ['中秋粮油慰问', '2025-09-10']] as const) {
    started = performance.now();
    const result = await services.charity.distributions.create(admin, body(label, plannedOn), SYSTEM_ACTOR);
    runs.push(ms(started));
    console.log(`distribute to ${result.distribution!.counts.total} households in one batch: ${runs.at(-1)!.toFixed(0)} ms`);
    // Everyone signed: the deliveries are in the ledger.
    await database.db.execute(sql`update distribution_recipients set status = 'delivered', delivered_on = ${plannedOn} where distribution_id = ${result.distribution!.id}`);
  }
  started = performance.now();
  const sheet = await services.charity.distributions.sheet(admin, (await services.charity.distributions.list(admin, { limit: 1, offset: 0 })).items[0]!.id, '140107001001');
  console.log(`signing sheet PDF for ${sheet.households} households: ${ms(started).toFixed(0)} ms, ${(sheet.body.length / 1024).toFixed(0)} KiB`);

  await database.db.execute(sql`analyze`);
  const ids = (await queryRows<{ id: number }>(database.db, sql`select id from households where jurisdiction_code = ${GRID} order by random() limit 1000`)).map((r) => Number(r.id));
  for (const id of ids.slice(0, 50)) await services.charity.benefits.household(admin, id, {}); // warm-up
  const times: number[] = [];
  let lines = 0;
  for (const id of ids) {
    started = performance.now();
    const ledger = await services.charity.benefits.household(admin, id, {});
    times.push(ms(started));
    lines += ledger.years.reduce((s, y) => s + y.lines.length, 0);
  }
  times.sort((a, b) => a - b);
  const pct = (p: number) => times[Math.min(times.length - 1, Math.ceil((p / 100) * times.length) - 1)]!.toFixed(1);
  console.log(`benefit ledger, 5 years (60 payments + 2 deliveries per household), ${times.length} households: p50 ${pct(50)} ms, p95 ${pct(95)} ms, p99 ${pct(99)} ms (${(lines / times.length).toFixed(1)} lines each)`);
} finally {
  await database.close();
  if (!process.env.BENCH_KEEP) await adminQuery(base, `drop database ${name}`);
  else console.log(`kept database ${name}`);
}
