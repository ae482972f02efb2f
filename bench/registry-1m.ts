// Registry at scale: generate and load N households (default 1,000,000) into a fresh PostgreSQL
// database next to DATABASE_URL, print time and rows/s, then time searches (p50/p99) as a
// county user would run them. `DATABASE_URL=postgres://… node bench/registry-1m.ts [N]`
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { loadConfig } from '../src/platform/config.ts';
import { openPostgres, queryRows } from '../src/platform/db/client.ts';
import { migrateDatabase } from '../src/platform/db/migrate.ts';
import { createServices } from '../src/app/services.ts';
import { generateKeyRingJson, parseKeyRing } from '../src/platform/crypto/field-crypto.ts';
import { seedDemo } from '../src/seed/demo.ts';
import { loadGeneratedHouseholds } from '../src/seed/load-generated.ts';
import { demoResidences, generateHousehold } from '../src/seed/generator/index.ts';
import { pinyinKeys } from '../src/lib/pinyin.ts';
import { adminQuery, databaseUrl } from '../test/support/templates.ts';
import { progressBar } from '../src/cli/progress.ts';

const base = process.env.DATABASE_URL;
if (!base) throw new Error('set DATABASE_URL (PostgreSQL)');
const N = Number(process.argv[2] ?? 1_000_000);
const SEED = 2026;
// BENCH_DB=<name> re-runs only the searches on a database kept by an earlier run (BENCH_KEEP=1).
const reuse = process.env.BENCH_DB;
const name = reuse ?? `lastmile_bench_${randomBytes(3).toString('hex')}`;
if (!reuse) await adminQuery(base, `create database ${name}`);
const database = await openPostgres(databaseUrl(base, name), 4);
try {
  await migrateDatabase(database);
  // Blind indexes need the same keys: a kept database keeps its key ring in a file beside it.
  const keyFile = join(tmpdir(), `${name}.keys.json`);
  const ringJson = existsSync(keyFile) ? readFileSync(keyFile, 'utf8') : generateKeyRingJson();
  if (!existsSync(keyFile)) writeFileSync(keyFile, ringJson, { mode: 0o600 });
  const ring = parseKeyRing(ringJson);
  const services = createServices(loadConfig({ LOG_LEVEL: 'silent' }), database, ring);
  if (!reuse) {
  await seedDemo(database, services);
  const bar = progressBar('load', N);
  const stats = await loadGeneratedHouseholds(database, services, { seed: SEED, count: N, batchSize: 1000, onProgress: (n) => bar.update(n) });
  bar.finish();
  await database.db.execute(sql`vacuum analyze`); // as autovacuum would: statistics and the visibility map (index-only counts)
  const [size] = await queryRows<{ persons: number; rows: number }>(database.db, sql`select (select count(*) from persons) as persons,
    (select count(*) from households) + (select count(*) from persons) + (select count(*) from household_members) + (select count(*) from household_incomes)
    + (select count(*) from household_assets) + (select count(*) from household_expenses) as rows`);
  console.log(`loaded ${stats.households} households, ${size!.persons} persons, ${size!.rows} rows in ${stats.seconds.toFixed(1)} s = ${Math.round(size!.rows / stats.seconds)} rows/s (${Math.round(stats.households / stats.seconds)} households/s)`);
  }

  // Searches as a county user (杏花岭区) and as a grid worker would run them, through the service.
  const residences = demoResidences();
  const samples = Array.from({ length: 200 }, (_, i) => generateHousehold({ seed: SEED, residences }, (i * 4999) % N).members[0]!.person);
  const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
  async function time(label: string, scopeOf: (p: (typeof samples)[number]) => string, q: (p: (typeof samples)[number]) => string) {
    const times: number[] = [];
    let hits = 0;
    for (const p of samples) {
      const started = performance.now();
      const r = await services.persons.search({ scope: scopeOf(p) }, { q: q(p), limit: 50, offset: 0 });
      times.push(performance.now() - started);
      hits += r.total > 0 ? 1 : 0;
    }
    console.log(`${label.padEnd(44)} p50 ${pct(times, 50).toFixed(1)} ms  p99 ${pct(times, 99).toFixed(1)} ms  (found ${hits}/${samples.length})`);
  }
  const county = (p: { jurisdictionCode: string }) => p.jurisdictionCode.slice(0, 6);
  console.log(`search (${samples.length} queries each, 50 rows + total count):`);
  await time('ID number, exact (blind index), county scope', county, (p) => p.idNumber!);
  await time('name, full, county scope', county, (p) => p.name);
  await time('pinyin initials, county scope', county, (p) => pinyinKeys(p.name).initials);
  await time('full pinyin, county scope', county, (p) => pinyinKeys(p.name).full);
  await time('last 4 of ID number, county scope', county, (p) => p.idNumber!.slice(-4));
  await time('name, full, grid scope', (p) => p.jurisdictionCode, (p) => p.name);
  await time('pinyin initials, whole system', () => '', (p) => pinyinKeys(p.name).initials);
} finally {
  await database.close();
  if (!process.env.BENCH_KEEP && !reuse) await adminQuery(base, `drop database ${name} with (force)`);
  else console.log(`database kept: ${name}`);
}
