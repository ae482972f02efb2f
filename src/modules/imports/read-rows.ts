// Read the rows of an uploaded ledger, one at a time: .xlsx through our own streaming reader
// (xlsx-rows.ts, which gives what exceljs's streaming WorkbookReader gives, several times faster,
// and falls back to exceljs for whatever it does not handle the same way) — first visible
// worksheet — and .csv through csv-parse (UTF-8, with or without BOM). The header row is the
// first non-empty row (a lone title cell above the real header, as in "XX社区困难群众台账", is
// skipped); each later non-empty row comes out as its cells keyed by header text (readRows), or as
// an array of cell values by column (readValueRows, for readers that go by column). Files we
// cannot read give an ImportFileError saying why in both languages; files beyond the upload
// limits (upload-limits.ts: size, rows, columns, cell length…) an UploadLimitError, whichever reader.
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { parse as parseCsv } from 'csv-parse';
import { AppError } from '../../platform/errors.ts';
import type { SourceRow } from './map-rows.ts';
import { XlsxUnsupported, cellValue, fastXlsxRows, type CellValue, type RawRow } from './xlsx-rows.ts';
import { DEFAULT_UPLOAD_LIMITS, UploadLimitError, checkRowShape, checkXlsxContainer, type UploadLimits } from './upload-limits.ts';

export type ImportFormat = 'xlsx' | 'csv';
export type { CellValue } from './xlsx-rows.ts';

export type ReadRowsOptions = {
  /** The header's row number (1-based), when the first non-empty row is not the header. */
  headerRow?: number;
  /** The bounds the file must stay within (default: DEFAULT_UPLOAD_LIMITS). */
  limits?: UploadLimits;
};

export type HeaderInfo = { rowNumber: number; headers: string[] };

/** Rows of the file; `header()` gives the header row without consuming data rows. Iterate once. */
export type RowSource = AsyncIterable<SourceRow> & {
  header(): Promise<HeaderInfo>;
  /** Stop reading and release the file (also done when an iteration ends or breaks). */
  close(): Promise<void>;
};

export type FileProblem = 'empty' | 'no_header' | 'not_utf8' | 'utf16' | 'not_xlsx' | 'legacy_xls' | 'xlsx_as_csv' | 'bad_csv' | 'unreadable';

/** A file that cannot be read as a ledger at all; an AppError (400) with a reason. */
export class ImportFileError extends AppError {
  readonly reason: FileProblem;
  constructor(reason: FileProblem, message: string, messageZh: string) {
    super('bad_request', message, messageZh);
    this.name = 'ImportFileError';
    this.reason = reason;
  }
}

type Item = { kind: 'header'; header: HeaderInfo } | { kind: 'rows'; rows: RawRow[] };

export function readRows(file: string | NodeJS.ReadableStream, format: ImportFormat, options: ReadRowsOptions = {}): RowSource {
  const table = readValueRows(file, format, options);
  let started = false;
  return {
    header: table.header,
    close: table.close,
    async *[Symbol.asyncIterator]() {
      if (started) throw new Error('readRows: the rows can be iterated only once');
      started = true;
      const { headers } = await table.header();
      for await (const rows of table.batches()) {
        for (const r of rows) yield { rowNumber: r.rowNumber, cells: Object.fromEntries(headers.map((h, i) => [h, r.values[i] ?? null])) };
      }
    },
  };
}

/** The rows as arrays of cell values (by column position, as the header's), a batch at a time. */
export type ValueRowSource = {
  header(): Promise<HeaderInfo>;
  /** The data rows that are not empty under the header, in batches. Iterate once. */
  batches(): AsyncIterable<RawRow[]>;
  close(): Promise<void>;
};

/** Like readRows, without making an object of each row: for a reader that goes by column position. */
export function readValueRows(file: string | NodeJS.ReadableStream, format: ImportFormat, options: ReadRowsOptions = {}): ValueRowSource {
  const items = readTable(file, format, options);
  let header: Promise<HeaderInfo> | undefined;
  let started = false;
  const readHeader = () =>
    (header ??= items.next().then((r) => {
      if (r.done || r.value.kind !== 'header') throw emptyFile();
      return r.value.header;
    }));
  return {
    header: readHeader,
    close: async () => {
      await items.return(undefined);
    },
    async *batches() {
      if (started) throw new Error('readValueRows: the rows can be iterated only once');
      started = true;
      try {
        await readHeader();
        for (;;) {
          const r = await items.next();
          if (r.done) return;
          if (r.value.kind === 'rows') yield r.value.rows;
        }
      } finally {
        await items.return(undefined);
      }
    },
  };
}

async function* readTable(file: string | NodeJS.ReadableStream, format: ImportFormat, options: ReadRowsOptions): AsyncGenerator<Item> {
  const input = typeof file === 'string' ? createReadStream(file) : file;
  try {
    const { head, rest } = await peek(byteChunks(input), 8);
    checkSignature(head, format);
    const limits = options.limits ?? DEFAULT_UPLOAD_LIMITS;
    const raw = format === 'xlsx' ? xlsxRows(Readable.from(rest, { objectMode: false }), limits) : csvRows(sizeLimited(rest, limits));
    yield* table(shapeChecked(raw, limits), options, limits);
  } finally {
    const destroy = (input as { destroy?: () => void }).destroy;
    if (typeof destroy === 'function') destroy.call(input);
  }
}

async function* byteChunks(input: NodeJS.ReadableStream): AsyncGenerator<Buffer> {
  for await (const chunk of input) yield typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
}

/** The first `n` bytes, and every byte (those included) to read on. */
async function peek(source: AsyncGenerator<Buffer>, n: number): Promise<{ head: Buffer; rest: AsyncGenerator<Buffer> }> {
  const seen: Buffer[] = [];
  let size = 0;
  while (size < n) {
    const r = await source.next();
    if (r.done) break;
    seen.push(r.value);
    size += r.value.length;
  }
  async function* rest(): AsyncGenerator<Buffer> {
    yield* seen;
    yield* source;
  }
  return { head: Buffer.concat(seen).subarray(0, n), rest: rest() };
}

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

function checkSignature(head: Buffer, format: ImportFormat): void {
  if (head.length === 0) throw emptyFile();
  if (head.subarray(0, 8).equals(OLE)) {
    throw new ImportFileError(
      'legacy_xls',
      'This is an old Excel 97–2003 (.xls) file; open it in Excel and save it as "Excel Workbook (*.xlsx)"',
      '这是旧版 Excel 97–2003（.xls）文件，请用 Excel 打开后另存为“Excel 工作簿（*.xlsx）”',
    );
  }
  const zip = head.subarray(0, 4).equals(ZIP);
  if (format === 'xlsx' && !zip) {
    throw new ImportFileError(
      'not_xlsx',
      'This is not an Excel workbook (.xlsx); upload the .xlsx file, or choose CSV if it is a CSV file',
      '这不是 Excel 工作簿（.xlsx）文件；请上传 .xlsx 文件，如果是 CSV 文件请选择 CSV 格式',
    );
  }
  if (format === 'csv' && zip) {
    throw new ImportFileError('xlsx_as_csv', 'This is an Excel workbook, not a CSV file; upload it as .xlsx', '这是 Excel 工作簿而不是 CSV 文件，请按 .xlsx 格式上传');
  }
  if (format === 'csv' && head.length >= 2 && ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff))) {
    throw new ImportFileError(
      'utf16',
      'The CSV file is UTF-16 ("Unicode Text"); open it in Excel and save it as "CSV UTF-8 (Comma delimited) (*.csv)", or upload the .xlsx workbook instead',
      'CSV 文件是 UTF-16（“Unicode 文本”）编码；请用 Excel 打开后另存为“CSV UTF-8（逗号分隔）(*.csv)”，或直接上传 .xlsx 工作簿',
    );
  }
}

function emptyFile(): ImportFileError {
  return new ImportFileError('empty', 'The file is empty: no header row was found', '文件是空的：没有找到表头行');
}

// ---------------------------------------------------------------------------------------------
// Header row and data rows (both formats)

const TITLE_LOOKAHEAD = 10;

function filledCount(values: readonly CellValue[]): number {
  let n = 0;
  for (const v of values) if (!isBlank(v)) n++;
  return n;
}

function isBlank(v: CellValue | undefined): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

/** Rows one at a time out of batches, then the rest as batches. */
class Batched {
  private batch: RawRow[] = [];
  private at = 0;
  private readonly source: AsyncGenerator<RawRow[]>;
  constructor(source: AsyncGenerator<RawRow[]>) {
    this.source = source;
  }
  async next(): Promise<RawRow | undefined> {
    while (this.at >= this.batch.length) {
      const r = await this.source.next();
      if (r.done) return undefined;
      this.batch = r.value;
      this.at = 0;
    }
    return this.batch[this.at++];
  }
  async *rest(): AsyncGenerator<RawRow[]> {
    if (this.at < this.batch.length) yield this.batch.slice(this.at);
    this.batch = [];
    yield* this.source;
  }
}

/** The bytes of an upload, up to the size limit. */
async function* sizeLimited(chunks: AsyncGenerator<Buffer>, limits: UploadLimits): AsyncGenerator<Buffer> {
  let size = 0;
  for await (const chunk of chunks) {
    size += chunk.length;
    if (size > limits.uploadBytes) throw new UploadLimitError('uploadBytes', limits.uploadBytes, size, { atLeast: true });
    yield chunk;
  }
}

/** Every row as a reader gives it, checked for its columns and cell lengths. */
async function* shapeChecked(raw: AsyncGenerator<RawRow[]>, limits: UploadLimits): AsyncGenerator<RawRow[]> {
  try {
    for await (const batch of raw) {
      for (const r of batch) checkRowShape(r.values, limits);
      yield batch;
    }
  } finally {
    await raw.return(undefined);
  }
}

async function* table(raw: AsyncGenerator<RawRow[]>, options: ReadRowsOptions, limits: UploadLimits): AsyncGenerator<Item> {
  const rows = new Batched(raw);
  let header: RawRow | undefined;
  const pending: RawRow[] = [];
  try {
    if (options.headerRow !== undefined) {
      for (;;) {
        const r = await rows.next();
        if (!r || r.rowNumber > options.headerRow) break;
        if (r.rowNumber === options.headerRow) {
          header = r;
          break;
        }
      }
      if (!header || filledCount(header.values) === 0) {
        throw new ImportFileError('no_header', `Row ${options.headerRow} is empty: it cannot be the header row`, `第 ${options.headerRow} 行是空行，不能作为表头行`);
      }
    } else {
      // The first non-empty row, unless it is a lone cell (a merged title) and a wider row follows soon.
      for (;;) {
        const r = await rows.next();
        if (!r) break;
        const n = filledCount(r.values);
        if (n === 0) continue;
        if (!header) {
          header = r;
          if (n >= 2) break;
          continue;
        }
        if (n >= 2 && filledCount(header.values) === 1) {
          header = r;
          pending.length = 0;
          break;
        }
        pending.push(r);
        if (pending.length >= TITLE_LOOKAHEAD) break;
      }
      if (!header) throw emptyFile();
    }

    const headers = headerNames(header.values);
    yield { kind: 'header', header: { rowNumber: header.rowNumber, headers } };
    // A row with nothing under the header is skipped.
    const width = headers.length;
    const filled = (r: RawRow) => {
      const n = Math.min(width, r.values.length);
      for (let i = 0; i < n; i++) if (!isBlank(r.values[i])) return true;
      return false;
    };
    let dataRows = 0;
    const counted = (kept: RawRow[]) => {
      dataRows += kept.length;
      if (dataRows > limits.rows) throw new UploadLimitError('rows', limits.rows, dataRows, { atLeast: true });
      return kept;
    };
    const first = counted(pending.splice(0).filter(filled));
    if (first.length > 0) yield { kind: 'rows', rows: first };
    for await (const batch of rows.rest()) {
      const kept = counted(batch.filter(filled));
      if (kept.length > 0) yield { kind: 'rows', rows: kept };
    }
  } finally {
    await raw.return(undefined);
  }
}

/** Header texts; a blank header inside the row is named by its column letter ("C列"), a repeat gets "（2）". */
function headerNames(values: readonly CellValue[]): string[] {
  let last = values.length - 1;
  while (last >= 0 && isBlank(values[last])) last--;
  const names: string[] = [];
  const seen = new Map<string, number>();
  for (let i = 0; i <= last; i++) {
    const v = values[i];
    let name = isBlank(v) ? `${columnLetter(i)}列` : v instanceof Date ? v.toISOString().slice(0, 10) : String(v).trim();
    const count = (seen.get(name) ?? 0) + 1;
    seen.set(name, count);
    if (count > 1) name = `${name}（${count}）`;
    names.push(name);
  }
  return names;
}

function columnLetter(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

// ---------------------------------------------------------------------------------------------
// xlsx

type SheetInfo = { name?: string; state?: string };
type StreamedSheet = AsyncIterable<{ number: number; values: unknown }> & { name?: string; iterator?: unknown };

/** Times the fast reader failed with something other than XlsxUnsupported (tests expect 0). */
export let fastReaderFaults = 0;

async function* xlsxRows(stream: Readable, limits: UploadLimits): AsyncGenerator<RawRow[]> {
  // The whole (compressed) file: the fast reader needs the zip directory at its end.
  const parts: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    parts.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
    size += parts.at(-1)!.length;
    if (size > limits.uploadBytes) throw new UploadLimitError('uploadBytes', limits.uploadBytes, size, { atLeast: true });
  }
  const zip = Buffer.concat(parts);
  let given = 0;
  try {
    for await (const rows of fastXlsxRows(zip, limits)) {
      given += rows.length;
      yield rows;
    }
    return;
  } catch (error) {
    // XlsxUnsupported, or a fault of the fast reader itself: exceljs has the last word. A file
    // beyond a limit (or otherwise refused) is refused, whichever reader.
    if (isSystemError(error) || error instanceof AppError) throw error;
    if (!(error instanceof XlsxUnsupported)) fastReaderFaults++;
  }
  // exceljs walks the zip's local headers and keeps what it reads (shared strings, a sheet met
  // early goes to a temp file), with no limit of its own: it gets the file only once every entry
  // has been inflated and counted here, and only when the entries lie where the directory says.
  const { tiled } = await checkXlsxContainer(zip, limits);
  if (!tiled) throw unreadable();
  // Something the fast reader does not handle as exceljs does: exceljs reads it, after the rows given.
  let skip = given;
  let batch: RawRow[] = [];
  for await (const row of exceljsRows(Readable.from([zip]))) {
    if (skip > 0) skip--;
    else batch.push(row);
    if (batch.length >= 256) yield batch.splice(0);
  }
  if (batch.length > 0) yield batch;
}

/** The rows as exceljs reads them (the fallback; exported for the differential test). */
export async function* exceljsRows(stream: Readable): AsyncGenerator<RawRow> {
  // styles: 'cache' so date-formatted cells come back as Date; shared strings are cached (one copy
  // of each distinct text), which is what keeps a 100,000-row ledger in memory anyway.
  const { default: ExcelJS } = await import('exceljs'); // loaded only when needed
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(stream, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  let done = false;
  try {
    for await (const sheet of reader as AsyncIterable<unknown> as AsyncIterable<StreamedSheet>) {
      const sheets = ((reader as unknown as { model?: { sheets?: SheetInfo[] } }).model?.sheets ?? []) as SheetInfo[];
      const first = sheets.find((s) => s.state !== 'hidden' && s.state !== 'veryHidden');
      if (done || (first?.name !== undefined && sheet.name !== first.name)) {
        discardSheet(sheet);
        continue;
      }
      done = true;
      for await (const row of sheet) yield { rowNumber: row.number, values: rowValues(row.values) };
    }
  } catch (error) {
    if (error instanceof ImportFileError || isSystemError(error)) throw error;
    throw unreadable();
  }
}

/**
 * A workbook neither reader can read. The reader's own message ("Cannot read properties of
 * undefined (reading 'length')") means nothing to the user, so it is not shown.
 */
function unreadable(): ImportFileError {
  return new ImportFileError(
    'unreadable',
    'The workbook is damaged or is not a valid .xlsx file, so it could not be read; open it in Excel, save it again as "Excel Workbook (*.xlsx)" and retry',
    '该工作簿已损坏或不是有效的 .xlsx 文件，无法读取；请用 Excel 打开后重新另存为“Excel 工作簿（*.xlsx）”再上传',
  );
}

/** An I/O failure (ENOENT, EPIPE, ERR_STREAM_PREMATURE_CLOSE…), not a fault of the file's content. */
function isSystemError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^E[A-Z_]+$/.test(code);
}

/** A sheet we skip: a deferred one is a temp-file stream that would stay open unread. */
function discardSheet(sheet: StreamedSheet): void {
  const it = sheet.iterator as { destroy?: () => void } | undefined;
  if (it && typeof it.destroy === 'function') it.destroy();
}

function rowValues(values: unknown): CellValue[] {
  if (!Array.isArray(values)) return [];
  // exceljs rows are 1-based and sparse.
  return Array.from({ length: Math.max(0, values.length - 1) }, (_, i) => cellValue(values[i + 1]));
}


// ---------------------------------------------------------------------------------------------
// CSV

async function* csvRows(chunks: AsyncGenerator<Buffer>): AsyncGenerator<RawRow[]> {
  let batch: RawRow[] = [];
  for await (const row of csvRecords(chunks)) {
    batch.push(row);
    if (batch.length >= 256) yield batch.splice(0);
  }
  if (batch.length > 0) yield batch;
}

async function* csvRecords(chunks: AsyncGenerator<Buffer>): AsyncGenerator<RawRow> {
  const text = Readable.from(decodeUtf8(chunks), { objectMode: false });
  // max_record_size: a stray quote would otherwise swallow the rest of the file into one field.
  const parser = parseCsv({ relax_column_count: true, relax_quotes: true, skip_empty_lines: false, max_record_size: MAX_CSV_RECORD });
  text.on('error', (error) => parser.destroy(error));
  text.pipe(parser);
  let rowNumber = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      rowNumber++;
      yield { rowNumber, values: record.map((v) => (v === '' ? null : v)) };
    }
  } catch (error) {
    if (!isCsvError(error)) throw error; // ImportFileError from decoding, or the upload failing
    const detail = error.message;
    throw new ImportFileError('bad_csv', `The CSV file is malformed near row ${rowNumber + 1} (${detail})`, `CSV 文件在第 ${rowNumber + 1} 行附近格式有误（${detail}）`);
  } finally {
    text.destroy();
    parser.destroy();
  }
}

const MAX_CSV_RECORD = 1 << 20;

function isCsvError(error: unknown): error is Error & { code: string } {
  const code = (error as { code?: unknown } | null)?.code;
  return error instanceof Error && typeof code === 'string' && code.startsWith('CSV_');
}

/** Bytes → text, refusing anything that is not UTF-8 (a BOM is dropped). */
async function* decodeUtf8(chunks: AsyncGenerator<Buffer>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let last: Buffer = Buffer.alloc(0);
  try {
    for await (const chunk of chunks) {
      last = chunk;
      const s = decoder.decode(chunk, { stream: true });
      if (s) yield s;
    }
    const tail = decoder.decode();
    if (tail) yield tail;
  } catch (error) {
    if (error instanceof TypeError) throw notUtf8(last);
    throw error;
  }
}

function looksLikeGbk(bytes: Buffer): boolean {
  try {
    new TextDecoder('gbk', { fatal: true }).decode(bytes, { stream: true });
    return true;
  } catch {
    return false;
  }
}

function notUtf8(sample: Buffer): ImportFileError {
  const gbk = looksLikeGbk(sample);
  return new ImportFileError(
    'not_utf8',
    `The CSV file is not UTF-8${gbk ? ' (it looks like GBK/ANSI, which Chinese Excel writes for "CSV (Comma delimited)")' : ''}. ` +
      'Open it in Excel and save it as "CSV UTF-8 (Comma delimited) (*.csv)", or upload the .xlsx workbook instead.',
    `CSV 文件不是 UTF-8 编码${gbk ? '（看起来是 GBK/ANSI 编码，中文版 Excel 另存为“CSV（逗号分隔）”时就是这种编码）' : ''}。` +
      '请用 Excel 打开后另存为“CSV UTF-8（逗号分隔）(*.csv)”，或直接上传 .xlsx 工作簿。',
  );
}
