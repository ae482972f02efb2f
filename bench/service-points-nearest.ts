// The public directory at scale: N service points (default 100,000) — half in and around 太原
// (a 40 × 40 km city, ~30 points a km²), half spread over 山西 — generated in SQL, then the
// nearest-open query timed through the service (bounding box on the (lat, lng) index, exact
// distance and "open now" in the service): p50/p99 over SAMPLES random places, on PGlite
// (in memory) and, when DATABASE_URL is set, on PostgreSQL (a fresh database, dropped after).
// `node bench/service-points-nearest.ts [N]`
import { sql } from 'drizzle-orm';
import { loadConfig } from '../src/platform/config.ts';
import type { Database } from '../src/platform/db/client.ts';
import { migrateDatabase } from '../src/platform/db/migrate.ts';
import { createServices } from '../src/app/services.ts';
import { generateKeyRingJson, parseKeyRing } from '../src/platform/crypto/field-crypto.ts';
import { seedDemo } from '../src/seed/demo.ts';
import { onBothDrivers } from './lib/both-drivers.ts';

const N = Number(process.argv[2] ?? 100_000);
const SAMPLES = 400;
const AT = new Date('2026-10-12T10:00:00+08:00'); // a Monday morning

async function load(database: Database): Promise<void> {
  const { db } = database;
  await db.execute(sql`select setseed(0.17)`);
  const types = sql.raw(`array['love_station','medical_insurance_station','medical_insurance_point','day_care_centre','happiness_home','happiness_canteen','care_home','charity_supermarket','social_work_station','gig_market']`);
  const hours = sql.raw(`array[
    '[{"day":1,"opens":"09:00","closes":"17:00"},{"day":2,"opens":"09:00","closes":"17:00"},{"day":3,"opens":"09:00","closes":"17:00"},{"day":4,"opens":"09:00","closes":"17:00"},{"day":5,"opens":"09:00","closes":"17:00"}]',
    '[{"day":1,"opens":"08:00","closes":"20:00"},{"day":2,"opens":"08:00","closes":"20:00"},{"day":3,"opens":"08:00","closes":"20:00"},{"day":4,"opens":"08:00","closes":"20:00"},{"day":5,"opens":"08:00","closes":"20:00"},{"day":6,"opens":"08:00","closes":"20:00"},{"day":7,"opens":"08:00","closes":"20:00"}]',
    '[{"day":1,"opens":"11:00","closes":"13:00"},{"day":2,"opens":"11:00","closes":"13:00"},{"day":3,"opens":"11:00","closes":"13:00"},{"day":4,"opens":"11:00","closes":"13:00"},{"day":5,"opens":"11:00","closes":"13:00"}]'
  ]::jsonb[]`);
  for (let from = 1; from <= N; from += 20_000) {
    const to = Math.min(N, from + 19_999);
    await db.execute(sql`
      insert into service_points (type_code, name, jurisdiction_code, address, lng, lat, always_open, hours, holiday_rule, status, closed_reason)
      select (${types})[1 + g % 10], '服务点 ' || g, '140107001001', '测试路 ' || g || ' 号',
        case when g % 2 = 0 then 112.35 + random() * 0.45 else 110.3 + random() * 4.2 end,
        case when g % 2 = 0 then 37.70 + random() * 0.36 else 34.7 + random() * 5.9 end,
        g % 50 = 0, (${hours})[1 + g % 3], (array['as_usual','closed_on_holidays','workdays'])[1 + g % 3],
        case when g % 40 = 0 then 'temporarily_closed' else 'open' end, case when g % 40 = 0 then '维修' end
      from generate_series(${from}::int, ${to}::int) g`);
  }
  // Services: 热水 at half the points, 休息 at all, 医保参保 at one in five.
  await db.execute(sql`insert into service_point_services (point_id, service_code) select id, 'rest' from service_points`);
  await db.execute(sql`insert into service_point_services (point_id, service_code) select id, 'hot_water' from service_points where id % 2 = 0`);
  await db.execute(sql`insert into service_point_services (point_id, service_code) select id, 'mi_enrolment' from service_points where id % 5 = 0`);
  await db.execute(sql`analyze`);
}

function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
}

async function run(label: string, database: Database): Promise<void> {
  const services = createServices(loadConfig({ LOG_LEVEL: 'silent' }), database, parseKeyRing(generateKeyRingJson()), { now: () => AT });
  await migrateDatabase(database);
  await seedDemo(database, services);
  await services.servicePoints.ready();
  const t0 = performance.now();
  await load(database);
  console.log(`${label}: ${N.toLocaleString('en')} points loaded in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  let seed = 7;
  const rand = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
  const cases = [
    ['city, 热水, open now, 3 km', () => ({ lng: 112.4 + rand() * 0.35, lat: 37.74 + rand() * 0.28, service: 'hot_water', openNow: true, radius: 3000 })],
    ['city, any service, 1 km', () => ({ lng: 112.4 + rand() * 0.35, lat: 37.74 + rand() * 0.28, openNow: false, radius: 1000 })],
    ['province, 医保参保, open now, 10 km', () => ({ lng: 110.5 + rand() * 3.8, lat: 35 + rand() * 5.5, service: 'mi_enrolment', openNow: true, radius: 10_000 })],
  ] as const;
  for (const [name, make] of cases) {
    for (let i = 0; i < 20; i++) await services.servicePoints.nearest({ system: 'wgs84', limit: 10, type: undefined, service: undefined, ...make() }); // warm-up
    const times: number[] = [];
    let found = 0;
    for (let i = 0; i < SAMPLES; i++) {
      const q = { system: 'wgs84' as const, limit: 10, type: undefined, service: undefined, ...make() };
      const s = performance.now();
      const r = await services.servicePoints.nearest(q);
      times.push(performance.now() - s);
      found += r.items.length;
    }
    console.log(`${label}: ${name}: p50 ${quantile(times, 0.5).toFixed(1)} ms, p99 ${quantile(times, 0.99).toFixed(1)} ms, max ${Math.max(...times).toFixed(1)} ms (${(found / SAMPLES).toFixed(1)} results on average, ${SAMPLES} samples)`);
  }
}

await onBothDrivers(run);
