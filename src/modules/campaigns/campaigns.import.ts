// A target list from a spreadsheet (.xlsx or .csv, read as a stream by the imports module's
// reader): each row is matched to one person of the registry by ID number, or by name (and birth
// date, when the file has it) when there is no ID number. Rows that match nobody, or more than one
// person, or someone outside the campaign's area, are reported row by row with the reason; the
// rest are added (a person already on the list stays as is, so a corrected file can be uploaded
// again). Matching runs in batches: one query per 500 rows, not one per row.
import { Readable } from 'node:stream';
import { AppError } from '../../platform/errors.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import type { SensitiveFields } from '../../platform/crypto/sensitive.ts';
import { parseIdNumber } from '../../lib/id-number.ts';
import { maskIdNumber } from '../../lib/masking.ts';
import { textProblem, TEXT_PROBLEM_MESSAGES } from '../../lib/incoming-text.ts';
import { readRows, type ImportFormat } from '../imports/read-rows.ts';
import { DEFAULT_UPLOAD_LIMITS, checkCsvUpload, checkXlsxContainer, type UploadLimits } from '../imports/upload-limits.ts';
import * as store from './campaigns.store.ts';
import type { ImportReport } from './campaigns.schema.ts';

const BATCH = 500;
const MAX_REPORTED = 5000;

/** Header text → comparison key: no spaces, no '*' or (必填) marks, full-width brackets as ASCII. */
function headerKey(h: string): string {
  return h
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/^[*※]+|[*※:：]+$/g, '')
    .replace(/[(（[【](必填|选填|可选)[)）\]】]$/, '')
    .toLowerCase();
}

const ALIASES = {
  idNumber: ['公民身份号码', '身份证号码', '身份证号', '身份证', '证件号码', '证件号', 'idnumber', 'id'],
  name: ['姓名', '名字', '对象姓名', '人员姓名', 'name'],
  birthDate: ['出生日期', '出生年月日', '生日', 'birthdate'],
} as const;
type Column = keyof typeof ALIASES;

type ParsedRow = {
  rowNumber: number;
  name: string | null;
  idNumber: string | null;
  birthDate: string | null;
  problem?: { message: string; messageZh: string };
};

type Outcome = ImportReport['rows'][number];

function text(cell: unknown): string | null {
  if (cell === null || cell === undefined) return null;
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  const s = String(cell).normalize('NFKC').trim();
  return s === '' ? null : s;
}

function dateText(cell: unknown): string | null {
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  const s = text(cell);
  if (!s) return null;
  const m = /^(\d{4})[-/.年]?(\d{1,2})[-/.月]?(\d{1,2})日?$/.exec(s);
  return m ? `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}` : null;
}

function parseRow(rowNumber: number, cells: Record<string, unknown>, columns: Partial<Record<Column, string>>, today: string): ParsedRow {
  // A file is an edge too: a NUL or a lone surrogate is this row's problem, never a query value.
  for (const header of Object.values(columns)) {
    const cell = cells[header];
    const problem = typeof cell === 'string' ? textProblem(cell) : undefined;
    if (problem) {
      const m = TEXT_PROBLEM_MESSAGES[problem];
      return { rowNumber, name: null, idNumber: null, birthDate: null, problem: { message: `${header}: ${m.en}`, messageZh: `${header}：${m.zh}` } };
    }
  }
  const row: ParsedRow = { rowNumber, name: columns.name ? text(cells[columns.name]) : null, idNumber: null, birthDate: columns.birthDate ? dateText(cells[columns.birthDate]) : null };
  const raw = columns.idNumber ? cells[columns.idNumber] : null;
  if (typeof raw === 'number' && raw >= 1e15) {
    row.problem = {
      message: 'Excel stored the ID number as a number and lost its last digits; format the column as text and enter it again',
      messageZh: 'Excel 把身份证号码存成了数字，末几位已丢失；请把该列设为文本格式后重新填写',
    };
    return row;
  }
  const idText = text(raw);
  if (idText) {
    const parsed = parseIdNumber(idText, today);
    if (!parsed.ok) row.problem = { message: `ID number: ${parsed.message}`, messageZh: `身份证号码${parsed.messageZh}` };
    else row.idNumber = parsed.value;
  } else if (!row.name) {
    row.problem = { message: 'neither an ID number nor a name', messageZh: '既没有身份证号码也没有姓名' };
  }
  return row;
}

export type ImportInput = { fileName: string; content: Buffer; dryRun: boolean };

export async function importTargets(
  tx: DbOrTx,
  sensitive: SensitiveFields,
  campaign: { id: number; jurisdictionCode: string },
  scope: string,
  input: ImportInput,
  today: string,
  limits: UploadLimits = DEFAULT_UPLOAD_LIMITS,
  onProgress?: (rowsRead: number) => void,
): Promise<ImportReport> {
  const format: ImportFormat | undefined = /\.xlsx$/i.test(input.fileName) ? 'xlsx' : /\.csv$/i.test(input.fileName) ? 'csv' : undefined;
  if (!format) throw new AppError('unsupported_media_type', 'Upload an Excel workbook (.xlsx) or a CSV file', '请上传 Excel 工作簿（.xlsx）或 CSV 文件');
  if (input.content.length === 0) throw new AppError('bad_request', 'The file is empty', '文件是空的');
  // Sizes before reading (the zip's entries counted as they inflate); rows, columns and cells as read.
  if (format === 'xlsx') await checkXlsxContainer(input.content, limits);
  else checkCsvUpload(input.content, limits);
  const source = readRows(Readable.from([input.content]), format, { limits });
  const { headers } = await source.header();
  const columns: Partial<Record<Column, string>> = {};
  for (const h of headers) {
    const key = headerKey(h);
    for (const [column, aliases] of Object.entries(ALIASES) as [Column, readonly string[]][]) {
      if (!columns[column] && aliases.includes(key)) columns[column] = h;
    }
  }
  if (!columns.idNumber && !columns.name) {
    await source.close();
    throw new AppError(
      'bad_request',
      `The file needs a column 公民身份号码 (ID number) or 姓名 (name); its headers are: ${headers.join(', ')}`,
      `文件需要“公民身份号码”或“姓名”列；当前表头为：${headers.join('、')}`,
    );
  }

  const report: ImportReport = { fileName: input.fileName, dryRun: input.dryRun, total: 0, matched: 0, added: 0, listed: 0, unmatched: 0, duplicate: 0, rows: [], rowsCapped: false };
  const firstRowOf = new Map<number, number>(); // person id → the row that listed them first
  const note = (o: Outcome) => {
    if (o.outcome === 'unmatched') report.unmatched++;
    if (o.outcome === 'duplicate') report.duplicate++;
    if (report.rows.length < MAX_REPORTED) report.rows.push(o);
    else report.rowsCapped = true;
  };

  const flush = async (batch: ParsedRow[]) => {
    const area = campaign.jurisdictionCode;
    const indexOf = (id: string) => sensitive.index('id_number', id);
    const byIndex = new Map((await store.personsByIdIndex(tx, [...new Set(batch.flatMap((r) => (r.idNumber ? [indexOf(r.idNumber)] : [])))], area, scope)).map((p) => [p.idNumberIndex!, p]));
    const byName = new Map<string, store.RegistryMatch[]>();
    for (const p of await store.personsByName(tx, [...new Set(batch.flatMap((r) => (!r.idNumber && !r.problem && r.name ? [r.name] : [])))], area, scope)) {
      byName.set(p.name, [...(byName.get(p.name) ?? []), p]);
    }
    const chosen: { row: ParsedRow; personId: number }[] = [];
    for (const row of batch) {
      const base = { rowNumber: row.rowNumber, name: row.name, idNumberMasked: row.idNumber ? maskIdNumber(row.idNumber) : null };
      const unmatched = (message: string, messageZh: string) => note({ ...base, outcome: 'unmatched', message, messageZh });
      if (row.problem) {
        unmatched(row.problem.message, row.problem.messageZh);
        continue;
      }
      let personId: number;
      if (row.idNumber) {
        const p = byIndex.get(indexOf(row.idNumber));
        if (!p) {
          unmatched('no person with this ID number in the registry of the campaign area', '本专项行动区域的人员库中没有此身份证号码');
          continue;
        }
        if (row.name && row.name !== p.name) {
          unmatched('the name differs from the name registered for this ID number', '姓名与该身份证号码登记的姓名不一致');
          continue;
        }
        if (p.deathDate) {
          unmatched(`registered as deceased (${p.deathDate})`, `人员库登记为已死亡（${p.deathDate}）`);
          continue;
        }
        personId = p.id;
      } else {
        const candidates = (byName.get(row.name!) ?? []).filter((p) => !row.birthDate || p.birthDate === row.birthDate);
        if (candidates.length === 0) {
          unmatched(
            row.birthDate ? 'no living person with this name and birth date in the campaign area' : 'no living person with this name in the campaign area',
            row.birthDate ? '本专项行动区域的人员库中没有此姓名和出生日期的人员' : '本专项行动区域的人员库中没有此姓名的人员',
          );
          continue;
        }
        if (candidates.length > 1) {
          unmatched(`${candidates.length} people have this name; add the ID number`, `本区域有 ${candidates.length} 人同名，请填写身份证号码`);
          continue;
        }
        personId = candidates[0]!.id;
      }
      const earlier = firstRowOf.get(personId);
      if (earlier !== undefined) {
        note({ ...base, outcome: 'duplicate', message: `the same person as row ${earlier}`, messageZh: `与第 ${earlier} 行为同一人` });
        continue;
      }
      firstRowOf.set(personId, row.rowNumber);
      chosen.push({ row, personId });
    }
    const ids = chosen.map((c) => c.personId);
    report.matched += ids.length;
    if (input.dryRun) {
      const listed = await store.listedPersons(tx, campaign.id, ids);
      for (const c of chosen) {
        const base = { rowNumber: c.row.rowNumber, name: c.row.name, idNumberMasked: c.row.idNumber ? maskIdNumber(c.row.idNumber) : null };
        if (!listed.has(c.personId)) continue; // would be added
        report.listed++;
        note({ ...base, outcome: 'listed', message: 'already on the list', messageZh: '已在名单中' });
      }
    } else {
      const added = await store.addPersons(tx, campaign, ids, 'import');
      for (const c of chosen) {
        if (added.has(c.personId)) {
          report.added++;
          continue;
        }
        report.listed++;
        note({ rowNumber: c.row.rowNumber, name: c.row.name, idNumberMasked: c.row.idNumber ? maskIdNumber(c.row.idNumber) : null, outcome: 'listed', message: 'already on the list', messageZh: '已在名单中' });
      }
    }
  };

  let batch: ParsedRow[] = [];
  for await (const { rowNumber, cells } of source) {
    report.total++;
    batch.push(parseRow(rowNumber, cells, columns, today));
    if (batch.length >= BATCH) {
      await flush(batch);
      batch = [];
      onProgress?.(report.total);
    }
  }
  if (batch.length) await flush(batch);
  report.rows.sort((a, b) => a.rowNumber - b.rowNumber);
  return report;
}
