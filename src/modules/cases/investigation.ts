// 受理 and 调查: materials (with the one-time notice of what is still missing), the start of the
// investigation, 家庭经济状况调查 records (a home visit by two investigators signed by the
// family; the county's own visit of a separately registered household), and the hand-over to 审核.
import { AppError, validationFailed } from '../../platform/errors.ts';
import type { Actor } from '../audit/audit.service.ts';
import * as store from './cases.store.ts';
import type { VisitBody } from './cases.schema.ts';
import type { Caller, Ctx } from './context.ts';
import { markReceived, materialsNotice, type Material } from './materials.ts';
import { runStep } from './steps.ts';

export function updateMaterials(ctx: Ctx, caller: Caller, id: number, body: { received?: string[] | undefined; notReceived?: string[] | undefined; promiseSigned?: boolean | undefined; dataCheckAuthorised?: boolean | undefined }, actor: Actor) {
  return runStep(ctx, caller, actor, id, { action: 'materials' }, async (_tx, row) => {
    const list = row.materials as Material[];
    const codes = [...(body.received ?? []), ...(body.notReceived ?? [])];
    const unknown = codes.filter((c) => !list.some((m) => m.code === c));
    if (unknown.length) throw validationFailed([{ field: 'received', message: `not on this case’s list: ${unknown.join(', ')}`, messageZh: `不在本案材料清单中：${unknown.join('、')}` }]);
    const materials = markReceived(list, body.received ?? [], body.notReceived ?? []);
    const signed = { promiseSigned: body.promiseSigned ?? row.promiseSigned, dataCheckAuthorised: body.dataCheckAuthorised ?? row.dataCheckAuthorised };
    const notice = materialsNotice(materials, signed);
    return {
      patch: { materials, ...signed },
      note: notice ? notice.zh : '材料已齐全 / materials complete',
      data: { received: body.received ?? [], notReceived: body.notReceived ?? [], notice },
      changes: { materials: { before: list.filter((m) => m.received).map((m) => m.code), after: materials.filter((m) => m.received).map((m) => m.code) } },
    };
  });
}

export function startInvestigation(ctx: Ctx, caller: Caller, id: number, note: string | undefined, actor: Actor) {
  return runStep(ctx, caller, actor, id, { action: 'start_investigation' }, async () => ({ note: note ?? null }));
}

export function submitForReview(ctx: Ctx, caller: Caller, id: number, note: string | undefined, actor: Actor) {
  return runStep(ctx, caller, actor, id, { action: 'submit_review' }, async () => ({ note: note ?? null }));
}

export async function recordVisit(ctx: Ctx, caller: Caller, id: number, body: VisitBody, actor: Actor): Promise<number> {
  let visitId = 0;
  const county = body.kind === 'county_visit';
  await runStep(ctx, caller, actor, id, { action: county ? 'county_visit' : 'visit' }, async (tx, row, { today }) => {
    if (body.visitedOn > today) throw validationFailed([{ field: 'visitedOn', message: 'cannot be in the future', messageZh: '不能晚于今天' }]);
    if (body.visitedOn < row.receivedOn) throw validationFailed([{ field: 'visitedOn', message: `before the application was received (${row.receivedOn})`, messageZh: `早于受理日期（${row.receivedOn}）` }]);
    if (county && !row.separatelyRegistered) throw new AppError('conflict', 'Only a separately registered application needs the county’s own visit; record an ordinary home visit', '仅单独登记备案的申请需县级入户调查，请录入一般入户调查');
    const visit = await store.insertVisit(tx, {
      caseId: id, kind: body.kind, visitedOn: body.visitedOn, investigators: body.investigators, findings: body.findings,
      familyConfirmed: body.familyConfirmed, confirmedBy: body.confirmedBy ?? null, location: body.location ?? null, createdBy: caller.id,
    });
    visitId = visit.id;
    return {
      patch: county ? { countyVisitDone: true } : {},
      note: body.findings.slice(0, 500),
      data: { visitId: visit.id, kind: body.kind, visitedOn: body.visitedOn, investigators: body.investigators.map((i) => i.name), familyConfirmed: body.familyConfirmed },
    };
  });
  return visitId;
}
