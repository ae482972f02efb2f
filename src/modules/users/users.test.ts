import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { createTestApp, testKeyRing, type Session, type TestApp } from '../../../test/support/app.ts';
import { queryRows } from '../../platform/db/client.ts';
import { generateKeyRingJson, parseKeyRing, decryptField } from '../../platform/crypto/field-crypto.ts';
import { reencryptAll } from '../../app/key-rotation.ts';

let t: TestApp;
let admin: Session;
let countyAdmin: Session; // admin role, but only for 杏花岭区 140107
before(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  await t.services.auth.createUser({ username: 'xhl_admin', displayName: '杏花岭区管理员', password: 'County#Admin2026', jurisdictionCode: '140107', roles: ['admin'] });
  countyAdmin = await t.login('xhl_admin', 'County#Admin2026');
});
after(() => t.close());

const inject = (s: Session, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: s.headers, ...(payload ? { payload } : {}) });

test('phones are stored encrypted, shown masked, and revealed only with a reason that is audited', async () => {
  const created = await inject(countyAdmin, 'POST', '/api/users', {
    username: 'sanqiao_sw',
    displayName: '三桥街道社工',
    password: 'Social#Work2026',
    jurisdictionCode: '140107002',
    roles: ['social_worker'],
    phone: '13912345678',
  });
  assert.equal(created.statusCode, 201);
  const user = created.json();
  assert.equal(user.phoneMasked, '139****5678');
  assert.equal(user.mustChangePassword, true, 'an admin-set password is changed at first login');
  assert.equal(JSON.stringify(user).includes('13912345678'), false);

  const [row] = await queryRows<{ phone_enc: string }>(t.database.db, sql`select phone_enc from users where id = ${user.id}`);
  assert.match(row!.phone_enc, /^v1\.k1\./);
  assert.equal(row!.phone_enc.includes('13912345678'), false);

  const noReason = await inject(countyAdmin, 'POST', `/api/users/${user.id}/reveal`, { field: 'phone', reason: '' });
  assert.equal(noReason.statusCode, 400);
  assert.match(noReason.json().fields[0].messageZh, /查看理由/);
  // A search term in the URL must not carry the number into the request log either.
  assert.equal((await inject(countyAdmin, 'GET', '/api/users?q=13912345678')).json().total, 0);
  const revealed = await inject(countyAdmin, 'POST', `/api/users/${user.id}/reveal`, { field: 'phone', reason: '核实联系方式，回访困难家庭' });
  assert.deepEqual(revealed.json(), { field: 'phone', value: '13912345678' });

  const audit = (await inject(admin, 'GET', `/api/audit?entity=user&entityId=${user.id}`)).json();
  const reveal = audit.items.find((e: { action: string }) => e.action === 'reveal');
  assert.equal(reveal.actorName, 'xhl_admin');
  assert.equal(reveal.reason, '核实联系方式，回访困难家庭');
  const create = audit.items.find((e: { action: string }) => e.action === 'create');
  assert.equal(create.changes.phone.after, '139****5678', 'the audit log keeps the masked phone');
  assert.equal(JSON.stringify(audit).includes('13912345678'), false);
});

test('edits are audited field by field; a phone change shows only masked values', async () => {
  const [sw] = (await inject(countyAdmin, 'GET', '/api/users?q=sanqiao_sw')).json().items;
  const updated = await inject(countyAdmin, 'PATCH', `/api/users/${sw.id}`, { displayName: '三桥街道社工（新）', roles: ['social_worker', 'grid_worker'], phone: '13700001111' });
  assert.equal(updated.statusCode, 200);
  assert.equal(updated.json().phoneMasked, '137****1111');
  const [entry] = (await inject(admin, 'GET', `/api/audit?entity=user&entityId=${sw.id}&action=update`)).json().items;
  assert.deepEqual(entry.changes.displayName, { before: '三桥街道社工', after: '三桥街道社工（新）' });
  assert.deepEqual(entry.changes.phone, { before: '139****5678', after: '137****1111' });
  assert.deepEqual(entry.changes.roles.after, ['social_worker', 'grid_worker']);
  assert.deepEqual(Object.keys(entry.changes).sort(), ['displayName', 'phone', 'roles'], 'only the changed administered fields');
  const everything = (await inject(admin, 'GET', '/api/audit?limit=500')).json();
  assert.doesNotMatch(JSON.stringify(everything), /scrypt\$|passwordHash|phoneEnc|v1\.k\d\./, 'no secrets or ciphertexts in the audit log');
});

test('a county admin manages only its own county', async () => {
  const list = (await inject(countyAdmin, 'GET', '/api/users?limit=500')).json();
  assert.ok(list.items.every((u: { jurisdictionCode: string }) => u.jurisdictionCode.startsWith('140107')));
  const [wbl] = (await inject(admin, 'GET', '/api/users?q=wbl_approver')).json().items;
  for (const [method, url, payload] of [
    ['GET', `/api/users/${wbl.id}`],
    ['PATCH', `/api/users/${wbl.id}`, { displayName: 'x' }],
    ['POST', `/api/users/${wbl.id}/reveal`, { field: 'phone', reason: '试图越权查看' }],
    ['POST', `/api/users/${wbl.id}/password`, { newPassword: 'Hijack#Pass2026' }],
    ['GET', `/api/users/${wbl.id}/sessions`],
  ] as const) {
    const res = await inject(countyAdmin, method, url, payload);
    assert.equal(res.statusCode, 404, `${method} ${url}`);
  }
  const outside = await inject(countyAdmin, 'POST', '/api/users', { username: 'wbl_x', displayName: 'x', password: 'Outside#Pass2026', jurisdictionCode: '140109', roles: ['grid_worker'] });
  assert.equal(outside.statusCode, 400);
  assert.equal(outside.json().fields[0].field, 'jurisdictionCode');
  const systemWide = await inject(countyAdmin, 'POST', '/api/users', { username: 'wide', displayName: 'x', password: 'Outside#Pass2026', jurisdictionCode: '', roles: ['admin'] });
  assert.equal(systemWide.statusCode, 400, 'cannot create a user wider than yourself');
});

test('sessions can be listed and ended by an admin; an admin cannot lock themselves out', async () => {
  const s = await t.login('julun_reviewer');
  const [u] = (await inject(countyAdmin, 'GET', '/api/users?q=julun')).json().items;
  const sessions = (await inject(countyAdmin, 'GET', `/api/users/${u.id}/sessions`)).json();
  assert.ok(sessions.items.length >= 1);
  assert.equal((await inject(countyAdmin, 'DELETE', `/api/users/${u.id}/sessions`)).statusCode, 204);
  assert.equal((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: s.headers })).statusCode, 401);
  const [me] = (await inject(countyAdmin, 'GET', '/api/users?q=xhl_admin')).json().items;
  const self = await inject(countyAdmin, 'PATCH', `/api/users/${me.id}`, { disabled: true });
  assert.equal(self.statusCode, 409);
});

test('duplicate usernames and bad input get clear field errors', async () => {
  const dup = await inject(admin, 'POST', '/api/users', { username: 'admin', displayName: 'x', password: 'Another#Pass2026', jurisdictionCode: '', roles: ['admin'] });
  assert.equal(dup.statusCode, 409);
  assert.equal(dup.json().fields[0].field, 'username');
  const bad = await inject(admin, 'POST', '/api/users', { username: 'a b', displayName: '', password: 'x', jurisdictionCode: '99', roles: [], phone: '123' });
  assert.equal(bad.statusCode, 400);
  const fields = bad.json().fields.map((f: { field: string }) => f.field).sort();
  assert.deepEqual(fields, ['displayName', 'phone', 'roles', 'username']);
});

test('key rotation re-encrypts every phone under the new key; old values stay readable until then', async () => {
  const nextJson = generateKeyRingJson(ringJson(testKeyRing));
  const next = parseKeyRing(nextJson);
  assert.equal(next.current, 'k2');
  const { rewritten } = await reencryptAll(t.database, next);
  assert.ok(rewritten >= 5);
  const rows = await queryRows<{ phone_enc: string }>(t.database.db, sql`select phone_enc from users where phone_enc is not null`);
  assert.ok(rows.every((r) => r.phone_enc.startsWith('v1.k2.')));
  assert.ok(rows.some((r) => decryptField(next, r.phone_enc) === '13700001111'));
  assert.equal((await reencryptAll(t.database, next)).rewritten, 0, 'a second run has nothing left to do');
});

/** The JSON document of a parsed ring (for generateKeyRingJson's `previous`). */
function ringJson(ring: typeof testKeyRing): string {
  return JSON.stringify({
    current: ring.current,
    keys: Object.fromEntries([...ring.keys].map(([id, k]) => [id, Buffer.concat([k.encKey, k.macKey]).toString('base64')])),
    index: ring.indexKey.toString('base64'),
  });
}

test('a user id beyond the 32-bit column (found by the fuzzer: a 500 "out of range") is a 400 naming the field', async () => {
  const big = '99999999999';
  for (const [method, url, payload] of [
    ['GET', `/api/users/${big}`],
    ['POST', `/api/users/${big}/password`, { newPassword: 'Fuzz#Reset2026' }],
    ['DELETE', `/api/users/${big}/sessions`],
    ['DELETE', `/api/tokens/${big}`],
  ] as const) {
    const res = await inject(admin, method, url, payload);
    assert.equal(res.statusCode, 400, `${method} ${url}: ${res.body}`);
    assert.equal(res.json().fields[0].field, 'id');
    assert.match(res.json().messageZh, /数值过大/);
  }
  const ok = await inject(admin, 'GET', '/api/users/2147483647');
  assert.equal(ok.statusCode, 404, 'the largest 32-bit id is a well-formed id that names no user');
});
