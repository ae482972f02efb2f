import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { mapHeaders, mapRow } from './map-rows.ts';
import { FILLS, SUMMARY_SHEET, RESULT_SHEET, writeReport, type ReportRow } from './report.ts';
import { ID_MALE_1990, TODAY, readAll, tempDir } from './test-fixtures.ts';

const HEADERS = ['姓名', '身份证号', '出生日期', '居住地区划代码', '备注'];

async function* sample(): AsyncGenerator<ReportRow> {
  yield { rowNumber: 2, outcome: 'ok', problems: [], cells: { 姓名: '王五', 身份证号: ID_MALE_1990, 出生日期: new Date(Date.UTC(1990, 0, 1)), 居住地区划代码: '140107001001', 备注: null } };
  yield {
    rowNumber: 3,
    outcome: 'error',
    cells: { 姓名: null, 身份证号: '140107199001011239', 出生日期: '1990-01-01', 居住地区划代码: '1401', 备注: 'x' },
    problems: [
      { column: '姓名', message: 'required', messageZh: '必填' },
      { column: '公民身份号码', message: 'ID number: check digit is wrong (expected 0)', messageZh: '身份证号码校验码错误（应为 0）' }, // template header: resolved to 身份证号
      { column: '', message: 'the jurisdiction is outside your area', messageZh: '该区划不在您的管辖范围内' }, // appended by the database side
    ],
  };
  yield { rowNumber: 5, outcome: 'duplicate', problems: [{ column: '身份证号', message: 'already registered', messageZh: '已登记' }], cells: { 姓名: '赵六', 身份证号: ID_MALE_1990, 出生日期: null, 居住地区划代码: '140107001001', 备注: null } };
  yield { rowNumber: 6, outcome: 'skipped', problems: [], cells: { 姓名: '张三', 身份证号: null, 出生日期: null, 居住地区划代码: '140107001001', 备注: null } };
}

test('the report has the original columns plus 结果 and 问题说明 in both languages, fills, and a summary', async (t) => {
  const file = join(tempDir(t), 'report.xlsx');
  const summary = await writeReport(file, sample(), HEADERS, { notes: [{ message: 'Unknown column: 备注', messageZh: '未识别的列：备注' }], generatedAt: new Date(0) });
  assert.deepEqual(summary, { total: 4, ok: 1, error: 1, duplicate: 1, skipped: 1 });

  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  assert.deepEqual(wb.worksheets.map((w) => w.name), [RESULT_SHEET, SUMMARY_SHEET]);
  const ws = wb.getWorksheet(RESULT_SHEET)!;
  const values = (r: number) => (ws.getRow(r).values as unknown[]).slice(1);
  assert.deepEqual(values(1), [...HEADERS, '结果', '问题说明', '问题说明（英文）', '原行号']);
  assert.deepEqual(values(2).slice(0, 2), ['王五', ID_MALE_1990]);
  assert.deepEqual(['F2', 'G2', 'H2', 'I2'].map((a) => ws.getCell(a).value), ['通过', null, null, 2]);
  assert.ok(ws.getCell('C2').value instanceof Date);
  assert.equal(ws.getCell('C2').numFmt, 'yyyy-mm-dd');

  const fillOf = (address: string) => (ws.getCell(address).fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb;
  // Error row: light red everywhere, the named cells (姓名 by header, 身份证号 via the template header) stronger red.
  assert.equal(ws.getCell('F3').value, '错误');
  assert.equal(ws.getCell('G3').value, '姓名：必填；公民身份号码：身份证号码校验码错误（应为 0）；该区划不在您的管辖范围内');
  assert.equal(ws.getCell('H3').value, '姓名: required; 公民身份号码: ID number: check digit is wrong (expected 0); the jurisdiction is outside your area');
  assert.equal(ws.getCell('I3').value, 3);
  assert.equal(fillOf('A3'), FILLS.badCell);
  assert.equal(fillOf('B3'), FILLS.badCell);
  for (const a of ['C3', 'D3', 'E3', 'F3', 'G3', 'H3', 'I3']) assert.equal(fillOf(a), FILLS.errorRow, a);
  // Duplicate row: yellow with the named cell highlighted; ok and skipped rows unfilled.
  assert.equal(ws.getCell('F4').value, '重复');
  assert.equal(fillOf('A4'), FILLS.duplicateRow);
  assert.equal(fillOf('B4'), FILLS.badCell);
  assert.equal(ws.getCell('F5').value, '跳过');
  for (const a of ['A2', 'B2', 'F2', 'A5']) assert.equal(fillOf(a), undefined, a);
  assert.equal(ws.getColumn(2).numFmt, '@', 'the ID column stays text when staff correct it');
  for (const a of ['B2', 'B3', 'B4']) assert.equal(ws.getCell(a).numFmt, '@', a);

  const sum = wb.getWorksheet(SUMMARY_SHEET)!;
  const counts = new Map<string, unknown>();
  sum.eachRow((row) => counts.set(String(row.getCell(1).value), row.getCell(2).value));
  assert.equal(counts.get('总行数'), 4);
  assert.equal(counts.get('通过'), 1);
  assert.equal(counts.get('错误'), 1);
  assert.equal(counts.get('重复'), 1);
  assert.equal(counts.get('跳过'), 1);
  assert.equal(counts.get('身份证号'), 1);
  assert.equal(counts.get('公民身份号码'), 1);
  assert.ok(counts.has('未识别的列：备注'));
});

test('a corrected report can be imported again: the added columns are ignored', async (t) => {
  const file = join(tempDir(t), 'report.xlsx');
  await writeReport(file, sample(), HEADERS);
  const { headers, rows } = await readAll(file, 'xlsx');
  const m = mapHeaders(headers);
  assert.deepEqual(m.ignoredHeaders, ['结果', '问题说明', '问题说明（英文）', '原行号']);
  assert.deepEqual(m.unknownHeaders, ['备注']);
  const first = mapRow(rows[0]!, m.mapping, { today: TODAY });
  assert.deepEqual(first.problems, []);
  assert.equal(first.input?.birthDate, '1990-01-01');
});

test('the report can be written to a stream (e.g. an HTTP response), resolving once it is flushed', async () => {
  const chunks: Buffer[] = [];
  const out = new Writable({
    highWaterMark: 1024,
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      setTimeout(done, 1); // a slow client
    },
  });
  const summary = await writeReport(out, sample(), HEADERS);
  assert.equal(summary.total, 4);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
  assert.equal(wb.getWorksheet(RESULT_SHEET)!.getCell('F3').value, '错误');
});
