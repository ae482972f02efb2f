// The HSDS 3.0 face: the read API pages every table, and the full export validates against our
// JSON Schema written from the HSDS 3.0 specification (ajv, draft 2020-12, formats checked). The
// schema is shown to refuse what HSDS refuses, so the validation can fail.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { createTestApp, type TestApp } from '../../../../test/support/app.ts';
import { api, type Api } from '../../requests/requests.fixtures.ts';

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;
const schema = JSON.parse(readFileSync(new URL('./hsds-3.0-export.schema.json', import.meta.url), 'utf8'));
const ajv = addFormats(new Ajv2020({ allErrors: true, strict: true }));
const validate = ajv.compile(schema);
const item = (def: string) => ajv.compile({ $ref: `${schema.$id}#/$defs/${def}` });

let t: TestApp;
let staff: Api;
let anonymous: Api;
let withOperator: number;

before(async () => {
  t = await createTestApp({ LASTMILE_PUBLIC_REQUEST_RATE_PER_MINUTE: '10000' }, { now: () => new Date('2026-10-12T10:00:00+08:00') });
  staff = api(t, await t.login('xhl_approver'));
  anonymous = api(t, { cookie: '', csrf: '', headers: {} });
  const org = await staff.post('/api/organisations', { kind: 'charity', name: '杏花岭区慈善会', creditCode: '53100000500021676K', jurisdictionCode: '140107', charityStatus: 'recognised', charitySince: '2017-06-01' });
  assert.equal(org.status, 201, JSON.stringify(org.body));
  const base = { typeCode: 'love_station', jurisdictionCode: '140107001001', address: '杏花岭区和平北路 12 号', services: ['hot_water', 'hot_meal'], hours: [1, 2, 3, 4, 5].map((day) => ({ day, opens: '09:00', closes: '24:00' })), phones: [{ number: '0351-1234567', label: '值班电话' }], accessibility: ['step_free'] };
  const add = async (body: Record<string, unknown>) => {
    const res = await staff.post('/api/service-points', { ...base, ...body });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    return res.body.id as number;
  };
  withOperator = await add({ name: '慈善会爱心驿站', operatorId: org.body.id, location: { lng: 112.57, lat: 37.88 } });
  await add({ name: '救助管理站', typeCode: 'rescue_station', services: ['emergency_shelter', 'hot_meal'], alwaysOpen: true, hours: [], location: { lng: 112.58, lat: 37.87 } });
  const closed = await add({ name: '和平社区医保服务点', typeCode: 'medical_insurance_point', services: ['mi_enrolment'], holidayRule: 'workdays', phones: [{ number: '13912345678', label: null }], location: { lng: 112.56, lat: 37.89 } });
  await staff.post(`/api/service-points/${closed}/status`, { status: 'temporarily_closed', reason: '系统升级' });
});
after(() => t.close());

test('the full export validates against the HSDS 3.0 schema and holds every table', async () => {
  const res = await anonymous.get('/api/hsds/export');
  assert.equal(res.status, 200);
  const doc = res.body;
  const ok = validate({ ...doc });
  assert.ok(ok, JSON.stringify(validate.errors, null, 1));
  assert.equal(doc.hsds_version, '3.0');
  assert.equal(doc.locations.length, 3);
  assert.equal(doc.services.length, 5);
  assert.equal(doc.service_at_locations.length, 5);
  assert.deepEqual(doc.organizations.map((o: { name: string }) => o.name).sort(), ['杏花岭区人民政府', '杏花岭区慈善会']);
  // Statuses, 24-hour and midnight schedules, coordinates in WGS-84 as stored.
  assert.ok(doc.services.some((s: { status: string; alert: string }) => s.status === 'temporarily closed' && s.alert === '系统升级'));
  assert.ok(doc.schedules.some((s: { byday: string; opens_at: string; closes_at: string }) => s.byday === 'MO,TU,WE,TH,FR,SA,SU' && s.opens_at === '00:00+08:00'));
  assert.ok(doc.schedules.some((s: { closes_at: string }) => s.closes_at === '23:59+08:00'));
  const loc = doc.locations.find((l: { name: string }) => l.name === '慈善会爱心驿站');
  assert.deepEqual([loc.longitude, loc.latitude], [112.57, 37.88]);
  const addr = doc.addresses.find((a: { location_id: string }) => a.location_id === loc.id);
  assert.deepEqual([addr.country, addr.state_province, addr.region], ['CN', '山西省', '杏花岭区']);
  // Ids are stable between exports.
  assert.deepEqual((await anonymous.get('/api/hsds/export')).body.locations.map((l: { id: string }) => l.id), doc.locations.map((l: { id: string }) => l.id));
  assert.equal(loc.external_identifier, String(withOperator));
});

test('the schema refuses what HSDS 3.0 refuses (the validation can fail)', async () => {
  const doc = (await anonymous.get('/api/hsds/export')).body;
  const broken = (f: (d: any) => void) => {
    const d = structuredClone(doc);
    f(d);
    return validate(d);
  };
  assert.equal(broken((d) => { d.services[0].status = 'open'; }), false);
  assert.equal(broken((d) => { d.locations[0].id = '42'; }), false);
  assert.equal(broken((d) => { delete d.addresses[0].postal_code; }), false);
  assert.equal(broken((d) => { d.schedules[0].opens_at = '9:00'; }), false);
  assert.equal(broken((d) => { d.addresses[0].country = 'China'; }), false);
  assert.equal(broken((d) => { delete d.organizations[0].description; }), false);
});

test('the read API pages each table the HSDS way, and every item validates', async () => {
  assert.deepEqual((await anonymous.get('/api/hsds')).body.version, '3.0');
  for (const [path, def, total] of [['organizations', 'organization', 2], ['services', 'service', 5], ['locations', 'location', 3], ['service_at_locations', 'service_at_location', 5], ['schedules', 'schedule', 3], ['phones', 'phone', 3], ['addresses', 'address', 3]] as const) {
    const check = item(def);
    const first = await anonymous.get(`/api/hsds/${path}?per_page=2`);
    assert.equal(first.status, 200, `${path}: ${JSON.stringify(first.body)}`);
    assert.equal(first.body.total_items, total, path);
    assert.equal(first.body.first_page, true);
    assert.equal(first.body.total_pages, Math.ceil(total / 2));
    for (const c of first.body.contents) assert.ok(check(c), `${path}: ${JSON.stringify(check.errors)}`);
    const last = await anonymous.get(`/api/hsds/${path}?per_page=2&page=${first.body.total_pages}`);
    assert.equal(last.body.last_page, true, path);
  }
  // Services page by (point, service): two pages of 2 and one of 1, no pair twice.
  const ids = new Set<string>();
  for (let page = 1; page <= 3; page++) for (const s of (await anonymous.get(`/api/hsds/services?per_page=2&page=${page}`)).body.contents) ids.add(s.id);
  assert.equal(ids.size, 5);
});
