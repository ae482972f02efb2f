// Helpers for the import tests: a temp folder, small xlsx/CSV files built on the spot, a valid row.
// (Not a *.test.ts file, so the runner does not run it on its own.)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { makeIdNumber } from '../../lib/id-number.ts';
import type { SourceRow } from './map-rows.ts';
import { readRows, type ImportFormat } from './read-rows.ts';

/** A fixed "today" so date checks do not drift. */
export const TODAY = '2025-06-15';

export const ID_MALE_1990 = makeIdNumber('140107', '1990-01-01', 123); // 140107199001011230
export const ID_FEMALE_1985 = makeIdNumber('140107', '1985-05-20', 246);

export function tempDir(t: { after(fn: () => void): void }): string {
  const dir = mkdtempSync(join(process.env.LASTMILE_TEST_TMP ?? tmpdir(), 'imports-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export type SheetSpec = { name: string; rows: unknown[][]; state?: 'visible' | 'hidden'; formats?: Record<string, string> };

/** An .xlsx with the given sheets (first = first tab); `formats` maps a cell address to a number format. */
export async function writeXlsx(path: string, sheets: SheetSpec[]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name, { state: s.state ?? 'visible' });
    for (const r of s.rows) ws.addRow(r as ExcelJS.CellValue[]);
    for (const [address, fmt] of Object.entries(s.formats ?? {})) ws.getCell(address).numFmt = fmt;
  }
  await wb.xlsx.writeFile(path);
}

/** Headers and one valid row, as a clerk would type them (aliases, labels, Chinese dates). */
export const LEDGER_HEADERS = ['姓名', '身份证号', '性别', '出生日期', '手机号', '户籍地区划代码', '居住地区划代码', '现住址', '民族', '婚姻状况', '文化程度', '就业状况', '劳动能力', '残疾类别', '残疾等级', '重特大疾病', '特殊群体标签', '死亡日期', '连心卡号', '户编号', '与户主关系'];

export function validCells(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    姓名: '王五',
    身份证号: ID_MALE_1990,
    性别: '男',
    出生日期: '1990年1月1日',
    手机号: '139 1234 5678',
    户籍地区划代码: '140107001001',
    居住地区划代码: '140107001001',
    现住址: '和平社区 5 号楼',
    民族: '汉',
    婚姻状况: '已婚',
    文化程度: '高中',
    就业状况: '灵活就业',
    劳动能力: '部分',
    残疾类别: '肢体',
    残疾等级: '二级',
    重特大疾病: '尿毒症、白血病',
    特殊群体标签: '残疾人、重病患者',
    死亡日期: null,
    连心卡号: 'LX-0099',
    户编号: '7',
    与户主关系: '户主',
    ...overrides,
  };
}

export async function readAll(file: string | NodeJS.ReadableStream, format: ImportFormat): Promise<{ headers: string[]; headerRow: number; rows: SourceRow[] }> {
  const source = readRows(file, format);
  const { headers, rowNumber } = await source.header();
  const rows: SourceRow[] = [];
  for await (const r of source) rows.push(r);
  return { headers, headerRow: rowNumber, rows };
}
