// Browser test of the dashboards (issue #21), on its own server: the 杏花岭区 county approver opens
// 统计看板 for November, clicks 巨轮街道's 低保 money bar, reaches the list of payments behind it
// (names masked, the total equal to the bar) and exports it to .xlsx.
// `npx node test/browser/figures.browser.ts` (needs web/dist: `npm run build`). Prints `N passed, N failed`.
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { chromium } from 'playwright-core';
import { startServer } from './server.ts';
import { loadConfig } from '../../src/platform/config.ts';
import { openDatabase, queryRows } from '../../src/platform/db/client.ts';

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const ARTIFACTS = new URL('../artifacts/', import.meta.url).pathname;
mkdirSync(ARTIFACTS, { recursive: true });
const env: NodeJS.ProcessEnv = { LASTMILE_DATA_DIR: mkdtempSync(join(tmpdir(), 'lastmile-figures-')), LOG_LEVEL: 'warn' };
const MONTH = '2026-11';

// First start: migrations, demo places and users, keys. Then November's 低保 payments are written
// straight into the stopped server's database (three households, two in 巨轮街道), and it starts again.
await (await startServer(env)).stop();
const database = await openDatabase(loadConfig(env).database);
const payments: { grid: string; name: string; fen: number }[] = [
  { grid: '140107001001001', name: '欧阳建国', fen: 64000 },
  { grid: '140107001002001', name: '司马秀英', fen: 52500 },
  { grid: '140107002001001', name: '诸葛德明', fen: 70000 },
];
for (const [i, p] of payments.entries()) {
  const [person] = await queryRows<{ id: number }>(database.db, sql`insert into persons (name, name_pinyin, name_initials, jurisdiction_code) values (${p.name}, 'x', 'x', ${p.grid}) returning id`);
  const [household] = await queryRows<{ id: number }>(database.db, sql`insert into households (jurisdiction_code, head_person_id) values (${p.grid}, ${person!.id}) returning id`);
  const [kase] = await queryRows<{ id: number }>(database.db, sql`
    insert into assistance_cases (case_no, program, procedure, state, household_id, applicant_person_id, jurisdiction_code, channel, step_started_on, received_on, approved_on, approved_fen)
    values (${`FIG-${i}`}, 'dibao', 'general', 'approved', ${household!.id}, ${person!.id}, ${p.grid}, 'application', '2026-09-01', '2026-09-01', '2026-10-10', ${p.fen}) returning id`);
  await database.db.execute(sql`insert into payments (case_id, household_id, payee_person_id, jurisdiction_code, program, month, kind, amount_fen, status, paid_on)
    values (${kase!.id}, ${household!.id}, ${person!.id}, ${p.grid}, 'dibao', ${MONTH}, 'monthly', ${p.fen}, 'paid', ${`${MONTH}-20`})`);
}
await database.close();

const server = await startServer(env);
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
let passed = 0;
let failed = 0;
try {
  const page = await (await browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 900 } })).newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  try {
    await page.goto(`${server.url}/login`);
    await page.locator('#username').fill('xhl_approver');
    await page.locator('#password').fill('Lastmile@2026');
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.getByTestId('home-page').waitFor({ timeout: 15_000 });
    await page.goto(`${server.url}/dashboards?period=${MONTH}&figure=dibao.paid`);
    await page.getByTestId('kpi-dibao.paid').getByText('1,865.00 元').waitFor({ timeout: 15_000 });
    const bar = page.getByTestId('bar-140107001');
    await bar.waitFor();
    if (!(await bar.getAttribute('aria-label'))?.includes('1,165.00 元')) throw new Error(`the 巨轮街道 bar says ${await bar.getAttribute('aria-label')}`);
    await page.screenshot({ path: join(ARTIFACTS, 'figures-dashboard.png'), fullPage: true });
    await bar.click();
    await page.getByTestId('figure-list').waitFor();
    await page.getByTestId('figure-list-total').getByText(/2 条，1,165.00 元/).waitFor({ timeout: 15_000 });
    const names = await page.locator('[data-testid="figure-list"] tbody tr.ant-table-row td:nth-child(3)').allInnerTexts();
    if (names.length !== 2 || !names.every((n) => n.includes('*')) || names.some((n) => n.includes('建国'))) throw new Error(`names on the list: ${names.join(', ')}`);
    await page.screenshot({ path: join(ARTIFACTS, 'figures-list.png'), fullPage: true });
    const download = page.waitForEvent('download');
    await page.getByTestId('figure-export').click();
    const file = await download;
    if (!file.suggestedFilename().endsWith('.xlsx')) throw new Error(`download ${file.suggestedFilename()}`);
    if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
    passed++;
    console.log('✔ the county approver clicks a township’s 低保 money bar, reaches the masked list behind it and exports it');
  } catch (err) {
    failed++;
    await page.screenshot({ path: join(ARTIFACTS, 'figures-failure.png'), fullPage: true }).catch(() => undefined);
    console.log(`✖ dashboard → list → export\n${(err as Error).stack}`);
  }
} finally {
  await browser.close();
  await server.stop();
  console.log(`\n${passed} passed, ${failed} failed`);
  process.exitCode = failed ? 1 : 0;
}
