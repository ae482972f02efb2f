// Issue 13, item 2, through the API on both drivers: the decompression bombs and oversized
// workbooks a grid worker can upload are refused — sizes with a 413 before anything is stored,
// shapes (rows, columns, cells) with the limit named — and the ledger and the lists stay as they were.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { createTestApp, type Session, type TestApp } from './support/app.ts';
import * as bombs from './support/xlsx-bombs.ts';
import { queryRows } from '../src/platform/db/client.ts';
import { createWorker } from '../src/platform/jobs/index.ts';
import { jobDefinitions } from '../src/app/services.ts';
import { createLogger } from '../src/platform/logger.ts';
import { CHECKLIST_PRESETS } from '../src/modules/campaigns/campaigns.schema.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
let t: TestApp;
let grid: Session;
let county: Session;
let campaignId: number;

before(async () => {
  t = await createTestApp({ LASTMILE_UPLOAD_MAX_BYTES: String(16 << 20), LASTMILE_UPLOAD_MAX_ROWS: '1000' });
  grid = await t.login('grid_worker');
  county = await t.login('xhl_approver');
  const created = await t.app.inject({
    method: 'POST',
    url: '/api/campaigns',
    headers: county.headers,
    payload: { name: '上传限额', jurisdictionCode: '140107', startsOn: '2026-03-10', endsOn: '2026-04-30', checklist: CHECKLIST_PRESETS.vaccination.checklist },
  });
  assert.equal(created.statusCode, 201, created.body);
  campaignId = created.json().id;
});
after(() => t.close());

const count = async (table: 'imports' | 'persons' | 'campaign_targets') =>
  Number((await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from ${sql.identifier(table)}`))[0]!.n);

const uploadLedger = (file: Buffer, s: Session = grid) =>
  t.app.inject({ method: 'POST', url: `/api/imports/persons?fileName=${encodeURIComponent('台账.xlsx')}`, headers: { ...s.headers, 'content-type': XLSX }, payload: file });
const uploadList = (file: Buffer) =>
  t.app.inject({ method: 'POST', url: `/api/campaigns/${campaignId}/targets/import?fileName=${encodeURIComponent('名单.xlsx')}`, headers: { ...county.headers, 'content-type': XLSX }, payload: file });

test('size bombs: 413 naming the limit and the value seen, in both languages, quickly, and no import stored', async () => {
  const cases: [string, Buffer, RegExp, RegExp][] = [
    ['one 200 MB shared string (205 KB)', bombs.sharedStringBomb(200), /compression ratio of one part \(xl\/sharedStrings\.xml\): at most 200, this file has at least [\d,]+/, /压缩比上限/],
    ['2,000 zip entries', bombs.manyEntries(2_000), /entries in the workbook \(zip\): at most 1,000, this file has 2,005/, /文件数上限：最多 1,000，该文件为 2,005/],
    ['a 400 MB sheet', bombs.hugeSheet(2_000_000), /compression ratio of one part \(xl\/worksheets\/sheet1\.xml\)/, /压缩比上限/],
    ['an exceljs-only workbook with the 200 MB string', bombs.fallbackBomb(200), /compression ratio of one part/, /压缩比上限/],
  ];
  const imports = await count('imports');
  const targets = await count('campaign_targets');
  for (const [what, file, en, zh] of cases) {
    for (const [where, upload] of [['ledger', uploadLedger], ['campaign list', uploadList]] as const) {
      const started = performance.now();
      const res = await upload(file);
      const ms = performance.now() - started;
      assert.equal(res.statusCode, 413, `${what} → ${where}: ${res.body}`);
      const body = res.json();
      assert.equal(body.error, 'payload_too_large');
      assert.match(body.message, en, what);
      assert.match(body.messageZh, zh, what);
      assert.ok(ms < 5000, `${what} → ${where}: refused in ${ms.toFixed(0)} ms`);
    }
  }
  assert.equal(await count('imports'), imports, 'no import stored');
  assert.equal(await count('campaign_targets'), targets, 'no one listed');

  // A body over the upload size is refused by its length, naming the limit.
  const big = await uploadLedger(Buffer.alloc((16 << 20) + 1, 1));
  assert.equal(big.statusCode, 413);
  assert.match(big.json().message, /at most 16 MiB \(16777216 bytes\)/);
  assert.match(big.json().messageZh, /最多 16 MiB/);
  assert.equal(await count('imports'), imports);
});

test('shape limits: both imports (background jobs) fail naming the limit; nothing is imported', async () => {
  const worker = createWorker({ db: t.database.db, definitions: jobDefinitions(t.services), log: createLogger('silent') });
  const persons = await count('persons');
  const targets = await count('campaign_targets');
  const cases: [string, Buffer, RegExp, RegExp][] = [
    ['16,384 columns', bombs.longRow(16_384), /columns in a row \(row 2\): at most 200, this file has at least 201/, /一行的列数上限：最多 200/],
    ['a 100,000-character cell', bombs.longCell(100_000), /characters in one cell: at most 32,767, this file has 100,000/, /单元格字符数上限：最多 32,767，该文件为 100,000/],
    ['nesting 100,000 deep', bombs.deepXml(100_000), /nesting depth of the XML: at most 64/, /XML 嵌套层数上限/],
    ['1,500 rows over a limit of 1,000', bombs.manyRows(1500), /data rows: at most 1,000, this file has at least 1,\d{3}/, /数据行数上限：最多 1,000/],
  ];
  for (const [what, file, en, zh] of cases) {
    const started = await uploadList(file);
    assert.equal(started.statusCode, 202, `${what}: ${started.body}`);
    await worker.drain();
    const list = (await t.app.inject({ method: 'GET', url: started.json().statusUrl, headers: county.headers })).json();
    assert.equal(list.status, 'failed', `${what}: ${JSON.stringify(list)}`);
    assert.equal(list.failure.error, 'bad_request');
    assert.match(list.failure.message, en, what);
    assert.match(list.failure.messageZh, zh, what);

    const upload = await uploadLedger(file);
    assert.equal(upload.statusCode, 201, `${what}: ${upload.body}`);
    await worker.drain();
    const job = (await t.app.inject({ method: 'GET', url: `/api/imports/${upload.json().id}`, headers: grid.headers })).json();
    assert.equal(job.status, 'failed', `${what}: ${JSON.stringify(job)}`);
    assert.match(job.error, en, what);
    assert.match(job.error, zh, what);
    const commit = await t.app.inject({ method: 'POST', url: `/api/imports/${upload.json().id}/commit`, headers: grid.headers });
    assert.equal(commit.statusCode, 409, 'a failed validation cannot be committed');
  }
  assert.equal(await count('persons'), persons, 'the ledger is unchanged');
  assert.equal(await count('campaign_targets'), targets, 'the list is unchanged');
});

test('a malformed workbook: a clear message in both languages, never a program error', async () => {
  const file = bombs.workbook([['姓名', '公民身份号码'], ['王五', '1']]);
  const broken = Buffer.concat([file.subarray(0, 200), Buffer.alloc(500, 0x41), file.subarray(700)]);
  const worker = createWorker({ db: t.database.db, definitions: jobDefinitions(t.services), log: createLogger('silent') });
  const started = await uploadList(broken);
  assert.equal(started.statusCode, 202, started.body);
  await worker.drain();
  const list = await t.app.inject({ method: 'GET', url: started.json().statusUrl, headers: county.headers });
  assert.equal(list.json().status, 'failed');
  assert.doesNotMatch(list.body, /Cannot read|undefined|TypeError/);
  assert.match(list.json().failure.messageZh, /工作簿已损坏/);
});
