// The bank file of a batch (银行代发文件, .xlsx written with exceljs's streaming writer in constant
// memory) and the bank's result file read back. The bank needs full account and ID numbers, so
// only callers allowed to reveal them get the file (the routes check; the service audits).
// Amounts are written as text with two decimals from integer 分 (formatYuan): exact, no floats.
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { parse as parseCsv } from 'csv-parse/sync';
import type { DbOrTx } from '../../platform/db/client.ts';
import type { SensitiveFields } from '../../platform/crypto/sensitive.ts';
import { AppError } from '../../platform/errors.ts';
import { formatYuan } from '../policy/engine/money.ts';
import { PROGRAMS } from '../policy/programs/index.ts';
import * as store from './payments.store.ts';

export const BANK_COLUMNS = [
  ['序号', 8], ['户主/领款人姓名', 16], ['身份证号', 22], ['银行', 18], ['账号', 24], ['金额(元)', 14], ['项目', 26], ['月份', 10], ['乡镇', 16], ['明细号', 12],
] as const;
export const RESULT_COLUMN = '发放结果';
export const REASON_COLUMN = '失败原因';

const KIND_ZH: Record<string, string> = { monthly: '', once: '', arrears: '（补发）', adjustment: '（调整补差）', reissue: '（重发）', prepay: '（先行救助）' };

export function programLabel(program: string, kind = 'monthly'): string {
  return `${PROGRAMS.get(program as never)?.zh ?? program}${KIND_ZH[kind] ?? ''}`;
}

/** Write the batch's bank file to `out`; resolves with the lines written and their total. */
export async function writeBankFile(
  deps: { db: DbOrTx; sensitive: SensitiveFields },
  batch: store.BatchRow,
  countyName: string | null,
  out: Writable,
): Promise<{ count: number; totalFen: number }> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet('代发明细');
  sheet.columns = BANK_COLUMNS.map(([header, width]) => ({ header, width, style: { numFmt: '@' } }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  let afterId = 0;
  let count = 0;
  let totalFen = 0;
  for (;;) {
    const lines = await store.bankLines(deps.db, batch.id, afterId, 1000);
    if (lines.length === 0 || out.destroyed) break;
    for (const l of lines) {
      count++;
      totalFen += l.amountFen;
      sheet.addRow([
        count, l.accountHolder ?? l.payeeName, deps.sensitive.decrypt(l.idNumberEnc) ?? '', l.bankName ?? '', deps.sensitive.decrypt(l.bankAccountEnc) ?? '',
        formatYuan(l.amountFen), programLabel(l.program, l.kind), l.month, l.townshipName ?? '', String(l.id),
      ]).commit();
    }
    afterId = lines[lines.length - 1]!.id;
  }
  sheet.commit();
  const summary = workbook.addWorksheet('汇总');
  summary.columns = [{ header: '项目', width: 16 }, { header: '内容', width: 30 }];
  for (const row of [['批次号', String(batch.id)], ['县（区）', `${countyName ?? ''} ${batch.countyCode}`], ['发放月份', batch.month], ['笔数', String(count)], ['合计金额(元)', formatYuan(totalFen)]]) summary.addRow(row).commit();
  summary.commit();
  await workbook.commit();
  return { count, totalFen };
}

export type ResultLine = { row: number; paymentId: number | null; seq: number | null; amountText: string | null; ok: boolean; reason: string | null };

const SUCCESS = new Set(['成功', '已发放', '是', 'paid', 'success', 'ok', 'y', '1']);
const FAILURE = new Set(['失败', '未发放', '否', 'failed', 'fail', 'n', '0']);

function text(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object' && v !== null) {
    const o = v as { text?: unknown; result?: unknown; richText?: { text: string }[] };
    if (o.richText) return o.richText.map((r) => r.text).join('').trim();
    if (o.text !== undefined) return String(o.text).trim();
    if (o.result !== undefined) return String(o.result).trim();
  }
  return String(v).trim();
}

function badFile(en: string, zh: string): AppError {
  return new AppError('bad_request', `The result file cannot be used: ${en}`, `回盘文件无法使用：${zh}`);
}

/**
 * The bank's result: the bank file returned with a 发放结果 column (成功/失败) and, for failures, a
 * 失败原因. Rows are matched by 明细号 (or by 序号 when the bank dropped that column).
 */
export async function readResultFile(content: Buffer): Promise<ResultLine[]> {
  let table: unknown[][];
  if (content.subarray(0, 2).toString('latin1') === 'PK') {
    const workbook = new ExcelJS.Workbook();
    try {
      await workbook.xlsx.load(content as never);
    } catch {
      throw badFile('not a readable .xlsx', '不是可读取的 .xlsx 文件');
    }
    const sheet = workbook.worksheets.find((s) => s.state !== 'hidden');
    if (!sheet) throw badFile('no worksheet', '没有工作表');
    table = [];
    sheet.eachRow({ includeEmpty: false }, (row) => {
      const values = row.values as unknown[];
      table.push(values.slice(1));
    });
  } else {
    try {
      table = parseCsv(content.toString('utf8').replace(/^\uFEFF/, ''), { relax_column_count: true, skip_empty_lines: true }) as unknown[][];
    } catch {
      throw badFile('not a readable .csv (UTF-8)', '不是可读取的 .csv 文件（UTF-8）');
    }
  }
  const headerIndex = table.findIndex((r) => r.some((c) => text(c) === RESULT_COLUMN));
  if (headerIndex < 0) throw badFile(`no ${RESULT_COLUMN} column`, `没有“${RESULT_COLUMN}”列`);
  const header = table[headerIndex]!.map(text);
  const col = (name: string) => header.indexOf(name);
  const [idCol, seqCol, amountCol, resultCol, reasonCol] = [col('明细号'), col('序号'), col('金额(元)'), col(RESULT_COLUMN), col(REASON_COLUMN)];
  if (idCol < 0 && seqCol < 0) throw badFile('no 明细号 or 序号 column', '没有“明细号”或“序号”列');
  const out: ResultLine[] = [];
  const problems: string[] = [];
  table.slice(headerIndex + 1).forEach((cells, i) => {
    const row = headerIndex + i + 2;
    const result = text(cells[resultCol]).toLowerCase();
    if (result === '' && cells.every((c) => text(c) === '')) return;
    const ok = SUCCESS.has(result);
    if (!ok && !FAILURE.has(result)) {
      problems.push(`第 ${row} 行：发放结果“${text(cells[resultCol])}”应为 成功 或 失败`);
      return;
    }
    const id = idCol >= 0 ? Number(text(cells[idCol])) : NaN;
    const seq = seqCol >= 0 ? Number(text(cells[seqCol])) : NaN;
    out.push({
      row,
      paymentId: Number.isSafeInteger(id) && id > 0 ? id : null,
      seq: Number.isSafeInteger(seq) && seq > 0 ? seq : null,
      amountText: amountCol >= 0 ? text(cells[amountCol]) || null : null,
      ok,
      reason: ok ? null : text(cells[reasonCol]) || '银行回盘失败（未注明原因）',
    });
  });
  if (problems.length) throw new AppError('bad_request', `The result file has ${problems.length} bad row(s)`, `回盘文件有 ${problems.length} 行有误：${problems.slice(0, 10).join('；')}`);
  if (out.length === 0) throw badFile('no result rows', '没有发放结果行');
  return out;
}
