// Tables drawn cell by cell: each row is measured first (long Chinese text wraps inside its
// cell), and a row that would cross the page foot starts a new page, which gets the header row
// again so every printed page of a 公示 reads on its own.
import type { PdfAlign, PdfColumn } from './document.ts';
import { STYLE, type Doc } from './style.ts';

const PAD = 4;

type Row = { cells: string[]; bold: boolean };

/** Height of the cell's text alone (the gap pdfkit adds after the last line not counted). */
function textHeight(doc: Doc, text: string, width: number): number {
  const measured = text === '' ? 0 : doc.heightOfString(text, { width, lineGap: STYLE.table.lineGap }) - STYLE.table.lineGap;
  return Math.max(measured, doc.currentLineHeight(true));
}

function useFont(doc: Doc, bold: boolean): void {
  doc.font(bold ? 'bold' : 'regular').fontSize(STYLE.table.size);
}

function rowHeight(doc: Doc, row: Row, widths: number[]): number {
  useFont(doc, row.bold);
  return Math.max(...row.cells.map((c, i) => textHeight(doc, c, widths[i]! - 2 * PAD))) + 2 * PAD;
}

function drawRow(doc: Doc, row: Row, widths: number[], aligns: PdfAlign[], y: number, height: number, fill?: string): void {
  const left = doc.page.margins.left;
  const total = widths.reduce((a, b) => a + b, 0);
  if (fill) doc.rect(left, y, total, height).fill(fill);
  doc.fillColor('black');
  useFont(doc, row.bold);
  let x = left;
  row.cells.forEach((text, i) => {
    const w = widths[i]!;
    doc.lineWidth(STYLE.table.border).strokeColor('#444').rect(x, y, w, height).stroke();
    // Centred vertically; `height` clips a cell taller than a page instead of letting pdfkit
    // break the page in the middle of a row.
    const inner = height - 2 * PAD;
    const top = Math.max(0, (inner - textHeight(doc, text, w - 2 * PAD)) / 2);
    doc.text(text, x + PAD, y + PAD + top, { width: w - 2 * PAD, height: inner - top, ellipsis: true, align: aligns[i] ?? 'left', lineGap: STYLE.table.lineGap });
    x += w;
  });
}

export function drawTable(doc: Doc, columns: PdfColumn[], rows: string[][], totals: string[][] = []): void {
  const left = doc.page.margins.left;
  const content = doc.page.width - left - doc.page.margins.right;
  const sum = columns.reduce((a, c) => a + c.width, 0);
  const widths = columns.map((c) => (c.width / sum) * content);
  const aligns = columns.map((c) => c.align ?? 'left');
  const fit = (cells: string[]) => columns.map((_, i) => cells[i] ?? '');

  const header: Row = { cells: columns.map((c) => c.header), bold: true };
  const body: Row[] = [...rows.map((r) => ({ cells: fit(r), bold: false })), ...totals.map((r) => ({ cells: fit(r), bold: true }))];
  const headerHeight = rowHeight(doc, header, widths);
  const pageBottom = () => doc.page.height - doc.page.margins.bottom;
  const usable = () => pageBottom() - doc.page.margins.top - headerHeight;

  let y = doc.y;
  const drawHeader = () => {
    drawRow(doc, header, widths, columns.map(() => 'center'), y, headerHeight, STYLE.table.headerFill);
    y += headerHeight;
  };
  // Keep the header with the first row.
  const first = body[0] ? Math.min(rowHeight(doc, body[0], widths), usable()) : 0;
  if (y + headerHeight + first > pageBottom()) {
    doc.addPage();
    y = doc.page.margins.top;
  }
  drawHeader();
  for (const row of body) {
    const height = Math.min(rowHeight(doc, row, widths), usable());
    if (y + height > pageBottom()) {
      doc.addPage();
      y = doc.page.margins.top;
      drawHeader();
    }
    drawRow(doc, row, widths, aligns, y, height);
    y += height;
  }
  doc.x = left;
  doc.y = y;
}
