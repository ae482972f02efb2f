// The annotated result of an import, written row by row with exceljs's streaming WorkbookWriter
// (constant memory): the original columns, then 结果 (通过/错误/重复/跳过), 问题说明 (Chinese),
// 问题说明（英文） and the row number in the uploaded file. Error rows are filled light red and
// the cells a problem names stronger red; duplicates light yellow. A second sheet 汇总 counts
// the outcomes and the problems per column. Staff can fix the report and upload it again: the
// added columns are ignored on import.
import type { Stream } from 'node:stream';
import ExcelJS from 'exceljs';
import { REPORT_HEADERS, columnForHeader, mapHeaders } from './map-rows.ts';
import { COLUMN_BY_KEY, type ImportFieldKey } from './person-columns.ts';

export type Outcome = 'ok' | 'error' | 'duplicate' | 'skipped';

export type ReportRow = {
  rowNumber: number;
  cells: Record<string, unknown>;
  problems: readonly { column: string; message: string; messageZh: string }[];
  outcome: Outcome;
};

export type ReportSummary = { total: number } & Record<Outcome, number>;

export type ReportOptions = {
  /** File-level remarks for the summary sheet (unknown headers, the file name…). */
  notes?: readonly { message: string; messageZh: string }[];
  /** Time shown on the summary sheet; default now. */
  generatedAt?: Date;
};

export const RESULT_SHEET = '导入结果';
export const SUMMARY_SHEET = '汇总';
export const OUTCOME_LABELS: Record<Outcome, string> = { ok: '通过', error: '错误', duplicate: '重复', skipped: '跳过' };
const OUTCOME_EN: Record<Outcome, string> = { ok: 'passed', error: 'errors', duplicate: 'duplicates', skipped: 'skipped' };

export const FILLS = {
  header: 'FFD9D9D9',
  extraHeader: 'FFFCE4D6',
  errorRow: 'FFFDE9E9',
  badCell: 'FFF4A7A7',
  duplicateRow: 'FFFFF2CC',
} as const;

const fill = (argb: string): ExcelJS.Fill => ({ type: 'pattern', pattern: 'solid', fgColor: { argb } });

/** Fields whose cells hold digit strings: kept as text so a corrected report round-trips. */
const TEXT_FIELDS = new Set<ImportFieldKey>(['idNumber', 'phone', 'hukouCode', 'jurisdictionCode', 'contactCardNo', 'householdKey']);

/** Let the zip stream drain every so many rows: without it a fast source fills memory. */
const DRAIN_EVERY = 200;
const MAX_BACKLOG = 1 << 20;

export async function writeReport(
  out: string | NodeJS.WritableStream,
  rows: AsyncIterable<ReportRow>,
  headers: readonly string[],
  options: ReportOptions = {},
): Promise<ReportSummary> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    ...(typeof out === 'string' ? { filename: out } : { stream: out as unknown as Stream }),
    useStyles: true,
    useSharedStrings: false, // shared strings would be kept in memory until the end
  });
  wb.creator = 'lastmile';

  const extra = [REPORT_HEADERS.outcome, REPORT_HEADERS.problems, REPORT_HEADERS.problemsEn, REPORT_HEADERS.rowNumber];
  const width = headers.length + extra.length;
  const ws = wb.addWorksheet(RESULT_SHEET, {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: width } };
  const fields = headers.map((h) => columnForHeader(h));
  ws.columns = [
    ...headers.map((h, i) => ({
      width: fields[i] === 'idNumber' || fields[i] === 'jurisdictionCode' || fields[i] === 'hukouCode' ? 22 : Math.min(40, Math.max(10, h.length * 2 + 4)),
      style: fields[i] !== undefined && TEXT_FIELDS.has(fields[i]!) ? { numFmt: '@' } : {},
    })),
    { width: 8 }, { width: 60 }, { width: 60 }, { width: 8 },
  ];

  const head = ws.addRow([...headers, ...extra]);
  head.font = { bold: true };
  for (let c = 1; c <= width; c++) head.getCell(c).fill = fill(c <= headers.length ? FILLS.header : FILLS.extraHeader);
  head.commit();

  // A problem's column is the file's header, or (from code that only knows the field) a template header or alias.
  const columnIndex = new Map<string, number>(headers.map((h, i) => [h, i]));
  const { mapping } = mapHeaders(headers);
  const indexByField = new Map<ImportFieldKey, number>();
  for (const [h, key] of mapping) indexByField.set(key, columnIndex.get(h)!);
  const resolve = (column: string): number | undefined => {
    const direct = columnIndex.get(column);
    if (direct !== undefined) return direct;
    const key = columnForHeader(column);
    return key === undefined ? undefined : indexByField.get(key);
  };

  const summary: ReportSummary = { total: 0, ok: 0, error: 0, duplicate: 0, skipped: 0 };
  const problemsByColumn = new Map<string, number>();
  for await (const row of rows) {
    summary.total++;
    summary[row.outcome]++;
    const problemText = (zh: boolean) =>
      row.problems.map((p) => (p.column ? `${p.column}${zh ? '：' : ': '}` : '') + (zh ? p.messageZh : p.message)).join(zh ? '；' : '; ');
    const line = ws.addRow([
      ...headers.map((h) => reportValue(row.cells[h])),
      OUTCOME_LABELS[row.outcome],
      cellText(problemText(true)),
      cellText(problemText(false)),
      row.rowNumber,
    ]);
    const rowFill = row.outcome === 'error' ? FILLS.errorRow : row.outcome === 'duplicate' ? FILLS.duplicateRow : undefined;
    if (rowFill) for (let c = 1; c <= width; c++) line.getCell(c).fill = fill(rowFill);
    for (const p of row.problems) {
      problemsByColumn.set(p.column || '（整行）', (problemsByColumn.get(p.column || '（整行）') ?? 0) + 1);
      const i = resolve(p.column);
      if (i !== undefined) {
        const cell = line.getCell(i + 1);
        cell.fill = fill(FILLS.badCell);
        cell.font = { color: { argb: 'FF9C0006' }, bold: true };
      }
    }
    headers.forEach((_, i) => {
      if (row.cells[headers[i]!] instanceof Date) line.getCell(i + 1).numFmt = 'yyyy-mm-dd';
    });
    const outcomeCell = line.getCell(headers.length + 1);
    outcomeCell.font = { bold: true, color: { argb: row.outcome === 'ok' ? 'FF006100' : row.outcome === 'error' ? 'FF9C0006' : 'FF7F6000' } };
    line.getCell(headers.length + 2).alignment = { wrapText: true, vertical: 'top' };
    line.commit();
    if (summary.total % DRAIN_EVERY === 0) await drain(wb, ws);
  }
  ws.commit();

  writeSummary(wb, summary, problemsByColumn, options);
  await wb.commit();
  return summary;
}

function writeSummary(wb: ExcelJS.stream.xlsx.WorkbookWriter, summary: ReportSummary, problemsByColumn: Map<string, number>, options: ReportOptions): void {
  const ws = wb.addWorksheet(SUMMARY_SHEET);
  ws.columns = [{ width: 24 }, { width: 14 }, { width: 60 }];
  const bold = (row: ExcelJS.Row) => {
    row.font = { bold: true };
    row.commit();
  };
  bold(ws.addRow(['导入结果汇总', null, 'Import summary']));
  ws.addRow(['生成时间', (options.generatedAt ?? new Date()).toISOString(), 'Generated at']).commit();
  ws.addRow([]).commit();
  bold(ws.addRow(['结果', '行数', 'Outcome']));
  ws.addRow(['总行数', summary.total, 'rows']).commit();
  for (const o of ['ok', 'error', 'duplicate', 'skipped'] as const) {
    const row = ws.addRow([OUTCOME_LABELS[o], summary[o], OUTCOME_EN[o]]);
    if (o === 'error' && summary.error > 0) row.getCell(2).fill = fill(FILLS.errorRow);
    if (o === 'duplicate' && summary.duplicate > 0) row.getCell(2).fill = fill(FILLS.duplicateRow);
    row.commit();
  }
  if (problemsByColumn.size > 0) {
    ws.addRow([]).commit();
    bold(ws.addRow(['各列问题数', '个数', 'Problems by column']));
    for (const [column, n] of [...problemsByColumn].sort((a, b) => b[1] - a[1])) {
      const key = columnForHeader(column);
      ws.addRow([column, n, key ? COLUMN_BY_KEY.get(key)?.labelEn ?? '' : '']).commit();
    }
  }
  if (options.notes && options.notes.length > 0) {
    ws.addRow([]).commit();
    bold(ws.addRow(['说明', null, 'Notes']));
    for (const n of options.notes) ws.addRow([n.messageZh, null, n.message]).commit();
  }
  ws.commit();
}

/** Excel's limit on the text of one cell. */
const MAX_CELL_TEXT = 32_767;

function cellText(s: string): string | null {
  if (s === '') return null;
  return s.length > MAX_CELL_TEXT ? `${s.slice(0, MAX_CELL_TEXT - 1)}…` : s;
}

/** What to write back for an original cell: the value itself, anything else as text. */
function reportValue(v: unknown): ExcelJS.CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return cellText(v);
  if (typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  return cellText(JSON.stringify(v));
}

type Backlogged = { _writableState?: { length?: number }; _readableState?: { length?: number }; writableLength?: number };

/**
 * Give the zip stream time to compress and write what the sheet has produced: exceljs's sheet
 * writer never pushes back, so without this a fast row source would buffer the whole file.
 */
async function drain(wb: ExcelJS.stream.xlsx.WorkbookWriter, ws: ExcelJS.Worksheet): Promise<void> {
  const internals = wb as unknown as { zip?: Backlogged; stream?: Backlogged };
  const sheetStream = (ws as unknown as { stream?: { pipes?: Backlogged[] } }).stream;
  const size = (s: Backlogged | undefined) => (s?._writableState?.length ?? 0) + (s?._readableState?.length ?? 0);
  const backlog = () =>
    (sheetStream?.pipes ?? []).reduce((n, p) => n + size(p), 0) + size(internals.zip) + (internals.stream?.writableLength ?? 0);
  await new Promise((resolve) => setImmediate(resolve));
  for (let waited = 0; backlog() > MAX_BACKLOG && waited < 30_000; waited += 5) {
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
