// Help requests at scale: load N requests (default 1,000,000) over the demo grids into a fresh
// PostgreSQL database next to DATABASE_URL (COPY, in batches), then time through the service
// (p50/p99, 200+ samples each): registering a request (routing, deadlines, audit), a grid
// worker's open list (overdue first), and a county's filtered lists (first page).
// `DATABASE_URL=postgres://… node bench/requests-1m.ts [N]`; BENCH_KEEP=1 keeps the database,
// BENCH_DB=<name> re-runs the timings on a kept one, BENCH_EXPLAIN=1 prints the list plans.
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { loadConfig } from '../src/platform/config.ts';
import { openPostgres, queryRows } from '../src/platform/db/client.ts';
import { migrateDatabase } from '../src/platform/db/migrate.ts';
import { copyField, copyInto } from '../src/platform/db/bulk-insert.ts';
import { createServices } from '../src/app/services.ts';
import { generateKeyRingJson, parseKeyRing } from '../src/platform/crypto/field-crypto.ts';
import { seedDemo } from '../src/seed/demo.ts';
import { demoJurisdictions } from '../src/seed/demo-jurisdictions.ts';
import { Random } from '../src/seed/generator/index.ts';
import { SYSTEM_ACTOR } from '../src/modules/audit/audit.service.ts';
import { adminQuery, databaseUrl } from '../test/support/templates.ts';
import { progressBar } from '../src/cli/progress.ts';

const base = process.env.DATABASE_URL;
if (!base) throw new Error('set DATABASE_URL (PostgreSQL)');
const N = Number(process.argv[2] ?? 1_000_000);
const SAMPLES = 240;
const BATCH = 50_000;
const reuse = process.env.BENCH_DB;
const name = reuse ?? `lastmile_bench_${randomBytes(3).toString('hex')}`;
if (!reuse) await adminQuery(base, `create database ${name}`);
const database = await openPostgres(databaseUrl(base, name), 4);

const CATEGORIES = ['living_help', 'facility_repair', 'mediation', 'policy_consult', 'errand', 'safety_hazard', 'other'] as const;
const HOURS: Record<string, [number, number]> = { living_help: [2, 48], facility_repair: [4, 72], mediation: [24, 168], policy_consult: [24, 72], errand: [24, 120], safety_hazard: [1, 24], other: [24, 168] };
const CHANNELS = ['hotline_card', 'patrol', 'council', 'walk_in', 'public_web', 'open311'] as const;
const WORDS = ['燃气灶打不着火', '楼道灯不亮', '下水道堵塞', '邻里噪音纠纷', '咨询低保申请', '代购火车票', '养老保险资格认证', '路灯电线裸露', '消防栓没有水', '屋顶漏水', '篮球场噪音', '独居老人需要送餐', '高龄津贴咨询', '井盖松动', '停车位纠纷'];
// Open states are recent (the last two weeks); closed ones spread over the year.
const STATES: readonly (readonly [string, number])[] = [['new', 10], ['assigned', 30], ['in_progress', 30], ['returned', 5], ['transferred', 5], ['resolved', 20], ['visited', 880], ['merged', 20]];
const OPEN = new Set(['new', 'assigned', 'in_progress', 'returned', 'transferred']);
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const HOUR = 3_600_000;

/** A unique code per index: a bijection of i onto 31^8 (multiplying by a number coprime to 31), in base 31. */
function trackingCode(i: number): string {
  let v = (BigInt(i) * 1_000_003n + 77_777n) % 31n ** 8n;
  let out = '';
  for (let k = 0; k < 8; k++) {
    out = ALPHABET[Number(v % 31n)]! + out;
    v /= 31n;
  }
  return `${out.slice(0, 4)}-${out.slice(4)}`;
}

try {
  await migrateDatabase(database);
  const services = createServices(loadConfig({ LOG_LEVEL: 'silent' }), database, parseKeyRing(generateKeyRingJson()));
  const grids = demoJurisdictions().filter((j) => j.level === 'grid').map((j) => j.code);
  if (!reuse) {
    await seedDemo(database, services);
    await services.requests.categories(); // the default categories
    // A grid worker for every grid (the demo has one), so routing assigns everywhere; not for logging in.
    await database.db.execute(sql`insert into users (username, display_name, password_hash, jurisdiction_code, roles)
      select 'gw_' || code, name || '网格员', 'bench$not-a-login', code, array['grid_worker'] from jurisdictions
      where level = 'grid' and not exists (select 1 from users u where u.jurisdiction_code = jurisdictions.code)`);
    const workers = new Map((await queryRows<{ id: number; code: string }>(database.db, sql`select id, jurisdiction_code as code from users where 'grid_worker' = any(roles)`)).map((u) => [u.code, u.id]));
    const columns = ['tracking_code', 'channel', 'category_code', 'state', 'description', 'jurisdiction_code', 'address', 'handler_code', 'handler_role', 'department', 'assignee_user_id', 'response_due_at', 'resolution_due_at', 'due_at', 'next_escalation_at', 'escalation_level', 'responded_at', 'resolved_at', 'closed_at', 'resolution_note', 'satisfaction', 'visited_at', 'submitted_by', 'created_at', 'updated_at'];
    const nowMs = Date.now();
    const bar = progressBar('load', N);
    const started = performance.now();
    for (let from = 0; from < N; from += BATCH) {
      const lines: string[] = [];
      for (let i = from; i < Math.min(N, from + BATCH); i++) {
        const r = new Random(2026, i);
        const grid = grids[r.int(0, grids.length - 1)]!;
        const category = r.pick(CATEGORIES);
        const state = r.weighted(STATES);
        const open = OPEN.has(state);
        const created = nowMs - (open ? r.int(0, 14 * 24) : r.int(14 * 24, 365 * 24)) * HOUR - r.int(0, 3_599_999);
        const [respH, resH] = HOURS[category]!;
        const responseDue = created + respH * HOUR;
        const resolutionDue = created + resH * HOUR;
        const responded = state === 'new' || state === 'assigned' || state === 'transferred' ? null : created + r.int(5, respH * 60) * 60_000;
        const due = open ? (responded ? resolutionDue : responseDue) : null;
        const escalated = open && due! < nowMs ? r.int(1, 3) : 0;
        const handler = escalated ? grid.slice(0, [15, 12, 9, 6][escalated]) : grid;
        const resolved = open ? null : (responded ?? created) + r.int(1, resH) * HOUR;
        const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
        lines.push([
          trackingCode(i), r.pick(CHANNELS), category, state, `${r.pick(WORDS)}（第 ${i} 号）`, grid, null, handler,
          state === 'new' ? 'grid_worker' : 'grid_worker', state === 'new' ? '网格' : null, state === 'new' ? null : (workers.get(grid) ?? null),
          iso(responseDue), iso(resolutionDue), iso(due), iso(open ? Math.max(due!, nowMs + r.int(1, 24) * HOUR) : null), escalated,
          iso(responded), iso(resolved), iso(state === 'visited' || state === 'merged' ? resolved! + 24 * HOUR : null),
          open ? null : '已处理完毕', state === 'visited' ? r.int(3, 5) : null, iso(state === 'visited' ? resolved! + 24 * HOUR : null),
          'bench', iso(created), iso(open ? created : resolved! + 24 * HOUR),
        ].map((v) => copyField(v as string | number | null)).join('\t') + '\n');
      }
      await database.db.transaction((tx) => copyInto(tx, 'help_requests', columns, lines.join('')));
      bar.update(Math.min(N, from + BATCH));
    }
    bar.finish();
    const seconds = (performance.now() - started) / 1000;
    await database.db.execute(sql`vacuum analyze help_requests`);
    const [size] = await queryRows<{ n: number; open: number; bytes: string }>(database.db, sql`select count(*)::int as n, count(*) filter (where state in ('new','assigned','in_progress','returned','transferred'))::int as open, pg_size_pretty(pg_total_relation_size('help_requests')) as bytes from help_requests`);
    console.log(`loaded ${size!.n} requests (${size!.open} open) over ${grids.length} grids in ${seconds.toFixed(1)} s = ${Math.round(size!.n / seconds)} rows/s; table with indexes ${size!.bytes}`);
  }

  const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
  async function time(label: string, run: (i: number) => Promise<unknown>) {
    for (let i = 0; i < 10; i++) await run(i + 10_000); // warm up
    const times: number[] = [];
    for (let i = 0; i < SAMPLES; i++) {
      const started = performance.now();
      await run(i);
      times.push(performance.now() - started);
    }
    console.log(`${label.padEnd(58)} p50 ${pct(times, 50).toFixed(1)} ms  p99 ${pct(times, 99).toFixed(1)} ms`);
  }
  const workers = await queryRows<{ id: number; code: string; name: string }>(database.db, sql`select id, jurisdiction_code as code, display_name as name from users where 'grid_worker' = any(roles) order by id`);
  const gridWorker = (i: number) => {
    const u = workers[(i * 7919) % workers.length]!;
    return { id: u.id, username: `gw_${u.code}`, displayName: u.name, roles: ['grid_worker'], scope: u.code, jurisdictionCode: u.code, kind: 'user' as const };
  };
  const xhl = grids.filter((g) => g.startsWith('140107'));
  const county = { id: 2, username: 'xhl_approver', displayName: '杏花岭区审批员', roles: ['county_approver'], scope: '140107', jurisdictionCode: '140107', kind: 'user' as const };
  const list = (caller: Parameters<typeof services.requests.list>[0], q: Record<string, unknown>) =>
    services.requests.list(caller, { status: 'open', limit: 50, offset: 0, ...q } as Parameters<typeof services.requests.list>[1]);

  console.log(`timings (${SAMPLES} samples each, after 10 warm-up calls):`);
  await time('create a request (grid worker on patrol, routed, audited)', (i) => {
    const gw = gridWorker(i);
    return services.requests.create(gw, { channel: 'patrol', categoryCode: CATEGORIES[i % CATEGORIES.length]!, description: `巡查发现：${WORDS[i % WORDS.length]}`, jurisdictionCode: gw.scope }, { ...SYSTEM_ACTOR, name: gw.username });
  });
  await time('create a request (county hotline, routed to the grid)', (i) =>
    services.requests.create(county, { channel: 'hotline_card', categoryCode: CATEGORIES[i % CATEGORIES.length]!, description: `来电：${WORDS[i % WORDS.length]}`, jurisdictionCode: xhl[(i * 31) % xhl.length]! }, { ...SYSTEM_ACTOR, name: 'xhl_approver' }));
  await time('grid worker: my open requests, overdue first (page 1)', (i) => list(gridWorker(i), {}));
  await time('grid worker: overdue only', (i) => list(gridWorker(i), { overdue: 'true' }));
  await time('county: open, one category (page 1)', (i) => list(county, { category: CATEGORIES[i % CATEGORIES.length] }));
  await time('county: open, one state, one channel (page 1)', (i) => list(county, { state: ['assigned', 'in_progress', 'new'][i % 3], channel: CHANNELS[i % CHANNELS.length] }));
  await time('county: overdue, under one street (page 1)', (i) => list(county, { overdue: 'true', under: xhl[i % xhl.length]!.slice(0, 9) }));
  await time('county: all states, newest first (page 1)', () => list(county, { status: 'all' }));
  await time('county: followed up, one category (page 1)', (i) => list(county, { status: 'closed', category: CATEGORIES[i % CATEGORIES.length] }));
  await time('county: figures (open, overdue, escalated)', () => services.requests.figures(county));
  await time('escalation job run (nothing due, index probe)', () => services.requests.escalateOverdue());

  if (process.env.BENCH_EXPLAIN) {
    const explain = async (label: string, where: ReturnType<typeof sql>, order: ReturnType<typeof sql>) => {
      const rows = await queryRows<{ 'QUERY PLAN': string }>(database.db, sql`explain (analyze, buffers) select id from help_requests where ${where} order by ${order} limit 50`);
      console.log(`\n${label}\n${rows.map((r) => r['QUERY PLAN']).join('\n')}`);
    };
    const open = sql.raw(`state in ('new','assigned','in_progress','returned','transferred')`);
    await explain('grid worker open list', sql`jurisdiction_code collate "C" like ${`${grids[5]}%`} and ${open}`, sql`due_at, id`);
    await explain('county open + category', sql`jurisdiction_code collate "C" like '140107%' and ${open} and category_code = 'mediation'`, sql`due_at, id`);
    await explain('county all newest', sql`jurisdiction_code collate "C" like '140107%'`, sql`id desc`);
  }
} finally {
  await database.close();
  if (!process.env.BENCH_KEEP && !reuse) await adminQuery(base, `drop database ${name} with (force)`);
  else console.log(`database kept: ${name}`);
}
