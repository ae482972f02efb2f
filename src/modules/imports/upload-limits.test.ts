// The upload limits against the bombs of issue 13, on the readers themselves (no database): each
// is refused early, with the limit and the value seen in both languages, whichever reader would
// have read it; malformed workbooks get a clear message, never a program's own.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import * as bombs from '../../../test/support/xlsx-bombs.ts';
import { ImportFileError, fastReaderFaults, readRows } from './read-rows.ts';
import { DEFAULT_UPLOAD_LIMITS, UploadLimitError, checkXlsxContainer, type LimitName, type UploadLimits } from './upload-limits.ts';

async function readAll(file: Buffer, limits: UploadLimits = DEFAULT_UPLOAD_LIMITS, format: 'xlsx' | 'csv' = 'xlsx') {
  const rows = [];
  for await (const row of readRows(Readable.from([file]), format, { limits })) rows.push(row);
  return rows;
}

async function refused(run: () => Promise<unknown>, limit: LimitName, status: 400 | 413): Promise<UploadLimitError> {
  const started = performance.now();
  let caught: unknown;
  try {
    await run();
  } catch (error) {
    caught = error;
  }
  const ms = performance.now() - started;
  assert.ok(caught instanceof UploadLimitError, `expected UploadLimitError(${limit}), got ${String(caught)}`);
  assert.equal(caught.limit, limit);
  assert.equal(caught.status, status);
  assert.ok(caught.seen > caught.max, 'the value seen is past the limit');
  assert.match(caught.message, /exceeds the limit on .*: at most [\d,. A-Za-z]+, this file has/);
  assert.match(caught.messageZh, /^文件超出.*上限.*：最多 .*，该文件为 /);
  assert.ok(ms < 5000, `refused in ${ms.toFixed(0)} ms`);
  return caught;
}

const faultsBefore = fastReaderFaults;

test('a workbook built by hand reads through the fast reader (the bombs below are real workbooks)', async () => {
  const rows = await readAll(bombs.workbook([['姓名', '公民身份号码'], ['王五', '140107199001011230']]));
  assert.deepEqual(rows, [{ rowNumber: 2, cells: { 姓名: '王五', 公民身份号码: '140107199001011230' } }]);
  assert.equal(await readAll(bombs.manyRows(3)).then((r) => r.length), 3);
});

test('one shared string of 200 MB (a 205 KB file): refused at upload by its ratio, by the reader at the cell length', async () => {
  const file = bombs.sharedStringBomb(200);
  assert.ok(file.length < 300_000);
  const rss = process.memoryUsage().rss;
  const atUpload = await refused(() => checkXlsxContainer(file, DEFAULT_UPLOAD_LIMITS), 'ratio', 413);
  assert.match(atUpload.message, /compression ratio of one part \(xl\/sharedStrings\.xml\): at most 200, this file has at least [\d,]+/);
  assert.match(atUpload.messageZh, /压缩比/);
  const reading = await refused(() => readAll(file), 'cellChars', 400);
  assert.match(reading.message, /characters in one cell/);
  assert.ok(process.memoryUsage().rss - rss < 150 * 1048576, 'memory stays bounded');
});

test('20,000 entries: refused from the zip directory before anything is inflated', async () => {
  const file = bombs.manyEntries(2000);
  const e = await refused(() => checkXlsxContainer(file, DEFAULT_UPLOAD_LIMITS), 'zipEntries', 413);
  assert.match(e.message, /entries in the workbook \(zip\): at most 1,000, this file has 2,005/);
  await refused(() => readAll(file), 'zipEntries', 413);
});

test('a sheet that inflates to 2 GB: refused a few MB in, by its ratio (never the declared size)', async () => {
  const file = bombs.hugeSheet(10_000_000);
  await refused(() => checkXlsxContainer(file, DEFAULT_UPLOAD_LIMITS), 'ratio', 413);
  // The same sheet under a looser ratio still stops at the per-entry and total inflated sizes.
  await refused(() => checkXlsxContainer(file, { ...DEFAULT_UPLOAD_LIMITS, ratio: 100_000, entryBytes: 64 << 20 }), 'entryBytes', 413);
  await refused(() => checkXlsxContainer(file, { ...DEFAULT_UPLOAD_LIMITS, ratio: 100_000, inflatedBytes: 32 << 20 }), 'inflatedBytes', 413);
  // The reader counts as it reads (scanning the rows until the ratio check starts at its floor).
  await refused(() => readAll(file, { ...DEFAULT_UPLOAD_LIMITS, ratioFloorBytes: 1 << 20 }), 'ratio', 413);
});

test('rows, columns, cell length, nesting and shared strings: a 400 naming the limit, in both readers and CSV', async () => {
  const small = { ...DEFAULT_UPLOAD_LIMITS, rows: 100 };
  const many = await refused(() => readAll(bombs.manyRows(150), small), 'rows', 400);
  assert.match(many.message, /data rows: at most 100, this file has at least 1\d\d/);
  assert.match(many.messageZh, /数据行数上限：最多 100/);
  assert.equal((await readAll(bombs.manyRows(100), small)).length, 100, 'exactly at the limit passes');
  const wide = await refused(() => readAll(bombs.longRow(16_384)), 'columns', 400);
  assert.match(wide.message, /columns in a row \(row 2\): at most 200/);
  const long = await refused(() => readAll(bombs.longCell(100_000)), 'cellChars', 400);
  assert.match(long.message, /characters in one cell: at most 32,767, this file has 100,000/);
  await refused(() => readAll(bombs.deepXml(100_000)), 'xmlDepth', 400);
  // CSV: the same rows and cells limits.
  const csv = (rows: string[][]) => Buffer.from(rows.map((r) => r.join(',')).join('\n'));
  await refused(() => readAll(csv([['姓名', '身份证号'], ...Array.from({ length: 150 }, (_, i) => [`人${i}`, ''])]), small, 'csv'), 'rows', 400);
  await refused(() => readAll(csv([['姓名', '身份证号'], ['王五', 'x'.repeat(40_000)]]), DEFAULT_UPLOAD_LIMITS, 'csv'), 'cellChars', 400);
  await refused(() => readAll(csv([['姓名', '身份证号'], Array.from({ length: 300 }, () => 'x')]), DEFAULT_UPLOAD_LIMITS, 'csv'), 'columns', 400);
  await refused(() => readAll(Buffer.alloc(2048, 'a'), { ...DEFAULT_UPLOAD_LIMITS, uploadBytes: 1024 }, 'csv'), 'uploadBytes', 413);
  // Shared strings: their characters together.
  await refused(() => readAll(bombs.manySharedStrings(20_000, 10), { ...DEFAULT_UPLOAD_LIMITS, sharedStringChars: 100_000 }), 'sharedStringChars', 400);
  await refused(() => readAll(bombs.manySharedStrings(20_000, 10), { ...DEFAULT_UPLOAD_LIMITS, sharedStrings: 10_000 }), 'sharedStrings', 400);
  assert.equal((await readAll(bombs.manySharedStrings(20_000, 10))).length, 1, 'within the defaults it reads');
});

test('the exceljs fallback is bounded too: the file is counted before exceljs sees it', async () => {
  // A non-ASCII entry name sends the fast reader to exceljs before it reads the shared strings.
  const e = await refused(() => readAll(bombs.fallbackBomb(200)), 'ratio', 413);
  assert.match(e.message, /xl\/sharedStrings\.xml/);
  // A zip whose entries are not where its directory says (a hidden entry between two) is not given to exceljs.
  const good = bombs.fallbackBomb(1);
  const cut = good.indexOf(Buffer.from('PK\x03\x04'), 10);
  const hidden = Buffer.concat([good.subarray(0, cut), Buffer.from('PK\x03\x04hidden entry bytes'), good.subarray(cut)]);
  // (Its directory offsets now point 24 bytes early: neither reader can use it.)
  await assert.rejects(readAll(hidden), (err: unknown) => err instanceof ImportFileError && err.reason === 'unreadable');
});

test('malformed workbooks: a clear message in both languages, never a program error', async () => {
  const frame = bombs.workbook([['姓名', '公民身份号码'], ['王五', '1']]);
  const broken: [string, Buffer][] = [
    ['truncated', frame.subarray(0, frame.length - 40)],
    ['no sheet at all', bombs.zip([bombs.part('hello.txt', 'hi')])],
    ['sheet not XML', bombs.zip([bombs.part('[Content_Types].xml', '<Types/>'), bombs.part('xl/workbook.xml', '<workbook><sheets><sheet name="a" sheetId="1" r:id="rId1"/></sheets></workbook>'), bombs.part('xl/_rels/workbook.xml.rels', '<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>'), bombs.part('xl/worksheets/sheet1.xml', '<worksheet><sheetData><row r="1"><c r="A1"')])],
    ['garbage after the signature', Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(4000, 7)])],
  ];
  for (const [what, file] of broken) {
    let caught: unknown;
    try {
      await readAll(file);
    } catch (error) {
      caught = error;
    }
    assert.ok(caught instanceof ImportFileError, `${what}: ${String(caught)}`);
    assert.equal(caught.status, 400);
    assert.doesNotMatch(`${caught.message} ${caught.messageZh}`, /Cannot read|undefined|TypeError|is not a function/, what);
    assert.match(caught.messageZh, /[\u4e00-\u9fff]/, what);
  }
  assert.equal(fastReaderFaults, faultsBefore, 'no fault of the fast reader itself');
});
