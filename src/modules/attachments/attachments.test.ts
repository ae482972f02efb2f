// The attachments service on a real database: what it refuses, what it stores (sealed, never the
// plaintext), that a file opens only for its own owners and only as recorded, replace, remove and
// relocate, and that every download is audited.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../platform/db/client.ts';
import { AppError } from '../../platform/errors.ts';
import { keyIdOf } from '../../platform/crypto/field-crypto.ts';
import { SYSTEM_ACTOR } from '../audit/audit.service.ts';
import { createTestApp, testKeyRing, type TestApp } from '../../../test/support/app.ts';
import { checkFile, cleanFileName, MAX_ATTACHMENT_BYTES } from './attachments.rules.ts';

const GRID = '140107001001001';
const OTHER_GRID = '140107001001002';
const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('照片 plaintext marker')]);
const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('second photo')]);
const pdf = Buffer.from('%PDF-1.7\nscan');

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(() => t.close());

const codeOf = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (err) {
    return err instanceof AppError ? `${err.code}:${err.fields?.[0]?.field}` : String(err);
  }
  return undefined;
};

test('checkFile: the type comes from the bytes, empty and oversized files are refused naming the field', () => {
  assert.equal(checkFile(jpeg, 'photo').mediaType, 'image/jpeg');
  assert.equal(checkFile(pdf, 'photo_or_pdf').mediaType, 'application/pdf');
  assert.equal(codeOf(() => checkFile(pdf, 'photo', 'photo')), 'unsupported_media_type:photo', 'a PDF is not a photo');
  assert.equal(codeOf(() => checkFile(Buffer.from('<html><script>'), 'photo_or_pdf')), 'unsupported_media_type:file', 'a named .jpg that is HTML');
  assert.equal(codeOf(() => checkFile(Buffer.alloc(0), 'photo_or_pdf')), 'validation_failed:file');
  assert.equal(codeOf(() => checkFile(undefined, 'photo', 'photo')), 'validation_failed:photo');
  const big = Buffer.concat([jpeg, Buffer.alloc(MAX_ATTACHMENT_BYTES)]);
  assert.equal(codeOf(() => checkFile(big, 'photo')), 'payload_too_large:file');
  assert.equal(checkFile(jpeg.subarray(0, MAX_ATTACHMENT_BYTES), 'photo').sizeBytes, jpeg.length);
});

test('cleanFileName keeps the last path part without control characters, never empty', () => {
  assert.equal(cleanFileName('C:\\Users\\张三\\入户照片.jpg', 'x.jpg'), '入户照片.jpg');
  assert.equal(cleanFileName('../../etc/passwd', 'x.jpg'), 'passwd');
  assert.equal(cleanFileName('a\r\nb.png', 'x.png'), 'ab.png');
  assert.equal(cleanFileName('..', 'x.png'), 'x.png');
  assert.equal(cleanFileName('', 'case-1.pdf'), 'case-1.pdf');
});

test('put seals the bytes under the current key; list and open answer only for the owners named', async () => {
  const a = t.services.attachments;
  const owner = { kind: 'test_owner', id: 7001, jurisdictionCode: GRID };
  const stored = await t.database.db.transaction((tx) => a.put(tx, owner, { content: jpeg, fileName: '入户照片.jpg', kind: 'photo', caption: '厨房' }, null));
  assert.deepEqual([stored.mediaType, stored.sizeBytes, stored.kind, stored.caption, stored.fileName], ['image/jpeg', jpeg.length, 'photo', '厨房', '入户照片.jpg']);

  const [row] = await queryRows<{ content: Uint8Array }>(t.database.db, sql`select content from attachments where id = ${stored.id}`);
  const sealed = Buffer.from(row!.content);
  assert.equal(sealed.includes(Buffer.from('plaintext marker')), false, 'no plaintext at rest');
  assert.equal(keyIdOf(sealed.toString('utf8')), testKeyRing.current, 'sealed under the current key');

  const mine = [{ kind: 'test_owner', ids: [7001] }];
  assert.deepEqual((await a.list(mine)).map((f) => f.id), [stored.id]);
  assert.deepEqual(await a.list([{ kind: 'test_owner', ids: [7002] }]), []);
  assert.deepEqual(await a.list([{ kind: 'other_owner', ids: [7001] }]), [], 'the kind is part of the owner');
  await assert.rejects(a.open([{ kind: 'test_owner', ids: [7002] }], stored.id, SYSTEM_ACTOR, { jurisdictionCode: GRID }), (e: AppError) => e.code === 'not_found');

  const opened = await a.open(mine, stored.id, SYSTEM_ACTOR, { jurisdictionCode: GRID, label: '测试 7001' });
  assert.deepEqual(opened.content, jpeg);
  const audit = await t.services.audit.list({ scope: '' }, { action: 'attachment.download', entityId: String(stored.id), limit: 5, offset: 0 });
  assert.deepEqual(audit.items.map((e) => [e.entity, e.jurisdictionCode, e.reason]), [['attachment', GRID, '测试 7001 入户照片.jpg']]);
});

test('a file that does not match its recorded hash is not handed out (sealed bytes moved between rows)', async () => {
  const a = t.services.attachments;
  const owners = [{ kind: 'test_owner', ids: [7101, 7102] }];
  const [one, two] = await t.database.db.transaction(async (tx) => [
    await a.put(tx, { kind: 'test_owner', id: 7101, jurisdictionCode: GRID }, { content: jpeg }, null),
    await a.put(tx, { kind: 'test_owner', id: 7102, jurisdictionCode: GRID }, { content: png }, null),
  ]);
  // Both decrypt (each is a valid sealed value), but the second row now holds the first row's file.
  await t.database.db.execute(sql`update attachments set content = (select content from attachments where id = ${one!.id}) where id = ${two!.id}`);
  await assert.rejects(a.open(owners, two!.id, SYSTEM_ACTOR, { jurisdictionCode: GRID }), (e: AppError) => e.code === 'internal');
  const audited = await t.services.audit.list({ scope: '' }, { action: 'attachment.download', entityId: String(two!.id), limit: 5, offset: 0 });
  assert.equal(audited.total, 0, 'nothing handed out, nothing audited');
});

test('replace keeps one file of a kind; remove deletes only within the owners; relocate moves the place', async () => {
  const a = t.services.attachments;
  const owner = { kind: 'test_owner', id: 7201, jurisdictionCode: GRID };
  const owners = [{ kind: 'test_owner', ids: [7201] }];
  await t.database.db.transaction((tx) => a.put(tx, owner, { content: pdf, kind: 'material' }, null));
  await t.database.db.transaction((tx) => a.replace(tx, owner, { content: jpeg, kind: 'photo', accept: 'photo' }, null));
  const second = await t.database.db.transaction((tx) => a.replace(tx, owner, { content: png, kind: 'photo', accept: 'photo' }, null));
  assert.deepEqual((await a.list(owners)).map((f) => [f.kind, f.mediaType]), [['material', 'application/pdf'], ['photo', 'image/png']]);
  assert.equal(second.fileName, 'test_owner-7201.png', 'a default name from the owner and the sniffed type');

  await assert.rejects(t.database.db.transaction((tx) => a.replace(tx, owner, { content: pdf, kind: 'photo', accept: 'photo' }, null)), (e: AppError) => e.code === 'unsupported_media_type');
  assert.equal((await a.list(owners)).length, 2, 'a refused replacement removes nothing');

  assert.equal(await t.database.db.transaction((tx) => a.remove(tx, [{ kind: 'test_owner', ids: [9999] }], second.id)), undefined);
  assert.equal((await t.database.db.transaction((tx) => a.remove(tx, owners, second.id)))?.id, second.id);
  assert.deepEqual((await a.list(owners)).map((f) => f.kind), ['material']);

  assert.equal(await t.database.db.transaction((tx) => a.relocate(tx, owner, OTHER_GRID)), 1);
  assert.deepEqual((await a.list(owners)).map((f) => f.jurisdictionCode), [OTHER_GRID]);
});
