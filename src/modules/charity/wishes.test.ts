import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../test/support/app.ts';
import { queryRows } from '../../platform/db/client.ts';
import { charitySetup } from './test-fixtures.ts';

const COMMUNITY = '140107001001';
let t: TestApp;
let s: Awaited<ReturnType<typeof charitySetup>>;
before(async () => {
  t = await createTestApp();
  s = await charitySetup(t);
});
after(() => t.close());

const count = async () => (await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from wishes`))[0]!.n;
const wish = (extra: object = {}) => ({ jurisdictionCode: COMMUNITY, beneficiaryKind: 'child', category: 'study', budgetFen: 15_000, publicText: '三年级，想要一套水彩笔和两本绘本', ...extra });

test('a wish text with an ID number or a phone number is refused naming publicText; nothing stored', async () => {
  for (const publicText of ['想要书包，身份证140107201001011234', '想要书包，电话 139 1234 5678']) {
    const res = await s.inject(s.user, 'POST', '/api/wishes', wish({ publicText }));
    assert.equal(res.statusCode, 400);
    assert.equal(res.json().fields[0].field, 'publicText');
    assert.match(res.json().fields[0].messageZh, /身份证号|电话号码/);
  }
  assert.equal(await count(), 0);
});

test('life cycle: posted → on the public wall → claimed (contact sealed) → fulfilled, counted by place', async () => {
  const grid = await t.login('grid_worker');
  const township = await t.login('julun_reviewer'); // 巨轮街道: the community is inside it
  const posted = await s.inject(s.user, 'POST', '/api/wishes', wish());
  assert.equal(posted.statusCode, 201, posted.body);
  const id = posted.json().id;
  assert.equal(posted.json().organisationId, s.org.id, 'the station posts for its organisation');
  const byCommunity = (await s.inject(grid, 'POST', '/api/wishes', wish({ jurisdictionCode: '140107001001001', beneficiaryKind: 'elderly', category: 'daily', publicText: '想要一台收音机' }))).json();

  const wall = await t.app.inject({ method: 'GET', url: `/api/wishes/wall?under=${COMMUNITY}` });
  assert.equal(wall.statusCode, 200, 'the wall needs no login');
  assert.deepEqual(wall.json().items.map((w: { id: number }) => w.id).sort(), [id, byCommunity.id].sort());
  for (const item of wall.json().items) assert.deepEqual(Object.keys(item).sort(), ['beneficiaryKind', 'budgetFen', 'category', 'id', 'place', 'status', 'text']);

  const claimed = await s.inject(township, 'POST', `/api/wishes/${id}/claim`, { claimantKind: 'donor', claimantName: '爱心人士李女士', claimantPhone: '13912345678' });
  assert.equal(claimed.statusCode, 200, claimed.body);
  assert.equal(claimed.json().claimantPhoneMasked, '139****5678');
  assert.equal((await s.inject(township, 'POST', `/api/wishes/${id}/claim`, { claimantKind: 'volunteer', claimantName: 'x', claimantPhone: '13700001111' })).statusCode, 409);
  const publicNow = (await t.app.inject({ method: 'GET', url: '/api/wishes/wall?status=claimed' })).body;
  assert.equal(publicNow.includes('李女士'), false);
  assert.equal(publicNow.includes('5678'), false);
  const [row] = await queryRows<{ claimant_phone_enc: string }>(t.database.db, sql`select claimant_phone_enc from wishes where id = ${id}`);
  assert.match(row!.claimant_phone_enc, /^v1\./);

  assert.equal((await s.inject(grid, 'POST', `/api/wishes/${byCommunity.id}/fulfil`, { fulfilledOn: '2026-03-01', confirmation: '已送达' })).statusCode, 409, 'not claimed yet');
  const done = await s.inject(s.user, 'POST', `/api/wishes/${id}/fulfil`, { fulfilledOn: '2026-03-01', confirmation: '孩子已收到水彩笔和绘本' });
  assert.equal(done.statusCode, 200, done.body);
  assert.equal(done.json().status, 'fulfilled');

  const counts = (await s.inject(township, 'GET', `/api/wishes/counts?under=${COMMUNITY}`)).json().items;
  const total = counts.reduce((a: { posted: number; claimed: number; fulfilled: number }, c: { posted: number; claimed: number; fulfilled: number }) => ({ posted: a.posted + c.posted, claimed: a.claimed + c.claimed, fulfilled: a.fulfilled + c.fulfilled }), { posted: 0, claimed: 0, fulfilled: 0 });
  assert.deepEqual(total, { posted: 2, claimed: 1, fulfilled: 1 });
  const other = await t.login('wbl_approver');
  assert.equal((await s.inject(other, 'POST', `/api/wishes/${byCommunity.id}/claim`, { claimantKind: 'donor', claimantName: 'x', claimantPhone: '13700001111' })).statusCode, 404, 'another county sees nothing of it');
  assert.equal((await s.inject(grid, 'POST', `/api/wishes/${id}/claim`, { claimantKind: 'donor', claimantName: 'x', claimantPhone: '13700001111' })).statusCode, 404, 'a grid worker sees only its grid\'s wishes');
});
