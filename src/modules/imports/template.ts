// The blank ledger template staff download: sheet 1 人员信息 holds the headers (required ones
// marked * on an orange fill), two example rows and drop-down lists; sheet 2 填写说明 explains
// each column. Columns holding long digit strings (ID number, phone, codes) are formatted as
// text so Excel does not round them. Small, so written with the in-memory workbook.
import { finished } from 'node:stream/promises';
import type { Stream } from 'node:stream';
import ExcelJS from 'exceljs';
import { PERSON_COLUMNS, type PersonColumn } from './person-columns.ts';

export const TEMPLATE_SHEET = '人员信息';
export const NOTES_SHEET = '填写说明';
/** Rows offered drop-down lists and formats (the header is row 1, examples rows 2–3). */
const FORMATTED_ROWS = 2000;

const REQUIRED_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF8CBAD' } };
const OPTIONAL_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
const EXAMPLE_FONT: Partial<ExcelJS.Font> = { italic: true, color: { argb: 'FF7F7F7F' } };
const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin', color: { argb: 'FFBFBFBF' } },
  bottom: { style: 'thin', color: { argb: 'FFBFBFBF' } },
  left: { style: 'thin', color: { argb: 'FFBFBFBF' } },
  right: { style: 'thin', color: { argb: 'FFBFBFBF' } },
};

/** The header text the template shows: required columns end with '*'. */
export function templateHeader(column: PersonColumn): string {
  return column.required ? `${column.header}*` : column.header;
}

function exampleCell(column: PersonColumn, value: string): ExcelJS.CellValue {
  if (value === '') return null;
  if (column.date) return new Date(`${value}T00:00:00Z`); // exceljs writes dates as UTC
  return value;
}

function columnLetter(n: number): string {
  let s = '';
  for (; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function buildTemplate(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'lastmile';
  wb.created = new Date(0);

  const ws = wb.addWorksheet(TEMPLATE_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = PERSON_COLUMNS.map((c) => ({
    width: c.key === 'idNumber' || c.key === 'jurisdictionCode' ? 22 : c.key === 'address' ? 30 : Math.max(10, c.header.length * 2 + 4),
    style: c.text ? { numFmt: '@' } : c.date ? { numFmt: 'yyyy-mm-dd' } : {},
  }));

  const header = ws.getRow(1);
  PERSON_COLUMNS.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = templateHeader(c);
    cell.font = { bold: true, color: c.required ? { argb: 'FFC00000' } : undefined };
    cell.fill = c.required ? REQUIRED_FILL : OPTIONAL_FILL;
    cell.border = THIN;
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    cell.note = `${c.required ? '【必填】' : '【选填】'}${c.note}`;
  });
  header.height = 30;

  for (const [r, pick] of [[2, (c: PersonColumn) => c.example], [3, (c: PersonColumn) => c.example2]] as const) {
    const row = ws.getRow(r);
    PERSON_COLUMNS.forEach((c, i) => {
      const cell = row.getCell(i + 1);
      cell.value = exampleCell(c, pick(c));
      cell.font = EXAMPLE_FONT;
      if (c.text) cell.numFmt = '@';
      if (c.date) cell.numFmt = 'yyyy-mm-dd';
    });
  }
  ws.getCell('A2').note = '示例行（第 2、3 行）：导入时会自动跳过，可以删除，也可以直接覆盖填写。';

  const validations = (ws as unknown as { dataValidations: { add(address: string, v: ExcelJS.DataValidation): void } }).dataValidations;
  PERSON_COLUMNS.forEach((c, i) => {
    if (!c.choices) return;
    const letter = columnLetter(i + 1);
    validations.add(`${letter}2:${letter}${FORMATTED_ROWS + 1}`, {
      type: 'list',
      allowBlank: true,
      formulae: [`"${c.choices.join(',')}"`],
      showErrorMessage: true,
      errorStyle: 'warning',
      errorTitle: c.header,
      error: `建议从下拉列表中选择：${c.choices.join('、')}`,
    });
  });

  addNotesSheet(wb);
  return wb;
}

function addNotesSheet(wb: ExcelJS.Workbook): void {
  const ws = wb.addWorksheet(NOTES_SHEET);
  ws.columns = [{ width: 18 }, { width: 8 }, { width: 60 }, { width: 40 }, { width: 22 }, { width: 24 }];
  const lines = [
    '人员信息导入模板 · 填写说明',
    '1. 在“人员信息”工作表中填写，每行一人；第 1 行为表头，请勿修改或删除表头（可以调整列的顺序，不用的选填列可以删除）。',
    '2. 带 * 的橙色列为必填：姓名、居住地区划代码。其余列选填。',
    '3. 第 2、3 行为示例（张三、李四），导入时自动跳过，可删除。',
    '4. 身份证号码、电话、区划代码、连心卡号、户编号列已设为“文本”格式，请勿改为数字格式，也不要粘贴带格式的数字，否则 Excel 可能丢失后几位。',
    '5. 同一户的成员填写相同的户编号，并填写与户主关系；每户只能有一名户主。',
    '6. 多个标签或疾病用顿号“、”分隔。也可上传“CSV UTF-8（逗号分隔）”格式的文件，列名与本模板相同。',
  ];
  lines.forEach((text, i) => {
    const cell = ws.getCell(i + 1, 1);
    cell.value = text;
    cell.font = i === 0 ? { bold: true, size: 14 } : {};
    ws.mergeCells(i + 1, 1, i + 1, 6);
  });

  const top = lines.length + 2;
  const head = ws.getRow(top);
  head.values = ['列名', '必填', '填写说明', '可选值', '示例', 'English'];
  head.eachCell((cell) => {
    cell.font = { bold: true };
    cell.fill = OPTIONAL_FILL;
    cell.border = THIN;
  });
  PERSON_COLUMNS.forEach((c, i) => {
    const row = ws.getRow(top + 1 + i);
    row.values = [templateHeader(c), c.required ? '是' : '否', c.note, c.choices ? c.choices.join('、') : '', c.example || c.example2, c.labelEn];
    row.alignment = { vertical: 'top', wrapText: true };
    row.eachCell({ includeEmpty: true }, (cell) => (cell.border = THIN));
    row.getCell(1).fill = c.required ? REQUIRED_FILL : OPTIONAL_FILL;
  });
}

/** Write the template to a file path or a stream (resolves once the bytes are written). */
export async function writeTemplate(out: string | NodeJS.WritableStream): Promise<void> {
  const wb = buildTemplate();
  if (typeof out === 'string') {
    await wb.xlsx.writeFile(out);
    return;
  }
  await wb.xlsx.write(out as unknown as Stream);
  await finished(out);
}
