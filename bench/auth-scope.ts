// Figures for the identity work: login latency (scrypt cost included) and what jurisdiction
// scoping adds to a typical list query. `npm run bench:auth` (PGlite) or with DATABASE_URL
// (PostgreSQL; the bench creates and drops its own database next to the given one).
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { loadConfig } from '../src/platform/config.ts';
import { openPglite, openPostgres, type Database } from '../src/platform/db/client.ts';
import { migrateDatabase } from '../src/platform/db/migrate.ts';
import { buildApp } from '../src/app/http.ts';
import { createServices } from '../src/app/services.ts';
import { generateKeyRingJson, parseKeyRing } from '../src/platform/crypto/field-crypto.ts';
import { hashPassword, SCRYPT_PARAMS } from '../src/lib/password.ts';
import { seedDemo } from '../src/seed/demo.ts';
import { adminQuery, databaseUrl } from '../test/support/templates.ts';

const USERS = Number(process.env.BENCH_USERS ?? 200_000);
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
const ms = (x: number) => `${x.toFixed(2)} ms`;

let database: Database;
let dropDb: (() => Promise<void>) | undefined;
if (process.env.DATABASE_URL) {
  const name = `lastmile_bench_${randomBytes(3).toString('hex')}`;
  await adminQuery(process.env.DATABASE_URL, `create database ${name}`);
  database = await openPostgres(databaseUrl(process.env.DATABASE_URL, name));
  dropDb = () => adminQuery(process.env.DATABASE_URL!, `drop database ${name} with (force)`);
} else {
  database = await openPglite();
}
await migrateDatabase(database);
const config = loadConfig({ LOG_LEVEL: 'silent', LASTMILE_LOGIN_RATE_PER_MINUTE: '10000' });
const services = createServices(config, database, parseKeyRing(generateKeyRingJson()));
await seedDemo(database, services);
console.log(`database: ${database.kind}`);

// 1. scrypt alone, then a whole login over HTTP (scrypt + session insert + audit entry).
const scryptTimes: number[] = [];
for (let i = 0; i < 10; i++) {
  const t0 = performance.now();
  await hashPassword('Lastmile@2026');
  scryptTimes.push(performance.now() - t0);
}
console.log(`scrypt N=${SCRYPT_PARAMS.N} r=${SCRYPT_PARAMS.r} p=${SCRYPT_PARAMS.p}: p50 ${ms(pct(scryptTimes, 50))}`);
const app = await buildApp({ config, database, services }, { logger: false, serveWeb: false });
const loginTimes: number[] = [];
for (let i = 0; i < 30; i++) {
  const t0 = performance.now();
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'xhl_approver', password: 'Lastmile@2026' } });
  loginTimes.push(performance.now() - t0);
  if (res.statusCode !== 200) throw new Error(res.body);
}
console.log(`login (HTTP, in-process): p50 ${ms(pct(loginTimes, 50))}, p99 ${ms(pct(loginTimes, 99))}`);

// 2. Scoping: the same users list with and without the jurisdiction predicate, over USERS users
//    spread across the demo grids.
const grids = (await database.db.execute(sql`select code from jurisdictions where level = 'grid' order by code`)) as unknown as { rows: { code: string }[] };
const codes = grids.rows.map((r) => r.code);
const t0 = performance.now();
await database.db.execute(sql`
  insert into users (username, display_name, password_hash, jurisdiction_code, roles)
  select 'bench' || g, '用户' || g, 'scrypt$x', (${sql.raw(`array[${codes.map((c) => `'${c}'`).join(',')}]`)})[1 + (g % ${codes.length})], '{grid_worker}'
  from generate_series(1, ${USERS}) g`);
await database.db.execute(sql`analyze users`);
console.log(`inserted ${USERS} users in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

async function timeList(scope: string, n = 100) {
  const times: number[] = [];
  const caller = { id: 0, scope, kind: 'user' as const };
  for (let i = 0; i < n; i++) {
    const s = performance.now();
    await services.users.list(caller, { limit: 50, offset: 0 });
    times.push(performance.now() - s);
  }
  return times;
}
await timeList('', 10); // warm up
const unscoped = await timeList('');
const county = await timeList('140107');
const grid = await timeList(codes[0]!);
console.log(`users list (50 rows + total count) over ${USERS} users:`);
console.log(`  no scope (system-wide)     p50 ${ms(pct(unscoped, 50))}  p99 ${ms(pct(unscoped, 99))}`);
console.log(`  scope 140107 (county)      p50 ${ms(pct(county, 50))}  p99 ${ms(pct(county, 99))}`);
console.log(`  scope ${codes[0]} (grid) p50 ${ms(pct(grid, 50))}  p99 ${ms(pct(grid, 99))}`);
await app.close();
await database.close();
await dropDb?.();
