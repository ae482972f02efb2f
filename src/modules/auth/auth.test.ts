import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../test/support/app.ts';
import { queryRows } from '../../platform/db/client.ts';
import { hashPassword, verifyPassword } from '../../lib/password.ts';

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(() => t.close());

test('password hashes are salted scrypt and verify only the right password', async () => {
  const a = await hashPassword('正确的密码 horse');
  const b = await hashPassword('正确的密码 horse');
  assert.notEqual(a, b);
  assert.match(a, /^scrypt\$32768\$8\$1\$/);
  assert.equal(await verifyPassword('正确的密码 horse', a), true);
  assert.equal(await verifyPassword('正确的密码 horsE', a), false);
});

test('login sets an HttpOnly session cookie and a CSRF cookie; the database keeps only a hash', async () => {
  const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin', password: 'Lastmile@2026' } });
  assert.equal(res.statusCode, 200);
  const session = res.cookies.find((c) => c.name === 'lm_session')!;
  assert.equal(session.httpOnly, true);
  assert.equal(session.sameSite, 'Lax');
  assert.equal(res.cookies.find((c) => c.name === 'lm_csrf')!.httpOnly, undefined);
  const rows = await queryRows<{ token_hash: string }>(t.database.db, sql`select token_hash from sessions`);
  assert.ok(rows.length > 0);
  assert.ok(rows.every((r) => r.token_hash !== session.value));
  assert.equal(res.json().user.username, 'admin');
  assert.equal(res.json().user.passwordHash, undefined);
});

test('wrong password and unknown user get the same 401', async () => {
  for (const payload of [{ username: 'admin', password: 'nope' }, { username: 'ghost', password: 'nope' }]) {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload });
    assert.equal(res.statusCode, 401);
    assert.equal(res.json().error, 'invalid_credentials');
    assert.equal(res.json().messageZh, '用户名或密码错误');
  }
});

test('API routes need a session; state changes need the CSRF header', async () => {
  assert.equal((await t.app.inject({ method: 'GET', url: '/api/auth/me' })).statusCode, 401);
  const s = await t.login('admin');
  const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: s.cookie } });
  assert.equal(me.json().user.jurisdictionName, '全部辖区');
  const noCsrf = await t.app.inject({ method: 'PATCH', url: '/api/jurisdictions/14', headers: { cookie: s.cookie }, payload: { name: '山西省' } });
  assert.equal(noCsrf.statusCode, 403);
  assert.equal(noCsrf.json().error, 'csrf_failed');
  const wrong = await t.app.inject({ method: 'PATCH', url: '/api/jurisdictions/14', headers: { cookie: s.cookie, 'x-csrf-token': 'x' + s.csrf }, payload: { name: '山西省' } });
  assert.equal(wrong.statusCode, 403);
  const ok = await t.app.inject({ method: 'PATCH', url: '/api/jurisdictions/14', headers: s.headers, payload: { name: '山西省' } });
  assert.equal(ok.statusCode, 200);
});

test('logout ends the session on the server', async () => {
  const s = await t.login('grid_worker');
  const out = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: s.headers });
  assert.equal(out.statusCode, 204);
  assert.equal((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: s.cookie } })).statusCode, 401);
});

test('an expired session is refused and purged', async () => {
  const s = await t.login('grid_worker');
  await t.database.db.execute(sql`update sessions set expires_at = now() - interval '1 minute'`);
  assert.equal((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: s.cookie } })).statusCode, 401);
  assert.ok((await t.services.auth.purgeExpiredSessions()) >= 1);
  const [left] = await queryRows<{ n: number }>(t.database.db, sql`select count(*) as n from sessions`);
  assert.equal(left!.n, 0);
});
