// PdfDocument → PDF bytes with pdfkit, the Noto Sans SC font embedded as a subset (fonts.ts):
// the PDF shows the same on any machine or printer, and its text can be searched and copied
// (pdfkit writes a ToUnicode map for the subset).
import PDFDocument from 'pdfkit';
import type { PdfBlock, PdfDocument } from './document.ts';
import { fontBytes } from './fonts.ts';
import { STYLE, type Doc } from './style.ts';
import { drawTable } from './table.ts';

function contentWidth(doc: Doc): number {
  return doc.page.width - doc.page.margins.left - doc.page.margins.right;
}

function pageBottom(doc: Doc): number {
  return doc.page.height - doc.page.margins.bottom;
}

function drawFields(doc: Doc, rows: { label: string; value: string }[]): void {
  const { size, lineGap, labelWidth, rowGap } = STYLE.fields;
  const left = doc.page.margins.left;
  const valueWidth = contentWidth(doc) - labelWidth;
  for (const { label, value } of rows) {
    doc.font('regular').fontSize(size);
    const height = Math.max(doc.heightOfString(value || ' ', { width: valueWidth, lineGap }), doc.heightOfString(label, { width: labelWidth, lineGap }));
    if (doc.y + height > pageBottom(doc) && height < pageBottom(doc) - doc.page.margins.top) doc.addPage();
    const y = doc.y;
    doc.font('bold').text(label, left, y, { width: labelWidth, lineGap });
    doc.font('regular').text(value, left + labelWidth, y, { width: valueWidth, lineGap });
    doc.x = left;
    doc.y = Math.max(doc.y, y + height) + rowGap;
  }
}

function drawBlock(doc: Doc, block: PdfBlock): void {
  const left = doc.page.margins.left;
  const width = contentWidth(doc);
  doc.x = left;
  switch (block.type) {
    case 'title':
      doc.font('bold').fontSize(STYLE.title.size).fillColor('black').text(block.text, { width, align: 'center' });
      doc.moveDown(STYLE.title.gapAfter / STYLE.title.size);
      return;
    case 'subtitle':
      doc.font('regular').fontSize(STYLE.subtitle.size).fillColor('black').text(block.text, { width, align: 'center' });
      doc.moveDown(STYLE.subtitle.gapAfter / STYLE.subtitle.size);
      return;
    case 'heading':
      doc.moveDown(STYLE.heading.gapBefore / STYLE.heading.size);
      doc.font('bold').fontSize(STYLE.heading.size).fillColor('black').text(block.text, { width });
      doc.moveDown(STYLE.heading.gapAfter / STYLE.heading.size);
      return;
    case 'paragraph': {
      const { size, lineGap, paragraphGap } = STYLE.body;
      doc.font('regular').fontSize(size).fillColor('black');
      doc.text(block.text, { width, lineGap, paragraphGap, align: block.align ?? 'left', indent: block.indent ? 2 * size : 0 });
      return;
    }
    case 'fields':
      drawFields(doc, block.rows);
      doc.moveDown(0.3);
      return;
    case 'table':
      drawTable(doc, block.columns, block.rows, block.totals);
      doc.moveDown(STYLE.table.gapAfter / STYLE.body.size);
      return;
    case 'note':
      doc.font('regular').fontSize(STYLE.note.size).fillColor(STYLE.note.color).text(block.text, { width, lineGap: STYLE.note.lineGap });
      doc.fillColor('black').moveDown(0.3);
      return;
    case 'signature': {
      doc.font('regular').fontSize(STYLE.body.size).fillColor('black');
      const height = block.lines.length * (doc.currentLineHeight(true) + STYLE.body.lineGap) + doc.currentLineHeight(true);
      if (doc.y + height > pageBottom(doc)) doc.addPage();
      doc.moveDown(1);
      // As on paper notices: a block at the right (two characters in from the margin, room for
      // the seal), the date centred under the office's name.
      const blockWidth = Math.min(width, Math.max(...block.lines.map((l) => doc.widthOfString(l))) + 1);
      const x = Math.max(left, left + width - 2 * STYLE.body.size - blockWidth);
      for (const line of block.lines) doc.text(line, x, doc.y, { width: blockWidth, align: 'center', lineGap: STYLE.body.lineGap });
      doc.x = left;
      return;
    }
    case 'space':
      doc.fontSize(STYLE.body.size).moveDown(block.lines ?? 1);
      return;
  }
}

function drawPageNumbers(doc: Doc): void {
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    // Writing in the bottom margin would make pdfkit start a new page: lift the margin meanwhile.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font('regular').fontSize(STYLE.footer.size).fillColor(STYLE.footer.color);
    doc.text(`第 ${i - start + 1} 页  共 ${count} 页`, doc.page.margins.left, doc.page.height - bottom / 2 - STYLE.footer.size / 2, {
      width: contentWidth(doc),
      align: 'center',
      lineBreak: false,
    });
    doc.page.margins.bottom = bottom;
  }
}

/** Lays the document out on A4 pages and returns the PDF. */
export function renderPdf(spec: PdfDocument): Promise<Buffer> {
  const doc: Doc = new PDFDocument({
    size: 'A4',
    margins: { ...STYLE.margins },
    bufferPages: true,
    compress: true,
    lang: 'zh-CN',
    displayTitle: true,
    info: {
      Title: spec.title,
      Author: spec.author ?? '',
      Subject: spec.subject ?? '',
      Creator: 'lastmile',
      Producer: 'lastmile (pdfkit)',
      CreationDate: spec.createdAt ?? new Date(),
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('regular', fontBytes('regular'));
  doc.registerFont('bold', fontBytes('bold'));
  doc.font('regular');
  for (const block of spec.blocks) drawBlock(doc, block);
  if (spec.pageNumbers !== false) drawPageNumbers(doc);
  doc.end();
  return done;
}
