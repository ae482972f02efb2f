// The printed 捐赠票据 of a donation, as a document for lib/pdf (plain data, no I/O).
import type { PdfDocument } from '../../lib/pdf/document.ts';
import { CHANNELS } from './charity.labels.ts';
import { chineseAmount, yuan } from './money.ts';

export type ReceiptInput = {
  receiptNumber: string;
  organisationName: string;
  creditCode: string;
  donorKind: string;
  donorName: string | null;
  kind: 'money' | 'goods';
  amountFen: number;
  channel: string | null;
  receivedOn: string;
  restricted: boolean;
  restrictedPurpose: string | null;
  projectName: string | null;
  lines: { itemName: string; unit: string; quantity: number; valueFen: number }[];
};

export function receiptDocument(r: ReceiptInput, createdAt?: Date): PdfDocument {
  const donor = r.donorKind === 'anonymous' ? '匿名捐赠' : r.donorName ?? '';
  const fields = [
    { label: '票据号码', value: r.receiptNumber },
    { label: '捐赠人', value: donor },
    { label: '捐赠日期', value: r.receivedOn },
    { label: '捐赠方式', value: r.kind === 'money' ? `货币（${CHANNELS[r.channel as keyof typeof CHANNELS]?.zh ?? r.channel ?? ''}）` : '物资' },
    { label: r.kind === 'money' ? '金额（小写）' : '估值（小写）', value: `¥${yuan(r.amountFen)}` },
    { label: r.kind === 'money' ? '金额（大写）' : '估值（大写）', value: chineseAmount(r.amountFen) },
    { label: '用途', value: r.restricted ? `定向：${r.restrictedPurpose ?? ''}` : '非定向' },
    ...(r.projectName ? [{ label: '慈善项目', value: r.projectName }] : []),
  ];
  return {
    title: `捐赠票据 ${r.receiptNumber}`,
    author: r.organisationName,
    ...(createdAt ? { createdAt } : {}),
    pageNumbers: false,
    blocks: [
      { type: 'title', text: '公益事业捐赠票据' },
      { type: 'subtitle', text: `${r.organisationName}（统一社会信用代码 ${r.creditCode}）` },
      { type: 'fields', rows: fields },
      ...(r.lines.length
        ? [{ type: 'table' as const, columns: [{ header: '物资', width: 4 }, { header: '数量', width: 2, align: 'right' as const }, { header: '估值（元）', width: 2, align: 'right' as const }], rows: r.lines.map((l) => [l.itemName, `${l.quantity}${l.unit}`, yuan(l.valueFen)]) }]
        : []),
      { type: 'space' },
      { type: 'paragraph', text: '感谢您的爱心捐赠。本票据由受赠单位按编号连续开具，可作为公益性捐赠的凭证。', indent: true },
      { type: 'signature', lines: [r.organisationName, `开具日期：${r.receivedOn}`] },
    ],
  };
}
