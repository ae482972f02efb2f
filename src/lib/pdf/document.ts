// A printable document as plain data: the case documents (公示, notices) describe what to print
// and render.ts lays it out on A4 pages. Text is what gets printed, already in the document's
// language (official documents are Chinese).

export type PdfAlign = 'left' | 'center' | 'right';

export type PdfColumn = {
  header: string;
  /** Relative width: the columns share the page width in proportion. */
  width: number;
  align?: PdfAlign;
};

export type PdfBlock =
  /** Centered, large and bold: the document's name. */
  | { type: 'title'; text: string }
  /** Centered under the title: 文号, place or period. */
  | { type: 'subtitle'; text: string }
  | { type: 'heading'; text: string }
  /** Body text; `indent` gives the first line the customary two-character indent. */
  | { type: 'paragraph'; text: string; indent?: boolean; align?: PdfAlign }
  /** Label–value rows (申请人：张三), values wrapping beside their labels. */
  | { type: 'fields'; rows: { label: string; value: string }[] }
  /** The header row is repeated on every page the table runs onto; `totals` rows print bold at the end. */
  | { type: 'table'; columns: PdfColumn[]; rows: string[][]; totals?: string[][] }
  /** Small print (privacy notes, remarks). */
  | { type: 'note'; text: string }
  /** Right-aligned lines at the end: issuing office, date. */
  | { type: 'signature'; lines: string[] }
  | { type: 'space'; lines?: number };

export type PdfDocument = {
  /** The PDF's metadata title (shown by viewers in the window title). */
  title: string;
  author?: string;
  subject?: string;
  blocks: PdfBlock[];
  /** "第 1 页 共 2 页" at the foot of each page: default true. */
  pageNumbers?: boolean;
  /** Metadata creation date; fixed in tests for repeatable output. */
  createdAt?: Date;
};
