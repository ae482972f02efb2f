// Coverage (the service circle) through the API: community locations set in any map system, the
// nearest point of each kind measured from them (a neighbouring county's point counts: a border
// does not stop a walk), the communities beyond the distance listed, figures by township.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp } from '../../../test/support/app.ts';
import { api, type Api } from '../requests/requests.fixtures.ts';
import { fromWgs84 } from '../../lib/geo/coordinates.ts';

let t: TestApp;
let county: Api;
let other: Api;
let township: Api;
const A = { lng: 112.6, lat: 37.9 };
const east = (m: number) => ({ lng: A.lng + m / (111_195 * Math.cos((A.lat * Math.PI) / 180)), lat: A.lat });
// Two communities of 巨轮街道 and one of 三桥街道.
const C = ['140107001001', '140107001002', '140107002001'];

before(async () => {
  t = await createTestApp();
  county = api(t, await t.login('xhl_approver'));
  township = api(t, await t.login('julun_reviewer'));
  other = api(t, await t.login('wbl_approver'));
  // Community centres: C1 at A (given in BD-09, as a 百度 picker sends it), C2 3 km east, C3 6 km east.
  const c1 = await township.put(`/api/places/${C[0]}/location`, { location: { ...fromWgs84(A, 'bd09'), system: 'bd09' } });
  assert.equal(c1.status, 200, JSON.stringify(c1.body));
  assert.ok(Math.abs(c1.body.location.lng - A.lng) < 1e-5 && c1.body.location.system === 'wgs84');
  assert.equal((await township.put(`/api/places/${C[1]}/location`, { location: east(3000) })).status, 200);
  assert.equal((await county.put(`/api/places/${C[2]}/location`, { location: east(6000), kind: 'office' })).status, 200);
  const add = async (who: Api, name: string, typeCode: string, m: number, jurisdictionCode = '140107001001') => {
    const res = await who.post('/api/service-points', { typeCode, name, jurisdictionCode, address: '测试路', location: east(m), services: ['rest'], alwaysOpen: true });
    assert.equal(res.status, 201, JSON.stringify(res.body));
  };
  await add(township, '驿站甲', 'love_station', 200);
  await add(township, '驿站乙', 'love_station', 5500);
  await add(other, '邻区驿站', 'love_station', 6100, '140109001001');
  await add(township, '医保点甲', 'medical_insurance_point', 2900);
  await add(township, '医保点乙', 'medical_insurance_point', -300);
});
after(() => t.close());

test('coverage lists the right communities: each kind measured from each community, a neighbour’s point counting', async () => {
  const res = await county.get('/api/service-points/coverage?under=140107&types=love_station,medical_insurance_point&maxM=1000');
  assert.equal(res.status, 200, JSON.stringify(res.body));
  const byCode = new Map(res.body.communities.map((c: { code: string }) => [c.code, c]));
  const d = (code: string, type: string) => (byCode.get(code) as { nearest: { typeCode: string; distanceM: number; name: string }[] }).nearest.find((n) => n.typeCode === type)!;
  assert.deepEqual([d(C[0]!, 'love_station').distanceM, d(C[0]!, 'medical_insurance_point').distanceM], [200, 300]);
  assert.deepEqual([d(C[1]!, 'love_station').distanceM, d(C[1]!, 'medical_insurance_point').distanceM], [2500, 100]);
  assert.deepEqual([d(C[2]!, 'love_station').name, d(C[2]!, 'love_station').distanceM, d(C[2]!, 'medical_insurance_point').distanceM], ['邻区驿站', 100, 3100]);
  assert.deepEqual(res.body.beyond.map((b: { code: string; types: string[] }) => [b.code, b.types]), [[C[1], ['love_station']], [C[2], ['medical_insurance_point']]]);
  const town = (code: string) => res.body.byTownship.find((x: { code: string }) => x.code === code);
  assert.deepEqual([town('140107001').name, town('140107001').located, town('140107001').covered], ['巨轮街道', 2, 1]);
  assert.deepEqual([town('140107002').name, town('140107002').located, town('140107002').covered], ['三桥街道', 1, 0]);
  // Communities with no location are listed as not measured, never as covered.
  const all = res.body.byTownship.reduce((n: number, x: { communities: number }) => n + x.communities, 0);
  assert.equal(res.body.unlocated.length, all - 3);
  // A wider circle covers everyone located.
  assert.deepEqual((await county.get('/api/service-points/coverage?under=140107&types=love_station,medical_insurance_point&maxM=5000')).body.beyond, []);
});

test('coverage and place locations are scoped; unknown kinds and bad points are refused naming the field', async () => {
  assert.equal((await other.get('/api/service-points/coverage?under=140107001')).status, 404);
  assert.equal((await other.get(`/api/places/${C[0]}/location`)).status, 404);
  assert.equal((await other.put(`/api/places/${C[0]}/location`, { location: A })).status, 404);
  const bad = await county.get('/api/service-points/coverage?under=140107001&types=love_station,spaceport');
  assert.equal(bad.status, 400);
  assert.equal(bad.body.fields[0].field, 'types.1');
  const swapped = await township.put(`/api/places/${C[0]}/location`, { location: { lng: A.lat, lat: A.lng } });
  assert.equal(swapped.status, 400);
  assert.match(swapped.body.messageZh, /填反/);
  assert.equal((await township.get(`/api/places/${C[0]}/location`)).body.location.lat, A.lat);
});
