import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createReadStream, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { mapHeaders, mapRow } from './map-rows.ts';
import { ImportFileError, readRows } from './read-rows.ts';
import { ID_MALE_1990, LEDGER_HEADERS, TODAY, readAll, tempDir, validCells, writeXlsx } from './test-fixtures.ts';

async function rejects(promise: Promise<unknown>, reason: string): Promise<ImportFileError> {
  let caught: unknown;
  try {
    await promise;
  } catch (error) {
    caught = error;
  }
  assert.ok(caught instanceof ImportFileError, `expected ImportFileError(${reason}), got ${String(caught)}`);
  assert.equal(caught.reason, reason);
  assert.equal(caught.code, 'bad_request');
  return caught;
}

test('xlsx: first sheet, header after a merged title row, cells by header, blank rows skipped, row numbers kept', async (t) => {
  const dir = tempDir(t);
  const file = join(dir, 'ledger.xlsx');
  await writeXlsx(file, [
    {
      name: '台账',
      rows: [
        ['和平社区困难群众台账'],
        [],
        ['姓名', '身份证号', '出生日期', '居住地区划代码', '备注', null, '户编号'],
        ['王五', ID_MALE_1990, new Date(Date.UTC(1990, 0, 1)), 140107001001, { richText: [{ text: '低保' }, { text: '户' }] }, null, { formula: '1+1', result: 2 }],
        [],
        ['赵六', null, '1990/1/1', '140107001001', { text: '链接', hyperlink: 'https://example.org' }, 'x', 3],
      ],
      formats: { C4: 'yyyy-mm-dd' },
    },
    { name: 'Sheet2', rows: [['姓名', '居住地区划代码'], ['不该读到', '140107001001']] },
  ]);
  const { headers, headerRow, rows } = await readAll(file, 'xlsx');
  assert.equal(headerRow, 3);
  assert.deepEqual(headers, ['姓名', '身份证号', '出生日期', '居住地区划代码', '备注', 'F列', '户编号']);
  assert.deepEqual(rows.map((r) => r.rowNumber), [4, 6]);
  assert.deepEqual(rows[0]!.cells, {
    姓名: '王五',
    身份证号: ID_MALE_1990,
    出生日期: new Date(Date.UTC(1990, 0, 1)),
    居住地区划代码: 140107001001,
    备注: '低保户',
    F列: null,
    户编号: 2,
  });
  assert.deepEqual(rows[1]!.cells, { 姓名: '赵六', 身份证号: null, 出生日期: '1990/1/1', 居住地区划代码: '140107001001', 备注: '链接', F列: 'x', 户编号: 3 });
});

test('xlsx: the first visible sheet is read, hidden ones skipped; a repeated header gets a suffix', async (t) => {
  const dir = tempDir(t);
  const file = join(dir, 'hidden.xlsx');
  await writeXlsx(file, [
    { name: '隐藏', state: 'hidden', rows: [['a', 'b'], ['1', '2']] },
    { name: '人员', rows: [['姓名', '姓名', '居住地区划代码'], ['王五', '王五', '140107001001']] },
  ]);
  const { headers, rows } = await readAll(file, 'xlsx');
  assert.deepEqual(headers, ['姓名', '姓名（2）', '居住地区划代码']);
  assert.equal(rows.length, 1);
  assert.deepEqual(mapHeaders(headers).duplicateHeaders, ['姓名（2）']);
});

test('xlsx: an ID number Excel stored as a number reaches mapRow as a float and is reported, not guessed', async (t) => {
  const dir = tempDir(t);
  const file = join(dir, 'float.xlsx');
  await writeXlsx(file, [{ name: 'S', rows: [['姓名', '公民身份号码', '居住地区划代码'], ['王五', Number(ID_MALE_1990), '140107001001']] }]);
  const { headers, rows } = await readAll(file, 'xlsx');
  assert.equal(typeof rows[0]!.cells['公民身份号码'], 'number');
  const r = mapRow(rows[0]!, mapHeaders(headers).mapping, { today: TODAY });
  assert.equal(r.input, undefined);
  assert.deepEqual(r.problems.map((p) => [p.column, p.code]), [['公民身份号码', 'number_mangled']]);
});

test('xlsx: dates in every accepted form map to the same birth date', async (t) => {
  const dir = tempDir(t);
  const file = join(dir, 'dates.xlsx');
  const forms: unknown[] = [new Date(Date.UTC(1990, 0, 1)), 32874, '1990-01-01', '1990/1/1', '19900101', 19900101, '1990年1月1日'];
  await writeXlsx(file, [
    { name: 'S', rows: [['姓名', '出生日期', '居住地区划代码'], ...forms.map((f, i) => [`人${i}`, f, '140107001001'])], formats: { B2: 'yyyy"年"m"月"d"日"' } },
  ]);
  const { headers, rows } = await readAll(file, 'xlsx');
  const { mapping } = mapHeaders(headers);
  assert.equal(rows.length, forms.length);
  for (const row of rows) {
    const r = mapRow(row, mapping, { today: TODAY });
    assert.deepEqual(r.problems, [], `row ${row.rowNumber}`);
    assert.equal(r.input?.birthDate, '1990-01-01', `row ${row.rowNumber}`);
  }
});

test('CSV with a BOM: UTF-8 text, quoted commas and line breaks, empty lines keep row numbers', async (t) => {
  const dir = tempDir(t);
  const file = join(dir, 'bom.csv');
  const text = '\uFEFF姓名,身份证号,现住址,居住地区划代码\r\n王五,' + ID_MALE_1990 + ',"和平社区, 5 号楼\r\n2 单元",140107001001\r\n\r\n赵六,,,140107001001\r\n';
  writeFileSync(file, text);
  const { headers, rows } = await readAll(file, 'csv');
  assert.deepEqual(headers, ['姓名', '身份证号', '现住址', '居住地区划代码'], 'no BOM left on the first header');
  assert.deepEqual(rows.map((r) => r.rowNumber), [2, 4]);
  assert.deepEqual(rows[0]!.cells, { 姓名: '王五', 身份证号: ID_MALE_1990, 现住址: '和平社区, 5 号楼\r\n2 单元', 居住地区划代码: '140107001001' });
  assert.deepEqual(rows[1]!.cells, { 姓名: '赵六', 身份证号: null, 现住址: null, 居住地区划代码: '140107001001' });
});

test('CSV without a BOM, from a stream, maps a whole valid ledger row', async () => {
  const cells = validCells();
  const line = (values: unknown[]) => values.map((v) => (v === null ? '' : String(v))).join(',');
  const csv = `${line(LEDGER_HEADERS)}\n${line(LEDGER_HEADERS.map((h) => cells[h]))}\n`;
  const { headers, rows } = await readAll(Readable.from([Buffer.from(csv)]), 'csv');
  const r = mapRow(rows[0]!, mapHeaders(headers).mapping, { today: TODAY });
  assert.deepEqual(r.problems, []);
  assert.equal(r.input?.idNumber, ID_MALE_1990);
});

test('CSV in GBK (what Chinese Excel saves as “CSV”) gives a clear error in both languages', async (t) => {
  const dir = tempDir(t);
  const file = join(dir, 'gbk.csv');
  // 姓名,居住地区划代码 / 张三,140107001001 in GBK
  const gbk = Buffer.concat([
    Buffer.from([0xd0, 0xd5, 0xc3, 0xfb]), Buffer.from(','), Buffer.from([0xbe, 0xd3, 0xd7, 0xa1, 0xb5, 0xd8, 0xc7, 0xf8, 0xbb, 0xae, 0xb4, 0xfa, 0xc2, 0xeb]),
    Buffer.from('\r\n'), Buffer.from([0xd5, 0xc5, 0xc8, 0xfd]), Buffer.from(',140107001001\r\n'),
  ]);
  assert.equal(new TextDecoder('gbk').decode(gbk).split('\r\n')[0], '姓名,居住地区划代码', 'the fixture really is GBK');
  writeFileSync(file, gbk);
  const error = await rejects(readAll(file, 'csv'), 'not_utf8');
  assert.match(error.message, /not UTF-8 \(it looks like GBK\/ANSI.*save it as "CSV UTF-8 \(Comma delimited\) \(\*\.csv\)"/);
  assert.match(error.messageZh, /不是 UTF-8 编码（看起来是 GBK\/ANSI 编码.*另存为“CSV UTF-8（逗号分隔）\(\*\.csv\)”/);
  await rejects(readRows(createReadStream(file), 'csv').header(), 'not_utf8');
});

test('wrong kinds of file are refused with a reason: empty, .xls, xlsx as CSV, text as xlsx, UTF-16, corrupt zip', async (t) => {
  const dir = tempDir(t);
  const path = (name: string, bytes: Buffer | string) => {
    const p = join(dir, name);
    writeFileSync(p, bytes);
    return p;
  };
  await rejects(readAll(path('empty.csv', ''), 'csv'), 'empty');
  await rejects(readAll(path('blank.csv', '\r\n,,\r\n'), 'csv'), 'empty');
  const xls = path('old.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]));
  assert.match((await rejects(readAll(xls, 'xlsx'), 'legacy_xls')).messageZh, /另存为“Excel 工作簿（\*\.xlsx）”/);
  const book = join(dir, 'book.xlsx');
  await writeXlsx(book, [{ name: 'S', rows: [['姓名', '居住地区划代码']] }]);
  await rejects(readAll(book, 'csv'), 'xlsx_as_csv');
  await rejects(readAll(path('text.xlsx', '姓名,居住地区划代码\n'), 'xlsx'), 'not_xlsx');
  await rejects(readAll(path('utf16.csv', Buffer.from('\uFEFF姓名', 'utf16le')), 'csv'), 'utf16');
  const unclosed = await rejects(readAll(path('quote.csv', '姓名,居住地区划代码\n"王五,140107001001\n'), 'csv'), 'bad_csv');
  assert.match(unclosed.messageZh, /CSV 文件在第 2 行附近格式有误/);
  const corrupt = path('corrupt.xlsx', Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 7)]));
  await rejects(readAll(corrupt, 'xlsx'), 'unreadable');
});

test('an explicit header row; breaking out of the rows ends the read cleanly', async (t) => {
  const dir = tempDir(t);
  const file = join(dir, 'two-headers.xlsx');
  await writeXlsx(file, [{ name: 'S', rows: [['基本信息', '', '户籍'], ['姓名', '身份证号', '居住地区划代码'], ['王五', null, '140107001001'], ['赵六', null, '140107001001']] }]);
  const source = readRows(file, 'xlsx', { headerRow: 2 });
  assert.deepEqual((await source.header()).headers, ['姓名', '身份证号', '居住地区划代码']);
  for await (const row of source) {
    assert.equal(row.cells['姓名'], '王五');
    break;
  }
  await rejects(readRows(file, 'xlsx', { headerRow: 9 }).header(), 'no_header');
});
