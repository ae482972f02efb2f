// 民意直通车: a resident council meeting whose items become tracked requests with owners, and the
// meeting report that shows where each item is (件件有着落、事事有回音).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { COMMUNITY, requestsApp, type World } from './requests.fixtures.ts';

let w: World;
before(async () => {
  w = await requestsApp('2025-06-10T15:00:00+08:00');
});
after(() => w.t.close());

const meeting = {
  jurisdictionCode: COMMUNITY,
  heldOn: '2025-06-10',
  title: '和平社区 6 月民意直通车',
  place: '社区党群服务中心',
  attendees: [{ name: '王书记', role: '社区党支部书记' }, { name: '陈主任', role: '业委会' }, { name: '赵经理', role: '物业' }, { name: '居民代表 12 人' }],
  items: [
    { categoryCode: 'safety_hazard', description: '5 号楼路灯电线裸露', ownerName: '物业 赵经理' },
    { categoryCode: 'facility_repair', description: '消防栓没有水', ownerName: '物业 赵经理' },
    { categoryCode: 'facility_repair', description: '7 号楼顶楼漏水', address: '7 号楼 601' },
    { categoryCode: 'mediation', description: '篮球场晚间噪音扰民', ownerUserId: 0 },
  ],
};

test('every item raised becomes a tracked request with an owner; the report shows each one’s state', async () => {
  const { as } = w;
  const body = { ...meeting, items: meeting.items.map((i) => (i.ownerUserId === 0 ? { ...i, ownerUserId: w.userIds.heping_social } : i)) };
  const bad = await as.community.post('/api/council-meetings', { ...body, items: [{ categoryCode: 'no_such', description: '测试' }] });
  assert.equal(bad.status, 400);
  assert.equal(bad.body.fields[0].field, 'items.0.categoryCode');
  assert.equal((await as.community.post('/api/council-meetings', { ...body, attendees: [] })).status, 400);
  assert.equal((await as.grid.post('/api/council-meetings', body)).status, 400, 'a grid worker records meetings of their grid only');

  const created = await as.community.post('/api/council-meetings', body);
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const report = created.body;
  assert.equal(report.items, 4);
  assert.deepEqual(report.figures, { total: 4, open: 4, overdue: 0, resolved: 0, visited: 0 });
  assert.deepEqual(report.itemList.map((i: { channel: string }) => i.channel), ['council', 'council', 'council', 'council']);
  assert.deepEqual(report.itemList.map((i: { department: string | null; assignee: { displayName: string } | null }) => i.department ?? i.assignee?.displayName), ['物业 赵经理', '物业 赵经理', undefined, '和平社区社工']);
  assert.equal(report.attendees.length, 4);

  // The owner fixes the first item; the report follows.
  const [first, second] = report.itemList;
  await as.community.post(`/api/requests/${first.id}/take`, {});
  await as.community.post(`/api/requests/${first.id}/resolve`, { note: '物业已更换线路并加装护套' });
  await as.community.post(`/api/requests/${first.id}/follow-up`, { satisfaction: 5, solved: true });
  await as.community.post(`/api/requests/${second.id}/take`, {});
  await as.community.post(`/api/requests/${second.id}/resolve`, { note: '自来水公司已恢复供水' });
  const later = (await as.township.get(`/api/council-meetings/${report.id}`)).body;
  assert.deepEqual(later.figures, { total: 4, open: 2, overdue: 0, resolved: 1, visited: 1 });
  assert.deepEqual(later.itemList.map((i: { state: string }) => i.state), ['visited', 'resolved', 'new', 'assigned']);
  assert.equal(later.itemList[0].resolutionNote, '物业已更换线路并加装护套');
  assert.equal(later.itemList[0].satisfaction, 5);

  const more = await as.community.post(`/api/council-meetings/${report.id}/items`, { items: [{ categoryCode: 'other', description: '申请增设健身器材（报街道）', ownerName: '巨轮街道' }] });
  assert.equal(more.status, 200, JSON.stringify(more.body));
  assert.equal(more.body.figures.total, 5);
  const listed = (await as.community.get('/api/council-meetings')).body;
  assert.deepEqual(listed.items.map((m: { id: number; items: number; resolved: number }) => [m.id, m.items, m.resolved]), [[report.id, 5, 2]]);
  assert.equal((await as.otherCounty.get(`/api/council-meetings/${report.id}`)).status, 404);
  assert.deepEqual((await as.otherCounty.get('/api/council-meetings')).body.items, []);
  // Items are in the request list too, filterable by meeting.
  const items = (await as.community.get(`/api/requests?status=all&councilMeetingId=${report.id}`)).body;
  assert.equal(items.total, 5);
});
