// The figures module: for every figure, the list behind it adds up to it (count, money, hits) at
// every level of the drill-down; a past month does not change when later data arrives; scope,
// masking, reveal and export; bad input answers 400 naming the field.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../test/support/app.ts';
import { api, type Api } from '../requests/requests.fixtures.ts';
import { queryRows } from '../../platform/db/client.ts';
import { buildWorld, laterData } from './figures.fixtures.ts';

const clock = { at: new Date('2026-03-10T10:00:00+08:00') };
let t: TestApp;
let as: Record<'admin' | 'county' | 'township' | 'grid' | 'otherCounty', Api>;
let world: Awaited<ReturnType<typeof buildWorld>>;
const PERIOD = '2026-01..2026-03';

before(async () => {
  t = await createTestApp({ LASTMILE_LOGIN_RATE_PER_MINUTE: '10000', LASTMILE_FIGURES_CACHE_SECONDS: '0' }, { now: () => clock.at });
  world = await buildWorld(t);
  as = {
    admin: api(t, await t.login('admin')), county: api(t, await t.login('xhl_approver')), township: api(t, await t.login('julun_reviewer')),
    grid: api(t, await t.login('grid_worker')), otherCounty: api(t, await t.login('wbl_approver')),
  };
});
after(() => t.close());

type Value = { value: number | null; count: number; amountFen: number; hits: number };
type Row = { ref: string; jurisdictionCode: string; amountFen: number | null; hit: boolean | null; name: string | null; idNumber: string | null };

async function allRows(who: Api, id: string, query: string): Promise<Row[]> {
  const out: Row[] = [];
  for (let offset = 0; ; offset += 200) {
    const res = await who.get(`/api/figures/${id}/rows?${query}&limit=200&offset=${offset}`);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    out.push(...res.body.items);
    if (res.body.items.length < 200) return out;
  }
}

/** The list's count, money and hits equal the figure; each place below equals the figure asked there. */
async function checkLevel(who: Api, id: string, under: string, dims: string[], depth = 0): Promise<number> {
  const q = `period=${PERIOD}${under ? `&under=${under}` : ''}`;
  const fig = await who.get(`/api/figures/${id}?${q}${dims.includes('place') && under.length < 15 ? '&by=place' : ''}`);
  assert.equal(fig.status, 200, `${id} ${under}: ${JSON.stringify(fig.body)}`);
  const total: Value = fig.body.total;
  const rows = await allRows(who, id, q);
  assert.equal(rows.length, total.count, `${id} under ${under}: list count = figure`);
  assert.equal(rows.reduce((s, r) => s + (r.amountFen ?? 0), 0), total.amountFen, `${id} under ${under}: list money = figure`);
  assert.equal(rows.filter((r) => r.hit).length, total.hits, `${id} under ${under}: list hits = figure`);
  assert.equal(new Set(rows.map((r) => r.ref)).size, rows.length, `${id}: one row per ref`);
  if (under) assert.ok(rows.every((r) => r.jurisdictionCode.startsWith(under)), `${id}: rows under ${under}`);
  let checked = 1;
  if (fig.body.by === 'place') {
    for (const part of fig.body.breakdown as { key: string; value: Value }[]) {
      if (part.value.count === 0 || part.key === under) continue;
      const below = await who.get(`/api/figures/${id}?period=${PERIOD}&under=${part.key}`);
      assert.deepEqual(below.body.total, part.value, `${id}: ${part.key} in the breakdown = the figure asked there`);
      if (depth < 3) checked += await checkLevel(who, id, part.key, dims, depth + 1);
    }
  }
  return checked;
}

test('every figure: its list adds up to it at every level of the drill-down (county → township → community → grid)', async () => {
  const cat = (await as.county.get('/api/figures')).body.items as { id: string; dimensions: string[]; timing: string }[];
  assert.ok(cat.length >= 20, `catalogue has ${cat.length} figures`);
  let levels = 0;
  const nonZero: string[] = [];
  for (const f of cat) {
    levels += await checkLevel(as.county, f.id, '140107', f.dimensions);
    if ((await as.county.get(`/api/figures/${f.id}?period=${PERIOD}`)).body.total.count > 0) nonZero.push(f.id);
  }
  // The fixture gives every figure but the live overdue one something to count.
  for (const id of ['dibao.recipients', 'dibao.paid', 'dibao.persons', 'dibao.new', 'dibao.ended', 'tekun.recipients', 'temporary.paid', 'payments.failed', 'payments.reissued', 'cases.open', 'requests.sla_met', 'requests.satisfied', 'campaigns.progress', 'campaigns.visits', 'coverage.gap', 'coverage.near_miss']) {
    assert.ok(nonZero.includes(id), `${id} counts something`);
  }
  assert.ok(levels > cat.length * 3, `checked ${levels} levels`);
});

test('money figures equal the payments paid in the period, by paid date, per program and month', async () => {
  const inCounty = world.payments.filter((p) => p.code.startsWith('140107') && p.status === 'paid');
  const jan = inCounty.filter((p) => p.paidOn! >= '2026-01-01' && p.paidOn! <= '2026-01-31');
  const dibaoJan = jan.filter((p) => p.program === 'dibao');
  const r = (await as.county.get('/api/figures/dibao.paid?period=2026-01')).body;
  assert.equal(r.total.value, dibaoJan.reduce((s, p) => s + p.amountFen, 0));
  assert.equal(r.figure.unit, '元');
  const households = (await as.county.get('/api/figures/dibao.recipients?period=2026-01')).body;
  assert.equal(households.total.value, new Set(dibaoJan.map((p) => p.householdId)).size);
  // The re-issued January payment was paid in February: it counts there, not in January.
  const byMonth = (await as.county.get(`/api/figures/payments.paid?period=${PERIOD}&by=month`)).body;
  assert.deepEqual(byMonth.breakdown.map((b: { key: string }) => b.key), ['2026-01', '2026-02', '2026-03']);
  for (const b of byMonth.breakdown as { key: string; value: Value }[]) {
    assert.equal(b.value.amountFen, inCounty.filter((p) => p.paidOn!.startsWith(b.key)).reduce((s, p) => s + p.amountFen, 0), b.key);
  }
  const byProgram = (await as.county.get(`/api/figures/payments.paid?period=${PERIOD}&by=category`)).body;
  assert.equal(byProgram.breakdown.reduce((s: number, b: { value: Value }) => s + b.value.amountFen, 0), byProgram.total.amountFen);
  assert.ok(byProgram.breakdown.some((b: { key: string; labelZh: string }) => b.key === 'dibao' && b.labelZh === '最低生活保障'));
  // A township's 低保 money bar → its households → the list, masked.
  const byPlace = (await as.county.get('/api/figures/dibao.paid?period=2026-01&by=place')).body;
  const bar = byPlace.breakdown.find((b: { value: Value }) => b.value.count > 0);
  const list = (await as.county.get(`/api/figures/dibao.paid/rows?period=2026-01&under=${bar.key}`)).body;
  assert.equal(list.total.amountFen, bar.value.amountFen);
  assert.ok(list.items.length > 0 && list.items.every((i: Row) => i.name!.includes('*') && /\*{4,}/.test(i.idNumber!)), JSON.stringify(list.items[0]));
});

test('a past month keeps its figures, lists and monthly report (月报) when later data arrives (payments, steps, resolutions, visits, screening)', async () => {
  const cat = (await as.county.get('/api/figures')).body.items as { id: string; dimensions: string[]; timing: string }[];
  const snapshot = async () => {
    const out: Record<string, unknown> = {};
    for (const f of cat.filter((x) => x.timing === 'period')) {
      out[f.id] = (await as.county.get(`/api/figures/${f.id}?period=2026-01${f.dimensions.includes('place') ? '&by=place' : ''}`)).body;
      out[`${f.id}/rows`] = (await allRows(as.county, f.id, 'period=2026-01')).map((r) => r.ref);
    }
    return out;
  };
  const report = async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/figures/report?month=2026-01', headers: as.county.session.headers });
    assert.equal(res.statusCode, 200, res.body);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as never);
    const rows: unknown[][] = [];
    book.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    return rows;
  };
  const reportBefore = await report();
  // The 月报's 合计 row is the figures themselves (money in 元).
  const totalRow = reportBefore.at(-1)!;
  assert.equal(totalRow[0], '合计');
  assert.equal(Math.round(Number(totalRow[4]) * 100), (await as.county.get('/api/figures/dibao.paid?period=2026-01')).body.total.value);
  assert.equal(totalRow[2], (await as.county.get('/api/figures/dibao.recipients?period=2026-01')).body.total.value);
  assert.ok(reportBefore.some((r) => r[1] === '140107001'), 'a row per township');
  const beforeLater = await snapshot();
  const feb = (await as.county.get('/api/figures/cases.open?period=2026-02')).body.total.count;
  await laterData(t, world);
  assert.deepEqual(await snapshot(), beforeLater);
  assert.deepEqual(await report(), reportBefore, 'the monthly report of a past month is reproducible');
  // …while the later months do see it.
  assert.ok((await as.county.get('/api/figures/cases.open?period=2026-02')).body.total.count < feb);
  assert.ok((await as.county.get('/api/figures/dibao.paid?period=2026-03')).body.total.amountFen >= 35000);
});

test('scope: a township sees its own; a place outside the caller’s area is 404; lists stay inside', async () => {
  const mine = (await as.township.get(`/api/figures/payments.paid?period=${PERIOD}&by=place`)).body;
  assert.equal(mine.under.code, '140107001');
  const fromCounty = (await as.county.get(`/api/figures/payments.paid?period=${PERIOD}&under=140107001`)).body;
  assert.deepEqual(mine.total, fromCounty.total);
  for (const [who, place] of [[as.township, '140107002'], [as.township, '140107'], [as.county, '140109'], [as.otherCounty, '140107001'], [as.grid, '140107001001002']] as const) {
    const res = await who.get(`/api/figures/payments.paid?period=${PERIOD}&under=${place}`);
    assert.equal(res.status, 404, `${place}: ${JSON.stringify(res.body)}`);
    assert.equal((await who.get(`/api/figures/payments.paid/rows?period=${PERIOD}&under=${place}`)).status, 404);
    assert.equal((await who.get(`/api/figures/payments.paid/export?period=${PERIOD}&under=${place}`)).status, 404);
  }
  assert.equal((await as.county.get('/api/figures/report?month=2026-01&under=140109')).status, 404);
  assert.equal((await as.township.get('/api/figures/report')).status, 200); // last month, its own township
  const rows = await allRows(as.township, 'payments.paid', `period=${PERIOD}`);
  assert.ok(rows.length > 0 && rows.every((r) => r.jurisdictionCode.startsWith('140107001')));
  const other = (await as.otherCounty.get(`/api/figures/payments.paid?period=${PERIOD}`)).body;
  const all = (await as.admin.get(`/api/figures/payments.paid?period=${PERIOD}&under=14`)).body;
  const county = (await as.county.get(`/api/figures/payments.paid?period=${PERIOD}`)).body;
  assert.equal(other.total.amountFen + county.total.amountFen, all.total.amountFen);
  const grid = await allRows(as.grid, 'dibao.persons', `period=${PERIOD}`);
  assert.ok(grid.every((r) => r.jurisdictionCode === '140107001001001'));
});

test('reveal needs the permission and is audited; the export is masked, audited and adds up', async () => {
  const masked = (await as.county.get(`/api/figures/dibao.recipients/rows?period=${PERIOD}&limit=5`)).body;
  const shown = await as.county.get(`/api/figures/dibao.recipients/rows?period=${PERIOD}&limit=5&reveal=true`);
  assert.equal(shown.status, 200);
  assert.equal(shown.body.revealed, true);
  assert.ok(shown.body.items.every((i: Row) => !i.name!.includes('*') && /^\d{17}[\dX]$/.test(i.idNumber!)));
  assert.notDeepEqual(shown.body.items.map((i: Row) => i.name), masked.items.map((i: Row) => i.name));
  assert.equal((await as.grid.get(`/api/figures/dibao.recipients/rows?period=${PERIOD}&reveal=true`)).status, 403);

  const res = await t.app.inject({ method: 'GET', url: `/api/figures/dibao.paid/export?period=${PERIOD}&under=140107001`, headers: as.county.session.headers });
  assert.equal(res.statusCode, 200);
  assert.match(String(res.headers['content-type']), /spreadsheetml/);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(res.rawPayload as never);
  const sheet = book.worksheets[0]!;
  const data: ExcelJS.Row[] = [];
  sheet.eachRow((row, n) => { if (n > 2) data.push(row); });
  const totalRow = data.pop()!;
  const fig = (await as.county.get(`/api/figures/dibao.paid?period=${PERIOD}&under=140107001`)).body;
  assert.equal(data.length, fig.total.count);
  assert.equal(Math.round(Number(totalRow.getCell(7).value) * 100), fig.total.amountFen);
  assert.ok(data.every((r) => String(r.getCell(5).value).includes('*') && String(r.getCell(6).value).includes('****')));
  const audit = await queryRows<{ action: string; entity_id: string; reason: string }>(t.database.db, sql`select action, entity_id, reason from audit_log where entity = 'figure' order by id`);
  assert.deepEqual(audit.map((a) => [a.action, a.entity_id]), [['reveal', 'dibao.recipients'], ['export', 'dibao.paid']]);
  assert.match(audit[1]!.reason, /^masked export/);
});

test('bad input: a future, reversed or malformed period, an unknown dimension or place → 400 naming the field; an unknown figure → 404', async () => {
  const cases: [string, string][] = [
    ['/api/figures/dibao.paid?period=2026-04', 'period'],
    ['/api/figures/dibao.paid?period=2026-03..2026-01', 'period'],
    ['/api/figures/dibao.paid?period=2026-13', 'period'],
    ['/api/figures/dibao.paid?period=2026-02-30..2026-03-01', 'period'],
    ['/api/figures/cases.open?period=2026-01&by=month', 'by'],
    ['/api/figures/dibao.paid?by=everything', 'by'],
    ['/api/figures/dibao.paid?category=dibao', 'category'],
    ['/api/figures/dibao.paid?under=1401071', 'under'],
    ['/api/figures/dibao.paid?under=abc', 'under'],
    ['/api/figures/dibao.paid/rows?limit=1000', 'limit'],
    ['/api/figures/dibao.paid?period=1990-01..2026-01&by=month', 'by'],
  ];
  for (const [url, field] of cases) {
    const res = await as.county.get(url);
    assert.equal(res.status, 400, `${url}: ${JSON.stringify(res.body)}`);
    assert.ok(res.body.messageZh && res.body.message, url);
    assert.ok(res.body.fields?.some((f: { field: string; messageZh: string }) => f.field.endsWith(field) && f.messageZh), `${url}: ${JSON.stringify(res.body.fields)}`);
  }
  assert.equal((await as.county.get('/api/figures/dibao.paid?under=140107001001001&by=place')).status, 400);
  // An unknown figure in the path is not found, as any other record, with a bilingual message.
  const unknown = await as.county.get('/api/figures/nope.nothing?period=2026-01');
  assert.equal(unknown.status, 404);
  assert.match(unknown.body.messageZh, /没有统计指标/);
  // The month in progress counts up to today; a live figure ignores the period.
  assert.equal((await as.county.get('/api/figures/dibao.paid?period=2026-03')).body.period.to, '2026-03-10');
  assert.equal((await as.county.get('/api/figures/cases.overdue?period=2025-01')).body.period, null);
});
