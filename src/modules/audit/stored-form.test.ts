// The hash covers what a read gives back, for any input: random entries with random Unicode
// (lone surrogates and NUL included), nested objects and awkward numbers are recorded through the
// real service, on the test's driver, and each time the whole chain must verify and the stored
// values must equal their stored form.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../test/support/app.ts';
import { testDriver } from '../../../test/support/db.ts';
import { queryRows } from '../../platform/db/client.ts';
import { canonicalJson } from './audit-chain.ts';
import { storedJson, storedText } from './stored-form.ts';
import type { Actor, AuditInput } from './audit.service.ts';

let t: TestApp;
before(async () => {
  t = await createTestApp({}, { seed: false });
});
after(() => t.close());

// Any UTF-16 code units (lone surrogates, NUL, controls), or any code points, or the awkward ones.
const text = fc.oneof(
  fc.array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 12 }).map((units) => String.fromCharCode(...units)),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.constantFrom('\ud800', '\udfff', 'a\u0000b', '\ud83d\ude00', '__proto__', 'e\u0301', '', '中文'),
);
const number = fc.oneof(fc.double(), fc.integer(), fc.constantFrom(1e21, -0, 0.1, 1e-7, 5e-324, Number.MAX_VALUE, Number.MAX_SAFE_INTEGER + 2, Number.NaN, Infinity));
const { value } = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    text,
    number,
    fc.boolean(),
    fc.constant(null),
    fc.constant(undefined),
    fc.bigInt({ min: -(10n ** 40n), max: 10n ** 40n }),
    fc.date({ min: new Date('1900-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(text, tie('value'), { maxKeys: 4 }),
  ),
}));
const changes = fc.option(fc.dictionary(text, fc.record({ before: value, after: value }), { maxKeys: 4 }), { nil: null });
const input: fc.Arbitrary<{ actor: Actor; entry: AuditInput }> = fc.record({
  actor: fc.record({ kind: fc.constantFrom('user', 'token', 'system'), id: fc.option(fc.integer({ min: 1, max: 2 ** 31 - 1 }), { nil: null }), name: text, ip: fc.option(text, { nil: null }) }),
  entry: fc.record({
    action: text,
    entity: text,
    entityId: fc.option(fc.oneof(text, fc.integer()), { nil: null }),
    jurisdictionCode: fc.option(fc.string({ maxLength: 15, unit: 'grapheme-ascii' }), { nil: null }),
    changes,
    reason: fc.option(text, { nil: null }),
  }),
}) as fc.Arbitrary<{ actor: Actor; entry: AuditInput }>;

test('the stored form is a fixed point and survives a JSON round trip', () => {
  fc.assert(
    fc.property(value, (v) => {
      const once = storedJson(v);
      assert.equal(canonicalJson(storedJson(once)), canonicalJson(once));
      if (once !== undefined) assert.equal(canonicalJson(JSON.parse(JSON.stringify(once))), canonicalJson(once));
    }),
    { numRuns: 500 },
  );
  fc.assert(
    fc.property(text, (s) => {
      const once = storedText(s);
      assert.equal(storedText(once), once);
      assert.ok(once.isWellFormed() && !once.includes('\0'));
    }),
  );
});

test(`random entries recorded through the service verify, and read back as their stored form (${testDriver})`, { timeout: 300_000 }, async () => {
  let n = 0;
  await fc.assert(
    fc.asyncProperty(input, async ({ actor, entry }) => {
      const action = `${++n}:${entry.action}`;
      await t.database.db.transaction((tx) => t.services.audit.record(tx, actor, { ...entry, action }));
      const result = await t.services.audit.verify();
      assert.deepEqual(result.breaks, [], `entry ${n} broke the chain`);
      const [row] = await queryRows<{ actor_name: string; reason: string | null; entity_id: string | null; changes: string | null }>(
        t.database.db,
        sql`select actor_name, reason, entity_id, changes::text as changes from audit_log where action = ${storedText(action)}`,
      );
      assert.equal(row!.actor_name, storedText(actor.name));
      assert.equal(row!.reason, entry.reason === null ? null : storedText(entry.reason!));
      assert.equal(row!.entity_id, entry.entityId === null ? null : storedText(String(entry.entityId)));
      const expected = entry.changes && Object.keys(entry.changes).length > 0 ? storedJson(entry.changes) : null;
      assert.equal(row!.changes === null ? 'null' : canonicalJson(JSON.parse(row!.changes)), canonicalJson(expected));
    }),
    { numRuns: testDriver === 'pg' ? 150 : 100 },
  );
});
