// An import's file written and read in pieces comes back byte for byte, from ordinary and from
// shared memory, with pieces that do not divide the size; a failed write leaves the old bytes.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../test/support/app.ts';
import { sharedBytes } from '../../platform/shared-bytes.ts';
import { imports } from './imports.table.ts';
import { readStoredBytes, writeStoredBytes } from './stored-bytes.ts';

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(() => t.close());

async function newImport(): Promise<number> {
  const [row] = await t.database.db
    .insert(imports)
    .values({ kind: 'persons', fileName: 'a.xlsx', format: 'xlsx', fileSha256: '0'.repeat(64), content: Buffer.alloc(0), status: 'validating', createdBy: 'test', scope: '' })
    .returning({ id: imports.id });
  return row!.id;
}

test('stored bytes: written in pieces, read in other pieces, the same bytes (ordinary and shared memory)', async () => {
  const id = await newImport();
  const data = randomBytes(10_007);
  await t.database.db.transaction((tx) => writeStoredBytes(tx, id, 'content', data, 1_000));
  assert.deepEqual(await readStoredBytes(t.database.db, id, 'content', 4_096), data);
  const shared = sharedBytes(randomBytes(3_333));
  assert.ok(shared.buffer instanceof SharedArrayBuffer);
  await t.database.db.transaction((tx) => writeStoredBytes(tx, id, 'report', shared, 1_024));
  const back = await readStoredBytes(t.database.db, id, 'report', 1_000);
  assert.ok(back.buffer instanceof SharedArrayBuffer, 'read into shared memory, for the workers');
  assert.ok(back.equals(shared));
  // No report yet reads as empty.
  assert.equal((await readStoredBytes(t.database.db, await newImport(), 'report')).length, 0);
});

test('stored bytes: a write cut short by an error leaves the old file whole', async () => {
  const id = await newImport();
  const old = randomBytes(2_500);
  await t.database.db.transaction((tx) => writeStoredBytes(tx, id, 'content', old, 1_000));
  await assert.rejects(
    t.database.db.transaction(async (tx) => {
      await writeStoredBytes(tx, id, 'content', randomBytes(5_000), 1_000);
      throw new Error('crash after the pieces');
    }),
    /crash after the pieces/,
  );
  assert.deepEqual(await readStoredBytes(t.database.db, id, 'content', 999), old);
  const [row] = await t.database.db.select({ status: imports.status }).from(imports).where(eq(imports.id, id));
  assert.equal(row!.status, 'validating');
});
