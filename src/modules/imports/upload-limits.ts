// The bounds an uploaded spreadsheet must stay within, in one place, checked while the file
// streams — never by trusting what the file says about itself (a zip's declared sizes, a sheet's
// <dimension>). A small .xlsx can inflate to gigabytes (one 200 MB shared string from 218 KB), so
// bytes are counted as they inflate and the inflate is stopped at the limit; what a reader keeps in
// memory (shared strings, the parts parsed whole) has limits of its own. A violation is an
// UploadLimitError: 413 for a size, 400 for a shape, naming the limit and the value seen.
// Defaults below; each can be set from the environment (src/platform/config.ts, LASTMILE_UPLOAD_*).
import { createInflateRaw } from 'node:zlib';
import { AppError } from '../../platform/errors.ts';
import { UPLOAD_LIMIT_DEFAULTS, type UploadLimits } from '../../platform/config.ts';

// What each limit means (the defaults and their environment variables are in config.ts):
// uploadBytes — the uploaded file itself (compressed, for an .xlsx); zipEntries — entries of the
// .xlsx zip (Excel writes ~10–30); entryBytes — one entry inflated (a sheet of 1,000,000 ledger rows
// is ~550 MB); partBytes — the parts read whole into memory (workbook, relationships, styles);
// inflatedBytes — all entries together; ratio — inflated ÷ compressed of one entry, checked past
// ratioFloorBytes; rows — data rows (Excel's own maximum is 1,048,576); columns — of a row (the
// template has 21); cellChars — of one cell (Excel's own maximum is 32,767); sharedStrings and
// sharedStringChars — the shared-string table, kept in memory while reading; xmlDepth — nesting.
export type { UploadLimits };
export const DEFAULT_UPLOAD_LIMITS: UploadLimits = UPLOAD_LIMIT_DEFAULTS;

const MiB = 1024 * 1024;

export type LimitName = keyof UploadLimits;

const LABELS: Record<LimitName, { en: string; zh: string; size: boolean; unit?: 'bytes' }> = {
  uploadBytes: { en: 'file size', zh: '文件大小', size: true, unit: 'bytes' },
  zipEntries: { en: 'entries in the workbook (zip)', zh: '工作簿（zip）内的文件数', size: true },
  entryBytes: { en: 'inflated size of one part of the workbook', zh: '工作簿中单个部件解压后的大小', size: true, unit: 'bytes' },
  partBytes: { en: 'inflated size of the workbook, relationships or styles part', zh: '工作簿、关系或样式部件解压后的大小', size: true, unit: 'bytes' },
  inflatedBytes: { en: 'inflated size of the whole workbook', zh: '整个工作簿解压后的大小', size: true, unit: 'bytes' },
  ratio: { en: 'compression ratio of one part', zh: '单个部件的压缩比', size: true },
  ratioFloorBytes: { en: 'compression ratio floor', zh: '压缩比检查起点', size: true, unit: 'bytes' },
  rows: { en: 'data rows', zh: '数据行数', size: false },
  columns: { en: 'columns in a row', zh: '一行的列数', size: false },
  cellChars: { en: 'characters in one cell', zh: '单元格字符数', size: false },
  sharedStrings: { en: 'shared strings', zh: '共享字符串条数', size: false },
  sharedStringChars: { en: 'characters of all shared strings', zh: '共享字符串总字符数', size: false },
  xmlDepth: { en: 'nesting depth of the XML', zh: 'XML 嵌套层数', size: false },
};

function amount(n: number, unit: 'bytes' | undefined): string {
  if (unit !== 'bytes') return n.toLocaleString('en-US');
  return n >= MiB ? `${(n / MiB).toFixed(1).replace(/\.0$/, '')} MiB` : n >= 1024 ? `${(n / 1024).toFixed(1).replace(/\.0$/, '')} KiB` : `${n} bytes`;
}

/** A file beyond one of the limits: 413 for a size, 400 for a shape. */
export class UploadLimitError extends AppError {
  readonly limit: LimitName;
  readonly max: number;
  readonly seen: number;
  /** `atLeast`: reading stopped at the limit, so the file has `seen` or more. */
  constructor(limit: LimitName, max: number, seen: number, options: { where?: string; whereZh?: string; atLeast?: boolean } = {}) {
    const l = LABELS[limit];
    const where = options.where ?? '';
    const at = where ? ` (${where})` : '';
    const atZh = where ? `（${options.whereZh ?? where}）` : '';
    const seenEn = `${options.atLeast ? 'at least ' : ''}${amount(seen, l.unit)}`;
    const seenZh = `${options.atLeast ? '至少 ' : ''}${amount(seen, l.unit)}`;
    const message = `The file exceeds the limit on ${l.en}${at}: at most ${amount(max, l.unit)}, this file has ${seenEn}`;
    const messageZh = `文件超出${l.zh}上限：最多 ${amount(max, l.unit)}，该文件为 ${seenZh}${atZh}`;
    super(l.size ? 'payload_too_large' : 'bad_request', message, messageZh, [{ field: 'file', message, messageZh }]);
    this.name = 'UploadLimitError';
    this.limit = limit;
    this.max = max;
    this.seen = seen;
  }
}

/** Counts the inflated bytes of one file: per entry, for all entries, and the ratio. */
export class InflateBudget {
  private total = 0;
  readonly limits: UploadLimits;
  constructor(limits: UploadLimits) {
    this.limits = limits;
  }
  /**
   * A counter for one entry: call it with each inflated chunk's length and the compressed bytes
   * given to the inflater so far (throws at a limit). The ratio is of what has been inflated so
   * far to what was fed for it, so a bomb is caught a few MB in, not at the end of its input.
   */
  entry(path: string, maxBytes = this.limits.entryBytes): Counter {
    const l = this.limits;
    let inflated = 0;
    return (bytes, consumed) => {
      inflated += bytes;
      this.total += bytes;
      if (inflated > maxBytes) throw new UploadLimitError(maxBytes === l.entryBytes ? 'entryBytes' : 'partBytes', maxBytes, inflated, { where: path, atLeast: true });
      if (inflated > l.ratioFloorBytes && inflated > l.ratio * consumed) throw new UploadLimitError('ratio', l.ratio, Math.floor(inflated / Math.max(1, consumed)), { where: path, atLeast: true });
      if (this.total > l.inflatedBytes) throw new UploadLimitError('inflatedBytes', l.inflatedBytes, this.total, { atLeast: true });
    };
  }
}

// ---------------------------------------------------------------------------------------------
// The zip container, checked at upload: entry count from the directory first, then every entry
// inflated and counted (on zlib's thread pool, so the server keeps answering), output discarded.

export type ZipEntryInfo = { path: string; flags: number; method: number; compressedSize: number; localOffset: number; dataOffset: number };

/** The central directory's entries; null when this is not a zip the readers could take apart. */
export function zipDirectory(zip: Buffer, limits: UploadLimits): { entries: ZipEntryInfo[]; cdOffset: number } | null {
  const min = Math.max(0, zip.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = zip.length - 22; i >= min; i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = zip.readUInt16LE(eocd + 10);
  const cdOffset = zip.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff) return null; // zip64
  if (count > limits.zipEntries) throw new UploadLimitError('zipEntries', limits.zipEntries, count);
  const entries: ZipEntryInfo[] = [];
  let p = cdOffset;
  // The directory itself may hold more records than the end record says: count those too.
  while (p + 46 <= zip.length && zip.readUInt32LE(p) === 0x02014b50) {
    if (entries.length >= limits.zipEntries) throw new UploadLimitError('zipEntries', limits.zipEntries, entries.length + 1, { atLeast: true });
    const nameLength = zip.readUInt16LE(p + 28);
    const localOffset = zip.readUInt32LE(p + 42);
    let dataOffset = -1;
    if (localOffset + 30 <= zip.length && zip.readUInt32LE(localOffset) === 0x04034b50) {
      dataOffset = localOffset + 30 + zip.readUInt16LE(localOffset + 26) + zip.readUInt16LE(localOffset + 28);
    }
    entries.push({
      path: zip.subarray(p + 46, p + 46 + nameLength).toString('latin1'),
      flags: zip.readUInt16LE(p + 8),
      method: zip.readUInt16LE(p + 10),
      compressedSize: zip.readUInt32LE(p + 20),
      localOffset,
      dataOffset,
    });
    p += 46 + nameLength + zip.readUInt16LE(p + 30) + zip.readUInt16LE(p + 32);
  }
  return { entries, cdOffset };
}

export type Counter = (inflated: number, consumed: number) => void;

const SLICE = 1 << 16;

/**
 * `data` (raw deflate) inflated, in chunks, each counted as it comes out of zlib (on its thread
 * pool) with the compressed bytes zlib has consumed for it (bytesWritten). The input goes in slice
 * by slice, with backpressure, so nothing runs far ahead. A limit thrown by `count` stops the inflate.
 */
export async function* inflateCounted(data: Buffer, count: Counter): AsyncGenerator<Buffer> {
  const inflate = createInflateRaw({ chunkSize: 1 << 18 });
  let fed = 0;
  let stopped = false;
  const feed = async () => {
    for (let at = 0; at < data.length && !stopped; at += SLICE) {
      fed = Math.min(data.length, at + SLICE);
      if (!inflate.write(data.subarray(at, fed))) {
        await new Promise<void>((resolve) => {
          const done = () => {
            inflate.off('drain', done);
            inflate.off('close', done);
            resolve();
          };
          inflate.on('drain', done);
          inflate.on('close', done);
        });
      }
    }
    if (!stopped) inflate.end();
  };
  void feed();
  try {
    for await (const chunk of inflate) {
      count((chunk as Buffer).length, inflate.bytesWritten || fed);
      yield chunk as Buffer;
    }
  } finally {
    stopped = true;
    inflate.destroy();
  }
}

/** Inflates `data` counting the bytes, output discarded; stops at the budget's limit. */
export async function countInflated(data: Buffer, count: Counter): Promise<void> {
  try {
    for await (const _chunk of inflateCounted(data, count));
  } catch (error) {
    if (error instanceof UploadLimitError) throw error;
    // Bad deflate data is the reader's to report (as an unreadable file); the bytes are counted.
  }
}

/**
 * The container checks of an .xlsx upload: entries (counted in the directory before anything is
 * inflated), then each entry's real inflated size and ratio and their total. Also: the entries lie
 * back to back as the directory says, so a reader that walks the local headers (exceljs) meets
 * only entries counted here. Throws UploadLimitError; a file that is not a zip passes (the reader
 * reports it), as does one whose layout only the directory-reading reader can use (see `tiled`).
 */
export async function checkXlsxContainer(zip: Buffer, limits: UploadLimits): Promise<{ tiled: boolean }> {
  if (zip.length > limits.uploadBytes) throw new UploadLimitError('uploadBytes', limits.uploadBytes, zip.length);
  const dir = zipDirectory(zip, limits);
  if (!dir) return { tiled: false };
  const budget = new InflateBudget(limits);
  let tiled = true;
  const byOffset = [...dir.entries].sort((a, b) => a.localOffset - b.localOffset);
  let expected = 0;
  for (const e of byOffset) {
    if (e.dataOffset < 0 || e.dataOffset + e.compressedSize > zip.length || (e.flags & 1) !== 0) {
      tiled = false;
      continue;
    }
    if (e.localOffset !== expected) tiled = false;
    // The local header's sizes must agree with the directory's (or be left to a data descriptor).
    const localSize = zip.readUInt32LE(e.localOffset + 18);
    const descriptor = (e.flags & 8) !== 0;
    if (localSize !== e.compressedSize && !(descriptor && localSize === 0)) tiled = false;
    let end = e.dataOffset + e.compressedSize;
    if (descriptor) end += end + 4 <= zip.length && zip.readUInt32LE(end) === 0x08074b50 ? 16 : 12;
    expected = end;
    const data = zip.subarray(e.dataOffset, e.dataOffset + e.compressedSize);
    const count = budget.entry(e.path);
    if (e.method === 8) await countInflated(data, count);
    else if (e.method === 0) count(data.length, data.length);
    else tiled = false;
  }
  if (expected !== dir.cdOffset) tiled = false;
  return { tiled };
}

/** The checks of a CSV upload (its rows, columns and cells are checked as it is read). */
export function checkCsvUpload(content: Buffer, limits: UploadLimits): void {
  if (content.length > limits.uploadBytes) throw new UploadLimitError('uploadBytes', limits.uploadBytes, content.length);
}

/** Columns and cell lengths of a row as any reader gives it; throws UploadLimitError. */
export function checkRowShape(values: readonly unknown[], limits: UploadLimits): void {
  if (values.length > limits.columns) {
    let last = values.length - 1;
    while (last >= 0 && (values[last] === null || values[last] === undefined)) last--;
    if (last + 1 > limits.columns) throw new UploadLimitError('columns', limits.columns, last + 1);
  }
  for (const v of values) if (typeof v === 'string' && v.length > limits.cellChars) throw new UploadLimitError('cellChars', limits.cellChars, v.length);
}
