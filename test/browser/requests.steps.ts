// Browser steps for help requests, in test/browser/run.ts's style: a staff member records a
// 连心卡 call, the grid worker takes and closes it on a phone-sized screen (390×844), the caller's
// follow-up (satisfaction) is recorded, and the public tracking page shows the outcome without
// anything personal. Self-contained: it makes its own caller and grid worker through the API.
//
// Wire it into run.ts inside the try block, after the desktop admin has logged in:
//   await requestSteps({ browser, url: server.url, step, artifacts: ARTIFACTS, consoleErrors });
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';

export type RequestStepsContext = {
  browser: Browser;
  url: string;
  step: (name: string, fn: () => Promise<void>) => Promise<void>;
  artifacts: string;
  consoleErrors: string[];
};

const ADMIN = { username: 'admin', password: 'Lastmile@2026' };
const GRID = '140107001001002'; // 巨轮街道 / 和平社区 / 第二网格: no demo grid worker there
const WORKER = { username: 'gw_browser_2', displayName: '第二网格网格员', first: 'Grid#First2026', password: 'Grid#Browser2026' };
const CALLER = { name: '陈桂英', card: 'LXK-B-0044', phone: '13700001111' };

/** Logs a user in through the login page (shared by the browser step files). */
export async function login(page: Page, url: string, username: string, password: string) {
  await page.goto(`${url}/login`);
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
}

export async function requestSteps({ browser, url, step, artifacts, consoleErrors }: RequestStepsContext): Promise<void> {
  const desk = await browser.newPage({ viewport: { width: 1366, height: 850 }, locale: 'zh-CN' });
  desk.on('pageerror', (e) => consoleErrors.push(e.message));
  let requestId = 0;
  let trackingCode = '';

  await step('requests: a staff member records a 连心卡 call; the caller is found by card number and the request goes to the grid worker', async () => {
    await login(desk, url, ADMIN.username, ADMIN.password);
    await desk.getByTestId('home-page').waitFor({ timeout: 15_000 });
    const csrf = (await desk.context().cookies()).find((c) => c.name === 'lm_csrf')!.value;
    const post = async (path: string, data: object) => {
      const res = await desk.request.post(`${url}${path}`, { headers: { 'x-csrf-token': csrf }, data });
      if (!res.ok()) throw new Error(`${path}: ${res.status()} ${await res.text()}`);
      return res.json();
    };
    await post('/api/persons', { name: CALLER.name, jurisdictionCode: GRID, phone: CALLER.phone, contactCardNo: CALLER.card, tags: ['elderly_alone'] });
    await post('/api/users', { username: WORKER.username, displayName: WORKER.displayName, password: WORKER.first, jurisdictionCode: GRID, roles: ['grid_worker'] });

    await desk.goto(`${url}/requests/new`);
    await desk.getByTestId('request-intake').waitFor({ timeout: 15_000 });
    await desk.locator('#caller-card').fill(CALLER.card);
    await desk.getByTestId('caller-search').click();
    await desk.getByTestId('caller-lookup').getByText(CALLER.name).first().click();
    await desk.getByTestId('caller-selected').waitFor();
    await desk.getByTestId('request-category').getByText('生活求助', { exact: true }).click();
    await desk.locator('#request-description').fill('燃气灶打不着火，独居老人没法做饭');
    await desk.screenshot({ path: join(artifacts, 'requests-intake.png'), fullPage: true });
    await desk.getByTestId('request-submit').click();
    const page = desk.getByTestId('request-page');
    await page.waitFor({ timeout: 15_000 });
    await desk.getByTestId('request-assignee').getByText(WORKER.displayName).waitFor({ timeout: 10_000 });
    trackingCode = (await page.getAttribute('data-tracking-code')) ?? '';
    requestId = Number(new URL(desk.url()).pathname.split('/').pop());
    if (!/^[2-9A-Z]{4}-[2-9A-Z]{4}$/.test(trackingCode) || !requestId) throw new Error(`tracking code ${trackingCode}, id ${requestId}`);
    if ((await page.getAttribute('data-state')) !== 'assigned') throw new Error(`state ${await page.getAttribute('data-state')}`);
    await desk.screenshot({ path: join(artifacts, 'requests-recorded.png'), fullPage: true });
  });

  await step('requests: the grid worker takes it and closes it on a phone (390×844), one tap each', async () => {
    const phone = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'zh-CN' });
    phone.on('pageerror', (e) => consoleErrors.push(e.message));
    try {
      await login(phone, url, WORKER.username, WORKER.first);
      // A password set by the administrator is changed at first login.
      await phone.getByTestId('change-password-page').waitFor({ timeout: 10_000 });
      await phone.locator('#currentPassword').fill(WORKER.first);
      await phone.locator('#newPassword').fill(WORKER.password);
      await phone.locator('#confirmPassword').fill(WORKER.password);
      await phone.locator('#confirmPassword').press('Enter');
      await phone.getByTestId('home-page').waitFor({ timeout: 10_000 });

      await phone.goto(`${url}/requests/mine`);
      const card = phone.getByTestId(`request-card-${trackingCode}`);
      await card.waitFor({ timeout: 15_000 });
      await card.getByText('燃气灶打不着火').waitFor();
      await phone.screenshot({ path: join(artifacts, 'requests-phone-list.png'), fullPage: true });
      const overflow = await phone.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
      if (overflow > 2) throw new Error(`the phone view is ${overflow}px wider than the screen`);

      await phone.getByTestId(`phone-take-${trackingCode}`).tap();
      await phone.getByTestId(`phone-resolve-${trackingCode}`).waitFor({ timeout: 10_000 });
      if ((await card.getAttribute('data-state')) !== 'in_progress') throw new Error(`after take: ${await card.getAttribute('data-state')}`);
      await phone.getByTestId(`phone-resolve-${trackingCode}`).tap();
      await phone.getByTestId('request-resolve-note').fill('联系燃气站更换了打火针，已能正常做饭');
      await phone.getByRole('dialog').getByRole('button', { name: '办结' }).tap();
      await card.waitFor({ state: 'detached', timeout: 10_000 }); // no longer open
      await phone.screenshot({ path: join(artifacts, 'requests-phone-resolved.png'), fullPage: true });
    } finally {
      await phone.close();
    }
  });

  await step('requests: the caller’s follow-up is recorded (satisfaction 5); the timeline shows every step with who and when', async () => {
    await desk.goto(`${url}/requests/${requestId}`);
    const page = desk.getByTestId('request-page');
    await page.waitFor({ timeout: 15_000 });
    if ((await page.getAttribute('data-state')) !== 'resolved') throw new Error(`state ${await page.getAttribute('data-state')}`);
    await desk.getByTestId('request-follow-up').click();
    await desk.getByRole('dialog').locator('.ant-rate-star').nth(4).click();
    await desk.getByTestId('request-follow-up-comment').fill('很满意，网格员当天就来了');
    await desk.getByRole('dialog').getByRole('button', { name: '保存' }).click();
    await desk.locator('[data-testid=request-page][data-state=visited]').waitFor({ timeout: 10_000 });
    await desk.getByTestId('request-satisfaction-value').getByText('5', { exact: true }).waitFor();
    const timeline = desk.getByTestId('request-timeline');
    for (const action of ['create', 'route', 'take', 'resolve', 'follow_up']) await timeline.getByTestId(`request-event-${action}`).first().waitFor();
    await timeline.getByText(WORKER.displayName).first().waitFor();
    await desk.screenshot({ path: join(artifacts, 'requests-followed-up.png'), fullPage: true });
  });

  await step('requests: the public tracking page shows the outcome by code, with nothing personal', async () => {
    const phone = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, locale: 'zh-CN' });
    phone.on('pageerror', (e) => consoleErrors.push(e.message));
    try {
      await phone.goto(`${url}/help/track/${trackingCode}`);
      const status = phone.getByTestId('public-status');
      await status.waitFor({ timeout: 15_000 });
      if ((await status.getAttribute('data-state')) !== 'visited') throw new Error(`public state ${await status.getAttribute('data-state')}`);
      const text = await phone.locator('body').innerText();
      for (const secret of [CALLER.name, CALLER.phone, '燃气灶', '打火针']) if (text.includes(secret)) throw new Error(`the public page shows “${secret}”`);
      await phone.screenshot({ path: join(artifacts, 'requests-public-track.png'), fullPage: true });
    } finally {
      await phone.close();
    }
  });

  await desk.close();
}
