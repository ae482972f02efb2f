// SQL for the attachments table. Reads name their owners (kind + ids) explicitly: the owner module
// has already decided the caller may see those owners, so no query here reaches another record.
import { and, asc, eq, inArray, or, sql, type SQL, type Column } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.ts';
import { attachments } from './attachments.table.ts';

export type AttachmentRow = typeof attachments.$inferSelect;

/** Owners of one kind: e.g. { kind: 'help_request', ids: [kept, ...merged] }. */
export type OwnerSet = readonly { kind: string; ids: readonly number[] }[];

const META = {
  id: attachments.id,
  ownerKind: attachments.ownerKind,
  ownerId: attachments.ownerId,
  jurisdictionCode: attachments.jurisdictionCode,
  kind: attachments.kind,
  caption: attachments.caption,
  fileName: attachments.fileName,
  mediaType: attachments.mediaType,
  sizeBytes: attachments.sizeBytes,
  sha256: attachments.sha256,
  createdBy: attachments.createdBy,
  createdAt: attachments.createdAt,
};

export type AttachmentMetaRow = Omit<AttachmentRow, 'content'>;

function ownedBy(owners: OwnerSet): SQL | undefined {
  const parts = owners.filter((o) => o.ids.length > 0).map((o) => and(eq(attachments.ownerKind, o.kind), inArray(attachments.ownerId, [...o.ids]))!);
  return parts.length === 0 ? undefined : or(...parts);
}

export async function insert(tx: DbOrTx, values: typeof attachments.$inferInsert): Promise<AttachmentMetaRow> {
  const [row] = await tx.insert(attachments).values(values).returning(META);
  return row!;
}

export async function list(db: DbOrTx, owners: OwnerSet): Promise<AttachmentMetaRow[]> {
  const where = ownedBy(owners);
  if (!where) return [];
  return db.select(META).from(attachments).where(where).orderBy(asc(attachments.id));
}

export async function find(db: DbOrTx, owners: OwnerSet, id: number): Promise<AttachmentRow | undefined> {
  const where = ownedBy(owners);
  if (!where) return undefined;
  const [row] = await db.select().from(attachments).where(and(eq(attachments.id, id), where));
  return row;
}

export async function remove(tx: DbOrTx, owners: OwnerSet, id: number): Promise<AttachmentMetaRow | undefined> {
  const where = ownedBy(owners);
  if (!where) return undefined;
  const [row] = await tx.delete(attachments).where(and(eq(attachments.id, id), where)).returning(META);
  return row;
}

export async function removeKind(tx: DbOrTx, owner: { kind: string; id: number }, kind: string): Promise<number> {
  const rows = await tx
    .delete(attachments)
    .where(and(eq(attachments.ownerKind, owner.kind), eq(attachments.ownerId, owner.id), eq(attachments.kind, kind)))
    .returning({ id: attachments.id });
  return rows.length;
}

export async function relocate(tx: DbOrTx, owner: { kind: string; id: number }, jurisdictionCode: string): Promise<number> {
  const rows = await tx
    .update(attachments)
    .set({ jurisdictionCode })
    .where(and(eq(attachments.ownerKind, owner.kind), eq(attachments.ownerId, owner.id)))
    .returning({ id: attachments.id });
  return rows.length;
}

/** `exists (…)`: whether the owner in `ownerId` (a column of the caller's query) has a file of `kind`. */
export function hasAttachment(ownerKind: string, ownerId: Column | SQL, kind?: string): SQL {
  const ofKind = kind === undefined ? sql`` : sql` and ${attachments.kind} = ${kind}`;
  return sql`exists (select 1 from ${attachments} where ${attachments.ownerKind} = ${ownerKind} and ${attachments.ownerId} = ${ownerId}${ofKind})`;
}
