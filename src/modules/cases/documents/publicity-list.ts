// 公示 list of the households a place proposes to assist: the same text as a PDF (for posting and
// the file) and as a printable HTML page (publicity-list.html.ts). Names and ID numbers are
// masked (lib/publicity-mask.ts): the list is posted for anyone to read. Pure, no DB.
import { maskIdForPublicity, maskNameForPublicity, type PublicityMaskOptions } from '../../../lib/publicity-mask.ts';
import type { PdfColumn } from '../../../lib/pdf/document.ts';
import { renderPdf } from '../../../lib/pdf/render.ts';
import { check, dateZh, yuan } from './format.ts';

export type PublicityRow = {
  name: string;
  idNumber?: string;
  /** The programme as printed, e.g. 城乡最低生活保障. */
  program: string;
  peopleCovered: number;
  /** Per month for monthly programmes, once for one-off aid: integer 分. */
  amountFen: number;
};

export type PublicityListInput = {
  title: string;
  /** Where the list is posted / whose households these are, e.g. 太原市杏花岭区坝陵桥街道. */
  place: string;
  period: { from: string; to: string };
  issuedBy: string;
  /** Date printed under the issuing office; default period.from. */
  issuedOn?: string;
  rows: PublicityRow[];
  /** Where objections go, e.g. 坝陵桥街道社会救助服务站（电话 0351-1234567）. */
  objectionContact: string;
  mask?: PublicityMaskOptions;
};

/** What both the PDF and the HTML print, masked and formatted. */
export type PublicityListModel = {
  title: string;
  place: string;
  intro: string;
  periodText: string;
  columns: PdfColumn[];
  rows: string[][];
  totals: string[];
  objection: string;
  note: string;
  signature: string[];
};

export function publicityListModel(input: PublicityListInput): PublicityListModel {
  check(input.period.from <= input.period.to, `the period ends (${input.period.to}) before it starts (${input.period.from})`, `公示期结束日 ${input.period.to} 早于开始日 ${input.period.from}`);
  for (const [i, r] of input.rows.entries()) {
    check(Number.isSafeInteger(r.peopleCovered) && r.peopleCovered >= 1, `row ${i + 1}: people covered must be a whole number ≥ 1`, `第 ${i + 1} 行：保障人数应为不小于 1 的整数`);
    check(Number.isSafeInteger(r.amountFen) && r.amountFen >= 0, `row ${i + 1}: amount must be whole 分 ≥ 0`, `第 ${i + 1} 行：金额应为不小于 0 的整数（分）`);
  }
  // The ID column only when some row has one: many places post names only.
  const withId = input.rows.some((r) => r.idNumber !== undefined && r.idNumber.trim() !== '');
  const columns: PdfColumn[] = [
    { header: '序号', width: 0.9, align: 'center' },
    { header: '姓名', width: 1.6, align: 'center' },
    ...(withId ? [{ header: '身份证号', width: 3.4, align: 'center' as const }] : []),
    { header: '救助项目', width: withId ? 3 : 4.5 },
    { header: '保障人数', width: 1.3, align: 'right' },
    { header: '金额（元）', width: 1.7, align: 'right' },
  ];
  const rows = input.rows.map((r, i) => [
    String(i + 1),
    maskNameForPublicity(r.name, input.mask),
    ...(withId ? [r.idNumber ? maskIdForPublicity(r.idNumber, input.mask) : ''] : []),
    r.program,
    String(r.peopleCovered),
    yuan(r.amountFen),
  ]);
  const people = input.rows.reduce((a, r) => a + r.peopleCovered, 0);
  const total = input.rows.reduce((a, r) => a + r.amountFen, 0);
  const totals = ['合计', `${input.rows.length} 户`, ...(withId ? [''] : []), '', String(people), yuan(total)];
  return {
    title: input.title,
    place: input.place,
    intro: `根据社会救助有关规定，经申请、入户调查、家庭经济状况核对和审核，现将${input.place}拟给予救助的以下 ${input.rows.length} 户（共 ${people} 人）予以公示，接受群众监督。`,
    periodText: `公示期：${dateZh(input.period.from)}至${dateZh(input.period.to)}。`,
    columns,
    rows,
    totals,
    objection: `公示期间，对公示对象有异议的，请向${input.objectionContact}实名反映，书面或口头均可。我们将及时核实，并对反映人的信息予以保密。`,
    note: '为保护个人隐私，本公示中姓名、身份证号作部分隐藏处理；公示内容仅用于社会救助监督，不得用于其他用途。金额为每月保障金额，临时救助等一次性救助为一次性金额。',
    signature: [input.issuedBy, dateZh(input.issuedOn ?? input.period.from)],
  };
}

export async function publicityListPdf(input: PublicityListInput, createdAt?: Date): Promise<Buffer> {
  const m = publicityListModel(input);
  return renderPdf({
    title: m.title,
    author: input.issuedBy,
    subject: '社会救助公示',
    createdAt,
    blocks: [
      { type: 'title', text: m.title },
      { type: 'subtitle', text: m.place },
      { type: 'paragraph', text: m.intro, indent: true },
      { type: 'paragraph', text: m.periodText, indent: true },
      { type: 'table', columns: m.columns, rows: m.rows, totals: [m.totals] },
      { type: 'paragraph', text: m.objection, indent: true },
      { type: 'note', text: m.note },
      { type: 'signature', lines: m.signature },
    ],
  });
}
