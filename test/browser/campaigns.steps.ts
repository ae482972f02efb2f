// Browser steps for campaigns (专项行动), in test/browser/run.ts's step style, to be called from
// there: `await campaignSteps({ browser, url: server.url, step, artifacts: ARTIFACTS, consoleErrors })`.
//
// The demo seed has places and users (a grid worker in 和平社区第一网格) but no residents, so the
// steps first register four residents of 和平社区第二网格 (three aged 80+) and a grid worker for
// that grid through the API as the admin. Then the 杏花岭区 county approver sets up "80 岁以上老年人
// 疫苗接种" in the wizard, the new grid worker logs in on a phone (390×844), strikes two people
// off and books a re-visit for the third, and the county sees the figures in the progress table.
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { makeIdNumber } from '../../src/lib/id-number.ts';

export type StepContext = {
  browser: Browser;
  url: string;
  step: (name: string, fn: () => Promise<void>) => Promise<void>;
  artifacts: string;
  /** Uncaught page errors are pushed here (run.ts checks it at the end). */
  consoleErrors?: string[];
};

const PASSWORD = 'Lastmile@2026';
const GRID2 = '140107001001002'; // 巨轮街道 / 和平社区 / 第二网格
const WORKER = { username: 'heping_grid2', displayName: '第二网格网格员', password: 'Grid2#Start2026', newPassword: 'Grid2#Worker2026' };
export const CAMPAIGN_RESIDENTS = [
  { name: '欧阳秀兰', birthDate: '1940-05-01', seq: 801, result: '已接种' },
  { name: '司马德明', birthDate: '1942-08-15', seq: 803, result: '拒绝接种' },
  { name: '诸葛桂英', birthDate: '1944-01-20', seq: 802, result: '联系不上' },
];
const YOUNGER = { name: '上官建国', birthDate: '1960-03-03', seq: 805 }; // 60-odd: not on the list

async function loginAs(page: Page, url: string, username: string, password: string) {
  await page.goto(`${url}/login`);
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
}

async function csrfOf(page: Page): Promise<string> {
  return (await page.context().cookies()).find((c) => c.name === 'lm_csrf')!.value;
}

async function noSideScroll(page: Page, width: number) {
  const scrollWidth = await page.evaluate<number>('document.documentElement.scrollWidth');
  if (scrollWidth > width + 1) throw new Error(`the page scrolls sideways on a phone (${scrollWidth}px > ${width}px)`);
}

export async function campaignSteps({ browser, url, step, artifacts, consoleErrors }: StepContext): Promise<void> {
  let campaignId = 0;

  await step('campaigns: residents aged 80+ and a grid worker in 和平社区第二网格 (API, as admin)', async () => {
    const context = await browser.newContext({ locale: 'zh-CN' });
    const page = await context.newPage();
    await loginAs(page, url, 'admin', PASSWORD);
    await page.getByTestId('home-page').waitFor({ timeout: 15_000 });
    const headers = { 'x-csrf-token': await csrfOf(page) };
    const post = async (path: string, data: object) => {
      const res = await page.request.post(`${url}${path}`, { headers, data });
      if (!res.ok()) throw new Error(`${path}: ${res.status()} ${await res.text()}`);
    };
    for (const p of [...CAMPAIGN_RESIDENTS, YOUNGER]) {
      await post('/api/persons', { name: p.name, idNumber: makeIdNumber('140107', p.birthDate, p.seq), jurisdictionCode: GRID2, address: `和平社区 ${p.seq % 10} 号楼` });
    }
    await post('/api/users', { username: WORKER.username, displayName: WORKER.displayName, password: WORKER.password, jurisdictionCode: GRID2, roles: ['grid_worker'] });
    await context.close();
  });

  await step('campaigns: the 杏花岭区 approver sets up 80 岁以上老年人疫苗接种 in the wizard (age on the start date, grid workers assigned)', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 850 }, locale: 'zh-CN' });
    const page = await context.newPage();
    page.on('pageerror', (e) => consoleErrors?.push(e.message));
    await loginAs(page, url, 'xhl_approver', PASSWORD);
    await page.getByTestId('home-page').waitFor({ timeout: 15_000 });
    await page.goto(`${url}/campaigns`);
    await page.getByTestId('campaigns-page').waitFor({ timeout: 15_000 });
    await page.getByTestId('campaign-new').click();
    const wizard = page.getByTestId('campaign-wizard');
    await wizard.waitFor();
    // Step 1: the vaccination template, the approver's own county, today to +30 days.
    await page.locator('#campaign-name').fill('80 岁以上老年人疫苗接种（浏览器测试）');
    await wizard.getByText('杏花岭区').first().waitFor();
    await page.getByTestId('wizard-next').click();
    // Step 2: aged 80+ (from the template); the server counts who matches.
    await page.locator('#criteria-min-age').waitFor();
    if ((await page.locator('#criteria-min-age').inputValue()) !== '80') throw new Error('the template did not set the minimum age to 80');
    const preview = page.getByTestId('criteria-preview');
    await page.waitForFunction(() => Number((globalThis as unknown as { document: { querySelector(s: string): { getAttribute(a: string): string | null } | null } }).document.querySelector('[data-testid=criteria-preview]')?.getAttribute('data-count') || 0) >= 3, undefined, { timeout: 15_000 });
    await page.screenshot({ path: join(artifacts, 'campaign-wizard-query.png'), fullPage: true });
    await preview.waitFor();
    await page.getByTestId('wizard-next').click();
    // Step 3: the checklist of the template: 已接种 / 不符合接种条件 / 拒绝接种 close, 联系不上 does not.
    await page.getByTestId('checklist-editor').waitFor();
    await page.screenshot({ path: join(artifacts, 'campaign-wizard-checklist.png'), fullPage: true });
    await page.getByTestId('wizard-next').click();
    await page.getByTestId('campaign-summary').waitFor();
    await page.getByTestId('wizard-create').click();
    const campaign = page.getByTestId('campaign-page');
    await campaign.waitFor({ timeout: 20_000 });
    campaignId = Number(await campaign.getAttribute('data-campaign-id'));
    const figures = page.getByTestId('campaign-figures');
    const total = Number(await figures.getAttribute('data-total'));
    if (total < 3) throw new Error(`the list holds ${total} people, expected at least the 3 residents aged 80+`);
    // 第二网格 has its three residents of 80+ (上官建国 is younger), all assigned to its grid worker.
    const row = page.locator(`[data-testid=campaign-progress] tr[data-code="${GRID2}"]`);
    await row.waitFor({ timeout: 10_000 });
    if ((await row.getAttribute('data-total')) !== '3') throw new Error(`第二网格 lists ${await row.getAttribute('data-total')} people, expected 3`);
    await page.screenshot({ path: join(artifacts, 'campaign-progress.png'), fullPage: true });
    await context.close();
  });

  await step('campaigns: on a phone (390×844) the grid worker strikes two people off and books a re-visit for the third', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'zh-CN' });
    const phone = await context.newPage();
    phone.on('pageerror', (e) => consoleErrors?.push(e.message));
    await loginAs(phone, url, WORKER.username, WORKER.password);
    // A password set by the admin is changed at the first login.
    await phone.getByTestId('change-password-page').waitFor({ timeout: 15_000 });
    await phone.locator('#currentPassword').fill(WORKER.password);
    await phone.locator('#newPassword').fill(WORKER.newPassword);
    await phone.locator('#confirmPassword').fill(WORKER.newPassword);
    await phone.locator('#confirmPassword').press('Enter');
    await phone.getByTestId('home-page').waitFor({ timeout: 15_000 });

    await phone.goto(`${url}/campaigns`);
    await phone.getByTestId('campaigns-page').waitFor({ timeout: 15_000 });
    await phone.getByTestId('campaign-cards').getByText('80 岁以上老年人疫苗接种（浏览器测试）').click();
    await phone.getByTestId('campaign-page').waitFor();
    await phone.getByRole('tab', { name: '台账' }).click();
    const cards = phone.getByTestId('target-cards');
    await cards.waitFor({ timeout: 10_000 });
    const names = await cards.locator('li').evaluateAll((items) => items.map((i) => i.getAttribute('data-name')));
    if (names.length !== 3 || !CAMPAIGN_RESIDENTS.every((r) => names.includes(r.name))) throw new Error(`the grid worker sees ${names.join(',')}, expected the three residents of 第二网格`);
    await noSideScroll(phone, 390);
    await phone.screenshot({ path: join(artifacts, 'campaign-ledger-phone.png'), fullPage: true });

    for (const [i, resident] of CAMPAIGN_RESIDENTS.entries()) {
      await phone.goto(`${url}/campaigns/${campaignId}/ledger`);
      await phone.getByTestId('target-cards').getByText(resident.name, { exact: true }).click();
      const target = phone.getByTestId('target-page');
      await target.waitFor({ timeout: 10_000 });
      await phone.getByTestId('visit-results').getByText(resident.result, { exact: true }).click();
      await phone.locator('#notes').fill(i === 2 ? '家中无人，邻居说去女儿家了' : '已入户，本人在家');
      if (i === 0) {
        await noSideScroll(phone, 390);
        await phone.screenshot({ path: join(artifacts, 'campaign-visit-phone.png'), fullPage: true });
      }
      await phone.getByTestId('visit-submit').click();
      const expected = i < 2 ? 'closed' : 'revisit';
      await phone.locator(`[data-testid=target-page][data-status=${expected}]`).waitFor({ timeout: 10_000 });
      if (i < 2) await phone.getByTestId('target-closed').getByText(resident.result).waitFor();
    }
    await phone.screenshot({ path: join(artifacts, 'campaign-revisit-phone.png'), fullPage: true });
    await context.close();
  });

  await step('campaigns: the county sees two of three struck off in 第二网格, and exports the ledger', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 850 }, locale: 'zh-CN', acceptDownloads: true });
    const page = await context.newPage();
    page.on('pageerror', (e) => consoleErrors?.push(e.message));
    await loginAs(page, url, 'xhl_approver', PASSWORD);
    await page.getByTestId('home-page').waitFor({ timeout: 15_000 });
    await page.goto(`${url}/campaigns/${campaignId}`);
    const row = page.locator(`[data-testid=campaign-progress] tr[data-code="${GRID2}"]`);
    await row.waitFor({ timeout: 10_000 });
    const counts = [await row.getAttribute('data-closed'), await row.getAttribute('data-total')];
    if (counts.join('/') !== '2/3') throw new Error(`第二网格 shows ${counts.join('/')} struck off, expected 2/3`);
    await row.getByText('66.7%').waitFor();
    await page.screenshot({ path: join(artifacts, 'campaign-progress-after.png'), fullPage: true });
    await page.getByRole('tab', { name: '台账' }).click();
    await page.getByTestId('campaign-ledger').waitFor();
    const download = page.waitForEvent('download');
    await page.getByTestId('ledger-export').click();
    await page.getByRole('menuitem', { name: '导出（身份证号、手机号脱敏）' }).click();
    const file = await download;
    if (!(await file.suggestedFilename()).endsWith('.xlsx')) throw new Error(`download ${await file.suggestedFilename()}`);
    await context.close();
  });
}
