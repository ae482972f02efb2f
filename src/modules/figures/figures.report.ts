// 月报: a fixed-layout monthly report of the month's figures by the places one level below, as
// .xlsx. Every cell is a figure's value from the same definitions (so it matches the dashboard and
// the lists), as of the month's end: a past month's report is reproducible.
import ExcelJS from 'exceljs';
import type { FiguresService } from './figures.service.ts';

type Caller = Parameters<FiguresService['value']>[0];

/** The columns: figure id, heading, and whether it is money (分 → 元). */
export const REPORT_COLUMNS: readonly (readonly [string, string])[] = [
  ['dibao.recipients', '低保户数（户）'], ['dibao.persons', '低保人数（人）'], ['dibao.paid', '低保金（元）'], ['dibao.new', '新增低保（户）'], ['dibao.ended', '退出低保（户）'],
  ['tekun.recipients', '特困人数（人）'], ['tekun.paid', '特困供养金（元）'], ['temporary.recipients', '临时救助（户）'], ['temporary.paid', '临时救助金（元）'],
  ['fcu.recipients', '事实无人抚养儿童（人）'], ['fcu.paid', '事实无人抚养儿童保障金（元）'], ['payments.failed', '发放失败（笔）'],
  ['coverage.gap', '应保未保（户）'], ['requests.received', '受理诉求（件）'], ['requests.sla_met', '诉求按时办结率（%）'],
];

export async function monthlyReport(figures: FiguresService, caller: Caller, month: string, under: string | undefined): Promise<{ buffer: Buffer; placeName: string }> {
  const results: Awaited<ReturnType<FiguresService['value']>>[] = [];
  for (const [id] of REPORT_COLUMNS) results.push(await figures.value(caller, id, { period: month, under, by: 'place' }));
  const first = results[0]!;
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(`${month} 月报`);
  sheet.addRow([`${first.under.name} 社会救助月报（${month}，截至 ${first.period?.to ?? ''}）`]).font = { bold: true, size: 14 };
  const header = sheet.addRow(['地区', '区划代码', ...REPORT_COLUMNS.map(([, h]) => h)]);
  header.font = { bold: true };
  const cell = (r: (typeof results)[number], v: { value: number | null }) => (v.value === null ? '' : r.figure.unit === '元' ? v.value / 100 : v.value);
  // Every place below, with the extra rows any figure has (本级: registered at the place itself).
  const places = new Map<string, string>();
  for (const r of results) for (const b of r.breakdown) if (!places.has(b.key)) places.set(b.key, b.labelZh);
  for (const [key, label] of places) {
    sheet.addRow([label, key, ...results.map((r) => cell(r, r.breakdown.find((b) => b.key === key)?.value ?? { value: null }))]);
  }
  sheet.addRow(['合计', first.under.code, ...results.map((r) => cell(r, r.total))]).font = { bold: true };
  sheet.columns.forEach((c, i) => (c.width = i === 0 ? 16 : 14));
  return { buffer: Buffer.from(await book.xlsx.writeBuffer()), placeName: first.under.name };
}
