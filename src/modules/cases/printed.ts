// The data behind the printed documents (documents/ renders them): the 公示 list of a community
// and a case's written decision. Gathered in the caller's scope; the list masks names and ID
// numbers itself.
import { AppError } from '../../platform/errors.ts';
import { isWithin } from '../../lib/division-code.ts';
import type { Actor } from '../audit/audit.service.ts';
import * as places from '../jurisdictions/jurisdictions.store.ts';
import * as store from './cases.store.ts';
import { loadCase, type Caller, type Ctx } from './context.ts';
import { approvalNoticePdf, refusalNoticePdf } from './documents/notices.ts';
import { publicityListHtml } from './documents/publicity-list.html.ts';
import { publicityListPdf, type PublicityListInput } from './documents/publicity-list.ts';
import { PROGRAM_LABELS, type CaseProgram } from './workflow/states.ts';

const PRINTED_PROGRAM: Record<CaseProgram, string> = { dibao: '最低生活保障', tekun: '特困人员救助供养', temporary: '临时救助', fcu: '事实无人抚养儿童基本生活保障' };

/** 巨轮街道 → 巨轮街道办事处; 某某镇 → 某某镇人民政府. */
function officeOf(name: string): string {
  return name.endsWith('街道') ? `${name}办事处` : name.endsWith('乡') || name.endsWith('镇') ? `${name}人民政府` : name;
}

async function nameOf(ctx: Ctx, code: string): Promise<string> {
  const [row] = await places.namesOf(ctx.db, [code]);
  return row?.name ?? code;
}

function idOf(ctx: Ctx, enc: string | undefined): { idNumber?: string } {
  const id = enc ? ctx.sensitive.decrypt(enc) : null;
  return id ? { idNumber: id } : {};
}

export async function publicityDocument(ctx: Ctx, caller: Caller, q: { community?: string | undefined; from?: string | undefined; to?: string | undefined; format: 'html' | 'pdf' }) {
  const from = q.from ?? ctx.today();
  const to = q.to ?? from;
  if (to < from) throw new AppError('validation_failed', 'the period ends before it starts', '结束日期早于开始日期', [{ field: 'to', message: 'before from', messageZh: '早于开始日期' }]);
  // A community inside the caller's area; a wider one narrows to the caller's area; another area's is empty.
  const under = !q.community ? undefined : isWithin(q.community, caller.scope) ? q.community : isWithin(caller.scope, q.community) ? caller.scope : '-';
  const rows = under === '-' ? [] : await store.publicity(ctx.db, caller.scope, under, from, to);
  const placeCode = under && under !== '-' ? under : caller.scope;
  const place = placeCode ? await nameOf(ctx, placeCode) : '全部辖区';
  const township = placeCode.length >= 9 ? await nameOf(ctx, placeCode.slice(0, 9)) : place;
  // The ID number is printed masked (first 4 and last 4 digits, documents/ masks it): decrypted
  // here only to be masked, never returned whole.
  const subject = (r: (typeof rows)[number]) => r.beneficiaryPersonId ?? r.applicantPersonId;
  const encrypted = await store.idNumbersEnc(ctx.db, rows.map(subject));
  const input: PublicityListInput = {
    title: '社会救助对象公示',
    place,
    period: rows.length ? { from: rows.map((r) => r.publicityFrom!).sort()[0]!, to: rows.map((r) => r.publicityTo!).sort().at(-1)! } : { from, to },
    issuedBy: officeOf(township),
    rows: rows.map((r) => ({ name: r.beneficiaryName ?? r.applicantName, ...idOf(ctx, encrypted.get(subject(r))), program: PRINTED_PROGRAM[r.program as CaseProgram] ?? PROGRAM_LABELS[r.program as CaseProgram].zh, peopleCovered: r.peopleCovered ?? 1, amountFen: r.proposedFen ?? 0 })),
    objectionContact: `${township}社会救助经办机构`,
  };
  return q.format === 'pdf' ? { type: 'application/pdf', body: await publicityListPdf(input) } : { type: 'text/html; charset=utf-8', body: publicityListHtml(input) };
}

/** 准予 / 不予 notice of a decided case, addressed to the applicant (name in full), audited. */
export async function noticeDocument(ctx: Ctx, caller: Caller, id: number, actor: Actor): Promise<{ fileName: string; body: Buffer }> {
  const row = await loadCase(ctx, caller, id);
  const approved = row.state === 'approved' || (row.state === 'closed' && row.approvedOn !== null);
  if ((!approved && row.state !== 'refused') || row.kind === 'review') throw new AppError('conflict', 'Only an approved or refused application has a written decision', '仅已批准或不予批准的申请有书面决定');
  // Rows approved outside the workflow (imported, fixtures) may lack the amount the notice states.
  if (approved && (!(row.approvedFen! > 0) || (row.paymentPeriod === 'monthly' && !row.firstPaymentMonth))) {
    throw new AppError('conflict', 'This approval has no amount or first payment month recorded, so no notice can be printed', '该审批未记录救助金额或起始发放月份，无法打印准予通知书');
  }
  const applicantName = (await store.personName(ctx.db, row.applicantPersonId)) ?? '';
  const county = await nameOf(ctx, row.jurisdictionCode.slice(0, 6));
  const issuedBy = row.approvalLevel === 'township' ? officeOf(await nameOf(ctx, row.jurisdictionCode.slice(0, 9))) : `${county}民政局`;
  const program = PRINTED_PROGRAM[row.program as CaseProgram];
  const base = { applicantName, program, applicationDate: row.receivedOn, issuedBy, documentNumber: row.caseNo };
  const body = approved
    ? await approvalNoticePdf({
      ...base, decisionDate: row.approvedOn!, amountFen: row.approvedFen!, amountPeriod: row.paymentPeriod === 'monthly' ? 'month' : 'once',
      ...(row.firstPaymentMonth ? { firstPaymentMonth: row.firstPaymentMonth } : {}), ...(row.peopleCovered ? { peopleCovered: row.peopleCovered } : {}),
    })
    : await refusalNoticePdf({ ...base, decisionDate: row.refusedOn!, reasons: (row.refusalReason ?? '').split(/[\n；;]+/) });
  await ctx.db.transaction((tx) => ctx.audit.record(tx, actor, { action: 'case.notice.print', entity: 'assistance_case', entityId: id, jurisdictionCode: row.jurisdictionCode, reason: approved ? 'approval notice' : 'refusal notice' }));
  return { fileName: `${row.caseNo}-${approved ? '准予' : '不予'}通知书.pdf`, body };
}
