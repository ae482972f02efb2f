// Campaign lists at registry scale: on a database holding a loaded registry (e.g. one kept by
// `BENCH_KEEP=1 node bench/registry-1m.ts`: 1M households, 2.7M persons), time building
// "everyone aged 80+ in a county" set-based (INSERT … SELECT, with a grid worker for every grid),
// the live progress roll-up, ledger pages, and reading the whole ledger as the export does.
// Everything runs in one transaction that is rolled back: the database is left as it was.
// `DATABASE_URL=postgres://…/lastmile_bench_xxx node bench/campaign-build.ts [county=410103]`
import { readdirSync, readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { openPostgres, queryRows } from '../src/platform/db/client.ts';
import * as store from '../src/modules/campaigns/campaigns.store.ts';
import { rollUp, rollUpCodes } from '../src/modules/campaigns/progress.ts';
import { normaliseChecklist } from '../src/modules/campaigns/campaigns.service.ts';
import { CHECKLIST_PRESETS, ChecklistInput } from '../src/modules/campaigns/campaigns.schema.ts';

const url = process.env.DATABASE_URL;
if (!url) throw new Error('set DATABASE_URL to a PostgreSQL database holding a loaded registry');
const county = process.argv[2] ?? '410103';
const startsOn = '2026-11-01';
const database = await openPostgres(url, 2);
class Rollback extends Error {}

const time = async <T>(label: string, fn: () => Promise<T>, show: (r: T) => string = () => ''): Promise<T> => {
  const started = performance.now();
  const result = await fn();
  console.log(`${label.padEnd(48)} ${(performance.now() - started).toFixed(0).padStart(7)} ms  ${show(result)}`);
  return result;
};

try {
  const [size] = await queryRows<{ persons: number; inCounty: number }>(database.db, sql`
    select (select count(*) from persons)::int as persons, (select count(*) from persons where jurisdiction_code like ${`${county}%`})::int as "inCounty"`);
  console.log(`registry: ${size!.persons} persons, ${size!.inCounty} in ${county}`);
  await database.db.transaction(async (tx) => {
    const [exists] = await queryRows<{ t: string | null }>(tx, sql`select to_regclass('campaign_targets')::text as t`);
    if (!exists?.t) {
      // The campaign tables of the migration that adds them, created inside the transaction.
      const file = readdirSync(new URL('../migrations/', import.meta.url)).find((f) => f.startsWith('0007_'))!;
      const statements = readFileSync(new URL(`../migrations/${file}`, import.meta.url), 'utf8').split('--> statement-breakpoint');
      for (const s of statements.filter((s) => /^\s*(CREATE TABLE|ALTER TABLE|CREATE (UNIQUE )?INDEX) "campaign/.test(s))) {
        await tx.execute(sql.raw(s));
      }
    }
    const grids = await time('a grid worker for every grid of the county', async () => {
      const rows = await queryRows<{ n: number }>(tx, sql`
        with added as (
          insert into users (username, display_name, password_hash, jurisdiction_code, roles)
          select 'bench_grid_' || code, name || '网格员', 'x', code, array['grid_worker'] from jurisdictions where length(code) = 15 and code like ${`${county}%`}
          on conflict do nothing returning 1) select count(*)::int as n from added`);
      return rows[0]!.n;
    }, (n) => `${n} grid workers`);
    const values = { jurisdictionCode: county, startsOn, endsOn: '2026-12-31', checklist: normaliseChecklist(ChecklistInput.parse(CHECKLIST_PRESETS.vaccination.checklist)), createdBy: 'bench' };
    const campaign = await store.insertCampaign(tx, { ...values, name: 'bench: 80 岁以上老年人疫苗接种' });
    await time(`preview: aged 80+ in ${county} (count)`, () => store.previewCount(tx, county, { under: county, minAge: 80 }, startsOn, ''), (r) => `${r.count} people, ${r.unassigned} without a grid worker`);
    await time(`build: aged 80+ in ${county} (INSERT … SELECT)`, () => store.buildTargets(tx, campaign, { under: county, minAge: 80 }, ''), (r) => `${r.added} targets added`);
    await time('build again (all already listed)', () => store.buildTargets(tx, campaign, { under: county, minAge: 80 }, ''), (r) => `${r.matched} matched, ${r.added} added`);
    const children = await store.insertCampaign(tx, { ...values, name: 'bench: children' });
    await time(`build: aged ≤ 17 in ${county}`, () => store.buildTargets(tx, children, { under: county, maxAge: 17 }, ''), (r) => `${r.added} targets added`);
    await tx.execute(sql`analyze campaign_targets`);
    const today = '2026-11-23';
    await time('progress: counts by place + roll-up (county)', async () => {
      const leaves = await store.countsByPlace(tx, campaign.id, county, today);
      const names = await store.placeNames(tx, rollUpCodes(county, leaves));
      return rollUp(county, leaves, names);
    }, (r) => `${r.rows.length} rows, total ${r.root.total}`);
    const grid = grids > 0 ? (await queryRows<{ code: string }>(tx, sql`select jurisdiction_code as code from campaign_targets where campaign_id = ${campaign.id} limit 1`))[0]!.code : county;
    await time('progress: one grid worker', () => store.countsByPlace(tx, campaign.id, grid, today), (r) => `${r.reduce((n, x) => n + x.total, 0)} targets`);
    await time('ledger: first page of 50, county, with total', () => store.listTargets(tx, campaign.id, county, {}, today, 0, { limit: 50, offset: 0 }), (r) => `total ${r.total}`);
    await time('ledger: page 100 of 50, county', () => store.listTargets(tx, campaign.id, county, {}, today, 0, { limit: 50, offset: 4950 }), (r) => `${r.items.length} rows`);
    await time('ledger: one grid, status open', () => store.listTargets(tx, campaign.id, grid, { status: 'open' }, today, 0, { limit: 50, offset: 0 }), (r) => `total ${r.total}`);
    await time('ledger: the whole county read as the export does', async () => {
      let afterId = 0;
      let n = 0;
      for (;;) {
        const { items } = await store.listTargets(tx, campaign.id, county, {}, today, 0, { limit: 1000, afterId, withTotal: false });
        if (items.length === 0) break;
        n += items.length;
        afterId = items[items.length - 1]!.id;
      }
      return n;
    }, (n) => `${n} rows`);
    await time('auto-assign (nothing left to assign)', () => store.autoAssign(tx, campaign, county, ''), (n) => `${n} assigned`);
    throw new Rollback();
  });
} catch (err) {
  if (!(err instanceof Rollback)) throw err;
  console.log('rolled back: the database is as it was');
} finally {
  await database.close();
}
