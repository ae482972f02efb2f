// Hand-made .xlsx files for the upload-limit tests and bench/upload-bombs.ts: a minimal zip
// writer over node:zlib, and the bombs of issue 13 — one huge shared string, thousands of entries,
// a sheet that inflates to gigabytes, rows that are too long or too deep. A repeated piece is
// deflated once and its compressed form repeated (sync-flushed deflate blocks concatenate), so a
// 200 MB string costs a few hundred KB and a millisecond to build, as it does the attacker.
import { constants, crc32, deflateRawSync } from 'node:zlib';

export type ZipPart = { name: string; data: Buffer; size: number; crc: number };

/** A part from plain text (deflated). */
export function part(name: string, text: string | Buffer): ZipPart {
  const raw = Buffer.isBuffer(text) ? text : Buffer.from(text, 'utf8');
  return { name, data: deflateRawSync(raw), size: raw.length, crc: crc32(raw) };
}

/** A part of `head`, then `unit` `times` times, then `tail`, deflated without holding it inflated. */
export function repeatedPart(name: string, head: string, unit: string, times: number, tail: string): ZipPart {
  const sync = { finishFlush: constants.Z_SYNC_FLUSH };
  const u = Buffer.from(unit, 'utf8');
  const du = deflateRawSync(u, sync);
  const h = Buffer.from(head, 'utf8');
  const t = Buffer.from(tail, 'utf8');
  // The checksum only when cheap: neither reader checks it, and 2 GB of CRC costs seconds.
  let crc = 0;
  if (u.length * times <= 64 << 20) {
    crc = crc32(h);
    for (let i = 0; i < times; i++) crc = crc32(u, crc);
    crc = crc32(t, crc);
  }
  const chunks = [deflateRawSync(h, sync)];
  for (let i = 0; i < times; i++) chunks.push(du);
  chunks.push(deflateRawSync(t));
  return { name, data: Buffer.concat(chunks), size: h.length + u.length * times + t.length, crc };
}

/** The zip of `parts`, in this order (method 8, no data descriptors). */
export function zip(parts: ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name, 'utf8');
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(p.name === Buffer.from(p.name, 'latin1').toString('latin1') ? 0 : 0x800, 6);
    header.writeUInt16LE(8, 8);
    header.writeUInt32LE(0x5b210000, 10); // a fixed time and date
    header.writeUInt32LE(p.crc >>> 0, 14);
    header.writeUInt32LE(p.data.length, 18);
    header.writeUInt32LE(p.size >>> 0, 22);
    header.writeUInt16LE(name.length, 26);
    locals.push(header, name, p.data);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(20, 4);
    c.writeUInt16LE(20, 6);
    c.writeUInt16LE(header.readUInt16LE(6), 8);
    c.writeUInt16LE(8, 10);
    c.writeUInt32LE(0x5b210000, 12);
    c.writeUInt32LE(p.crc >>> 0, 16);
    c.writeUInt32LE(p.data.length, 20);
    c.writeUInt32LE(p.size >>> 0, 24);
    c.writeUInt16LE(name.length, 28);
    c.writeUInt32LE(offset, 42);
    central.push(c, name);
    offset += 30 + name.length + p.data.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length & 0xffff, 8);
  end.writeUInt16LE(parts.length & 0xffff, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** The parts every workbook needs, before its shared strings and sheet. */
function frame(sharedStrings: boolean): ZipPart[] {
  return [
    part('[Content_Types].xml', `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>${sharedStrings ? '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' : ''}</Types>`),
    part('_rels/.rels', `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
    part('xl/workbook.xml', `${XML}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="人员台账" sheetId="1" r:id="rId1"/></sheets></workbook>`),
    part('xl/_rels/workbook.xml.rels', `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>${sharedStrings ? `<Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>` : ''}</Relationships>`),
  ];
}

const SHEET_HEAD = `${XML}<worksheet xmlns="${MAIN}"><sheetData>`;
const SHEET_TAIL = '</sheetData></worksheet>';

export function columnName(n: number): string {
  let s = '';
  for (; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const inline = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${esc(text)}</t></is></c>`;
export const rowXml = (r: number, cells: string[]) => `<row r="${r}">${cells.map((v, i) => inline(`${columnName(i + 1)}${r}`, v)).join('')}</row>`;

/** A plain workbook of inline-string rows (row 1 first). */
export function workbook(rows: string[][]): Buffer {
  return zip([...frame(false), part('xl/worksheets/sheet1.xml', SHEET_HEAD + rows.map((cells, i) => rowXml(i + 1, cells)).join('') + SHEET_TAIL)]);
}

const HEADER = ['姓名', '公民身份号码', '居住地区划代码'];

/** One shared string of `mb` MiB (the 218 KB file that grew the server by 1.6 GB). */
export function sharedStringBomb(mb = 200): Buffer {
  const strings = repeatedPart('xl/sharedStrings.xml', `${XML}<sst xmlns="${MAIN}" count="1" uniqueCount="1"><si><t>`, 'A'.repeat(1 << 20), mb, '</t></si></sst>');
  const sheet = part('xl/worksheets/sheet1.xml', SHEET_HEAD + rowXml(1, HEADER) + '<row r="2"><c r="A2" t="s"><v>0</v></c></row>' + SHEET_TAIL);
  return zip([...frame(true), strings, sheet]);
}

/** `n` entries (a zip of 20,000 entries took 18 s). */
export function manyEntries(n = 20_000): Buffer {
  const filler = Array.from({ length: n }, (_, i) => part(`xl/media/x${i}.xml`, '<x/>'));
  return zip([...frame(false), part('xl/worksheets/sheet1.xml', SHEET_HEAD + rowXml(1, HEADER) + SHEET_TAIL), ...filler]);
}

/** A sheet of `rows` identical rows after the header (~200 bytes each inflated; 10M rows ≈ 2 GB). */
export function hugeSheet(rows = 10_000_000): Buffer {
  const unit = '<row r="2"><c r="A2" t="inlineStr"><is><t>王五</t></is></c><c r="B2" t="inlineStr"><is><t>140107199001011230</t></is></c><c r="C2" t="inlineStr"><is><t>140107001001</t></is></c></row>';
  const per = 5000; // rows per repeated piece (~1 MB), so the compressed file stays small
  return zip([...frame(false), repeatedPart('xl/worksheets/sheet1.xml', SHEET_HEAD + rowXml(1, HEADER), unit.repeat(per), Math.ceil(rows / per), SHEET_TAIL)]);
}

/** A data row `columns` wide (Excel goes up to XFD = 16,384). */
export function longRow(columns = 16_384): Buffer {
  const cells = Array.from({ length: columns }, (_, i) => inline(`${columnName(i + 1)}2`, 'x'));
  return zip([...frame(false), part('xl/worksheets/sheet1.xml', SHEET_HEAD + rowXml(1, HEADER) + `<row r="2">${cells.join('')}</row>` + SHEET_TAIL)]);
}

/** A cell of `chars` characters. */
export function longCell(chars = 100_000): Buffer {
  return workbook([HEADER, ['王五', 'x'.repeat(chars), '140107001001']]);
}

/** Elements nested `depth` deep inside a row. */
export function deepXml(depth = 100_000): Buffer {
  return zip([...frame(false), repeatedPart('xl/worksheets/sheet1.xml', SHEET_HEAD + rowXml(1, HEADER) + '<row r="2">', '<x>'.repeat(depth), 1, '</row>' + SHEET_TAIL)]);
}

/** `n` data rows of a valid-looking list (for the row limit). */
export function manyRows(n: number): Buffer {
  return workbook([HEADER, ...Array.from({ length: n }, (_, i) => [`人${i}`, '', '140107001001'])]);
}

/** The shared-string bomb, with an entry the fast reader leaves to exceljs (a non-ASCII name) first. */
export function fallbackBomb(mb = 200): Buffer {
  const strings = repeatedPart('xl/sharedStrings.xml', `${XML}<sst xmlns="${MAIN}" count="1" uniqueCount="1"><si><t>`, 'A'.repeat(1 << 20), mb, '</t></si></sst>');
  const sheet = part('xl/worksheets/sheet1.xml', SHEET_HEAD + rowXml(1, HEADER) + '<row r="2"><c r="A2" t="s"><v>0</v></c></row>' + SHEET_TAIL);
  return zip([part('docProps/说明.xml', '<x/>'), ...frame(true), strings, sheet]);
}

/** A shared-string table of `count` strings of `chars` characters each. */
export function manySharedStrings(count: number, chars = 10): Buffer {
  const per = 1000;
  const strings = repeatedPart('xl/sharedStrings.xml', `${XML}<sst xmlns="${MAIN}">`, `<si><t>${'字'.repeat(chars)}</t></si>`.repeat(per), Math.ceil(count / per), '</sst>');
  const sheet = part('xl/worksheets/sheet1.xml', SHEET_HEAD + rowXml(1, HEADER) + '<row r="2"><c r="A2" t="s"><v>0</v></c></row>' + SHEET_TAIL);
  return zip([...frame(true), strings, sheet]);
}
