import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../test/support/app.ts';
import { queryRows } from '../../platform/db/client.ts';
import { inspectPdf } from '../../lib/pdf/inspect.ts';
import { SYSTEM_ACTOR } from '../audit/audit.service.ts';
import { charitySetup } from './test-fixtures.ts';

let t: TestApp;
let s: Awaited<ReturnType<typeof charitySetup>>;
before(async () => {
  t = await createTestApp();
  s = await charitySetup(t);
});
after(() => t.close());

const count = async (table: string) => (await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from ${sql.identifier(table)}`))[0]!.n;
const money = (extra: object = {}) => ({ kind: 'money', donorKind: 'person', donorName: '李四', amountFen: 100_000, channel: 'bank', receivedOn: '2026-03-01', ...extra });

test('a money donation gets receipt 2026-000001 and a receipt PDF with the amount in 大写', async () => {
  const res = await s.inject(s.user, 'POST', '/api/charity/donations', money({ amountFen: 123_450 }));
  assert.equal(res.statusCode, 201, res.body);
  const d = res.json();
  assert.equal(d.receiptNumber, '2026-000001');
  assert.equal(d.organisationId, s.org.id, 'an organisation user records for its own organisation');
  const pdf = await s.inject(s.user, 'GET', `/api/charity/donations/${d.id}/receipt`);
  assert.equal(pdf.statusCode, 200);
  const text = inspectPdf(pdf.rawPayload).pages.join('\n');
  assert.match(text, /2026-000001/);
  assert.match(text, /壹仟贰佰叁拾肆元伍角整/);
  assert.match(text, /53100000500021676K/);
});

test('negative, fractional-分 and missing amounts are refused naming amountFen; nothing stored, no number used', async () => {
  const before = await count('donations');
  for (const amountFen of [-100, 100.5, 0]) {
    const res = await s.inject(s.user, 'POST', '/api/charity/donations', money({ amountFen }));
    assert.equal(res.statusCode, 400, `${amountFen}`);
    assert.equal(res.json().fields[0].field, 'amountFen');
    assert.ok(res.json().messageZh.length > 0);
  }
  const anonymousNamed = await s.inject(s.user, 'POST', '/api/charity/donations', money({ donorKind: 'anonymous' }));
  assert.equal(anonymousNamed.json().fields[0].field, 'donorName');
  const restrictedWithout = await s.inject(s.user, 'POST', '/api/charity/donations', money({ restricted: true }));
  assert.equal(restrictedWithout.json().fields[0].field, 'restrictedPurpose');
  assert.equal(await count('donations'), before);
  const next = (await s.inject(s.user, 'POST', '/api/charity/donations', money({ donorKind: 'anonymous', donorName: undefined }))).json();
  assert.equal(next.receiptNumber, '2026-000002', 'refused donations used no number');
  assert.equal(next.donorName, null);
});

test('receipt numbers are gapless under 40 parallel donations, and a rolled-back donation gives its number back', async () => {
  const results = await Promise.all(Array.from({ length: 40 }, (_, i) => s.inject(s.user, 'POST', '/api/charity/donations', money({ amountFen: 1000 + i }))));
  assert.ok(results.every((r) => r.statusCode === 201), results.find((r) => r.statusCode !== 201)?.body);
  const numbers = results.map((r) => Number(r.json().receiptNumber.slice(5))).sort((a, b) => a - b);
  assert.deepEqual(numbers, Array.from({ length: 40 }, (_, i) => i + 3));

  const caller = { id: s.userId, kind: 'user' as const, scope: '140107', roles: ['organisation'] };
  const body = { kind: 'money' as const, donorKind: 'person' as const, donorName: '回滚', amountFen: 500, channel: 'cash' as const, receivedOn: '2026-03-02', restricted: false };
  await assert.rejects(t.database.db.transaction(async (tx) => {
    await t.services.charity.donations.record(tx, caller, body, SYSTEM_ACTOR);
    throw new Error('the step after the donation failed');
  }), /failed/);
  const after = (await s.inject(s.user, 'POST', '/api/charity/donations', money())).json();
  assert.equal(after.receiptNumber, '2026-000043');
  const [{ n, max }] = await queryRows<{ n: number; max: number }>(t.database.db, sql`select count(*)::int as n, max(receipt_no)::int as max from donations where organisation_id = ${s.org.id} and receipt_year = 2026`) as [{ n: number; max: number }];
  assert.equal(n, max, 'as many donations as the highest number: no gap');
  // Another year starts again at 1.
  assert.equal((await s.inject(s.user, 'POST', '/api/charity/donations', money({ receivedOn: '2027-01-02' }))).json().receiptNumber, '2027-000001');
});

test('a goods donation puts its lines into the store at estimated value; food needs its expiry date', async () => {
  const noExpiry = await s.inject(s.user, 'POST', '/api/charity/donations', { kind: 'goods', donorKind: 'organisation', donorName: '某粮油公司', receivedOn: '2026-03-05', storeId: s.store.id, lines: [{ itemId: s.rice.id, quantity: 10 }] });
  assert.equal(noExpiry.statusCode, 400);
  assert.equal(noExpiry.json().fields[0].field, 'lines.0.expiresOn');
  const res = await s.inject(s.user, 'POST', '/api/charity/donations', {
    kind: 'goods', donorKind: 'organisation', donorName: '某粮油公司', receivedOn: '2026-03-05', storeId: s.store.id,
    lines: [{ itemId: s.rice.id, quantity: 100, expiresOn: '2027-03-01' }, { itemId: s.oil.id, quantity: 50, unitValueFen: 8000, expiresOn: '2027-09-01' }],
  });
  assert.equal(res.statusCode, 201, res.body);
  const d = res.json();
  assert.equal(d.amountFen, 100 * 6000 + 50 * 8000);
  assert.equal(d.lines.length, 2);
  const stock = (await s.inject(s.user, 'GET', `/api/charity/stores/${s.store.id}/stock`)).json();
  assert.deepEqual(stock.balances.map((b: { itemName: string; quantity: number; valueFen: number }) => [b.itemName, b.quantity, b.valueFen]).sort(), [['大米', 100, 600_000], ['食用油', 50, 400_000]].sort());
});

test('stock: a loss needs its reason; taking more than is there is a 409 naming quantity; a transfer moves value too', async () => {
  const url = `/api/charity/stores/${s.store.id}/movements`;
  const noReason = await s.inject(s.user, 'POST', url, { kind: 'loss', itemId: s.rice.id, quantity: 1 });
  assert.equal(noReason.statusCode, 400);
  assert.equal(noReason.json().fields[0].field, 'reason');
  const loss = await s.inject(s.user, 'POST', url, { kind: 'loss', itemId: s.rice.id, quantity: 2, reason: '受潮霉变' });
  assert.equal(loss.statusCode, 200, loss.body);
  assert.deepEqual([loss.json().balance.quantity, loss.json().balance.valueFen], [98, 588_000]);
  const tooMuch = await s.inject(s.user, 'POST', url, { kind: 'out', itemId: s.rice.id, quantity: 99 });
  assert.equal(tooMuch.statusCode, 409);
  assert.equal(tooMuch.json().fields[0].field, 'quantity');
  assert.match(tooMuch.json().messageZh, /库存不足/);
  const second = (await s.inject(s.user, 'POST', '/api/charity/stores', { name: '和平社区爱心超市', kind: 'service_point', jurisdictionCode: '140107001001' })).json();
  const moved = await s.inject(s.user, 'POST', url, { kind: 'transfer', itemId: s.rice.id, quantity: 8, toStoreId: second.id });
  assert.equal(moved.statusCode, 200, moved.body);
  assert.deepEqual(moved.json().movements.map((m: { kind: string; quantity: number; valueFen: number }) => [m.kind, m.quantity, m.valueFen]), [['transfer_out', -8, -48_000], ['transfer_in', 8, 48_000]]);
});

test('100 parallel withdrawals of the last 37 units: exactly 37 go out, the rest get a 409, the balance ends at 0', async () => {
  const url = `/api/charity/stores/${s.store.id}/movements`;
  await s.inject(s.user, 'POST', url, { kind: 'in', itemId: s.flour.id, quantity: 37, expiresOn: '2027-01-01' });
  const results = await Promise.all(Array.from({ length: 100 }, () => s.inject(s.user, 'POST', url, { kind: 'out', itemId: s.flour.id, quantity: 1 })));
  const codes = results.map((r) => r.statusCode);
  assert.equal(codes.filter((c) => c === 200).length, 37);
  assert.equal(codes.filter((c) => c === 409).length, 63, `other codes: ${codes.filter((c) => c !== 200 && c !== 409)}`);
  const [bal] = await queryRows<{ quantity: number; value_fen: number }>(t.database.db, sql`select quantity, value_fen from stock_balances where store_id = ${s.store.id} and item_id = ${s.flour.id}`);
  assert.deepEqual([Number(bal!.quantity), Number(bal!.value_fen)], [0, 0]);
  const [moved] = await queryRows<{ q: number }>(t.database.db, sql`select sum(quantity)::bigint as q from stock_movements where store_id = ${s.store.id} and item_id = ${s.flour.id} and kind = 'out'`);
  assert.equal(Number(moved!.q), -37, 'the ledger shows exactly the stock handed out');
});

test('another organisation sees none of it', async () => {
  const other = await charitySetup(t, '_b');
  const mine = (await s.inject(s.user, 'GET', '/api/charity/donations?limit=1')).json().items[0];
  assert.equal((await other.inject(other.user, 'GET', `/api/charity/donations/${mine.id}`)).statusCode, 404);
  assert.equal((await other.inject(other.user, 'GET', `/api/charity/donations/${mine.id}/receipt`)).statusCode, 404);
  assert.equal((await other.inject(other.user, 'GET', `/api/charity/stores/${s.store.id}/stock`)).statusCode, 404);
  assert.equal((await other.inject(other.user, 'POST', `/api/charity/stores/${s.store.id}/movements`, { kind: 'out', itemId: s.rice.id, quantity: 1 })).statusCode, 404);
  assert.equal((await other.inject(other.user, 'GET', '/api/charity/donations')).json().total, 0);
  assert.equal((await other.inject(other.user, 'POST', '/api/charity/donations', money({ organisationId: s.org.id }))).statusCode, 404, 'not for another organisation');
});
