// Every rate-limited route says when to retry in proper Chinese and English ("请 43 秒后再试",
// "try again in 43 seconds"), not the plugin's English inside a Chinese sentence (issue #13 item 6).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp } from './support/app.ts';

let t: TestApp;
before(async () => {
  t = await createTestApp({ LASTMILE_LOGIN_RATE_PER_MINUTE: '1', LASTMILE_SELF_CHECK_RATE_PER_MINUTE: '1', LASTMILE_PUBLIC_REQUEST_RATE_PER_MINUTE: '1' });
});
after(() => t.close());

const routes: { name: string; zh: RegExp; call: (ip: string) => Promise<{ statusCode: number; json(): { error: string; message: string; messageZh: string } }> }[] = [
  { name: 'login', zh: /^登录尝试过于频繁/, call: (ip) => t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'nobody', password: 'x' }, remoteAddress: ip }) },
  { name: 'self-check', zh: /^测算过于频繁/, call: (ip) => t.app.inject({ method: 'POST', url: '/api/public/self-check', payload: {}, remoteAddress: ip }) },
  { name: 'public request lookup', zh: /^查询过于频繁/, call: (ip) => t.app.inject({ method: 'GET', url: '/api/public/requests/ABCD-EFGH', remoteAddress: ip }) },
  { name: 'public request submission', zh: /^提交过于频繁/, call: (ip) => t.app.inject({ method: 'POST', url: '/api/public/requests', payload: {}, remoteAddress: ip }) },
];

for (const [i, route] of routes.entries()) {
  test(`${route.name}: the 429 says when to retry in both languages`, async () => {
    const ip = `10.77.0.${i + 1}`;
    await route.call(ip);
    const res = await route.call(ip);
    assert.equal(res.statusCode, 429);
    const body = res.json();
    assert.equal(body.error, 'rate_limited');
    assert.match(body.messageZh, route.zh);
    assert.match(body.messageZh, /，请 \d+ (秒|分钟)后再试$/);
    assert.doesNotMatch(body.messageZh, /second|minute/);
    assert.match(body.message, /^Too many .+; try again in \d+ (seconds?|minutes?)$/);
  });
}

test('Open311 without a key: the GeoReport error says when to retry in both languages', async () => {
  const call = () => t.app.inject({ method: 'GET', url: '/open311/v2/requests.json', remoteAddress: '10.77.1.1' });
  await call();
  const res = await call();
  assert.equal(res.statusCode, 429);
  const [error] = res.json() as { code: number; description: string }[];
  assert.equal(error!.code, 429);
  assert.match(error!.description, /^请求过于频繁，请 \d+ (秒|分钟)后再试 \(Too many requests; try again in \d+ (seconds?|minutes?)\)$/);
});
