import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { createTestDatabase, testDriver, type TestDatabase } from '../../../test/support/db.ts';
import { openPostgres, queryRows } from '../../platform/db/client.ts';
import { FOREIGN_KEY_VIOLATION, sqlState } from '../../platform/db/pg-error.ts';
import { canCheckReferencesInBulk, foreignKeysOn, lockReferenced, MissingReferenceError, referenceMismatch, skipRowTriggers } from '../../platform/db/bulk-references.ts';
import { IMPORT_FOREIGN_KEYS, IMPORT_TABLES } from './commit-batches.ts';

let database: TestDatabase;
before(async () => {
  database = await createTestDatabase();
  await database.db.execute(sql`insert into jurisdictions (code, name, level, parent_code) values ('14', '山西省', 'province', null), ('1401', '太原市', 'city', '14')`);
});
after(() => database.close());

test('the import declares every foreign key of the tables it writes, and so may check them per batch', async () => {
  const actual = await foreignKeysOn(database.db, IMPORT_TABLES);
  // A key added to persons, households or household_members must be checked by the import's
  // batches too (commit-batches.ts) before it is declared there; until then this fails.
  assert.deepEqual(referenceMismatch(actual, IMPORT_FOREIGN_KEYS), []);
  assert.equal(await canCheckReferencesInBulk(database.db, IMPORT_TABLES, IMPORT_FOREIGN_KEYS), true);
});

test('a trigger or an undeclared key on the tables turns the per-batch checks off', async () => {
  const declared = IMPORT_FOREIGN_KEYS.filter((k) => !(k.table === 'households' && k.column === 'head_person_id'));
  assert.deepEqual(referenceMismatch(await foreignKeysOn(database.db, IMPORT_TABLES), declared), ['undeclared foreign key households.head_person_id→persons.id']);
  assert.equal(await canCheckReferencesInBulk(database.db, IMPORT_TABLES, declared), false);

  await database.db.execute(sql`create function touch() returns trigger language plpgsql as $$ begin return new; end $$`);
  await database.db.execute(sql`create trigger persons_touch before insert on persons for each row execute function touch()`);
  try {
    assert.deepEqual(referenceMismatch(await foreignKeysOn(database.db, IMPORT_TABLES), IMPORT_FOREIGN_KEYS), ['trigger persons.persons_touch']);
  } finally {
    await database.db.execute(sql`drop trigger persons_touch on persons`);
  }
});

test('lockReferenced passes when every key is there and names the missing ones otherwise', async () => {
  await database.db.transaction(async (tx) => {
    await lockReferenced(tx, 'jurisdictions', 'code', ['1401', '14', '1401'], 'text');
  });
  await assert.rejects(
    database.db.transaction(async (tx) => {
      await lockReferenced(tx, 'jurisdictions', 'code', ['1401', '1499', '1498'], 'text');
    }),
    (error: unknown) => error instanceof MissingReferenceError && error.missing.join() === '1499,1498' && /jurisdictions\.code/.test(error.message),
  );
});

test('with the row triggers skipped, nothing but the batch checks guards the keys (so they must run)', async () => {
  // The per-row check is really off inside such a transaction: a row naming no jurisdiction goes in…
  await assert.rejects(
    database.db.execute(sql`insert into households (jurisdiction_code, address) values ('1497', 'x')`),
    (error: unknown) => sqlState(error) === FOREIGN_KEY_VIOLATION,
  );
  await database.db.transaction(async (tx) => {
    await skipRowTriggers(tx);
    await tx.execute(sql`insert into households (jurisdiction_code, address, external_key) values ('1497', 'x', 'bulk-ref-test')`);
    tx.rollback();
  }).catch((error: unknown) => {
    if (!/rollback/i.test(String((error as Error).message))) throw error;
  });
  // …and the setting ends with the transaction.
  const [row] = await queryRows<{ role: string }>(database.db, sql`select current_setting('session_replication_role') as role`);
  assert.equal(row!.role, 'origin');
});

test('the batch lock is the foreign key lock: a jurisdiction being referenced cannot be deleted meanwhile', { skip: testDriver !== 'pg' && 'needs two connections' }, async () => {
  await database.db.execute(sql`insert into jurisdictions (code, name, level, parent_code) values ('140199', '测试区', 'county', '1401')`);
  const other = await openPostgres(database.url!, 1);
  try {
    await database.db.transaction(async (tx) => {
      await lockReferenced(tx, 'jurisdictions', 'code', ['140199'], 'text');
      await assert.rejects(
        other.db.transaction(async (o) => {
          await o.execute(sql`set local lock_timeout = '300ms'`);
          await o.execute(sql`delete from jurisdictions where code = '140199'`);
        }),
        (error: unknown) => sqlState(error) === '55P03', // lock_not_available
      );
    });
  } finally {
    await other.close();
  }
});
