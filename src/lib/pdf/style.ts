// Page and type sizes, in points (1/72 inch). A4 with margins near GB/T 9704 (official documents)
// but narrower, so a 公示 table gets more width; body 12 pt (小四), tables 10.5 pt (五号).
import type PDFDocument from 'pdfkit';

export type Doc = InstanceType<typeof PDFDocument>;

export const STYLE = {
  margins: { top: 64, bottom: 64, left: 60, right: 60 },
  title: { size: 18, gapAfter: 8 },
  subtitle: { size: 11, gapAfter: 10 },
  heading: { size: 13, gapBefore: 6, gapAfter: 4 },
  body: { size: 12, lineGap: 5, paragraphGap: 6 },
  fields: { size: 12, lineGap: 4, labelWidth: 96, rowGap: 4 },
  table: { size: 10.5, lineGap: 2, border: 0.5, headerFill: '#e8e8e8', gapAfter: 8 },
  note: { size: 9.5, lineGap: 2, color: '#444444' },
  footer: { size: 9, color: '#555555' },
} as const;
