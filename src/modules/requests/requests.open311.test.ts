// Open311 GeoReport v2: the service list, a service definition, submitting with an api_key (form
// and JSON), querying by id and by status, the public view without a key, and GeoReport errors.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { SYSTEM_ACTOR } from '../audit/audit.service.ts';
import { SAMPLE_PHONES } from '../../../test/support/sensitive-samples.ts';
import { GRID_1, requestsApp, type World } from './requests.fixtures.ts';

let w: World;
let key: string; // a 12345 hotline system's token for 杏花岭区
let readOnly: string; // a token whose role may not record requests
before(async () => {
  w = await requestsApp('2025-07-01T10:00:00+08:00');
  const admin = { id: w.userIds.admin!, scope: '', kind: 'user' };
  key = (await w.t.services.tokens.create(admin, { name: '12345热线', role: 'social_worker', jurisdictionCode: '140107' }, SYSTEM_ACTOR)).token;
  readOnly = (await w.t.services.tokens.create(admin, { name: '统计', role: 'statistics_viewer', jurisdictionCode: '140107' }, SYSTEM_ACTOR)).token;
});
after(() => w.t.close());

const get = (url: string) => w.t.app.inject({ method: 'GET', url });
const form = (payload: Record<string, string>) =>
  w.t.app.inject({ method: 'POST', url: '/open311/v2/requests.json', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams(payload).toString() });

test('services.json lists the categories; services/{code}.json defines one', async () => {
  const list = await get('/open311/v2/services.json');
  assert.equal(list.statusCode, 200);
  const services = list.json();
  assert.ok(services.some((s: { service_code: string; service_name: string; metadata: boolean; type: string }) => s.service_code === 'facility_repair' && s.service_name === '设施报修' && s.metadata === false && s.type === 'realtime'));
  assert.deepEqual((await get('/open311/v2/services/facility_repair.json')).json(), { service_code: 'facility_repair', attributes: [] });
  const missing = await get('/open311/v2/services/no_such.json');
  assert.equal(missing.statusCode, 404);
  assert.equal(missing.json()[0].code, 404);
  assert.match(missing.json()[0].description, /服务类别不存在/);
  const xml = await get('/open311/v2/services.xml');
  assert.equal(xml.statusCode, 404);
  assert.match(xml.json()[0].description, /仅支持 JSON/);
});

test('POST requests.json needs an api_key that may record requests; form-encoded and JSON bodies', async () => {
  const anonymous = await form({ service_code: 'facility_repair', description: '路灯不亮', address_id: GRID_1 });
  assert.equal(anonymous.statusCode, 401);
  assert.deepEqual(Object.keys(anonymous.json()[0]), ['code', 'description']);
  assert.equal((await form({ api_key: 'lm_wrong', service_code: 'facility_repair', description: '路灯不亮', address_id: GRID_1 })).statusCode, 401);
  assert.equal((await form({ api_key: readOnly, service_code: 'facility_repair', description: '路灯不亮', address_id: GRID_1 })).statusCode, 403);
  const noPlace = await form({ api_key: key, service_code: 'facility_repair', description: '路灯不亮' });
  assert.equal(noPlace.statusCode, 400);
  assert.match(noPlace.json()[0].description, /须提供位置/);
  const badCode = await form({ api_key: key, service_code: 'no_such', description: '路灯不亮', address_id: GRID_1 });
  assert.equal(badCode.statusCode, 400);
  assert.match(badCode.json()[0].description, /categoryCode/);

  const created = await form({ api_key: key, service_code: 'facility_repair', description: '和平街路灯不亮', address_string: '和平街 8 号', address_id: GRID_1, lat: '37.8706', long: '112.5489', first_name: '女士', last_name: '李', phone: SAMPLE_PHONES[1]!, media_url: 'https://12345.example/photo/1.jpg' });
  assert.equal(created.statusCode, 201, created.body);
  const [ack] = created.json();
  assert.match(ack.service_request_id, /^[2-9A-Z]{4}-[2-9A-Z]{4}$/);
  // Routed like any other: the grid worker of the grid named by address_id.
  const staff = (await w.as.grid.get(`/api/requests?q=${ack.service_request_id}`)).body;
  assert.equal(staff.items[0].channel, 'open311');
  assert.equal(staff.items[0].assignee.displayName, '和平社区网格员');
  assert.equal(staff.items[0].contactName, '李女士');

  // JSON body; no place given, but the caller's phone matches a registered person: their grid.
  const personId = await w.person({ name: '周奶奶', phone: SAMPLE_PHONES[0], jurisdictionCode: '140107001001002' });
  const json = await w.t.app.inject({ method: 'POST', url: '/open311/v2/requests.json', payload: { api_key: key, service_code: 'living_help', description: '老人独居，需要帮忙买药', lat: 37.87, long: 112.55, phone: SAMPLE_PHONES[0] } });
  assert.equal(json.statusCode, 201, json.body);
  const byPhone = (await w.as.county.get(`/api/requests?q=${json.json()[0].service_request_id}`)).body.items[0];
  assert.deepEqual([byPhone.jurisdictionCode, byPhone.personName], ['140107001001002', '周奶奶']);
  assert.ok(personId > 0);
});

test('GET requests/{id}.json and requests.json: by id, by status and service, public view without a key', async () => {
  const a = (await form({ api_key: key, service_code: 'safety_hazard', description: '井盖缺失，有人掉落风险', address_id: GRID_1, address_string: '和平街 20 号' })).json()[0].service_request_id;
  const b = (await form({ api_key: key, service_code: 'mediation', description: '邻居装修噪音', address_id: GRID_1 })).json()[0].service_request_id;

  const full = await get(`/open311/v2/requests/${a}.json?api_key=${key}`);
  assert.equal(full.statusCode, 200, full.body);
  const [one] = full.json();
  assert.deepEqual([one.service_request_id, one.status, one.service_code, one.service_name, one.description, one.address], [a, 'open', 'safety_hazard', '安全隐患', '井盖缺失，有人掉落风险', '和平街 20 号']);
  assert.ok(one.requested_datetime && one.updated_datetime && one.expected_datetime && one.agency_responsible);

  // Without a key: no description, address, position, media or staff notes.
  const [open] = (await get(`/open311/v2/requests/${a}.json`)).json();
  for (const field of ['description', 'address', 'lat', 'long', 'media_url']) assert.equal(field in open, false, field);
  assert.equal(open.status_notes, '已派单');
  assert.equal((await get('/open311/v2/requests/ZZZZ-ZZZZ.json')).statusCode, 404);

  // Close b; then filter by status and service.
  const staffB = (await w.as.grid.get(`/api/requests?q=${b}`)).body.items[0];
  await w.as.grid.post(`/api/requests/${staffB.id}/take`, {});
  await w.as.grid.post(`/api/requests/${staffB.id}/resolve`, { note: '已调解，双方约定施工时间' });
  const closed = (await get(`/open311/v2/requests.json?api_key=${key}&status=closed`)).json();
  assert.deepEqual(closed.map((r: { service_request_id: string }) => r.service_request_id), [b]);
  assert.equal(closed[0].status_notes, '已调解，双方约定施工时间');
  const openOnes = (await get(`/open311/v2/requests.json?api_key=${key}&status=open&service_code=safety_hazard`)).json();
  assert.deepEqual(openOnes.map((r: { service_request_id: string }) => r.service_request_id), [a]);
  const byIds = (await get(`/open311/v2/requests.json?service_request_id=${a},${b}`)).json();
  assert.deepEqual(byIds.map((r: { service_request_id: string; status: string }) => [r.service_request_id, r.status]), [[a, 'open'], [b, 'closed']]);
  const window = (await get(`/open311/v2/requests.json?api_key=${key}&start_date=2030-01-01T00:00:00Z&end_date=2030-02-01T00:00:00Z`)).json();
  assert.deepEqual(window, []);
  const badStatus = await get('/open311/v2/requests.json?status=pending');
  assert.equal(badStatus.statusCode, 400);
  assert.equal(badStatus.json()[0].code, 400);

  // A key of another county sees none of 杏花岭区's requests.
  const other = (await w.t.services.tokens.create({ id: w.userIds.admin!, scope: '', kind: 'user' }, { name: '万柏林12345', role: 'social_worker', jurisdictionCode: '140109' }, SYSTEM_ACTOR)).token;
  assert.equal((await get(`/open311/v2/requests/${a}.json?api_key=${other}`)).statusCode, 404);
});
