// Coverage at county scale: 999 communities (villages of one township, each with a centre point
// spread over a 40 × 40 km county) and N service points (default 100,000; half in that county,
// half over 山西), then GET-equivalent coverage for three kinds within 1 km, timed on PGlite and,
// with DATABASE_URL, on PostgreSQL. Residences have no coordinates in lastmile, so coverage is
// measured from community centres (docs/service-points.md).
// `node bench/service-points-coverage.ts [N]`
import { sql } from 'drizzle-orm';
import { loadConfig } from '../src/platform/config.ts';
import type { Database } from '../src/platform/db/client.ts';
import { migrateDatabase } from '../src/platform/db/migrate.ts';
import { createServices } from '../src/app/services.ts';
import { generateKeyRingJson, parseKeyRing } from '../src/platform/crypto/field-crypto.ts';
import { seedDemo } from '../src/seed/demo.ts';
import { onBothDrivers } from './lib/both-drivers.ts';

const N = Number(process.argv[2] ?? 100_000);

async function run(label: string, database: Database) {
  const services = createServices(loadConfig({ LOG_LEVEL: 'silent' }), database, parseKeyRing(generateKeyRingJson()));
  await migrateDatabase(database);
  await seedDemo(database, services);
  await services.servicePoints.ready();
  const { db } = database;
  await db.execute(sql`select setseed(0.3)`);
  // 999 communities under 140107003 (a demo township), with centre points.
  await db.execute(sql`insert into jurisdictions (code, name, level, parent_code)
    select '140107003' || lpad(g::text, 3, '0'), '社区' || g, 'village', '140107003' from generate_series(1, 999) g on conflict do nothing`);
  await db.execute(sql`insert into place_locations (jurisdiction_code, lng, lat)
    select code, 112.35 + random() * 0.45, 37.70 + random() * 0.36 from jurisdictions where code like '140107003%' and length(code) = 12
    on conflict (jurisdiction_code) do update set lng = excluded.lng, lat = excluded.lat`);
  await db.execute(sql`
    insert into service_points (type_code, name, jurisdiction_code, address, lng, lat, always_open)
    select (array['love_station','medical_insurance_point','happiness_canteen','day_care_centre'])[1 + g % 4], '点 ' || g, '140107001001', '路 ' || g,
      case when g % 2 = 0 then 112.35 + random() * 0.45 else 110.3 + random() * 4.2 end,
      case when g % 2 = 0 then 37.70 + random() * 0.36 else 34.7 + random() * 5.9 end, true
    from generate_series(1, ${N}::int) g`);
  await db.execute(sql`analyze`);
  const caller = { id: null, roles: ['admin'], scope: '' };
  const times: number[] = [];
  let beyond = 0;
  for (let i = 0; i < 7; i++) {
    const s = performance.now();
    const r = await services.servicePoints.coverage(caller, { under: '140107003', types: ['love_station', 'medical_insurance_point', 'happiness_canteen'], maxM: 1000 });
    times.push(performance.now() - s);
    beyond = r.beyond.length;
  }
  times.sort((a, b) => a - b);
  console.log(`${label}: coverage of 999 communities × 3 kinds among ${N.toLocaleString('en')} points: median ${times[3]!.toFixed(0)} ms, max ${times[6]!.toFixed(0)} ms (${beyond} communities beyond 1 km for some kind)`);
}

await onBothDrivers(run);
