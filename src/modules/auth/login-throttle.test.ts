// Login back-off by account and client address, on an injected clock (issue #13 item 6): an
// attacker hammering an account from one address is slowed, then refused there, while the owner
// logs in from their own address; the account locks only after failures from many addresses, for
// a while, and an administrator lifts it. Every refusal says when to retry, in both languages.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp } from '../../../test/support/app.ts';
import { countedFailures, throttlePolicy, waitAfter } from './login-throttle.ts';

let t: TestApp;
let clock = Date.parse('2026-03-02T09:00:00+08:00');
const tick = (ms: number) => { clock += ms; };
before(async () => {
  // 6 failures per account and address (3 free, then 1 s, 2 s, then refused 15 minutes); the
  // address as a whole 12 free, 60 at most; the account locks after failures from 4 addresses.
  t = await createTestApp({ LASTMILE_LOGIN_MAX_FAILURES: '6', LASTMILE_LOGIN_LOCK_MINUTES: '15', LASTMILE_LOGIN_ACCOUNT_LOCK_ADDRESSES: '4', LASTMILE_LOGIN_RATE_PER_MINUTE: '10000' }, { now: () => new Date(clock) });
});
after(() => t.close());

const login = (username: string, password: string, ip: string) =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress: ip });

test('the rules: free failures, then doubling waits, then the lock time; a quiet day forgets', () => {
  const p = throttlePolicy({ maxFailures: 10, lockMinutes: 15, accountLockAddresses: 10 });
  const at = new Date('2026-03-02T01:00:00Z');
  const waits = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11].map((n) => waitAfter(n, at, p.pair)?.getTime() ?? null).map((x) => (x === null ? null : (x - at.getTime()) / 1000));
  assert.deepEqual(waits, [null, null, null, 1, 2, 4, 8, 16, 32, 900, 900]);
  assert.equal(countedFailures({ failures: 7, lastFailureAt: new Date(at.getTime() - 23 * 3_600_000) }, at, p.forgetMs), 7);
  assert.equal(countedFailures({ failures: 7, lastFailureAt: new Date(at.getTime() - 24 * 3_600_000) }, at, p.forgetMs), 0);
});

test('an attacker is slowed then refused at their address while the owner logs in from theirs', async () => {
  const attacker = '10.66.0.1';
  const owner = '10.20.0.7';
  for (let i = 0; i < 3; i++) {
    const res = await login('xhl_approver', `guess-${i}`, attacker);
    assert.equal(res.statusCode, 401);
    assert.equal(res.json().messageZh, '用户名或密码错误');
  }
  const fourth = await login('xhl_approver', 'guess-3', attacker);
  assert.equal(fourth.statusCode, 401);
  assert.equal(fourth.json().messageZh, '用户名或密码错误，请 1 秒后再试');
  assert.equal(fourth.json().message, 'Wrong username or password; try again in 1 second');
  // Too soon: refused without a password check, even the right one.
  const early = await login('xhl_approver', 'Lastmile@2026', attacker);
  assert.equal(early.statusCode, 429);
  assert.equal(early.json().error, 'login_throttled');
  assert.equal(early.json().messageZh, '该账号在您所在地址的登录失败次数过多，请 1 秒后再试');
  assert.match(early.json().message, /^Too many failed logins to this account from your address; try again in 1 second$/);
  // The owner is not slowed at all.
  assert.equal((await login('xhl_approver', 'Lastmile@2026', owner)).statusCode, 200);

  tick(1_000);
  assert.match((await login('xhl_approver', 'guess-4', attacker)).json().messageZh, /请 2 秒后再试$/);
  tick(2_000);
  const sixth = await login('xhl_approver', 'guess-5', attacker);
  assert.equal(sixth.statusCode, 401);
  assert.match(sixth.json().messageZh, /请 15 分钟后再试$/);
  tick(14 * 60_000);
  const refused = await login('xhl_approver', 'Lastmile@2026', attacker);
  assert.equal(refused.statusCode, 429);
  assert.match(refused.json().messageZh, /请 1 分钟后再试$/);
  assert.match(refused.json().message, /try again in 1 minute$/);
  assert.equal((await login('xhl_approver', 'Lastmile@2026', owner)).statusCode, 200, 'still free from the owner’s address');

  // After the lock time one more guess, and the next lock at once: one guess per 15 minutes.
  tick(60_000);
  assert.match((await login('xhl_approver', 'guess-6', attacker)).json().messageZh, /请 15 分钟后再试$/);
  assert.equal((await login('xhl_approver', 'guess-7', attacker)).statusCode, 429);
  // The account itself is not locked: one address is not many.
  const admin = await t.login('admin', 'Lastmile@2026');
  const [user] = (await t.app.inject({ method: 'GET', url: '/api/users?q=xhl_approver', headers: admin.headers })).json().items;
  assert.equal(user.lockedUntil, null);
  assert.equal((await login('xhl_approver', 'Lastmile@2026', owner)).statusCode, 200);
});

test('one address failing on many accounts is slowed as a whole (password spraying)', async () => {
  const sprayer = '10.66.0.2';
  for (let i = 0; i < 12; i++) assert.equal((await login(`user${i}`, 'Spring2026!', sprayer)).statusCode, 401);
  const thirteenth = await login('user12', 'Spring2026!', sprayer);
  assert.equal(thirteenth.statusCode, 401);
  assert.match(thirteenth.json().messageZh, /请 1 秒后再试$/);
  const next = await login('grid_worker', 'Lastmile@2026', sprayer);
  assert.equal(next.statusCode, 429);
  assert.equal(next.json().messageZh, '您所在地址的登录失败次数过多，请 1 秒后再试');
  assert.equal((await login('grid_worker', 'Lastmile@2026', '10.20.0.8')).statusCode, 200, 'other addresses are not slowed');
  tick(1_000);
  assert.equal((await login('grid_worker', 'Lastmile@2026', sprayer)).statusCode, 200);
});

test('failures from many addresses lock the account for a while; an administrator lifts it at once', async () => {
  for (let i = 1; i <= 4; i++) await login('julun_reviewer', 'wrong-password', `10.70.0.${i}`);
  const locked = await login('julun_reviewer', 'Lastmile@2026', '10.20.0.9');
  assert.equal(locked.statusCode, 429);
  assert.equal(locked.json().error, 'account_locked');
  assert.equal(locked.json().messageZh, '该账号在多个地址登录失败次数过多，已锁定，请 15 分钟后再试或联系管理员解锁');
  const admin = await t.login('admin', 'Lastmile@2026');
  const [user] = (await t.app.inject({ method: 'GET', url: '/api/users?q=julun', headers: admin.headers })).json().items;
  assert.ok(user.lockedUntil, 'the admin sees the lock');
  const audit = (await t.app.inject({ method: 'GET', url: '/api/audit?action=login_failed&limit=10', headers: admin.headers })).json();
  assert.ok(audit.items.some((e: { reason: string }) => /account locked: failures from 4\+ addresses/.test(e.reason)));
  assert.equal((await t.app.inject({ method: 'POST', url: `/api/users/${user.id}/unlock`, headers: admin.headers })).statusCode, 204);
  assert.equal((await login('julun_reviewer', 'Lastmile@2026', '10.20.0.9')).statusCode, 200);
  // Not permanent either: a new lock ends by itself after the lock time.
  for (let i = 1; i <= 4; i++) await login('julun_reviewer', 'wrong-again', `10.71.0.${i}`);
  assert.equal((await login('julun_reviewer', 'Lastmile@2026', '10.20.0.9')).statusCode, 429);
  tick(15 * 60_000);
  assert.equal((await login('julun_reviewer', 'Lastmile@2026', '10.20.0.9')).statusCode, 200);
});

test('the counters live in the database: another app on the same database sees them', async () => {
  // A second app instance (another process in production) shares the back-off through the table.
  const { createServices } = await import('../../app/services.ts');
  const { testKeyRing } = await import('../../../test/support/app.ts');
  const other = createServices(t.config, t.database, testKeyRing, { now: () => new Date(clock) });
  for (let i = 0; i < 4; i++) await other.auth.login({ username: 'wbl_approver', password: `x${i}`, ip: '10.66.0.9', userAgent: null }).catch(() => undefined);
  const res = await login('wbl_approver', 'Lastmile@2026', '10.66.0.9');
  assert.equal(res.statusCode, 429);
  assert.equal(res.json().error, 'login_throttled');
});
