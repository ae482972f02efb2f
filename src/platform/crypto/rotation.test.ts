// The rotation engine on its own tables: text, file and json columns over several batches; values
// already under the current key, nulls, purged files and look-alike text are left alone; a value
// that does not decrypt is reported (by row key, never by value) and does not stop the run; the
// generic scan finds what is left under a key in any column, declared or not.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { createTestDatabase, testDriver, type TestDatabase } from '../../../test/support/db.ts';
import { queryRows } from '../db/client.ts';
import { decryptField, encryptField, generateKeyRingJson, keyIdOf, parseKeyRing } from './field-crypto.ts';
import { countByKey, findValuesUnderKey, reencryptColumns, type RotationProgress, type SealedColumn } from './rotation.ts';
import { createSensitiveFields } from './sensitive.ts';

let database: TestDatabase;
before(async () => {
  database = await createTestDatabase();
});
after(() => database.close());

const k1Json = generateKeyRingJson();
const k1 = parseKeyRing(k1Json);
const k2Json = generateKeyRingJson(k1Json);
const k2 = parseKeyRing(k2Json);
const stranger = parseKeyRing(generateKeyRingJson()); // another installation's key, also called k1

const COLUMNS: SealedColumn[] = [
  { table: 'rot_fields', column: 'secret', key: 'id', form: 'text' },
  { table: 'rot_files', column: 'body', key: 'id', form: 'file' },
  { table: 'rot_docs', column: 'doc', key: 'id', form: 'json' },
];

test(`every value moves to the current key over several batches; a second run does nothing (${testDriver})`, async () => {
  const db = database.db;
  await db.execute(sql`create table rot_fields (id bigint primary key, secret text, note text)`);
  await db.execute(sql`create table rot_files (id integer primary key, body bytea not null)`);
  await db.execute(sql`create table rot_docs (id bigint primary key, doc jsonb not null)`);
  const n = 1234;
  const ids = Array.from({ length: n }, (_, i) => i + 1);
  const secrets = ids.map((i) => (i % 100 === 0 ? null : encryptField(i % 7 === 0 ? k2 : k1, `13${String(i).padStart(9, '0')}`)));
  const bad = encryptField(stranger, 'not ours'); // authenticates under no key of this ring
  secrets[5] = bad;
  await db.execute(sql`insert into rot_fields (id, secret, note) select * from unnest(${sql.param(ids)}::bigint[], ${sql.param(secrets)}::text[], ${sql.param(ids.map(() => 'v1.k1.looks-like-one'))}::text[])`);
  const seal = createSensitiveFields(k1).sealFile;
  const files = [Buffer.alloc(3000, 1), Buffer.alloc(0), Buffer.alloc(5000, 2), Buffer.alloc(10, 3)];
  for (const [i, f] of files.entries()) await db.execute(sql`insert into rot_files (id, body) values (${i + 1}, ${f.length ? seal(f) : f})`);
  const doc = (i: number) => ({ person: { idNumberEnc: encryptField(k1, `id-${i}`), name: '张三', remark: 'v1.k1.AAAA.BBBB.CCCC' }, members: [{ phoneEnc: encryptField(k1, `phone-${i}`) }, { phoneEnc: null }] });
  for (const i of [1, 2, 3]) await db.execute(sql`insert into rot_docs (id, doc) values (${i}, ${JSON.stringify(doc(i))}::jsonb)`);

  const before = await countByKey(db, COLUMNS);
  assert.deepEqual(before.filter((r) => r.table === 'rot_docs'), [{ table: 'rot_docs', column: 'doc', keyId: 'k1', count: 9 }], 'look-alike text counts as a value under k1 in the count');

  const progress: RotationProgress[] = [];
  const result = await reencryptColumns(db, k2, COLUMNS, (p) => progress.push(p), { rows: 100, bytes: 8192 });
  const rotatedTexts = secrets.filter((s, i) => s !== null && i !== 5 && keyIdOf(s) === 'k1').length;
  assert.equal(result.rewritten, rotatedTexts + 3 + 3, 'texts under k1, the three non-empty files, the three documents');
  assert.deepEqual(result.unreadable, [{ table: 'rot_fields', column: 'secret', key: 6, reason: 'tampered' }]);
  assert.ok(progress.filter((p) => p.table === 'rot_fields').length > 10, 'text in batches of 100');
  assert.ok(progress.filter((p) => p.table === 'rot_files').length >= 4, 'files in batches of at most 4 KiB (at least one each)');
  assert.deepEqual(progress.at(-1), { table: 'rot_docs', column: 'doc', done: 3, total: 3 });

  const texts = await queryRows<{ id: number; secret: string | null; note: string }>(db, sql`select id, secret, note from rot_fields order by id`);
  for (const row of texts) {
    assert.equal(row.note, 'v1.k1.looks-like-one', 'undeclared columns are not touched');
    if (row.id % 100 === 0) assert.equal(row.secret, null);
    else if (row.id === 6) assert.equal(row.secret, bad, 'an unreadable value is left as it is');
    else assert.equal(decryptField(k2, row.secret!), `13${String(row.id).padStart(9, '0')}`);
  }
  const bodies = await queryRows<{ id: number; body: Uint8Array }>(db, sql`select id, body from rot_files order by id`);
  const open = createSensitiveFields(k2).openFile;
  assert.deepEqual(bodies.map((b) => (b.body.length ? open(Buffer.from(b.body)) : Buffer.alloc(0))), files);
  const docs = await queryRows<{ doc: ReturnType<typeof doc> | string }>(db, sql`select doc from rot_docs order by id`);
  for (const [i, row] of docs.entries()) {
    const d = typeof row.doc === 'string' ? (JSON.parse(row.doc) as ReturnType<typeof doc>) : row.doc;
    assert.equal(decryptField(k2, d.person.idNumberEnc), `id-${i + 1}`);
    assert.equal(keyIdOf(d.members[0]!.phoneEnc!), 'k2');
    assert.deepEqual([d.person.name, d.person.remark, d.members[1]!.phoneEnc], ['张三', 'v1.k1.AAAA.BBBB.CCCC', null], 'other values unchanged');
  }

  const again = await reencryptColumns(db, k2, COLUMNS);
  assert.equal(again.rewritten, 0);
  assert.equal(again.unreadable.length, 1, 'the unreadable value is reported again');

  // What is left under k1: the unreadable field and the undeclared look-alikes are not envelopes
  // of a real IV length, so the scan names only the one real value.
  assert.deepEqual(
    (await findValuesUnderKey(db, 'k1')).filter((f) => f.table.startsWith('rot_')),
    [{ schema: 'public', table: 'rot_fields', column: 'secret', rows: 1 }],
  );
  assert.deepEqual((await findValuesUnderKey(db, 'k2')).filter((f) => f.table.startsWith('rot_')).map((f) => `${f.table}.${f.column}:${f.rows}`), ['rot_docs.doc:3', `rot_fields.secret:${secrets.filter((v) => v !== null).length - 1}`, 'rot_files.body:3']);
});
