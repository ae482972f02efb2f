// Audit keys live apart from the data keys: rotation adds one, old entries keep verifying under
// theirs, and retiring a data key (or a key file from before audit keys) changes nothing.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../test/support/app.ts';
import { testDriver } from '../../../test/support/db.ts';
import { queryRows } from '../../platform/db/client.ts';
import { generateKeyRingJson, parseKeyRing, type KeyRing } from '../../platform/crypto/field-crypto.ts';
import { createAuditService, SYSTEM_ACTOR } from './audit.service.ts';

let t: TestApp;
before(async () => {
  t = await createTestApp({}, { seed: false });
});
after(() => t.close());

const serviceUnder = (ring: KeyRing) => createAuditService({ db: t.database.db, keys: ring.audit });
const recordUnder = (ring: KeyRing, action: string) => t.database.db.transaction((tx) => serviceUnder(ring).record(tx, SYSTEM_ACTOR, { action, entity: 'test' }));

test(`a key file from before audit keys uses a0, derived from the index key; rotation adds a1 and both verify (${testDriver})`, async () => {
  const old = JSON.stringify({ current: 'k1', keys: { k1: randomBytes(48).toString('base64') }, index: randomBytes(32).toString('base64') });
  const before = parseKeyRing(old);
  assert.equal(before.audit.current, 'a0');
  await recordUnder(before, 'under-a0');

  const rotatedJson = generateKeyRingJson(old);
  const rotated = parseKeyRing(rotatedJson);
  assert.equal(rotated.current, 'k2');
  assert.equal(rotated.audit.current, 'a1');
  assert.deepEqual(JSON.parse(rotatedJson).audit.current, 'a1');
  await recordUnder(rotated, 'under-a1');

  const againJson = generateKeyRingJson(rotatedJson);
  const again = parseKeyRing(againJson);
  assert.equal(again.audit.current, 'a2');
  assert.ok(again.audit.keys.get('a1')!.equals(rotated.audit.keys.get('a1')!), 'old audit keys are kept as they are');
  await recordUnder(again, 'under-a2');

  const keyIds = await queryRows<{ action: string; key_id: string }>(t.database.db, sql`select action, key_id from audit_log where action like 'under-%' order by id`);
  assert.deepEqual(keyIds.map((r) => r.key_id), ['a0', 'a1', 'a2']);
  assert.equal((await serviceUnder(again).verify()).ok, true);

  // Retire every old data key: the audit keys do not depend on them.
  const doc = JSON.parse(againJson);
  const retired = parseKeyRing(JSON.stringify({ ...doc, keys: { [doc.current]: doc.keys[doc.current] } }));
  assert.deepEqual([...retired.keys.keys()], ['k3']);
  assert.equal((await serviceUnder(retired).verify()).ok, true);
});

test(`entries under an audit key the ring lacks are reported, each one (${testDriver})`, async () => {
  const twiceRotated = parseKeyRing(generateKeyRingJson(generateKeyRingJson(generateKeyRingJson())));
  assert.equal(twiceRotated.audit.current, 'a3');
  await recordUnder(twiceRotated, 'foreign-1');
  await recordUnder(twiceRotated, 'foreign-2');
  const result = await serviceUnder(parseKeyRing(generateKeyRingJson())).verify();
  const foreign = await queryRows<{ id: number }>(t.database.db, sql`select id from audit_log where action like 'foreign-%' order by id`);
  const unknown = result.breaks.filter((b) => b.problem === 'unknown_key').map((b) => b.id);
  assert.equal(foreign.length, 2);
  for (const { id } of foreign) assert.ok(unknown.includes(id), `entry ${id} is reported`);
  // Known ids with other key bytes (this ring's a0 and a1 are not the ones used) fail their MAC instead.
  assert.ok(result.breaks.some((b) => b.problem === 'hash_mismatch'));
});

test('parseKeyRing names audit section problems in both languages', () => {
  const base = { current: 'k1', keys: { k1: randomBytes(48).toString('base64') }, index: randomBytes(32).toString('base64') };
  const cases: [unknown, RegExp][] = [
    ['nope', /"audit" must be an object.*"audit" 应为/],
    [{ current: 'a1', keys: { a1: randomBytes(16).toString('base64') } }, /audit key "a1" must be 32 bytes.*审计密钥 "a1"/],
    [{ current: 'a1', keys: { x1: randomBytes(32).toString('base64') } }, /audit key id "x1".*"audit.current" must name/],
    [{ current: 'a1', keys: { a1: randomBytes(32).toString('base64') }, extra: 1 }, /unknown field "audit.extra"/],
  ];
  for (const [audit, pattern] of cases) assert.throws(() => parseKeyRing(JSON.stringify({ ...base, audit })), pattern);
  const ok = parseKeyRing(JSON.stringify({ ...base, audit: { current: 'a0', keys: {} } }));
  assert.equal(ok.audit.current, 'a0', 'a0 may stay current');
});
