import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { createTestApp, type Session, type TestApp } from '../../../test/support/app.ts';
import { queryRows } from '../../platform/db/client.ts';

let t: TestApp;
let admin: Session;
let countyAdmin: Session; // admin of 杏花岭区 140107
let charityUser: Session; // organisation role, linked below
let loneOrgUser: Session; // organisation role, linked to nothing
let charityUserId: number;
const PASS = 'Org#Tests2026';

before(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  await t.services.auth.createUser({ username: 'xhl_admin', displayName: '杏花岭区管理员', password: PASS, jurisdictionCode: '140107', roles: ['admin'] });
  countyAdmin = await t.login('xhl_admin', PASS);
  charityUserId = (await t.services.auth.createUser({ username: 'charity_user', displayName: '慈善会经办人', password: PASS, jurisdictionCode: '140107', roles: ['organisation'] })).id;
  charityUser = await t.login('charity_user', PASS);
  await t.services.auth.createUser({ username: 'lone_org', displayName: '未关联组织', password: PASS, jurisdictionCode: '140107', roles: ['organisation'] });
  loneOrgUser = await t.login('lone_org', PASS);
});
after(() => t.close());

const inject = (s: Session, method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: s.headers, ...(payload ? { payload } : {}) });
const count = async () => (await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from organisations`))[0]!.n;

const charity = {
  kind: 'charity',
  name: '杏花岭区慈善会',
  creditCode: '5310 0000 5000 2167 6k', // typed with spaces, lower case: normalised
  jurisdictionCode: '140107',
  registrationAuthority: '杏花岭区民政局',
  registeredOn: '2012-03-01',
  charityStatus: 'recognised',
  charitySince: '2017-06-01',
  publicFundraising: true,
  publicFundraisingSince: '2018-01-10',
  contactName: '王主任',
  contactPhone: '13912345678',
};
let charityId: number;

test('a county registers a charity: code normalised, phone sealed and masked, creation audited', async () => {
  const res = await inject(countyAdmin, 'POST', '/api/organisations', charity);
  assert.equal(res.statusCode, 201, res.body);
  const org = res.json();
  charityId = org.id;
  assert.equal(org.creditCode, '53100000500021676K');
  assert.equal(org.kindZh, '慈善组织');
  assert.equal(org.contactPhoneMasked, '139****5678');
  assert.equal(org.canManage, true);
  assert.equal(res.body.includes('13912345678'), false);
  const [row] = await queryRows<{ contact_phone_enc: string }>(t.database.db, sql`select contact_phone_enc from organisations where id = ${org.id}`);
  assert.match(row!.contact_phone_enc, /^v1\./);
  const audit = (await inject(admin, 'GET', `/api/audit?entity=organisation&entityId=${org.id}`)).json();
  const create = audit.items.find((e: { action: string }) => e.action === 'create');
  assert.equal(create.changes.creditCode.after, '53100000500021676K');
  assert.equal(create.changes.contactPhone.after, '139****5678');
});

test('a wrong check character is refused naming creditCode, in both languages; nothing stored', async () => {
  const before = await count();
  const res = await inject(countyAdmin, 'POST', '/api/organisations', { ...charity, name: '错码组织', creditCode: '914403001922038217' });
  assert.equal(res.statusCode, 400);
  const body = res.json();
  assert.equal(body.fields[0].field, 'creditCode');
  assert.match(body.fields[0].message, /check character/);
  assert.match(body.fields[0].messageZh, /校验码/);
  assert.equal(await count(), before);
});

test('the same credit code twice is a 409 naming creditCode', async () => {
  const res = await inject(countyAdmin, 'POST', '/api/organisations', { ...charity, name: '重复' });
  assert.equal(res.statusCode, 409);
  assert.equal(res.json().fields[0].field, 'creditCode');
});

test('registration facts must agree: no 公开募捐资格 without charity status, no enterprise charity', async () => {
  const before = await count();
  const a = await inject(countyAdmin, 'POST', '/api/organisations', { ...charity, creditCode: '914403001922038216', name: '华为', kind: 'enterprise', charityStatus: 'none', charitySince: null });
  assert.equal(a.statusCode, 400);
  assert.deepEqual(a.json().fields.map((f: { field: string }) => f.field), ['publicFundraising']);
  const b = await inject(countyAdmin, 'PATCH', `/api/organisations/${charityId}`, { charityStatus: 'none' });
  assert.equal(b.statusCode, 400);
  assert.deepEqual(b.json().fields.map((f: { field: string }) => f.field).sort(), ['charitySince', 'publicFundraising']);
  assert.equal(await count(), before);
});

test('a county registers only inside its area and sees organisations over it; another county sees nothing of it', async () => {
  const outside = await inject(countyAdmin, 'POST', '/api/organisations', { kind: 'enterprise', name: '外区企业', creditCode: '9144030071526726XG', jurisdictionCode: '140109' });
  assert.equal(outside.statusCode, 400);
  assert.equal(outside.json().fields[0].field, 'jurisdictionCode');
  const city = await inject(admin, 'POST', '/api/organisations', { kind: 'foundation', name: '太原市慈善基金会', creditCode: '91330100716105852F', jurisdictionCode: '1401', charityStatus: 'registered' });
  assert.equal(city.statusCode, 201, city.body);
  const seen = (await inject(countyAdmin, 'GET', '/api/organisations')).json();
  assert.deepEqual(seen.items.map((o: { name: string }) => o.name).sort(), ['杏花岭区慈善会', '太原市慈善基金会'].sort());
  assert.equal(seen.items.find((o: { name: string }) => o.name === '太原市慈善基金会').canManage, false, 'a city organisation is seen by the county, changed by the city');
  assert.equal((await inject(countyAdmin, 'PATCH', `/api/organisations/${city.json().id}`, { name: 'x' })).statusCode, 403);
  await t.services.auth.createUser({ username: 'wbl_admin', displayName: '万柏林区管理员', password: PASS, jurisdictionCode: '140109', roles: ['admin'] });
  const other = await t.login('wbl_admin', PASS);
  assert.equal((await inject(other, 'GET', `/api/organisations/${charityId}`)).statusCode, 404);
  assert.equal((await inject(other, 'GET', '/api/organisations')).json().total, 1, 'only the city foundation');
});

test('an organisation user acts for its own organisation only', async () => {
  assert.equal((await inject(charityUser, 'GET', '/api/organisations')).json().total, 0, 'not linked yet: sees nothing');
  const link = await inject(countyAdmin, 'POST', `/api/organisations/${charityId}/users`, { userId: charityUserId });
  assert.equal(link.statusCode, 200, link.body);
  assert.deepEqual(link.json().items.map((m: { username: string }) => m.username), ['charity_user']);
  const mine = (await inject(charityUser, 'GET', '/api/organisations')).json();
  assert.deepEqual(mine.items.map((o: { id: number }) => o.id), [charityId]);
  assert.equal(mine.items[0].canManage, false);
  const cityId = (await inject(admin, 'GET', '/api/organisations?q=太原市')).json().items[0].id;
  assert.equal((await inject(charityUser, 'GET', `/api/organisations/${cityId}`)).statusCode, 404);
  assert.equal((await inject(charityUser, 'POST', '/api/organisations', charity)).statusCode, 403);
  assert.equal((await inject(loneOrgUser, 'GET', `/api/organisations/${charityId}`)).statusCode, 404);
  await assert.rejects(t.database.db.transaction((tx) => t.services.organisations.actingFor(tx, { id: 1, kind: 'token', scope: '140107', roles: ['organisation'] }, charityId)), /not linked/);

  // Only users of the organisation role are linked; the link is audited and can be undone.
  const [sw] = await queryRows<{ id: number }>(t.database.db, sql`select id from users where username = 'grid_worker'`);
  const wrong = await inject(countyAdmin, 'POST', `/api/organisations/${charityId}/users`, { userId: sw!.id });
  assert.equal(wrong.statusCode, 400);
  assert.equal(wrong.json().fields[0].field, 'userId');
  const audit = (await inject(admin, 'GET', `/api/audit?entity=organisation&entityId=${charityId}`)).json();
  assert.ok(audit.items.some((e: { action: string }) => e.action === 'member.add'));
  const unlink = await inject(countyAdmin, 'DELETE', `/api/organisations/${charityId}/users/${charityUserId}`);
  assert.deepEqual(unlink.json().items, []);
  assert.equal((await inject(charityUser, 'GET', '/api/organisations')).json().total, 0);
  await inject(countyAdmin, 'POST', `/api/organisations/${charityId}/users`, { userId: charityUserId });
});

test('an update is audited field by field with the phone masked', async () => {
  const res = await inject(countyAdmin, 'PATCH', `/api/organisations/${charityId}`, { contactPhone: '13700001111', address: '杏花岭区府东街 1 号' });
  assert.equal(res.statusCode, 200, res.body);
  assert.equal(res.json().contactPhoneMasked, '137****1111');
  const [entry] = (await inject(admin, 'GET', `/api/audit?entity=organisation&entityId=${charityId}&action=update`)).json().items;
  assert.deepEqual(Object.keys(entry.changes).sort(), ['address', 'contactPhone']);
  assert.deepEqual(entry.changes.contactPhone, { before: '139****5678', after: '137****1111' });
});
