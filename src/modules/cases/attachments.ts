// Photos and scans of a case (visit photos, signed forms), kept by the attachments module: the
// case's own files are owned by ('case', case id), a visit's photos by ('case_visit', visit id).
// This file decides who may add and see them (the case's permission and scope); the attachments
// module checks the bytes, seals them and audits every download.
import { validationFailed } from '../../platform/errors.ts';
import type { Attachment, OwnerSet } from '../attachments/index.ts';
import type { Actor } from '../audit/audit.service.ts';
import * as store from './cases.store.ts';
import { loadCase, type Caller, type Ctx } from './context.ts';
import { runStep } from './steps.ts';

export { MAX_ATTACHMENT_BYTES } from '../attachments/index.ts';

export const CASE_OWNER = 'case';
export const VISIT_OWNER = 'case_visit';

/** The owners whose files show on a case: the case and each of its visits. */
export function caseOwners(caseId: number, visitIds: readonly number[]): OwnerSet {
  return [{ kind: CASE_OWNER, ids: [caseId] }, { kind: VISIT_OWNER, ids: visitIds }];
}

/** A stored file as the case shows it: a visit's photo names its visit. */
export function caseAttachmentOf(a: Attachment) {
  return { id: a.id, visitId: a.ownerKind === VISIT_OWNER ? a.ownerId : null, kind: a.kind ?? 'other', fileName: a.fileName, mimeType: a.mediaType, sizeBytes: a.sizeBytes, sha256: a.sha256, createdAt: a.createdAt };
}

export async function uploadAttachment(ctx: Ctx, caller: Caller, id: number, file: { fileName: string; kind: string; visitId?: number | undefined; content: Buffer }, actor: Actor): Promise<number> {
  const checked = ctx.attachments.check({ content: file.content });
  let attachmentId = 0;
  await runStep(ctx, caller, actor, id, { action: 'attach' }, async (tx, row) => {
    if (file.visitId !== undefined && !(await store.visitInCase(tx, id, file.visitId))) throw validationFailed([{ field: 'visitId', message: 'no such visit in this case', messageZh: '本案无此调查记录' }]);
    const owner = file.visitId !== undefined ? { kind: VISIT_OWNER, id: file.visitId } : { kind: CASE_OWNER, id };
    const stored = await ctx.attachments.put(tx, { ...owner, jurisdictionCode: row.jurisdictionCode }, { content: file.content, fileName: file.fileName, kind: file.kind, checked }, caller.id);
    attachmentId = stored.id;
    return { data: { attachmentId, kind: stored.kind, fileName: stored.fileName, mimeType: stored.mediaType, sizeBytes: stored.sizeBytes, sha256: stored.sha256, visitId: file.visitId ?? null } };
  });
  return attachmentId;
}

export async function downloadAttachment(ctx: Ctx, caller: Caller, id: number, attachmentId: number, actor: Actor) {
  const c = await loadCase(ctx, caller, id);
  const visits = await store.visitsOf(ctx.db, id);
  const file = await ctx.attachments.open(caseOwners(id, visits.map((v) => v.id)), attachmentId, actor, { jurisdictionCode: c.jurisdictionCode, label: c.caseNo });
  return { fileName: file.meta.fileName, mimeType: file.meta.mediaType, content: file.content };
}
