// Browser steps for the public directory, in test/browser/run.ts's style: staff add points through
// the API (an 爱心驿站 with 热水 near by but closed for the holidays is not the one; a farther one
// open now is), and a resident on a phone (390×844) opens /near, picks 热水 and finds the nearest
// open 爱心驿站, then the nearest 医保 point; the sketch map draws them without any map tiles, and
// a consultation at the station is recorded with its 失业补助金 self-check link, which opens.
// Part of the browser suite (`npm run test:browser`).
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { login } from './requests.steps.ts';

type Ctx = { browser: Browser; url: string; step: (name: string, fn: () => Promise<void>) => Promise<void>; artifacts: string; consoleErrors: string[] };
const ADMIN = { username: 'admin', password: 'Lastmile@2026' };
const HERE = { lng: 112.57, lat: 37.88 };
const east = (m: number) => ({ lng: HERE.lng + m / (111_195 * Math.cos((HERE.lat * Math.PI) / 180)), lat: HERE.lat });

export async function servicePointSteps({ browser, url, step, artifacts, consoleErrors }: Ctx): Promise<void> {
  const desk = await browser.newPage({ viewport: { width: 1366, height: 850 }, locale: 'zh-CN' });
  desk.on('pageerror', (e) => consoleErrors.push(e.message));
  let stationId = 0;

  await step('service points: staff add an 爱心驿站 with 热水, a closed one nearer, and a 医保 point with every-day hours', async () => {
    await login(desk, url, ADMIN.username, ADMIN.password);
    await desk.getByTestId('home-page').waitFor({ timeout: 15_000 });
    const csrf = (await desk.context().cookies()).find((c) => c.name === 'lm_csrf')!.value;
    const post = async (path: string, data: object) => {
      const res = await desk.request.post(`${url}${path}`, { headers: { 'x-csrf-token': csrf }, data });
      if (!res.ok()) throw new Error(`${path}: ${res.status()} ${await res.text()}`);
      return res.json();
    };
    const everyDay = [1, 2, 3, 4, 5, 6, 7].map((day) => ({ day, opens: '00:00', closes: '24:00' }));
    const base = { jurisdictionCode: '140107001001', address: '和平北路', hours: everyDay };
    const closed = await post('/api/service-points', { ...base, typeCode: 'love_station', name: '近处驿站（暂停）', location: east(150), services: ['hot_water'] });
    await post(`/api/service-points/${closed.id}/status`, { status: 'temporarily_closed', reason: '装修' });
    stationId = (await post('/api/service-points', { ...base, typeCode: 'love_station', name: '和平北路爱心驿站', location: east(400), services: ['hot_water', 'hot_meal', 'social_insurance_advice'], phones: [{ number: '0351-1234567', label: '值班电话' }] })).id;
    await post('/api/service-points', { ...base, typeCode: 'medical_insurance_point', name: '和平社区医保服务点', location: east(700), services: ['mi_enrolment', 'mi_errands'] });
    const c = await post(`/api/service-points/${stationId}/consultations`, { service: 'social_insurance_advice', question: '网约车司机，能领什么补助？', answer: '可能符合失业补助金，请自测', outcome: 'referred_self_check', programId: 'unemployment_subsidy' });
    if (c.selfCheckLink !== '/self-check?program=unemployment_subsidy') throw new Error(`self-check link ${c.selfCheckLink}`);
  });

  await step('service points: staff see their area’s points with services and “open now” in the menu’s 服务阵地 page', async () => {
    await desk.goto(`${url}/service-points`);
    await desk.getByTestId('service-points-page').getByText('和平北路爱心驿站').waitFor({ timeout: 15_000 });
    await desk.getByTestId('service-points-page').getByText('暂停服务：装修').waitFor();
    await desk.screenshot({ path: join(artifacts, 'service-points-staff.png'), fullPage: true });
  });

  const phone = await browser.newPage({ viewport: { width: 390, height: 844 }, locale: 'zh-CN', isMobile: true, hasTouch: true });
  phone.on('pageerror', (e) => consoleErrors.push(e.message));
  // No map tiles: any request for an image or a tile server would fail the step.
  const offsite: string[] = [];
  phone.on('request', (r) => {
    if (!r.url().startsWith(url)) offsite.push(r.url());
  });

  await step('service points: a resident on a phone finds the nearest open 爱心驿站 with 热水, then the nearest 医保 point', async () => {
    await phone.goto(`${url}/near?service=hot_water&lng=${HERE.lng}&lat=${HERE.lat}`);
    await phone.getByTestId('sp-near').waitFor({ timeout: 15_000 });
    const first = phone.getByTestId('sp-item').first();
    await first.waitFor({ timeout: 15_000 });
    const text = await first.innerText();
    if (!text.includes('和平北路爱心驿站') || !text.includes('400 米') || !text.includes('开放中')) throw new Error(`first result: ${text}`);
    if ((await phone.getByTestId('sp-item').allInnerTexts()).some((t) => t.includes('近处驿站'))) throw new Error('the closed station is listed as open');
    if ((await phone.getByTestId('sp-map-point').count()) < 1) throw new Error('no points on the sketch map');
    await phone.screenshot({ path: join(artifacts, 'service-points-near-phone.png'), fullPage: true });
    // 医保: choose the service in the form.
    await phone.getByTestId('sp-service').click();
    await phone.keyboard.type('帮办');
    await phone.getByTitle('医保帮办代办').click();
    await phone.getByTestId('sp-search').click();
    await phone.getByTestId('sp-item').first().getByText('和平社区医保服务点').waitFor({ timeout: 15_000 });
    if (offsite.length) throw new Error(`requests outside the server: ${offsite.join(', ')}`);
  });

  await step('service points: the consultation’s self-check link opens the 失业补助金 self-check', async () => {
    await phone.goto(`${url}/self-check?program=unemployment_subsidy`);
    await phone.getByText('我能申请什么？').first().waitFor({ timeout: 15_000 });
  });
  await desk.close();
  await phone.close();
}
