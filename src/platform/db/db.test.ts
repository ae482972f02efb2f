import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { createTestDatabase, testDriver, type TestDatabase } from '../../../test/support/db.ts';
import { queryRows } from './client.ts';
import { migrateDatabase, migrationStatus } from './migrate.ts';
import { sqlState, UNIQUE_VIOLATION } from './pg-error.ts';

let database: TestDatabase;
before(async () => {
  database = await createTestDatabase();
});
after(() => database.close());

test(`migrations apply twice without change (${testDriver})`, async () => {
  const first = await migrateDatabase(database);
  const second = await migrateDatabase(database);
  assert.deepEqual(first, second);
  assert.equal(second.pending.length, 0);
  assert.ok(second.total >= 1);
  const [row] = await queryRows<{ n: number }>(database.db, sql`select count(*) as n from drizzle.__drizzle_migrations`);
  assert.equal(row!.n, second.total, 'each migration recorded once');
});

test('migrationStatus reports pending migrations on an empty schema', async () => {
  await database.db.execute(sql`alter table drizzle.__drizzle_migrations rename to __drizzle_migrations_hidden`);
  try {
    const status = await migrationStatus(database);
    assert.equal(status.applied, 0);
    assert.equal(status.pending.length, status.total);
    assert.match(status.pending[0]!, /^0000_/);
  } finally {
    await database.db.execute(sql`alter table drizzle.__drizzle_migrations_hidden rename to __drizzle_migrations`);
  }
});

test(`int8, dates and timestamps come back the same way (${testDriver})`, async () => {
  const [row] = await queryRows<Record<string, unknown>>(
    database.db,
    sql`select 9007199254740991::int8 as big, count(*) as n, date '2026-10-01' as d,
          timestamptz '2026-10-01 00:00:00+08' as ts, current_setting('TimeZone') as tz`,
  );
  assert.deepEqual(row, { big: 9007199254740991, n: 1, d: '2026-10-01', ts: '2026-10-01 00:00:00+08', tz: 'Asia/Shanghai' });
});

test('an int8 beyond the safe integer range fails loudly instead of losing digits', async () => {
  await assert.rejects(queryRows(database.db, sql`select 9007199254740993::int8 as big`), (err: unknown) => {
    const cause = (err as { cause?: Error }).cause ?? (err as Error);
    return /outside the safe integer range/.test(String(cause.message ?? cause));
  });
});

test('a transaction that throws leaves nothing behind; savepoints roll back alone', async () => {
  // The platform knows no module's tables: a local definition of the columns this test writes.
  const { pgTable, text, varchar } = await import('drizzle-orm/pg-core');
  const jurisdictions = pgTable('jurisdictions', { code: varchar('code', { length: 15 }), name: text('name'), level: text('level') });
  await assert.rejects(
    database.db.transaction(async (tx) => {
      await tx.insert(jurisdictions).values({ code: '99', name: '测试省', level: 'province' });
      throw new Error('crash in the middle');
    }),
  );
  await database.db.transaction(async (tx) => {
    await tx.insert(jurisdictions).values({ code: '98', name: '测试省', level: 'province' });
    await assert.rejects(
      tx.transaction(async (sp) => {
        await sp.insert(jurisdictions).values({ code: '98', name: '重复', level: 'province' });
      }),
      (err: unknown) => sqlState(err) === UNIQUE_VIOLATION,
    );
  });
  const codes = await queryRows<{ code: string }>(database.db, sql`select code from jurisdictions where code in ('98','99') order by code`);
  assert.deepEqual(codes.map((c) => c.code), ['98']);
});
