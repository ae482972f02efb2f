// The platform's one place for files and photos. An owner module (cases, requests, campaigns, …)
// checks its own permission and scope, then calls this service with the owner record: it checks
// the bytes (size, sniffed type), seals them with the field cipher, keeps the metadata, opens
// them again (hash checked) and audits every download. It never decides who may see a file.
import type { Db, DbOrTx } from '../../platform/db/client.ts';
import type { SensitiveFields } from '../../platform/crypto/sensitive.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import type { Actor, AuditService } from '../audit/audit.service.ts';
import { checkFile, cleanFileName, defaultFileName, sha256Hex, type Accept, type CheckedFile } from './attachments.rules.ts';
import * as store from './attachments.store.ts';

export type Owner = { kind: string; id: number };
/** The owner as it stands now: its place is stored with the file and names the audit entries. */
export type PlacedOwner = Owner & { jurisdictionCode: string };
export type { OwnerSet } from './attachments.store.ts';
export type Attachment = store.AttachmentMetaRow;

export type NewFile = {
  content: Buffer | undefined;
  /** The client's name for it; a default `<owner kind>-<owner id>.<ext>` when absent. */
  fileName?: string | undefined;
  kind?: string | null | undefined;
  caption?: string | null | undefined;
  /** What the owner takes (default: a photo or a PDF). */
  accept?: Accept;
  /** The field named in errors (default 'file'). */
  field?: string;
  /** Already checked by `check` (the owner checks before opening its transaction). */
  checked?: CheckedFile;
};

export type AttachmentsService = ReturnType<typeof createAttachmentsService>;

export function createAttachmentsService(deps: { db: Db; sensitive: SensitiveFields; audit: AuditService; now?: () => Date }) {
  const { db, sensitive, audit } = deps;
  const now = deps.now ?? (() => new Date());

  const service = {
    /** Size and type from the bytes; call before a transaction to refuse early (413/415/400). */
    check: (file: Pick<NewFile, 'content' | 'accept' | 'field'>): CheckedFile => checkFile(file.content, file.accept ?? 'photo_or_pdf', file.field),

    /** Store a file for `owner` inside the owner's transaction, so it commits with the owner's step. */
    async put(tx: DbOrTx, owner: PlacedOwner, file: NewFile, createdBy: number | null): Promise<Attachment> {
      const checked = file.checked ?? service.check(file);
      const content = file.content!;
      return store.insert(tx, {
        ownerKind: owner.kind,
        ownerId: owner.id,
        jurisdictionCode: owner.jurisdictionCode,
        kind: file.kind ?? null,
        caption: file.caption ?? null,
        fileName: cleanFileName(file.fileName ?? '', defaultFileName(`${owner.kind}-${owner.id}`, checked.mediaType)),
        mediaType: checked.mediaType,
        sizeBytes: checked.sizeBytes,
        sha256: checked.sha256,
        content: sensitive.sealBytes(content),
        createdBy,
        createdAt: now(),
      });
    },

    /** put(), after removing the owner's files of the same kind (one photo per campaign visit). */
    async replace(tx: DbOrTx, owner: PlacedOwner, file: NewFile & { kind: string }, createdBy: number | null): Promise<Attachment> {
      const checked = file.checked ?? service.check(file);
      await store.removeKind(tx, owner, file.kind);
      return service.put(tx, owner, { ...file, checked }, createdBy);
    },

    /** The files of these owners (metadata only), oldest first. */
    list: (owners: store.OwnerSet, dbOrTx: DbOrTx = db): Promise<Attachment[]> => store.list(dbOrTx, owners),

    /** One file's metadata, if it belongs to one of these owners. */
    async find(owners: store.OwnerSet, id: number, dbOrTx: DbOrTx = db): Promise<Attachment | undefined> {
      const row = await store.find(dbOrTx, owners, id);
      if (!row) return undefined;
      const { content: _content, ...meta } = row;
      return meta;
    },

    /**
     * The file's bytes, if it belongs to one of these owners (404 otherwise). The download is
     * audited (entity 'attachment') under the owner's current place once the file has opened;
     * `label` is what the owner calls its record (a case number, a tracking code).
     */
    async open(owners: store.OwnerSet, id: number, actor: Actor, note: { jurisdictionCode: string; label?: string }): Promise<{ meta: Attachment; content: Buffer }> {
      const row = await store.find(db, owners, id);
      if (!row) throw notFound('Attachment', '该附件');
      const { content: sealed, ...meta } = row;
      const content = sensitive.openBytes(sealed);
      if (content.length !== meta.sizeBytes || sha256Hex(content) !== meta.sha256) {
        throw new AppError('internal', `Attachment ${id} does not match its recorded hash`, `附件 ${id} 与记录的校验值不符`);
      }
      await db.transaction((tx) =>
        audit.record(tx, actor, {
          action: 'attachment.download',
          entity: 'attachment',
          entityId: id,
          jurisdictionCode: note.jurisdictionCode,
          reason: `${note.label ?? `${meta.ownerKind} ${meta.ownerId}`} ${meta.fileName}`,
        }),
      );
      return { meta, content };
    },

    /** Delete one file of these owners inside the owner's transaction; undefined when there is none. */
    async remove(tx: DbOrTx, owners: store.OwnerSet, id: number): Promise<Attachment | undefined> {
      return store.remove(tx, owners, id);
    },

    /** The owner moved (a request transferred to another place): its files follow. */
    relocate: (tx: DbOrTx, owner: Owner, jurisdictionCode: string): Promise<number> => store.relocate(tx, owner, jurisdictionCode),
  };
  return service;
}
