// Written decisions on an application (审批 / 不予批准 notices) as PDF, addressed to the applicant,
// so the name is printed in full. Both state how to challenge the decision: an administrative
// decision must say so, and the time limits are the law's (行政复议法 2023 第二十条: 60 days to
// apply for reconsideration; 行政诉讼法 第四十六条: 6 months to sue). Pure, no DB.
import { renderPdf } from '../../../lib/pdf/render.ts';
import type { PdfBlock } from '../../../lib/pdf/document.ts';
import { check, dateZh, monthZh, yuan } from './format.ts';

type NoticeBase = {
  applicantName: string;
  /** The programme as printed, e.g. 最低生活保障, 临时救助. */
  program: string;
  /** Date of the decision ('YYYY-MM-DD'). */
  decisionDate: string;
  /** When the application was made, if it should be cited. */
  applicationDate?: string;
  /** Issuing office as on its seal, e.g. 太原市杏花岭区民政局. */
  issuedBy: string;
  /** Date printed under the office; default decisionDate. */
  issuedOn?: string;
  /** 文号, e.g. 杏民救〔2025〕12号. */
  documentNumber?: string;
  /** Where to apply for reconsideration (usually the county-level people's government) and which court; generic wording when absent. */
  reconsiderationBody?: string;
  court?: string;
  /** Overrides the default title. */
  title?: string;
};

export type ApprovalNoticeInput = NoticeBase & {
  amountFen: number;
  amountPeriod: 'month' | 'once';
  /** First month paid ('YYYY-MM'); required for monthly payments. */
  firstPaymentMonth?: string;
  peopleCovered?: number;
};

export type RefusalNoticeInput = NoticeBase & {
  /** Each reason as a sentence; at least one (a refusal must give its reasons). */
  reasons: string[];
};

function remedies(n: NoticeBase): string {
  const body = n.reconsiderationBody ? `向${n.reconsiderationBody}` : '依法';
  const court = n.court ? `向${n.court}` : '依法向人民法院';
  return `如对本决定不服，可以自收到本通知书之日起六十日内${body}申请行政复议，也可以自收到本通知书之日起六个月内${court}提起行政诉讼。`;
}

function applied(n: NoticeBase): string {
  return n.applicationDate ? `你于${dateZh(n.applicationDate)}提出的${n.program}申请` : `你提出的${n.program}申请`;
}

function head(n: NoticeBase, title: string): PdfBlock[] {
  check(n.applicantName.trim() !== '', 'the applicant’s name is missing', '缺少申请人姓名');
  return [{ type: 'title', text: n.title ?? title }, ...(n.documentNumber ? [{ type: 'subtitle' as const, text: n.documentNumber }] : []), { type: 'paragraph', text: `${n.applicantName}：` }];
}

function foot(n: NoticeBase): PdfBlock[] {
  return [
    { type: 'paragraph', text: remedies(n), indent: true },
    { type: 'paragraph', text: '特此通知。', indent: true },
    { type: 'signature', lines: [n.issuedBy, dateZh(n.issuedOn ?? n.decisionDate)] },
  ];
}

export async function approvalNoticePdf(n: ApprovalNoticeInput, createdAt?: Date): Promise<Buffer> {
  check(Number.isSafeInteger(n.amountFen) && n.amountFen > 0, 'the amount must be whole 分 above 0', '救助金额应为大于 0 的整数（分）');
  check(n.amountPeriod === 'once' || n.firstPaymentMonth !== undefined, 'monthly payments need the first payment month', '按月发放须写明起始发放月份');
  const amount = n.amountPeriod === 'month' ? `每月 ${yuan(n.amountFen)} 元` : `一次性 ${yuan(n.amountFen)} 元`;
  const fields = [
    { label: '申请人：', value: n.applicantName },
    { label: '救助项目：', value: n.program },
    ...(n.peopleCovered !== undefined ? [{ label: '保障人数：', value: `${n.peopleCovered} 人` }] : []),
    { label: '救助金额：', value: amount },
    ...(n.amountPeriod === 'month' ? [{ label: '起始发放：', value: monthZh(n.firstPaymentMonth!) }] : []),
    { label: '决定日期：', value: dateZh(n.decisionDate) },
  ];
  const payment =
    n.amountPeriod === 'month'
      ? `救助金自${monthZh(n.firstPaymentMonth!)}起按月发放。享受救助期间，家庭人口、收入、财产状况发生变化的，请及时告知所在乡镇人民政府（街道办事处）。`
      : '救助金将一次性发放。';
  return renderPdf({
    title: n.title ?? `准予${n.program}通知书`,
    author: n.issuedBy,
    subject: `${n.program}审批决定`,
    createdAt,
    blocks: [
      ...head(n, `准予${n.program}通知书`),
      { type: 'paragraph', text: `${applied(n)}，经审核，符合有关规定，决定准予${n.program}。`, indent: true },
      { type: 'fields', rows: fields },
      { type: 'paragraph', text: payment, indent: true },
      ...foot(n),
    ],
  });
}

export async function refusalNoticePdf(n: RefusalNoticeInput, createdAt?: Date): Promise<Buffer> {
  const reasons = n.reasons.map((r) => r.trim()).filter((r) => r !== '');
  check(reasons.length > 0, 'a refusal must give at least one reason', '不予批准须写明理由');
  return renderPdf({
    title: n.title ?? `不予${n.program}通知书`,
    author: n.issuedBy,
    subject: `${n.program}审批决定`,
    createdAt,
    blocks: [
      ...head(n, `不予${n.program}通知书`),
      { type: 'paragraph', text: `${applied(n)}，经审核，不符合有关规定，决定不予${n.program}。理由如下：`, indent: true },
      ...reasons.map((r, i): PdfBlock => ({ type: 'paragraph', text: `${reasons.length > 1 ? `${i + 1}. ` : ''}${r}`, indent: true })),
      { type: 'fields', rows: [{ label: '申请人：', value: n.applicantName }, { label: '救助项目：', value: n.program }, { label: '决定日期：', value: dateZh(n.decisionDate) }] },
      { type: 'paragraph', text: '家庭情况发生变化的，可以重新提出申请。', indent: true },
      ...foot(n),
    ],
  });
}
