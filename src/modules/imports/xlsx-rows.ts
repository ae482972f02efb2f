// A fast reader for the rows of an .xlsx worksheet, giving exactly what exceljs's streaming
// WorkbookReader gives (as read-rows.ts configures it) at a fraction of the cost: exceljs spends
// most of a 100,000-row read in its SAX parser and its Row/Cell objects, which we do not need.
//
// The zip is read from memory through its central directory; the chosen sheet is inflated and
// scanned as a stream (constant memory apart from the shared strings, which exceljs keeps too).
// The scanner follows exceljs's own rules, quirks included (which sheet it picks, when a number is
// a date, what whitespace ends up in a value, the last text run of an inline string), and reuses
// exceljs's parsers for the small parts (workbook, relationships, styles) and its date helpers.
// Whatever it does not handle in the same way — zip64 or encrypted entries, a DOCTYPE, unknown
// entities, malformed XML, cells out of column order — raises XlsxUnsupported, and the caller reads
// the file with exceljs instead (skipping the rows already given).
//
// One exceljs behaviour is deliberately not copied: exceljs decodes each inflated chunk of the
// sheet on its own, so a Chinese character that straddles two chunks becomes U+FFFD garbage (about
// one row in 2,000 of a large ledger: a corrupted name or address, or a relationship such as 配偶
// that no longer parses). Here the text is decoded as one stream.
//
// Every byte inflated is counted against the upload limits (upload-limits.ts) as it comes out of
// zlib, and the scanner bounds what it holds (an unfinished piece of text, the nesting, the shared
// strings): a file beyond them raises UploadLimitError, never XlsxUnsupported, so the exceljs
// fallback never sees it.
import { createRequire } from 'node:module';
import { DEFAULT_UPLOAD_LIMITS, InflateBudget, UploadLimitError, inflateCounted, type Counter, type UploadLimits } from './upload-limits.ts';

/** What a cell holds after reading: rich text, formulas and hyperlinks are reduced to their value. */
export type CellValue = string | number | boolean | Date | null;
export type RawRow = { rowNumber: number; values: CellValue[] };

/** The file needs the general (exceljs) reader. */
export class XlsxUnsupported extends Error {
  constructor(what: string) {
    super(`xlsx fast path: ${what}`);
    this.name = 'XlsxUnsupported';
  }
}

/** An exceljs cell value → CellValue (the rules read-rows.ts has always applied). */
export function cellValue(v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v === '' ? null : v;
  if (typeof v === 'number') return Number.isNaN(v) ? '#ERROR!' : v;
  if (typeof v === 'boolean' || v instanceof Date) return v;
  if (typeof v === 'object') {
    if ('richText' in v && Array.isArray(v.richText)) return cellValue(v.richText.map((r: { text?: unknown }) => String(r?.text ?? '')).join(''));
    if ('formula' in v || 'sharedFormula' in v || 'result' in v) return 'result' in v ? cellValue(v.result) : null;
    if ('error' in v) return String(v.error);
    if ('text' in v) return cellValue(v.text); // hyperlink
  }
  return String(v);
}

// ---------------------------------------------------------------------------------------------
// exceljs internals used as they are (so styles, workbook and relationships parse the same way)

type Xform = { parseStream(source: Iterable<Buffer>): Promise<unknown>; model: unknown; map?: Record<string, { model?: unknown }> };
type StyleManager = Xform & { init(): void; getStyleModel(id: number): { numFmt?: string } | null };
const require = createRequire(import.meta.url);
const StylesXform = require('exceljs/lib/xlsx/xform/style/styles-xform.js') as new () => StyleManager;
const WorkbookXform = require('exceljs/lib/xlsx/xform/book/workbook-xform.js') as new () => Xform;
const RelationshipsXform = require('exceljs/lib/xlsx/xform/core/relationships-xform.js') as new () => Xform;
const excelUtils = require('exceljs/lib/utils/utils.js') as {
  isDateFmt(fmt: string | undefined): boolean;
  excelToDate(v: number, date1904?: boolean): Date;
  xmlDecode(text: string): string;
};

// ---------------------------------------------------------------------------------------------
// Zip (central directory)

type ZipEntry = { path: string; method: number; compressedSize: number; dataOffset: number; order: number };

function zipEntries(zip: Buffer, limits: UploadLimits): ZipEntry[] {
  const min = Math.max(0, zip.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = zip.length - 22; i >= min; i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new XlsxUnsupported('no zip directory');
  const count = zip.readUInt16LE(eocd + 10);
  const cdOffset = zip.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff) throw new XlsxUnsupported('zip64');
  if (count > limits.zipEntries) throw new UploadLimitError('zipEntries', limits.zipEntries, count);
  const entries: ZipEntry[] = [];
  let p = cdOffset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > zip.length || zip.readUInt32LE(p) !== 0x02014b50) throw new XlsxUnsupported('bad zip directory');
    const flags = zip.readUInt16LE(p + 8);
    const method = zip.readUInt16LE(p + 10);
    const compressedSize = zip.readUInt32LE(p + 20);
    const nameLength = zip.readUInt16LE(p + 28);
    const extraLength = zip.readUInt16LE(p + 30);
    const commentLength = zip.readUInt16LE(p + 32);
    const localOffset = zip.readUInt32LE(p + 42);
    const nameBytes = zip.subarray(p + 46, p + 46 + nameLength);
    if (nameBytes.some((b) => b >= 0x80)) throw new XlsxUnsupported('non-ASCII entry name');
    if ((flags & 1) !== 0) throw new XlsxUnsupported('encrypted entry');
    if (method !== 0 && method !== 8) throw new XlsxUnsupported(`compression method ${method}`);
    if (compressedSize === 0xffffffff || localOffset === 0xffffffff) throw new XlsxUnsupported('zip64 entry');
    if (localOffset + 30 > zip.length || zip.readUInt32LE(localOffset) !== 0x04034b50) throw new XlsxUnsupported('bad local header');
    const dataOffset = localOffset + 30 + zip.readUInt16LE(localOffset + 26) + zip.readUInt16LE(localOffset + 28);
    if (dataOffset + compressedSize > zip.length) throw new XlsxUnsupported('truncated entry');
    entries.push({ path: nameBytes.toString('latin1'), method, compressedSize, dataOffset, order: localOffset });
    p += 46 + nameLength + extraLength + commentLength;
  }
  // The order of the file, as a streaming unzip (exceljs's) meets the entries.
  return entries.sort((a, b) => a.order - b.order);
}

/** The entry's bytes, inflated, in chunks; each chunk counted (the inflate stops at a limit). */
async function* entryChunks(zip: Buffer, entry: ZipEntry, count: Counter): AsyncGenerator<Buffer> {
  const data = zip.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
  if (entry.method === 0) {
    for (let i = 0; i < data.length; i += 1 << 18) {
      const chunk = data.subarray(i, i + (1 << 18));
      count(chunk.length, i + chunk.length);
      yield chunk;
    }
    return;
  }
  try {
    yield* inflateCounted(data, count);
  } catch (error) {
    if (error instanceof UploadLimitError) throw error;
    throw new XlsxUnsupported('bad deflate data');
  }
}

/** A part read whole (workbook, relationships, styles): its own, smaller, limit. */
async function entryBuffer(zip: Buffer, entry: ZipEntry, budget: InflateBudget): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const chunk of entryChunks(zip, entry, budget.entry(entry.path, budget.limits.partBytes))) parts.push(chunk);
  return Buffer.concat(parts);
}

// ---------------------------------------------------------------------------------------------
// XML scanning: the events saxes gives exceljs (open tag, text, close tag) for a well-formed
// document without a DOCTYPE; anything else is XlsxUnsupported.

type XmlHandler = {
  /** Whether text is wanted now (the scanner does not cut out text nobody reads). */
  wantText: boolean;
  open(name: string, attributes: string): void;
  text(text: string): void;
  close(name: string): void;
  /**
   * An element starting at `at` that the handler recognises whole and handles as if it had seen
   * its open tag, text and close tag (a shortcut for the common case): where it ends, or -1.
   */
  element?(s: string, at: number): number;
};

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
// Characters XML 1.0 does not allow (saxes fails on them); TextDecoder never yields lone surrogates.
const BAD_CHARS = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]/;

function decodeEntities(s: string): string {
  return s.replace(/&([^;&]*);|&/g, (m, body: string | undefined) => {
    if (body === undefined) throw new XlsxUnsupported('bare &');
    if (body[0] === '#') {
      const hex = body[1] === 'x';
      if (!(hex ? /^#x[0-9a-fA-F]+$/ : /^#[0-9]+$/).test(body)) throw new XlsxUnsupported(`character reference ${m}`);
      const code = hex ? Number.parseInt(body.slice(2), 16) : Number.parseInt(body.slice(1), 10);
      if (!(code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff))) {
        throw new XlsxUnsupported(`character reference ${m}`);
      }
      return String.fromCodePoint(code);
    }
    const e = ENTITIES[body];
    if (e === undefined) throw new XlsxUnsupported(`entity ${m}`);
    return e;
  });
}

/** XML text as saxes reports it: entities decoded, line ends normalised to \n. */
function xmlText(raw: string): string {
  let s = raw;
  if (s.includes('\r')) s = s.replace(/\r\n?/g, '\n');
  if (s.includes('&')) s = decodeEntities(s);
  return s;
}

const NAME_START = /[A-Za-z_:\u00C0-\uFFFF]/;

/**
 * The values of the attributes `names` (in that order) of a tag's attribute text. Values with an
 * entity, a '<' or a line break are left to exceljs (never the case for the attributes read here).
 */
export function attributes(text: string, names: readonly string[], out: (string | undefined)[]): void {
  out.fill(undefined);
  const n = text.length;
  let i = 0;
  for (;;) {
    while (i < n && isSpace(text.charCodeAt(i))) i++;
    if (i >= n) return;
    const eq = text.indexOf('=', i);
    if (eq < 0) throw new XlsxUnsupported('attributes');
    let q = eq + 1;
    while (q < n && isSpace(text.charCodeAt(q))) q++;
    const quote = text.charCodeAt(q);
    if (quote !== 34 && quote !== 39) throw new XlsxUnsupported('unquoted attribute');
    const close = text.indexOf(quote === 34 ? '"' : "'", q + 1);
    if (close < 0) throw new XlsxUnsupported('unterminated attribute');
    let nameEnd = eq;
    while (nameEnd > i && isSpace(text.charCodeAt(nameEnd - 1))) nameEnd--;
    const at = names.indexOf(text.slice(i, nameEnd));
    if (at >= 0) {
      const value = text.slice(q + 1, close);
      if (/[&<\t\n\r]/.test(value)) throw new XlsxUnsupported('attribute value');
      out[at] = value;
    }
    i = close + 1;
  }
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

/** Element names the readers look at, shared rather than cut out of the text each time. */
function elementName(s: string, start: number, end: number): string {
  switch (end - start) {
    case 1:
      switch (s.charCodeAt(start)) {
        case 99: return 'c';
        case 118: return 'v';
        case 102: return 'f';
        case 116: return 't';
        case 114: return 'r';
      }
      break;
    case 2:
      if (s.startsWith('is', start)) return 'is';
      if (s.startsWith('si', start)) return 'si';
      break;
    case 3:
      if (s.startsWith('row', start)) return 'row';
      break;
  }
  return s.slice(start, end);
}

/** Feeds the handler from text chunks; checks that elements nest and close. */
class XmlScanner {
  private rest = '';
  private readonly stack: string[] = [];
  private started = false;
  private ended = false;
  private readonly handler: XmlHandler;
  private readonly limits: UploadLimits;
  /** The longest unfinished piece (a text or a tag) kept between chunks: a cell's text, entities included, and room for markup. */
  private readonly maxPending: number;
  constructor(handler: XmlHandler, limits: UploadLimits) {
    this.handler = handler;
    this.limits = limits;
    this.maxPending = limits.cellChars * 8 + 65_536;
  }

  write(chunk: string): void {
    if (BAD_CHARS.test(chunk)) throw new XlsxUnsupported('invalid XML character');
    const s = this.rest.length > 0 ? this.rest + chunk : chunk;
    this.rest = s.slice(this.scan(s));
    if (this.rest.length > this.maxPending) throw new UploadLimitError('cellChars', this.limits.cellChars, this.rest.length, { atLeast: true });
  }

  end(): void {
    if (this.rest.trim() !== '' || this.stack.length > 0 || !this.started) throw new XlsxUnsupported('truncated XML');
  }

  /** Handles every complete piece of `s`; returns where the incomplete tail starts. */
  private scan(s: string): number {
    const h = this.handler;
    const stack = this.stack;
    let p = 0;
    const n = s.length;
    while (p < n) {
      const lt = s.indexOf('<', p);
      if (lt < 0) return p; // text up to the end of the chunk: wait for the markup that ends it
      if (lt > p) {
        if (stack.length === 0) {
          if (s.slice(p, lt).trim() !== '') throw new XlsxUnsupported('text outside the root element');
        } else if (h.wantText) {
          h.text(xmlText(s.slice(p, lt)));
        }
      }
      if (lt + 1 >= n) return lt;
      const c = s.charCodeAt(lt + 1);
      if (c === 47 /* / */) {
        const gt = s.indexOf('>', lt);
        if (gt < 0) return lt;
        const top = stack.pop();
        if (top === undefined) throw new XlsxUnsupported('a close tag without an open one');
        if (!(gt === lt + 2 + top.length && s.startsWith(top, lt + 2)) && s.slice(lt + 2, gt).trimEnd() !== top) {
          throw new XlsxUnsupported(`mismatched </${s.slice(lt + 2, gt)}>`);
        }
        h.close(top);
        if (stack.length === 0) this.ended = true;
        p = gt + 1;
      } else if (c === 63 /* ? */) {
        const end = s.indexOf('?>', lt + 2);
        if (end < 0) return lt;
        p = end + 2;
      } else if (c === 33 /* ! */) {
        if (s.startsWith('<!--', lt)) {
          const end = s.indexOf('-->', lt + 4);
          if (end < 0) return lt;
          p = end + 3;
        } else if (s.startsWith('<![CDATA[', lt)) {
          const end = s.indexOf(']]>', lt + 9);
          if (end < 0) return lt;
          if (stack.length === 0) throw new XlsxUnsupported('CDATA outside the root element');
          p = end + 3; // exceljs ignores CDATA
        } else if (n - lt < 9) {
          return lt;
        } else {
          throw new XlsxUnsupported('DOCTYPE or other declaration');
        }
      } else {
        // A whole element the handler takes in one step (a plain cell)?
        if (h.element !== undefined && stack.length > 0) {
          const end = h.element(s, lt);
          if (end >= 0) {
            p = end;
            continue;
          }
        }
        // Start tag. A '>' inside a quoted attribute value is allowed.
        let gt = s.indexOf('>', lt);
        if (gt < 0) return lt;
        let quote = 0;
        for (let i = lt + 1; i < gt; i++) {
          const ch = s.charCodeAt(i);
          if (quote !== 0) {
            if (ch === quote) quote = 0;
          } else if (ch === 34 || ch === 39) quote = ch;
          else if (ch === 60) throw new XlsxUnsupported('< inside a tag');
        }
        if (quote !== 0) gt = this.tagEnd(s, lt);
        if (gt < 0) return lt;
        const selfClosing = s.charCodeAt(gt - 1) === 47;
        const last = selfClosing ? gt - 1 : gt;
        let nameEnd = lt + 1;
        while (nameEnd < last) {
          const ch = s.charCodeAt(nameEnd);
          if (ch === 32 || ch === 9 || ch === 10 || ch === 13) break;
          nameEnd++;
        }
        const name = elementName(s, lt + 1, nameEnd);
        if (name === '' || !NAME_START.test(name[0]!)) throw new XlsxUnsupported('bad element name');
        if (this.ended) throw new XlsxUnsupported('a second root element');
        this.started = true;
        h.open(name, nameEnd < last ? s.slice(nameEnd, last) : '');
        if (selfClosing) {
          h.close(name);
          if (stack.length === 0) this.ended = true;
        } else {
          if (stack.length >= this.limits.xmlDepth) throw new UploadLimitError('xmlDepth', this.limits.xmlDepth, stack.length + 1, { atLeast: true });
          stack.push(name);
        }
        p = gt + 1;
      }
    }
    return p;
  }

  /** Where the start tag at `lt` ends, minding quotes; -1 when it goes on past the chunk. */
  private tagEnd(s: string, lt: number): number {
    let quote = 0;
    for (let i = lt + 1; i < s.length; i++) {
      const ch = s.charCodeAt(i);
      if (quote !== 0) {
        if (ch === quote) quote = 0;
      } else if (ch === 62 /* > */) return i;
      else if (ch === 34 || ch === 39) quote = ch;
      else if (ch === 60 /* < */) throw new XlsxUnsupported('< inside a tag');
    }
    return -1;
  }
}

async function scanXml(chunks: AsyncIterable<Buffer>, handler: XmlHandler, limits: UploadLimits, onChunk?: () => void): Promise<void> {
  const decoder = new TextDecoder('utf-8');
  const scanner = new XmlScanner(handler, limits);
  for await (const chunk of chunks) {
    const text = decoder.decode(chunk, { stream: true });
    if (text) scanner.write(text);
    onChunk?.();
  }
  const tail = decoder.decode();
  if (tail) scanner.write(tail);
  scanner.end();
}

// ---------------------------------------------------------------------------------------------
// Shared strings (exceljs's rules: the text since the last <t>, or the runs of rich text)

async function sharedStrings(zip: Buffer, entry: ZipEntry, budget: InflateBudget): Promise<CellValue[]> {
  const limits = budget.limits;
  const out: CellValue[] = [];
  let text: string | null = null;
  let runs: (string | null)[] = [];
  let chars = 0; // of every string so far, and of the one being read
  let current = 0;
  await scanXml(entryChunks(zip, entry, budget.entry(entry.path)), {
    wantText: true,
    open(name) {
      if (name === 'si') {
        if (out.length >= limits.sharedStrings) throw new UploadLimitError('sharedStrings', limits.sharedStrings, out.length + 1, { atLeast: true });
        runs = [];
        text = null;
        current = 0;
      } else if (name === 't') {
        text = null;
      }
    },
    text(value) {
      current += value.length;
      chars += value.length;
      if (current > limits.cellChars) throw new UploadLimitError('cellChars', limits.cellChars, current, { where: 'sharedStrings', atLeast: true });
      if (chars > limits.sharedStringChars) throw new UploadLimitError('sharedStringChars', limits.sharedStringChars, chars, { atLeast: true });
      text = text ? text + value : value;
    },
    close(name) {
      if (name === 'r') {
        runs.push(text);
        text = null;
      } else if (name === 'si') {
        out.push(runs.length > 0 ? cellValue(runs.map((r) => r ?? '').join('')) : cellValue(text));
        runs = [];
        text = null;
      }
    },
  }, limits);
  return out;
}

// ---------------------------------------------------------------------------------------------
// The workbook: which sheet read-rows.ts would read, and what it needs to read it

type SheetInfo = { name?: string; state?: string; rId?: string };
type Plan = {
  entry: ZipEntry;
  strings: CellValue[] | undefined;
  styles: StyleManager;
  date1904: boolean;
};

const SHEET_PATH = /xl\/worksheets\/sheet(\d+)[.]xml/;

async function parseXform<T extends Xform>(xform: T, zip: Buffer, entry: ZipEntry, budget: InflateBudget): Promise<T> {
  await xform.parseStream([await entryBuffer(zip, entry, budget)]);
  return xform;
}

async function plan(zip: Buffer, budget: InflateBudget): Promise<Plan | undefined> {
  const entries = zipEntries(zip, budget.limits);
  const find = (path: string) => entries.find((e) => e.path === path);
  const workbookEntry = find('xl/workbook.xml');
  const relsEntry = find('xl/_rels/workbook.xml.rels');
  const stringsEntry = find('xl/sharedStrings.xml');
  const stylesEntry = find('xl/styles.xml');
  if (!workbookEntry || !relsEntry) throw new XlsxUnsupported('no workbook or relationships');
  const sheets = entries.filter((e) => SHEET_PATH.test(e.path));
  // exceljs reads a sheet where it meets it when the shared strings and the relationships came
  // first, and otherwise after every other entry: the order the sheets come out in.
  const immediate = (s: ZipEntry) => stringsEntry !== undefined && stringsEntry.order < s.order && relsEntry.order < s.order;
  if (sheets.some((s) => immediate(s) && s.order < workbookEntry.order)) throw new XlsxUnsupported('a worksheet before the workbook');
  const ordered = [...sheets.filter(immediate), ...sheets.filter((s) => !immediate(s))];

  const workbook = await parseXform(new WorkbookXform(), zip, workbookEntry, budget);
  const rels = ((await parseXform(new RelationshipsXform(), zip, relsEntry, budget)).model ?? []) as { Id?: string; Target?: string }[];
  const model = workbook.model as { sheets?: SheetInfo[] } | undefined;
  const infos = model?.sheets ?? [];
  const first = infos.find((s) => s.state !== 'hidden' && s.state !== 'veryHidden');
  const nameOf = (s: ZipEntry) => {
    const no = SHEET_PATH.exec(s.path)![1];
    const rel = rels.find((r) => r.Target === `worksheets/sheet${no}.xml`);
    const info = rel && infos.find((i) => i.rId === rel.Id);
    return info ? info.name : `Sheet${no}`;
  };
  const entry = ordered.find((s) => first?.name === undefined || nameOf(s) === first.name);
  if (!entry) return undefined;
  if (immediate(entry) && stylesEntry && stylesEntry.order > entry.order) throw new XlsxUnsupported('styles after the worksheet');

  let styles: StyleManager;
  if (stylesEntry) {
    styles = await parseXform(new StylesXform(), zip, stylesEntry, budget);
  } else {
    styles = new StylesXform();
    styles.init();
  }
  const date1904 = Boolean((workbook.map?.workbookPr?.model as { date1904?: boolean } | undefined)?.date1904);
  const strings = stringsEntry ? await sharedStrings(zip, stringsEntry, budget) : undefined;
  return { entry, strings, styles, date1904 };
}

// ---------------------------------------------------------------------------------------------
// The worksheet

const NO_FORMAT = Symbol('no format');
const ROW_ATTRIBUTES = ['r', 's'];
const CELL_ATTRIBUTES = ['r', 's', 't'];

/** exceljs decodes the (already decoded) text of str/inlineStr cells once more. */
function xmlDecode(text: string): string {
  return text.includes('&') ? excelUtils.xmlDecode(text) : text;
}

/** Column number of a cell reference (A1 → 1). */
function columnOf(ref: string | undefined): number {
  if (ref === undefined) throw new XlsxUnsupported('a cell without a reference');
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    col = col * 26 + (c - 64);
  }
  if (i === 0 || i > 3 || i === ref.length || ref.charCodeAt(i) === 48) throw new XlsxUnsupported(`cell reference ${ref}`);
  for (let j = i; j < ref.length; j++) {
    const c = ref.charCodeAt(j);
    if (c < 48 || c > 57) throw new XlsxUnsupported(`cell reference ${ref}`);
  }
  return col;
}

/**
 * The raw rows of the sheet read-rows.ts would read (the first visible one), in order and in
 * batches, as exceljs's rows reduced by cellValue(). Throws XlsxUnsupported (before or between batches).
 */
export async function* fastXlsxRows(zip: Buffer, limits: UploadLimits = DEFAULT_UPLOAD_LIMITS): AsyncGenerator<RawRow[]> {
  const budget = new InflateBudget(limits);
  const maxColumns = limits.columns;
  const p = await plan(zip, budget);
  if (!p) return;
  const { strings, styles, date1904 } = p;
  const formats = new Map<number, string | undefined | typeof NO_FORMAT>(); // style id → numFmt (NO_FORMAT: no such style)
  const formatOf = (id: number) => {
    let f = formats.get(id);
    if (f === undefined && !formats.has(id)) {
      const model = styles.getStyleModel(id);
      f = model ? model.numFmt : NO_FORMAT;
      formats.set(id, f);
    }
    return f;
  };
  const dateFormats = new Map<string, boolean>();
  const isDate = (fmt: string | undefined) => {
    if (fmt === undefined) return false;
    let d = dateFormats.get(fmt);
    if (d === undefined) dateFormats.set(fmt, (d = excelUtils.isDateFmt(fmt)));
    return d;
  };

  const ready: RawRow[] = [];
  let inRows = false;
  let row: CellValue[] | undefined;
  let rowNumber = 0;
  let rowFormat: string | undefined;
  let lastCol = 0;
  let inCell = false;
  let ref: string | undefined;
  let styleId = 0;
  let type: string | undefined;
  let hasF = false;
  let hasV = false;
  let vText = '';
  let fText = '';
  let into = 0; // where text goes: 1 the formula, 2 the value

  const found: (string | undefined)[] = [undefined, undefined, undefined];
  const handler: XmlHandler = {
    wantText: false,
    open(name, text) {
      switch (name) {
        case 'sheetData':
          inRows = true;
          break;
        case 'row':
          if (inRows) {
            if (row) throw new XlsxUnsupported('a row inside a row');
            row = [];
            lastCol = 0;
            attributes(text, ROW_ATTRIBUTES, found);
            rowNumber = Number.parseInt(found[0] as string, 10);
            if (!(rowNumber > 0)) throw new XlsxUnsupported('a row without a number');
            const s = found[1];
            rowFormat = undefined;
            if (s) {
              const f = formatOf(Number.parseInt(s, 10));
              if (f !== NO_FORMAT) rowFormat = f;
            }
          }
          break;
        case 'c':
          if (row) {
            if (inCell) throw new XlsxUnsupported('a cell inside a cell');
            inCell = true;
            attributes(text, CELL_ATTRIBUTES, found);
            ref = found[0];
            styleId = found[1] === undefined ? 0 : Number.parseInt(found[1], 10);
            type = found[2];
            hasF = false;
            hasV = false;
            vText = '';
            handler.wantText = false;
          }
          break;
        case 'f':
          if (inCell) {
            hasF = true;
            fText = '';
            into = 1;
            handler.wantText = true;
          }
          break;
        case 'v':
        case 'is':
        case 't':
          if (inCell) {
            hasV = true;
            vText = '';
            into = 2;
            handler.wantText = true;
          }
          break;
      }
    },
    text(value) {
      if (into === 2) vText += value;
      else fText += value;
    },
    close(name) {
      switch (name) {
        case 'sheetData':
          inRows = false;
          break;
        case 'row':
          if (row) {
            ready.push({ rowNumber, values: row });
            row = undefined;
          }
          break;
        case 'c':
          if (inCell) {
            inCell = false;
            handler.wantText = false;
            const col = columnOf(ref);
            if (col <= lastCol) throw new XlsxUnsupported('cells out of column order');
            lastCol = col;
            const value = cellOf();
            if (value !== undefined) {
              if (col > maxColumns) throw new UploadLimitError('columns', maxColumns, col, { where: `row ${rowNumber}`, whereZh: `第 ${rowNumber} 行`, atLeast: true });
              const values = row!;
              while (values.length < col - 1) values.push(null);
              values.push(value);
            }
          }
          break;
      }
    },
  };

  // The cell most files are made of — r, then s and t, a <v> (or inline <is><t>) with plain text
  // — in one step; anything else (formulas, entities, other attributes, spaces) goes tag by tag.
  const PLAIN_CELL = /<c r="([A-Z]{1,3}[1-9][0-9]*)"(?: s="([0-9]+)")?(?: t="([a-zA-Z]+)")?>(?:<v>([^<&\r]*)<\/v>|<is><t>([^<&\r]*)<\/t><\/is>)<\/c>/y;
  handler.element = (s, at) => {
    if (!row || inCell || s.charCodeAt(at + 1) !== 99 || s.charCodeAt(at + 2) !== 32) return -1;
    PLAIN_CELL.lastIndex = at;
    const m = PLAIN_CELL.exec(s);
    if (!m) return -1;
    const col = columnOf(m[1]);
    if (col <= lastCol) throw new XlsxUnsupported('cells out of column order');
    lastCol = col;
    styleId = m[2] === undefined ? 0 : Number.parseInt(m[2], 10);
    type = m[3];
    hasF = false;
    hasV = true;
    vText = m[4] ?? m[5]!;
    const value = cellOf();
    if (value !== undefined) {
      if (col > maxColumns) throw new UploadLimitError('columns', maxColumns, col, { where: `row ${rowNumber}`, whereZh: `第 ${rowNumber} 行`, atLeast: true });
      const values = row;
      while (values.length < col - 1) values.push(null);
      values.push(value);
    }
    return PLAIN_CELL.lastIndex;
  };

  /** The cell's value; undefined when exceljs leaves the cell empty (no value at all). */
  function cellOf(): CellValue | undefined {
    if (hasF) {
      if (!hasV) return null;
      const result = type === 'str' ? xmlDecode(vText) : Number.parseFloat(vText);
      // A formula cell keeps only a truthy result (0, '' and NaN read as empty); a shared formula's
      // other cells (no formula text) keep whatever result they have.
      return fText !== '' && !result ? null : cellValue(result);
    }
    if (!hasV) return undefined;
    switch (type) {
      case 's': {
        if (!strings) return '[object Object]'; // exceljs without shared strings: { sharedString: n }
        const s = strings[Number.parseInt(vText, 10)];
        return s === undefined || s === null ? undefined : s;
      }
      case 'inlineStr':
      case 'str':
        return cellValue(xmlDecode(vText));
      case 'e':
        return vText;
      case 'b':
        return Number.parseInt(vText, 10) !== 0;
      default: {
        let fmt = rowFormat;
        if (styleId) {
          const f = formatOf(styleId);
          if (f !== NO_FORMAT) fmt = f;
        }
        if (isDate(fmt)) return excelUtils.excelToDate(Number.parseFloat(vText), date1904);
        return cellValue(Number.parseFloat(vText));
      }
    }
  }

  // Scan chunk by chunk, giving out the rows each chunk completes.
  const decoder = new TextDecoder('utf-8');
  const scanner = new XmlScanner(handler, limits);
  for await (const chunk of entryChunks(zip, p.entry, budget.entry(p.entry.path))) {
    const text = decoder.decode(chunk, { stream: true });
    if (text) scanner.write(text);
    if (ready.length > 0) yield ready.splice(0);
  }
  const tail = decoder.decode();
  if (tail) scanner.write(tail);
  scanner.end();
  if (ready.length > 0) yield ready.splice(0);
}
