// Browser step for the notification centre: a social worker has the home page open; when the
// admin assigns them a request (through the API, as another user), the open page hears of it live
// (a pop-up, the bell's count — no reload) and a click on the bell's item opens the request.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { login, type RequestStepsContext } from './requests.steps.ts';

const ADMIN = { username: 'admin', password: 'Lastmile@2026' };
const PLACE = '140107001001'; // 巨轮街道 / 和平社区
const WORKER = { username: 'sw_notify', displayName: '和平社区社工（通知）', first: 'Notify#First2026', password: 'Notify#Browser2026' };

/** The bell saying how many are unread (its label carries the count). */
const bellWith = (page: Page, n: number) => page.locator(`[data-testid="notification-bell"][aria-label*="（${n} 条未读）"]`);

export async function notificationSteps({ browser, url, step, artifacts, consoleErrors }: RequestStepsContext): Promise<void> {
  await step('notifications: a request assigned to a social worker reaches their open page live (pop-up and bell, no reload, also right after a first password change); the bell opens it', async () => {
    const desk = await browser.newPage({ viewport: { width: 1366, height: 850 }, locale: 'zh-CN' });
    const worker = await browser.newPage({ viewport: { width: 1366, height: 850 }, locale: 'zh-CN' });
    for (const p of [desk, worker]) p.on('pageerror', (e) => consoleErrors.push(e.message));
    try {
      await login(desk, url, ADMIN.username, ADMIN.password);
      await desk.getByTestId('home-page').waitFor({ timeout: 15_000 });
      const csrf = (await desk.context().cookies()).find((c) => c.name === 'lm_csrf')!.value;
      const post = async (path: string, data: object) => {
        const res = await desk.request.post(`${url}${path}`, { headers: { 'x-csrf-token': csrf }, data });
        if (!res.ok()) throw new Error(`${path}: ${res.status()} ${await res.text()}`);
        return res.json();
      };
      const user = await post('/api/users', { username: WORKER.username, displayName: WORKER.displayName, password: WORKER.first, jurisdictionCode: PLACE, roles: ['social_worker'] });

      await login(worker, url, WORKER.username, WORKER.first);
      await worker.getByTestId('change-password-page').waitFor({ timeout: 10_000 });
      await worker.locator('#currentPassword').fill(WORKER.first);
      await worker.locator('#newPassword').fill(WORKER.password);
      await worker.locator('#confirmPassword').fill(WORKER.password);
      await worker.locator('#confirmPassword').press('Enter');
      await worker.getByTestId('home-page').waitFor({ timeout: 10_000 });
      const bell = worker.getByTestId('notification-bell');
      await bell.waitFor();
      if ((await bell.getAttribute('aria-label'))?.includes('（0 条未读）') !== true) throw new Error(`bell before: ${await bell.getAttribute('aria-label')}`);
      await worker.waitForTimeout(500); // the page's event stream is open

      const created = await post('/api/requests', { channel: 'walk_in', categoryCode: 'facility_repair', description: '单元门禁坏了', jurisdictionCode: `${PLACE}001` });
      await post(`/api/requests/${created.id}/assign`, { userId: user.id });

      // Live: this page has not been reloaded since the password change (the stream refused before
      // it must reopen by itself).
      await worker.getByText(`诉求 ${created.trackingCode} 已派给您办理`).first().waitFor({ timeout: 10_000 });
      await bellWith(worker, 1).waitFor({ timeout: 10_000 });
      await bell.click();
      const item = worker.getByTestId('notification-item').first();
      await item.getByText(`诉求 ${created.trackingCode} 已派给您办理`).waitFor({ timeout: 5_000 });
      await worker.screenshot({ path: join(artifacts, 'notifications-bell.png') });
      await item.click();
      await worker.waitForURL(new RegExp(`/requests/${created.id}$`), { timeout: 10_000 });
      await worker.getByTestId('request-page').waitFor({ timeout: 10_000 });
      await bellWith(worker, 0).waitFor({ timeout: 10_000 });
    } finally {
      await desk.close();
      await worker.close();
    }
  });
}
