import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type Session, type TestApp } from '../../../test/support/app.ts';

let t: TestApp;
let admin: Session;
before(async () => {
  // Back-off by account and address: login-throttle.test.ts.
  t = await createTestApp({ LASTMILE_LOGIN_LOCK_MINUTES: '10', LASTMILE_LOGIN_RATE_PER_MINUTE: '20' });
  admin = await t.login('admin');
});
after(() => t.close());

const login = (username: string, password: string, ip = '127.0.0.1') =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress: ip });

test('a success resets the failure count', async () => {
  for (let i = 0; i < 2; i++) await login('wbl_approver', 'nope');
  assert.equal((await login('wbl_approver', 'Lastmile@2026')).statusCode, 200);
  for (let i = 0; i < 2; i++) await login('wbl_approver', 'nope');
  assert.equal((await login('wbl_approver', 'Lastmile@2026')).statusCode, 200, 'not locked: the count restarted');
});

test('login is rate limited per client address', async () => {
  const codes: number[] = [];
  for (let i = 0; i < 22; i++) codes.push((await login(`ghost${i}`, 'x', '10.9.9.9')).statusCode);
  assert.ok(codes.slice(0, 20).every((c) => c === 401));
  const limited = await login('ghost', 'x', '10.9.9.9');
  assert.equal(limited.statusCode, 429);
  assert.equal(limited.json().error, 'rate_limited');
  assert.equal((await login('admin', 'Lastmile@2026', '10.9.9.10')).statusCode, 200, 'other addresses unaffected');
});

test('a reset password must be changed before anything else; the policy applies', async () => {
  const [grid] = (await t.app.inject({ method: 'GET', url: '/api/users?q=grid_worker', headers: admin.headers })).json().items;
  const weak = await t.app.inject({ method: 'POST', url: `/api/users/${grid.id}/password`, headers: admin.headers, payload: { newPassword: 'short' } });
  assert.equal(weak.statusCode, 400);
  assert.equal(weak.json().fields[0].field, 'newPassword');
  assert.match(weak.json().fields[0].messageZh, /至少 10 个字符/);
  const reset = await t.app.inject({ method: 'POST', url: `/api/users/${grid.id}/password`, headers: admin.headers, payload: { newPassword: 'Tide#Harbor7310' } });
  assert.equal(reset.statusCode, 204);

  const s = await t.login('grid_worker', 'Tide#Harbor7310');
  const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: s.headers });
  assert.equal(me.json().user.mustChangePassword, true);
  const blocked = await t.app.inject({ method: 'GET', url: '/api/jurisdictions', headers: s.headers });
  assert.equal(blocked.statusCode, 403);
  assert.equal(blocked.json().error, 'password_change_required');

  const same = await t.app.inject({ method: 'POST', url: '/api/auth/password', headers: s.headers, payload: { currentPassword: 'Tide#Harbor7310', newPassword: 'Tide#Harbor7310' } });
  assert.equal(same.statusCode, 400);
  const wrong = await t.app.inject({ method: 'POST', url: '/api/auth/password', headers: s.headers, payload: { currentPassword: 'nope', newPassword: 'Kite#Meadow5821' } });
  assert.equal(wrong.json().fields[0].field, 'currentPassword');
  const ok = await t.app.inject({ method: 'POST', url: '/api/auth/password', headers: s.headers, payload: { currentPassword: 'Tide#Harbor7310', newPassword: 'Kite#Meadow5821' } });
  assert.equal(ok.statusCode, 204);
  assert.equal((await t.app.inject({ method: 'GET', url: '/api/jurisdictions', headers: s.headers })).statusCode, 200);
  assert.equal((await login('grid_worker', 'Tide#Harbor7310')).statusCode, 401, 'the old password is gone');
});

test('an empty database without demo data gets one admin who must change the password', async () => {
  const fresh = await createTestApp({}, { seed: false });
  try {
    const { ensureInitialAdmin } = await import('../../seed/demo.ts');
    const password = await ensureInitialAdmin(fresh.database, fresh.services);
    assert.ok(password && password.length >= 12);
    assert.equal(await ensureInitialAdmin(fresh.database, fresh.services), null, 'only once');
    const s = await fresh.login('admin', password!);
    const res = await fresh.app.inject({ method: 'GET', url: '/api/users', headers: s.headers });
    assert.equal(res.json().error, 'password_change_required');
  } finally {
    await fresh.close();
  }
});

test('API tokens: act with one role inside one area, no CSRF needed, revocable', async () => {
  const created = await t.app.inject({
    method: 'POST',
    url: '/api/tokens',
    headers: admin.headers,
    payload: { name: '12345 热线对接', role: 'statistics_viewer', jurisdictionCode: '140107', expiresInDays: 30 },
  });
  assert.equal(created.statusCode, 201);
  const { token, id } = created.json();
  assert.match(token, /^lm_/);
  const bearer = { authorization: `Bearer ${token}` };
  const roots = (await t.app.inject({ method: 'GET', url: '/api/jurisdictions', headers: bearer })).json();
  assert.deepEqual(roots.items.map((j: { code: string }) => j.code), ['140107']);
  assert.equal((await t.app.inject({ method: 'GET', url: '/api/jurisdictions/140109', headers: bearer })).statusCode, 404);
  const write = await t.app.inject({ method: 'PATCH', url: '/api/jurisdictions/140107', headers: bearer, payload: { name: 'x' } });
  assert.equal(write.statusCode, 403, 'the token has only its role');
  const listed = (await t.app.inject({ method: 'GET', url: '/api/tokens', headers: admin.headers })).json();
  const row = listed.items.find((x: { id: number }) => x.id === id);
  assert.ok(row.lastUsedAt);
  assert.equal(JSON.stringify(listed).includes(token), false, 'the token is shown only once');
  assert.equal((await t.app.inject({ method: 'DELETE', url: `/api/tokens/${id}`, headers: admin.headers })).statusCode, 204);
  const revoked = await t.app.inject({ method: 'GET', url: '/api/jurisdictions', headers: bearer });
  assert.equal(revoked.statusCode, 401);
  assert.match(revoked.json().messageZh, /已吊销/);
  const outside = await t.app.inject({ method: 'POST', url: '/api/tokens', headers: (await t.login('xhl_approver')).headers, payload: { name: 'x', role: 'admin', jurisdictionCode: '' } });
  assert.equal(outside.statusCode, 403, 'only admins manage tokens');
});

test('security headers are set', async () => {
  const res = await t.app.inject({ method: 'GET', url: '/api/health' });
  assert.match(String(res.headers['content-security-policy']), /default-src 'self'/);
  assert.equal(res.headers['x-content-type-options'], 'nosniff');
  assert.equal(res.headers['x-frame-options'], 'SAMEORIGIN');
});

test('known and published passwords are refused in both languages wherever a password is set', async () => {
  const [grid] = (await t.app.inject({ method: 'GET', url: '/api/users?q=julun', headers: admin.headers })).json().items;
  for (const newPassword of ['Qwerty@12345', 'P@ssw0rd2026']) {
    const res = await t.app.inject({ method: 'POST', url: `/api/users/${grid.id}/password`, headers: admin.headers, payload: { newPassword } });
    assert.equal(res.statusCode, 400, newPassword);
    assert.equal(res.json().fields[0].field, 'newPassword');
    assert.match(res.json().fields[0].message, /too common/);
    assert.match(res.json().fields[0].messageZh, /常见密码/);
  }
  // Outside demo mode the demo password printed in the README is refused too, and its variants.
  const prod = await createTestApp({ LASTMILE_SEED_DEMO: 'false' });
  try {
    const system = await prod.login('admin');
    const created = await prod.app.inject({ method: 'POST', url: '/api/users', headers: system.headers, payload: { username: 'new_worker', displayName: '新网格员', password: 'Lastmile@2026', jurisdictionCode: '140107001001001', roles: ['grid_worker'] } });
    assert.equal(created.statusCode, 400);
    assert.equal(created.json().fields[0].field, 'password');
    assert.match(created.json().fields[0].messageZh, /已公开的密码/);
    const own = await prod.app.inject({ method: 'POST', url: '/api/auth/password', headers: system.headers, payload: { currentPassword: 'Lastmile@2026', newPassword: 'LastMile#2027' } });
    assert.equal(own.statusCode, 400);
    assert.match(own.json().fields[0].message, /published password/);
    const ok = await prod.app.inject({ method: 'POST', url: '/api/auth/password', headers: system.headers, payload: { currentPassword: 'Lastmile@2026', newPassword: 'Tiger!Moon#Lake29' } });
    assert.equal(ok.statusCode, 204);
  } finally {
    await prod.close();
  }
});

test('logins, failed and successful, racing an unlock of the same account never fail (found by the fuzzer: the throttle row deleted between insert and lock, and unlock taking the user row before the back-off rows while a login took them the other way round, were 500s)', async () => {
  const user = await t.services.auth.createUser({ username: 'race_target', displayName: '并发目标', password: 'Race#Target2026', jurisdictionCode: '140107', roles: ['grid_worker'] });
  const codes: number[] = [];
  for (let i = 0; i < 25; i++) {
    const round = await Promise.all([
      login('race_target', `wrong${i}`, `10.8.${i}.1`),
      t.app.inject({ method: 'POST', url: `/api/users/${user.id}/unlock`, headers: admin.headers }),
      login('race_target', `wrong${i}`, `10.8.${i}.2`),
      login('race_target', 'Race#Target2026', `10.8.${i}.3`),
    ]);
    codes.push(...round.map((r) => r.statusCode));
  }
  assert.deepEqual(codes.filter((c) => c >= 500), [], codes.join(','));
  assert.equal(codes.filter((c) => c === 204).length, 25, 'every unlock went through');
});
