import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { PersonInput } from '../persons/persons.schema.ts';
import { mapHeaders, mapRow } from './map-rows.ts';
import { PERSON_COLUMNS } from './person-columns.ts';
import { NOTES_SHEET, TEMPLATE_SHEET, writeTemplate } from './template.ts';
import { readAll, tempDir } from './test-fixtures.ts';

test('template round trip: headers map, and the two example rows map without problems (flagged as examples)', async (t) => {
  const file = join(tempDir(t), 'template.xlsx');
  await writeTemplate(file);
  const { headers, headerRow, rows } = await readAll(file, 'xlsx');
  assert.equal(headerRow, 1);
  const m = mapHeaders(headers);
  assert.deepEqual([m.unknownHeaders, m.missingRequired, m.duplicateHeaders], [[], [], []]);
  assert.equal(m.mapping.size, PERSON_COLUMNS.length);
  assert.equal(rows.length, 2);
  for (const row of rows) {
    const r = mapRow(row, m.mapping);
    assert.deepEqual(r.problems, [], `row ${row.rowNumber}`);
    assert.equal(r.example, true);
    PersonInput.parse(r.input);
  }
  const [zhang, li] = rows.map((row) => mapRow(row, m.mapping).input!);
  assert.equal(zhang!.relationship, 'head');
  assert.equal(li!.relationship, 'spouse');
  assert.equal(zhang!.householdKey, li!.householdKey);
  assert.ok(rows[0]!.cells['出生日期'] instanceof Date, 'example dates are real Excel date cells');
});

test('template layout: required headers marked * on their own fill, ID column as text, drop-downs, notes sheet', async (t) => {
  const file = join(tempDir(t), 'template.xlsx');
  const out = createWriteStream(file);
  await writeTemplate(out);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  assert.deepEqual(wb.worksheets.map((w) => w.name), [TEMPLATE_SHEET, NOTES_SHEET]);
  const ws = wb.getWorksheet(TEMPLATE_SHEET)!;

  const header = PERSON_COLUMNS.map((_, i) => ws.getRow(1).getCell(i + 1));
  const fillOf = (c: ExcelJS.Cell) => (c.fill as ExcelJS.FillPattern).fgColor?.argb;
  assert.equal(header[0]!.value, '姓名*');
  assert.equal(header[6]!.value, '居住地区划代码*');
  assert.equal(header[1]!.value, '公民身份号码');
  const requiredFill = fillOf(header[0]!);
  assert.ok(requiredFill);
  PERSON_COLUMNS.forEach((c, i) => assert.equal(fillOf(header[i]!) === requiredFill, c.required, c.header));
  assert.match(String(header[1]!.note), /文本/);

  const idCol = PERSON_COLUMNS.findIndex((c) => c.key === 'idNumber') + 1;
  assert.equal(ws.getColumn(idCol).numFmt, '@', 'the whole ID column is text for rows typed later');
  assert.equal(ws.getRow(2).getCell(idCol).numFmt, '@');
  assert.equal(typeof ws.getRow(2).getCell(idCol).value, 'string');

  const sexCol = PERSON_COLUMNS.findIndex((c) => c.key === 'sex') + 1;
  const dv = ws.getRow(10).getCell(sexCol).dataValidation;
  assert.equal(dv?.type, 'list');
  assert.deepEqual(dv?.formulae, ['"男,女"']);

  const notes = wb.getWorksheet(NOTES_SHEET)!;
  const texts: string[] = [];
  notes.eachRow((row) => texts.push(row.values ? (row.values as unknown[]).filter(Boolean).join(' | ') : ''));
  for (const c of PERSON_COLUMNS) assert.ok(texts.some((l) => l.startsWith(c.required ? `${c.header}*` : c.header)), `notes for ${c.header}`);
  assert.ok(texts.some((l) => l.includes('未婚、已婚、离异、丧偶')));
  assert.ok(texts.some((l) => l.includes('户主、配偶、子女、父母、祖父母、孙子女、兄弟姐妹、其他')));
});
