// The signing sheet (签收表) of a distribution for one community: who is to sign for what, with
// masked names and ID numbers (the sheet travels and is left lying about). Plain data for lib/pdf.
import type { PdfBlock, PdfDocument } from '../../lib/pdf/document.ts';
import { yuan } from './money.ts';

export type SheetRow = { nameMasked: string; idNumberMasked: string; place: string; status: string; deliveredOn: string | null };
export type SheetGroup = { community: string; rows: SheetRow[] };

export function signingSheet(d: { name: string; organisationName: string; plannedOn: string; what: string; valueFen: number }, groups: readonly SheetGroup[], createdAt?: Date): PdfDocument {
  const blocks: PdfBlock[] = [];
  for (const [i, g] of groups.entries()) {
    if (i > 0) blocks.push({ type: 'space', lines: 2 });
    blocks.push(
      { type: 'title', text: `${d.name} 签收表` },
      { type: 'subtitle', text: `${g.community} · ${d.organisationName} · ${d.plannedOn}` },
      { type: 'paragraph', text: `每户发放：${d.what}（估值 ${yuan(d.valueFen)} 元）。请受助人核对后签名；代领请注明关系。` },
      {
        type: 'table',
        columns: [{ header: '序号', width: 1, align: 'center' }, { header: '户主', width: 2 }, { header: '身份证号', width: 4 }, { header: '网格', width: 4 }, { header: '签名', width: 3 }, { header: '日期', width: 2 }],
        rows: g.rows.map((r, n) => [String(n + 1), r.nameMasked, r.idNumberMasked, r.place, r.status === 'delivered' ? '已签收' : r.status === 'undelivered' ? '未领取' : '', r.deliveredOn ?? '']),
        totals: [['', `共 ${g.rows.length} 户`, '', '', '', '']],
      },
      { type: 'signature', lines: ['发放人：__________    监督人：__________'] },
    );
  }
  return { title: `${d.name} 签收表`, author: d.organisationName, ...(createdAt ? { createdAt } : {}), blocks };
}
