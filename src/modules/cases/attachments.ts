// Photos and scans of a case (visit photos, signed forms): checked by their bytes, at most
// MAX_ATTACHMENT_BYTES, stored encrypted like uploaded ledgers (SM4/HMAC-SM3 via the sensitive
// fields service), and every download audited.
import { createHash } from 'node:crypto';
import { sniffFileType } from '../../lib/file-type.ts';
import { AppError, notFound, validationFailed } from '../../platform/errors.ts';
import type { Actor } from '../audit/audit.service.ts';
import * as store from './cases.store.ts';
import { loadCase, type Caller, type Ctx } from './context.ts';
import { runStep } from './steps.ts';

export const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;


export async function uploadAttachment(ctx: Ctx, caller: Caller, id: number, file: { fileName: string; kind: string; visitId?: number | undefined; content: Buffer }, actor: Actor): Promise<number> {
  if (file.content.length === 0) throw validationFailed([{ field: 'file', message: 'the file is empty', messageZh: '文件为空' }]);
  if (file.content.length > MAX_ATTACHMENT_BYTES) throw new AppError('payload_too_large', `An attachment may be at most ${MAX_ATTACHMENT_BYTES / 1048576} MB`, `附件不能超过 ${MAX_ATTACHMENT_BYTES / 1048576} MB`);
  const mimeType = sniffFileType(file.content);
  if (!mimeType) throw new AppError('unsupported_media_type', 'Attach a photo (JPEG, PNG, WebP) or a PDF', '附件须为照片（JPEG、PNG、WebP）或 PDF');
  let attachmentId = 0;
  await runStep(ctx, caller, actor, id, { action: 'attach' }, async (tx) => {
    if (file.visitId !== undefined && !(await store.visitInCase(tx, id, file.visitId))) throw validationFailed([{ field: 'visitId', message: 'no such visit in this case', messageZh: '本案无此调查记录' }]);
    const sha256 = createHash('sha256').update(file.content).digest('hex');
    attachmentId = await store.insertAttachment(tx, { caseId: id, visitId: file.visitId ?? null, kind: file.kind, fileName: file.fileName, mimeType, sizeBytes: file.content.length, sha256, content: ctx.sensitive.sealFile(file.content), createdBy: caller.id });
    return { data: { attachmentId, kind: file.kind, fileName: file.fileName, mimeType, sizeBytes: file.content.length, sha256, visitId: file.visitId ?? null } };
  });
  return attachmentId;
}

export async function downloadAttachment(ctx: Ctx, caller: Caller, id: number, attachmentId: number, actor: Actor) {
  const c = await loadCase(ctx, caller, id);
  const row = await store.attachment(ctx.db, id, attachmentId);
  if (!row) throw notFound('Attachment', '该附件');
  await ctx.db.transaction((tx) => ctx.audit.record(tx, actor, { action: 'case.attachment.download', entity: 'case_attachment', entityId: attachmentId, jurisdictionCode: c.jurisdictionCode, reason: `${c.caseNo} ${row.fileName}` }));
  return { fileName: row.fileName, mimeType: row.mimeType, content: ctx.sensitive.openFile(row.content) };
}
