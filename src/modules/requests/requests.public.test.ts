// The public face: residents submit a request without an account and follow it by tracking code.
// Nothing personal comes back, and both are rate-limited per address.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { SAMPLE_PHONES } from '../../../test/support/sensitive-samples.ts';
import { requestsApp, type World } from './requests.fixtures.ts';

let w: World;
before(async () => {
  w = await requestsApp('2025-08-01T10:00:00+08:00', { LASTMILE_PUBLIC_REQUEST_RATE_PER_MINUTE: '4' });
});
after(() => w.t.close());

const submit = (payload: object) => w.t.app.inject({ method: 'POST', url: '/api/public/requests', payload });

test('categories and places to choose from, without logging in', async () => {
  const categories = (await w.t.app.inject({ method: 'GET', url: '/api/public/requests/categories' })).json();
  assert.ok(categories.items.some((c: { code: string; nameZh: string }) => c.code === 'living_help' && c.nameZh === '生活求助'));
  const counties = (await w.t.app.inject({ method: 'GET', url: '/api/public/requests/places' })).json();
  assert.ok(counties.items.some((p: { code: string; name: string; hasChildren: boolean }) => p.code === '140107' && p.name.endsWith('杏花岭区') && p.hasChildren));
  const streets = (await w.t.app.inject({ method: 'GET', url: '/api/public/requests/places?parent=140107' })).json();
  assert.ok(streets.items.some((p: { code: string; name: string }) => p.code === '140107001' && p.name === '巨轮街道'));
});

test('a resident submits and tracks a request: the answer has its tracking code and status, nothing personal', async () => {
  const bad = await submit({ categoryCode: 'living_help', description: '', jurisdictionCode: '140107' });
  assert.equal(bad.statusCode, 400);
  assert.deepEqual(bad.json().fields.map((f: { field: string }) => f.field), ['description']);
  const res = await submit({ categoryCode: 'facility_repair', description: '小区东门路灯坏了一周了', jurisdictionCode: '140107001001', address: '和平社区东门', contactName: '张先生', contactPhone: SAMPLE_PHONES[1] });
  assert.equal(res.statusCode, 201, res.body);
  const status = res.json();
  assert.match(status.trackingCode, /^[2-9A-Z]{4}-[2-9A-Z]{4}$/);
  assert.equal(status.state, 'new');
  assert.equal(status.categoryName, '设施报修');
  assert.ok(status.expectedBy);
  assert.doesNotMatch(res.body, /路灯坏了|和平社区东门|张先生|1111/);

  // Staff see it with the contact (masked), routed to the community's queue.
  const staff = (await w.as.community.get(`/api/requests?q=${status.trackingCode}`)).body.items[0];
  assert.deepEqual([staff.channel, staff.contactName, staff.jurisdictionCode], ['public_web', '张先生', '140107001001']);
  await w.as.community.post(`/api/requests/${staff.id}/take`, {});
  await w.as.community.post(`/api/requests/${staff.id}/resolve`, { note: '已联系物业维修，张先生电话确认' });

  const tracked = await w.t.app.inject({ method: 'GET', url: `/api/public/requests/${status.trackingCode.toLowerCase()}` });
  assert.equal(tracked.statusCode, 200);
  const t = tracked.json();
  assert.equal(t.state, 'resolved');
  assert.equal(t.answered, true);
  assert.deepEqual(t.steps.map((s: { state: string }) => s.state), ['new', 'in_progress', 'resolved']);
  assert.equal(t.handledBy, '巨轮街道 / 和平社区');
  assert.doesNotMatch(tracked.body, /张先生|物业维修|1111|路灯坏了/);
  assert.equal((await w.t.app.inject({ method: 'GET', url: '/api/public/requests/ZZZZ-ZZZZ' })).statusCode, 404);
});

test('submissions and lookups are rate-limited per address', async () => {
  const statuses: number[] = [];
  for (let i = 0; i < 5; i++) statuses.push((await w.t.app.inject({ method: 'GET', url: '/api/public/requests/ABCD-EFGH', remoteAddress: '10.0.0.9' })).statusCode);
  assert.deepEqual(statuses, [404, 404, 404, 404, 429]);
  const limited = await w.t.app.inject({ method: 'GET', url: '/api/public/requests/ABCD-EFGH', remoteAddress: '10.0.0.9' });
  assert.match(limited.json().messageZh, /查询过于频繁/);
  assert.equal((await w.t.app.inject({ method: 'GET', url: '/api/public/requests/ABCD-EFGH', remoteAddress: '10.0.0.10' })).statusCode, 404, 'another address is not limited');
});
