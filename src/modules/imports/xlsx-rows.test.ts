// The fast .xlsx reader against exceljs: the same rows, cell for cell, for workbooks as Excel,
// exceljs and hand-written XML produce them; what it does not handle goes to exceljs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { crc32, deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { exceljsRows, fastReaderFaults, readRows } from './read-rows.ts';
import { XlsxUnsupported, fastXlsxRows, type RawRow } from './xlsx-rows.ts';
import { ID_MALE_1990, tempDir, writeXlsx } from './test-fixtures.ts';

const trimmed = (rows: RawRow[]) =>
  rows.map((r) => {
    const values = [...r.values];
    while (values.length > 0 && values[values.length - 1] === null) values.pop();
    return { rowNumber: r.rowNumber, values };
  });

async function both(zip: Buffer): Promise<{ fast: RawRow[] | XlsxUnsupported; slow: RawRow[] }> {
  const slow: RawRow[] = [];
  for await (const r of exceljsRows(Readable.from([zip]))) slow.push(r);
  const fast: RawRow[] = [];
  try {
    for await (const rows of fastXlsxRows(zip)) fast.push(...rows);
  } catch (error) {
    if (error instanceof XlsxUnsupported) return { fast: error, slow };
    throw error;
  }
  return { fast, slow };
}

async function assertSame(zip: Buffer, message?: string): Promise<RawRow[]> {
  let { fast, slow } = await both(zip);
  assert.ok(!(fast instanceof XlsxUnsupported), `the fast reader handles it (${message}): ${String(fast)}`);
  // exceljs's streaming unzip now and then loses the shared strings or styles when the sheet comes
  // before them in the zip (as in files Excel writes): read again before calling it a difference.
  for (let again = 0; again < 10 && !isDeepStrictEqual(trimmed(fast), trimmed(slow)); again++) slow = (await both(zip)).slow;
  if (process.env.XLSX_DEBUG && !isDeepStrictEqual(trimmed(fast), trimmed(slow))) {
    for (let i = 0; i < Math.max(fast.length, slow.length); i++) console.log(JSON.stringify(trimmed(fast)[i]), '\n', JSON.stringify(trimmed(slow)[i]));
  }
  assert.deepEqual(trimmed(fast), trimmed(slow), message);
  return fast;
}

/** A zip of the given entries (deflated), in the order given. */
function zipOf(entries: [string, string | Buffer][]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of entries) {
    const data = Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8');
    const packed = deflateRawSync(data);
    const nameBytes = Buffer.from(name, 'latin1');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc32(data), 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(8, 10);
    dir.writeUInt32LE(crc32(data), 16);
    dir.writeUInt32LE(packed.length, 20);
    dir.writeUInt32LE(data.length, 24);
    dir.writeUInt16LE(nameBytes.length, 28);
    dir.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, packed);
    central.push(dir, nameBytes);
    offset += 30 + nameBytes.length + packed.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n';

/** A workbook of hand-written parts: sheets (name, xml, state), shared strings, styles. */
function workbook(options: { sheets: { name: string; xml: string; state?: string }[]; strings?: string; styles?: string; date1904?: boolean; stringsFirst?: boolean }): Buffer {
  const sheets = options.sheets
    .map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ''} r:id="rId${i + 1}"/>`)
    .join('');
  const rels = options.sheets
    .map((_, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`)
    .join('');
  const parts: [string, string][] = [
    ['[Content_Types].xml', `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"></Types>`],
    ['xl/workbook.xml', `${XML}<workbook ${NS}><workbookPr${options.date1904 ? ' date1904="1"' : ''}/><sheets>${sheets}</sheets></workbook>`],
    ['xl/_rels/workbook.xml.rels', `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}</Relationships>`],
  ];
  const strings: [string, string][] = options.strings === undefined ? [] : [['xl/sharedStrings.xml', `${XML}<sst ${NS}>${options.strings}</sst>`]];
  const styles: [string, string][] = options.styles === undefined ? [] : [['xl/styles.xml', `${XML}<styleSheet ${NS}>${options.styles}</styleSheet>`]];
  const sheetParts = options.sheets.map((s, i): [string, string] => [`xl/worksheets/sheet${i + 1}.xml`, `${XML}<worksheet ${NS}>${s.xml}</worksheet>`]);
  return zipOf(options.stringsFirst ? [...parts, ...strings, ...styles, ...sheetParts] : [...parts, ...sheetParts, ...styles, ...strings]);
}

const STYLES =
  '<numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/><numFmt numFmtId="165" formatCode="0.00_ "/></numFmts>' +
  '<fonts count="1"><font><sz val="11"/><name val="宋体"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills>' +
  '<borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="6"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="31" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>';

test('xlsx fast reader: workbooks written by exceljs (shared strings, styles, dates, rich text, formulas, hyperlinks, errors, hidden sheets)', async (t) => {
  const dir = tempDir(t);
  const file = join(dir, 'features.xlsx');
  await writeXlsx(file, [
    { name: '隐藏', state: 'hidden', rows: [['a', 'b'], ['1', '2']] },
    {
      name: '台账',
      rows: [
        ['和平社区困难群众台账'],
        [],
        ['姓名', '身份证号', '出生日期', '居住地区划代码', '备注', null, '户编号', '布尔', '错误', '小数'],
        ['王五', ID_MALE_1990, new Date(Date.UTC(1990, 0, 1)), 140107001001, { richText: [{ text: '低保' }, { font: { bold: true }, text: '户' }] }, null, { formula: '1+1', result: 2 }, true, { error: '#N/A' }, 3.25],
        [],
        ['赵六 & <孙七> "引号" \'单引号\'', null, '1990/1/1', '140107001001', { text: '链接', hyperlink: 'https://example.org' }, 'x', 3, false, { formula: 'A1', result: '王五' }, -0.5],
        ['  前后空格  ', '  ', 32874, 19900101, '第一行\n第二行', '', { formula: 'NA()', result: { error: '#N/A' } }, 0, 1e21, 1 / 3],
      ],
      formats: { C4: 'yyyy-mm-dd', C7: 'yyyy"年"m"月"d"日"', D7: '@', J4: '0.00%' },
    },
    { name: 'Sheet3', rows: [['不该读到']] },
  ]);
  const rows = await assertSame(readFileSync(file), 'exceljs workbook');
  assert.ok(rows.length >= 5);
  assert.equal(fastReaderFaults, 0);
});

test('xlsx fast reader: hand-written XML — whitespace, CRLF, entities, inline strings, rich text with phonetic runs, styles, 1904 dates, CDATA and comments', async () => {
  const strings =
    '\n  <si><t>姓名</t></si>\n  <si>\n    <t xml:space="preserve"> 居住地 区划代码 </t>\n  </si>' +
    '<si><r><rPr><b/><sz val="11"/></rPr><t>富</t></r><r><t>文本&amp;&lt;</t></r><rPh sb="0" eb="1"><t>fu</t></rPh></si>' +
    '<si><t>中</t><rPh sb="0" eb="1"><t>zhong</t></rPh></si><si><t/></si><si><t><![CDATA[cdata]]></t></si><si><t>A&#x4E2D;&#20013;&quot;&apos;</t></si>';
  const sheet =
    '<sheetPr/><dimension ref="A1:F9"/><cols><col min="1" max="1" width="9" style="1"/></cols>\r\n<sheetData>\r\n' +
    '<row r="1" spans="1:6"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>4</v></c><c r="F1" t="s"><v>5</v></c></row>\r\n' +
    '<row r="2"><c r="A2" t="s"><v>6</v></c><c r="B2" s="1"><v>32874</v></c><c r="C2" s="2"><v>32874.5</v></c><c r="D2" s="3" t="str"><v>a&amp;amp;b\r\nc</v></c><c r="E2" s="4"><v>1.5</v></c><c r="F2" s="5"><v>32874</v></c></row>\n' +
    '<row r="3" s="1" customFormat="1"><c r="A3"><v>32874</v></c><c r="B3" s="3"><v>32874</v></c><c r="C3" t="inlineStr"><is><t>内联</t></is></c><c r="D3" t="inlineStr"><is><r><t>一</t></r><r><t>二</t></r></is></c><c r="E3" t="b"><v>1</v></c><c r="F3" t="e"><v>#REF!</v></c></row>\n' +
    '<row r="4"><c r="A4"><f>SUM(B4:C4)</f><v>7</v></c><c r="B4" t="str"><f>"x"&amp;"y"</f><v>xy</v></c><c r="C4"><f t="shared" ref="C4:C5" si="0">A4+1</f><v>8</v></c><c r="D4" t="b"><f>TRUE</f><v>1</v></c><c r="E4" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="F4"><f>NOW()</f></c></row>\n' +
    '<row r="5"><c r="C5"><f t="shared" si="0"/><v>9</v></c><c r="D5" t="s"><v>99</v></c><c r="E5"><v></v></c><c r="F5" t="s"/></row>\n' +
    '<row r="6" spans="1:6"/>\n' +
    '<row r="7"><!-- a comment --><c r="B7" t="inlineStr">\n  <is>\n    <t>缩进的</t>\n  </is>\n</c><c r="C7"><v>\n 12 \n</v></c><c r="D7" t="str"><v>带空白</v>\n</c><c r="E7" t="inlineStr"><is><t><![CDATA[丢弃]]></t></is></c></row>\n' +
    '<row r="9"><c r="AA9" t="str"><v>远列</v></c></row>\n' +
    '</sheetData><mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells><hyperlinks><hyperlink ref="A2" r:id="rId1" display="a&gt;b"/></hyperlinks>';
  for (const stringsFirst of [false, true]) {
    for (const date1904 of [false, true]) {
      await assertSame(workbook({ sheets: [{ name: '人员', xml: sheet }], strings, styles: STYLES, date1904, stringsFirst }), `stringsFirst=${stringsFirst} date1904=${date1904}`);
    }
  }
  // No shared strings part: exceljs shows the cell as "[object Object]"; no styles part: no dates.
  await assertSame(workbook({ sheets: [{ name: '人员', xml: '<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" s="1"><v>5</v></c></row></sheetData>' }] }), 'bare workbook');
  // The first visible sheet by the workbook's order, whatever the file order.
  await assertSame(
    workbook({
      sheets: [
        { name: 'hidden', state: 'hidden', xml: '<sheetData><row r="1"><c r="A1" t="str"><v>no</v></c></row></sheetData>' },
        { name: 'very', state: 'veryHidden', xml: '<sheetData><row r="1"><c r="A1" t="str"><v>no</v></c></row></sheetData>' },
        { name: 'yes', xml: '<sheetData><row r="1"><c r="A1" t="str"><v>yes</v></c></row></sheetData>' },
      ],
      strings: '',
      stringsFirst: true,
    }),
    'hidden sheets',
  );
});

test('xlsx fast reader: what it does not handle is read by exceljs, rows already given skipped', async () => {
  const row = (n: number, extra = '') => `<row r="${n}"><c r="A${n}" t="str"><v>行${n}${extra}</v></c><c r="B${n}"><v>${n}</v></c></row>`;
  const cases: [string, string][] = [
    ['unknown entity mid-sheet', `<sheetData>${row(1)}${row(2)}${row(3, '&nbsp;')}${row(4)}</sheetData>`],
    ['cells out of order', `<sheetData>${row(1)}<row r="2"><c r="B2"><v>1</v></c><c r="A2"><v>2</v></c></row>${row(3)}</sheetData>`],
    ['a cell without a reference', `<sheetData>${row(1)}<row r="2"><c><v>1</v></c></row></sheetData>`],
  ];
  for (const [what, xml] of cases) {
    const zip = workbook({ sheets: [{ name: 'S', xml }] });
    await assert.rejects(async () => {
      for await (const _ of fastXlsxRows(zip));
    }, XlsxUnsupported, `${what}: unsupported`);
    // readRows gives exactly what exceljs gives (or fails as it does).
    const viaReadRows: unknown[] = [];
    let readError: unknown;
    try {
      for await (const r of readRows(Readable.from([zip]), 'xlsx')) viaReadRows.push(r);
    } catch (error) {
      readError = error;
    }
    const slowRows: RawRow[] = [];
    let slowError: unknown;
    try {
      for await (const r of exceljsRows(Readable.from([zip]))) slowRows.push(r);
    } catch (error) {
      slowError = error;
    }
    assert.equal(readError === undefined, slowError === undefined, `${what}: fails the same way (${String(readError)} / ${String(slowError)})`);
    if (!slowError) assert.equal(viaReadRows.length, slowRows.length - 1, `${what}: the rows after the header`);
  }
  assert.equal(fastReaderFaults, 0);
});

test('xlsx fast reader: a large ledger reads whole, with no character split between chunks', async (t) => {
  const dir = tempDir(t);
  const file = join(dir, 'large.xlsx');
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false });
  const ws = wb.addWorksheet('人员');
  ws.addRow(['姓名', '现住址']).commit();
  const rows: string[][] = [];
  for (let i = 0; i < 6000; i++) {
    const r = [`居民${'甲乙丙丁戊'.repeat(1 + (i % 3))}${i}`, `太原市杏花岭区巨轮街道和平社区${i % 50}号楼${'单元'.repeat(i % 4)}${i}室`];
    rows.push(r);
    ws.addRow(r).commit();
  }
  await wb.commit();
  const read: RawRow[] = [];
  for await (const rows of fastXlsxRows(readFileSync(file))) read.push(...rows);
  assert.equal(read.length, rows.length + 1);
  assert.deepEqual(read.slice(1).map((r) => r.values), rows);
});
