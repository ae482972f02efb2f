// Service points through the API: staff add points with hours (coordinates from a 高德 picker in
// GCJ-02), bad input is refused naming the field with nothing stored, other areas see nothing,
// the public directory ranks the nearest points open now (on a holiday and on a make-up working
// day), and a consultation at a station leads to the 失业补助金 self-check.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../test/support/app.ts';
import { api, type Api } from '../requests/requests.fixtures.ts';
import { queryRows } from '../../platform/db/client.ts';
import { distanceM, fromWgs84, wgs84ToGcj02 } from '../../lib/geo/coordinates.ts';

const clock = { at: new Date('2026-10-02T10:00:00+08:00') }; // 国庆, a Friday
let t: TestApp;
let as: Record<'admin' | 'county' | 'township' | 'grid' | 'otherCounty' | 'anonymous', Api>;

// Around 和平社区, 杏花岭区 (WGS-84).
const HOME = { lng: 112.5700, lat: 37.8800 };
/** Where the directory test stands (11 km north of HOME: no other test's points nearby). */
const STREET = { lng: 112.5700, lat: 37.9800 };
/** A point `m` metres east of `from`. */
const east = (m: number, from = HOME) => ({ lng: from.lng + m / (111_195 * Math.cos((from.lat * Math.PI) / 180)), lat: from.lat });
const days = (list: number[], opens: string, closes: string) => list.map((day) => ({ day, opens, closes }));
const ALL_WEEK = [1, 2, 3, 4, 5, 6, 7];
const WORKWEEK = [1, 2, 3, 4, 5];

before(async () => {
  t = await createTestApp({ LASTMILE_SESSION_HOURS: '720', LASTMILE_LOGIN_RATE_PER_MINUTE: '10000', LASTMILE_PUBLIC_REQUEST_RATE_PER_MINUTE: '10000' }, { now: () => clock.at });
  as = {
    admin: api(t, await t.login('admin')),
    county: api(t, await t.login('xhl_approver')),
    township: api(t, await t.login('julun_reviewer')),
    grid: api(t, await t.login('grid_worker')),
    otherCounty: api(t, await t.login('wbl_approver')),
    anonymous: api(t, { cookie: '', csrf: '', headers: {} }),
  };
});
after(() => t.close());

const count = async (table: string) => (await queryRows<{ n: number }>(t.database.db, sql.raw(`select count(*)::int as n from ${table}`)))[0]!.n;

function point(over: Record<string, unknown> = {}) {
  return {
    typeCode: 'love_station', name: '巨轮街道户外劳动者爱心驿站', jurisdictionCode: '140107001001', address: '杏花岭区和平北路 12 号',
    location: { ...HOME, system: 'wgs84' }, services: ['hot_water', 'hot_meal', 'charging', 'toilet', 'rest', 'social_insurance_advice'],
    hours: days(ALL_WEEK, '09:00', '20:00'), holidayRule: 'as_usual', phones: [{ number: '0351-1234567', label: '值班电话' }], capacity: 12,
    accessibility: ['step_free'], ...over,
  };
}

async function add(body: Record<string, unknown>, who: Api = as.township) {
  const res = await who.post('/api/service-points', body);
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return res.body as { id: number; location: { lng: number; lat: number; system: string } };
}

test('a point added from a 高德 (GCJ-02) picker is stored in WGS-84 within 1 m, and the answer says so', async () => {
  const gcj = wgs84ToGcj02(east(50));
  const p = await add(point({ name: '和平驿站（高德选点）', location: { ...gcj, system: 'gcj02' } }));
  assert.equal(p.location.system, 'wgs84');
  assert.ok(distanceM(p.location, east(50)) < 1, `${distanceM(p.location, east(50))} m`);
  assert.ok(distanceM(gcj, east(50)) > 100, 'the GCJ-02 offset is real here');
  const got = (await as.county.get(`/api/service-points/${p.id}`)).body;
  assert.equal(got.type.zh, '爱心驿站');
  assert.deepEqual(got.services.map((s: { code: string }) => s.code).slice(0, 2), ['hot_water', 'hot_meal']);
  assert.equal(got.jurisdictionName, '巨轮街道 / 和平社区');
  assert.equal(got.openNow.open, true);
});

test('bad input: swapped lat/lng, a point outside China, overlapping hours, an end before the start, a service not in the catalogue — 400 naming the field, nothing stored', async () => {
  const before = await count('service_points');
  const cases: [Record<string, unknown>, string, RegExp][] = [
    [point({ location: { lng: HOME.lat, lat: HOME.lng } }), 'location.lat', /填反/],
    [point({ location: { lng: 2.35, lat: 48.85 } }), 'location.lng', /outside China/],
    [point({ hours: [{ day: 1, opens: '09:00', closes: '12:00' }, { day: 1, opens: '11:00', closes: '18:00' }] }), 'hours.1.opens', /overlaps/],
    [point({ hours: [{ day: 2, opens: '18:00', closes: '09:00' }] }), 'hours.0.closes', /after the opening time/],
    [point({ services: ['hot_water', 'massage'] }), 'services.1', /not a service in the catalogue/],
    [point({ typeCode: 'spaceport' }), 'typeCode', /not a kind of point/],
    [point({ jurisdictionCode: '140109001001' }), 'jurisdictionCode', /inside your jurisdiction/],
    [point({ hours: [], alwaysOpen: false }), 'hours', /opening hours/],
  ];
  for (const [body, field, message] of cases) {
    const res = await as.township.post('/api/service-points', body);
    assert.equal(res.status, 400, `${field}: ${JSON.stringify(res.body)}`);
    const f = (res.body.fields as { field: string; message: string; messageZh: string }[]).find((x) => x.field === field);
    assert.ok(f, `${field} named in ${JSON.stringify(res.body.fields)}`);
    assert.match(`${f.message} ${f.messageZh}`, message);
    assert.ok(f.messageZh.length > 0);
  }
  assert.equal(await count('service_points'), before);
});

test('scoping: another county sees no point of ours (404, empty lists); a grid worker may read but not add', async () => {
  const p = await add(point({ name: '和平社区医保服务点', typeCode: 'medical_insurance_point', services: ['mi_enrolment'] }));
  assert.equal((await as.otherCounty.get(`/api/service-points/${p.id}`)).status, 404);
  assert.equal((await as.otherCounty.put(`/api/service-points/${p.id}`, point())).status, 404);
  assert.equal((await as.otherCounty.post(`/api/service-points/${p.id}/status`, { status: 'temporarily_closed', reason: 'x' })).status, 404);
  assert.equal((await as.otherCounty.post(`/api/service-points/${p.id}/visits`, { visitedOn: '2026-10-01', counts: [{ service: 'mi_enrolment', count: 1 }] })).status, 404);
  const theirs = (await as.otherCounty.get('/api/service-points')).body;
  assert.equal(theirs.total, 0);
  assert.equal((await as.otherCounty.get('/api/service-points?under=140107')).body.total, 0);
  assert.ok((await as.county.get('/api/service-points')).body.items.some((x: { id: number }) => x.id === p.id));
  // The grid worker's area is one grid: a point of the whole community is above it.
  assert.equal((await as.grid.get(`/api/service-points/${p.id}`)).status, 404);
  assert.equal((await as.grid.get('/api/service-points')).status, 200);
  assert.equal((await as.grid.post('/api/service-points', point())).status, 403);
  assert.equal((await as.anonymous.get('/api/service-points')).status, 401);
});

test('changes and closures are audited; a temporary closure shows its reason and ends on its day', async () => {
  const p = await add(point({ name: '临时关闭测试驿站' }));
  const changed = await as.township.put(`/api/service-points/${p.id}`, point({ name: '临时关闭测试驿站', capacity: 20 }));
  assert.equal(changed.status, 200);
  assert.equal(changed.body.capacity, 20);
  const noReason = await as.township.post(`/api/service-points/${p.id}/status`, { status: 'temporarily_closed' });
  assert.equal(noReason.status, 400);
  assert.equal(noReason.body.fields[0].field, 'reason');
  const closed = await as.township.post(`/api/service-points/${p.id}/status`, { status: 'temporarily_closed', reason: '水管维修', until: '2026-10-03' });
  assert.equal(closed.status, 200);
  assert.deepEqual([closed.body.openNow.open, closed.body.openNow.reason, closed.body.closedReason], [false, 'temporarily_closed', '水管维修']);
  const audit = await queryRows<{ action: string }>(t.database.db, sql`select action from audit_log where entity = 'service_point' and entity_id = ${String(p.id)} order by id`);
  assert.deepEqual(audit.map((a) => a.action), ['service_point.create', 'service_point.update', 'service_point.status']);
  await as.township.post(`/api/service-points/${p.id}/status`, { status: 'closed', reason: '撤并' });
});

// A street of points east of HOME for the directory: distances 100 m … 1.9 km.
let ids: Record<string, number>;
test('the public directory: the nearest open 爱心驿站 with 热水 and the nearest 医保 point, on 国庆 and on a make-up Saturday', async () => {
  ids = {
    station300: (await add(point({ name: '驿站 300 米', location: east(300, STREET), services: ['hot_water', 'rest'] }))).id,
    station200Closed: (await add(point({ name: '驿站 200 米（节假日闭站）', location: east(200, STREET), services: ['hot_water'], holidayRule: 'closed_on_holidays' }))).id,
    station100NoWater: (await add(point({ name: '驿站 100 米（无热水）', location: east(100, STREET), services: ['charging'] }))).id,
    station900: (await add(point({ name: '驿站 900 米', location: east(900, STREET), services: ['hot_water'] }))).id,
    miOffice600: (await add(point({ name: '街道医保工作站 600 米', typeCode: 'medical_insurance_station', location: east(600, STREET), services: ['mi_enrolment', 'mi_out_of_area'], hours: days(WORKWEEK, '09:00', '17:00'), holidayRule: 'workdays' }))).id,
    miHospital1500: (await add(point({ name: '医院医保工作站 1.5 公里', typeCode: 'medical_insurance_station', location: east(1500, STREET), services: ['mi_enrolment'], hours: days(ALL_WEEK, '08:00', '18:00'), holidayRule: 'as_usual' }))).id,
    far: (await add(point({ name: '驿站 5 公里', location: east(5000, STREET), services: ['hot_water'] }))).id,
  };
  const nearest = async (q: string) => {
    const res = await as.anonymous.get(`/api/public/service-points/nearest?lng=${STREET.lng}&lat=${STREET.lat}&${q}`);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    return res.body as { items: { id: number; name: string; distanceM: number; openNow: { open: boolean; dayKind: string; holiday: { zh: string } | null }; mapLocation: { system: string; lng: number; lat: number }; location: { system: string } }[] };
  };

  // 国庆 (Fri 2026-10-02 10:00): the 200 m station closes for holidays, the 100 m one has no hot water.
  clock.at = new Date('2026-10-02T10:00:00+08:00');
  const water = await nearest('service=hot_water&openNow=true&radius=2000');
  assert.equal(water.items[0]!.id, ids.station300);
  assert.equal(water.items[0]!.distanceM, 300);
  assert.deepEqual(water.items.map((i) => i.id).filter((id) => [ids.station300, ids.station900, ids.station200Closed, ids.far].includes(id)), [ids.station300, ids.station900]);
  assert.equal(water.items[0]!.openNow.dayKind, 'holiday');
  assert.equal(water.items[0]!.openNow.holiday?.zh, '国庆节');
  // Without openNow the closed one is listed (nearest first), marked closed for the holiday.
  const all = await nearest('service=hot_water&radius=2000');
  const closedOne = all.items.find((i) => i.id === ids.station200Closed)!;
  assert.equal(closedOne.openNow.open, false);
  assert.ok(all.items.findIndex((i) => i.id === ids.station200Closed) < all.items.findIndex((i) => i.id === ids.station300));
  // 医保 on the holiday: the street office is shut, the hospital workstation (every day) is open.
  const mi = await nearest('service=mi_enrolment&openNow=true&radius=3000');
  assert.equal(mi.items[0]!.id, ids.miHospital1500);
  assert.ok(!mi.items.some((i) => i.id === ids.miOffice600));

  // Make-up working Saturday 2026-10-10: the street office opens (Monday's hours) and is nearest.
  clock.at = new Date('2026-10-10T10:00:00+08:00');
  const made = await nearest('service=mi_enrolment&openNow=true&radius=3000');
  assert.equal(made.items[0]!.id, ids.miOffice600);
  assert.equal(made.items[0]!.openNow.dayKind, 'make_up_workday');
  // An ordinary Saturday (10-17): shut again.
  clock.at = new Date('2026-10-17T10:00:00+08:00');
  assert.equal((await nearest('service=mi_enrolment&openNow=true&radius=3000')).items[0]!.id, ids.miHospital1500);

  // Asked in GCJ-02 (a 高德 map): the same answer, with mapLocation in GCJ-02 for the markers.
  const g = fromWgs84(STREET, 'gcj02');
  const res = await as.anonymous.get(`/api/public/service-points/nearest?lng=${g.lng}&lat=${g.lat}&system=gcj02&service=hot_water&radius=2000`);
  assert.equal(res.body.items[0].location.system, 'wgs84');
  assert.equal(res.body.items[0].mapLocation.system, 'gcj02');
  assert.ok(distanceM(res.body.items[0].mapLocation, wgs84ToGcj02(res.body.items[0].location)) < 0.05);
  // The radius bounds the answer; swapped coordinates are refused with the hint.
  assert.ok(!(await nearest('radius=2000')).items.some((i) => i.id === ids.far));
  const swapped = await as.anonymous.get(`/api/public/service-points/nearest?lng=${STREET.lat}&lat=${STREET.lng}`);
  assert.equal(swapped.status, 400);
  assert.match(swapped.body.messageZh, /填反/);
  const unknown = await as.anonymous.get(`/api/public/service-points/nearest?lng=${STREET.lng}&lat=${STREET.lat}&service=massage`);
  assert.equal(unknown.status, 400);
  assert.equal(unknown.body.fields[0].field, 'service');
});

test('visits by service (anonymous counts), a consultation that leads to the 失业补助金 self-check, and the figures', async () => {
  clock.at = new Date('2026-10-12T15:00:00+08:00');
  const id = ids.station300;
  const v = await as.township.post(`/api/service-points/${id}/visits`, { visitedOn: '2026-10-12', counts: [{ service: 'hot_water', count: 35 }, { service: 'rest', count: 12 }] });
  assert.equal(v.status, 200, JSON.stringify(v.body));
  await as.township.post(`/api/service-points/${id}/visits`, { visitedOn: '2026-10-11', counts: [{ service: 'hot_water', count: 5 }] });
  assert.deepEqual(v.body.items.map((r: { service: string; visits: number }) => [r.service, r.visits]), [['hot_water', 35], ['rest', 12]]);
  const got = await as.township.get(`/api/service-points/${id}/visits`);
  assert.equal(got.status, 200, JSON.stringify(got.body));
  const figures = got.body.items;
  assert.deepEqual(figures.find((r: { service: string }) => r.service === 'hot_water'), { month: '2026-10', service: 'hot_water', zh: '热水', en: 'Hot water', visits: 40 });
  // A service the point does not offer, a count of 0, a day in the future: refused, nothing stored.
  const visitsBefore = await count('service_point_visits');
  for (const body of [
    { visitedOn: '2026-10-12', counts: [{ service: 'mi_enrolment', count: 1 }] },
    { visitedOn: '2026-10-12', counts: [{ service: 'hot_water', count: 0 }] },
    { visitedOn: '2026-10-13', counts: [{ service: 'hot_water', count: 1 }] },
  ]) assert.equal((await as.township.post(`/api/service-points/${id}/visits`, body)).status, 400);
  assert.equal(await count('service_point_visits'), visitsBefore);

  // The driver's question: 社保 at the station → referred to the 失业补助金 self-check.
  const c = await as.township.post(`/api/service-points/${id}/consultations`, {
    service: 'social_insurance_advice', question: '网约车司机，原单位停保，能领什么补助？', answer: '可能符合失业补助金条件，已指导扫码自测', outcome: 'referred_self_check', programId: 'unemployment_subsidy',
  });
  assert.equal(c.status, 201, JSON.stringify(c.body));
  assert.equal(c.body.program.zh, '失业补助金');
  assert.equal(c.body.selfCheckLink, '/self-check?program=unemployment_subsidy');
  const missing = await as.township.post(`/api/service-points/${id}/consultations`, { question: '问', answer: '答', outcome: 'referred_self_check' });
  assert.equal(missing.status, 400);
  assert.equal(missing.body.fields[0].field, 'programId');
  const list = (await as.county.get(`/api/service-points/${id}/consultations`)).body.items;
  assert.equal(list[0].id, c.body.id);
  assert.equal((await as.otherCounty.get(`/api/service-points/${id}/consultations`)).status, 404);

  const f = (await as.county.get('/api/service-points/figures')).body;
  assert.ok(f.byType.find((x: { typeCode: string }) => x.typeCode === 'love_station').points >= 5);
  assert.deepEqual(f.byPlace.map((x: { code: string }) => x.code), ['140107001']);
  assert.ok(f.visitsByServiceMonth.some((x: { service: string; visits: number }) => x.service === 'hot_water' && x.visits >= 40));
  const theirs = (await as.otherCounty.get('/api/service-points/figures')).body;
  assert.deepEqual([theirs.byType, theirs.byPlace, theirs.visitsByServiceMonth], [[], [], []]);
});

test('the catalogues: only the whole system’s administrator extends them; a new service can be offered at once', async () => {
  assert.equal((await as.county.put('/api/service-points/services/umbrella', { nameZh: '借伞', nameEn: 'Umbrella loan', groupCode: 'basic' })).status, 403);
  const res = await as.admin.put('/api/service-points/services/umbrella', { nameZh: '借伞', nameEn: 'Umbrella loan', groupCode: 'basic' });
  assert.equal(res.status, 200, JSON.stringify(res.body));
  const p = await add(point({ name: '借伞驿站', services: ['hot_water', 'umbrella'] }));
  assert.ok((await as.county.get(`/api/service-points/${p.id}`)).body.services.some((s: { zh: string }) => s.zh === '借伞'));
  const cat = (await as.anonymous.get('/api/public/service-points/catalogue')).body;
  assert.ok(cat.types.some((x: { nameZh: string }) => x.nameZh === '幸福食堂'));
});
