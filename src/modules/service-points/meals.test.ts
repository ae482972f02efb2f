// 幸福食堂 meal subsidies through the API: the subsidy in 分 from the dated parameter in force on
// the day (杏花岭区 80+: 3 元, 4 元 from 2026-07-01), one subsidised meal per person and day (even
// across canteens), a month settled once to the operator with every meal in it, nothing twice.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../test/support/app.ts';
import { api, type Api } from '../requests/requests.fixtures.ts';
import { queryRows } from '../../platform/db/client.ts';
import { SYSTEM_ACTOR } from '../audit/audit.service.ts';
import { creditCodeCheckCharacter } from '../../lib/credit-code.ts';

let t: TestApp;
let staff: Api;
let other: Api;
let canteen: number;
let canteen2: number;
let station: number;
let operatorId: number;
const people: number[] = [];

before(async () => {
  t = await createTestApp({}, { now: () => new Date('2026-07-15T10:00:00+08:00') });
  staff = api(t, await t.login('xhl_approver'));
  other = api(t, await t.login('wbl_approver'));
  const org = await staff.post('/api/organisations', { kind: 'enterprise', name: '和平幸福食堂餐饮公司', creditCode: `91140100MA0GRQ1U5${creditCodeCheckCharacter('91140100MA0GRQ1U5')}`, jurisdictionCode: '140107' });
  assert.equal(org.status, 201, JSON.stringify(org.body));
  operatorId = org.body.id;
  const add = async (body: Record<string, unknown>) => {
    const res = await staff.post('/api/service-points', { jurisdictionCode: '140107001001', address: '和平北路 8 号', location: { lng: 112.57, lat: 37.88 }, hours: [1, 2, 3, 4, 5, 6, 7].map((day) => ({ day, opens: '10:30', closes: '13:00' })), ...body });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    return res.body.id as number;
  };
  canteen = await add({ typeCode: 'happiness_canteen', name: '和平社区幸福食堂', operatorId, services: ['meal_service'] });
  canteen2 = await add({ typeCode: 'happiness_canteen', name: '建设社区幸福食堂', services: ['meal_service'] });
  station = await add({ typeCode: 'love_station', name: '驿站', services: ['hot_water'] });
  for (const name of ['王奶奶', '李爷爷']) people.push((await t.services.persons.create({ scope: '' }, { name, jurisdictionCode: '140107001001' } as never, SYSTEM_ACTOR)).id);
});
after(() => t.close());

const meals = async () => (await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from service_point_meals`))[0]!.n;

test('the subsidy is the dated parameter in force on the day, in 分', async () => {
  const cases: [number, string, string, number][] = [
    [people[0]!, '2026-06-10', 'age80', 300],
    [people[0]!, '2026-07-02', 'age80', 400],
    [people[1]!, '2026-06-10', 'tekun', 800],
    [people[1]!, '2026-06-11', 'dibao', 500],
  ];
  for (const [personId, servedOn, category, fen] of cases) {
    const res = await staff.post(`/api/service-points/${canteen}/meals`, { personId, servedOn, category });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.equal(res.body.subsidyFen, fen, `${category} on ${servedOn}`);
  }
});

test('a subsidy claimed twice for one person and day is refused naming servedOn, even at another canteen; nothing stored', async () => {
  const before = await meals();
  for (const point of [canteen, canteen2]) {
    const res = await staff.post(`/api/service-points/${point}/meals`, { personId: people[0], servedOn: '2026-06-10', category: 'age80' });
    assert.equal(res.status, 400);
    assert.equal(res.body.fields[0].field, 'servedOn');
    assert.match(res.body.messageZh, /已享受过助餐补贴/);
  }
  const future = await staff.post(`/api/service-points/${canteen}/meals`, { personId: people[0], servedOn: '2026-07-16', category: 'age80' });
  assert.equal(future.body.fields[0].field, 'servedOn');
  const notCanteen = await staff.post(`/api/service-points/${station}/meals`, { personId: people[0], servedOn: '2026-07-01', category: 'age80' });
  assert.equal(notCanteen.status, 400);
  assert.equal((await other.post(`/api/service-points/${canteen}/meals`, { personId: people[0], servedOn: '2026-07-01', category: 'age80' })).status, 404);
  assert.equal((await other.get(`/api/service-points/${canteen}/meals?month=2026-06`)).status, 404);
  assert.equal(await meals(), before);
});

test('a finished month settles once to the operator, to the 分; a settled month takes no late meals', async () => {
  assert.equal((await staff.post(`/api/service-points/${canteen}/meal-settlements`, { month: '2026-07' })).status, 400);
  const s = await staff.post(`/api/service-points/${canteen}/meal-settlements`, { month: '2026-06' });
  assert.equal(s.status, 201, JSON.stringify(s.body));
  assert.deepEqual([s.body.meals, s.body.totalFen, s.body.operatorId], [3, 300 + 800 + 500, operatorId]);
  const again = await staff.post(`/api/service-points/${canteen}/meal-settlements`, { month: '2026-06' });
  assert.equal(again.status, 409);
  assert.match(again.body.messageZh, /已结算/);
  const june = (await staff.get(`/api/service-points/${canteen}/meals?month=2026-06`)).body;
  assert.equal(june.totalFen, 1600);
  assert.ok(june.meals.every((m: { settlementId: number }) => m.settlementId === s.body.id));
  assert.equal(june.settlement.totalFen, 1600);
  const late = await staff.post(`/api/service-points/${canteen}/meals`, { personId: people[1], servedOn: '2026-06-20', category: 'dibao' });
  assert.equal(late.status, 400);
  assert.match(late.body.messageZh, /已结算/);
  // July's meal is untouched by June's settlement.
  const july = (await staff.get(`/api/service-points/${canteen}/meals?month=2026-07`)).body;
  assert.deepEqual(july.meals.map((m: { subsidyFen: number; settlementId: number | null }) => [m.subsidyFen, m.settlementId]), [[400, null]]);
  const audit = await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from audit_log where action = 'service_point.meal_settlement'`);
  assert.equal(audit[0]!.n, 1);
});
