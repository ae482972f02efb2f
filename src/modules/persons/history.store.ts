// Versions of registry records (persons, households) as stored: append one per change, read the
// one in force at a moment. Snapshots hold ciphertexts, never plaintext.
import { and, desc, eq, lt } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.ts';
import { registryHistory } from './persons.table.ts';

export type HistoryEntity = 'person' | 'household';
export type HistoryRow = typeof registryHistory.$inferSelect;

export async function appendVersion(
  db: DbOrTx,
  entry: { entity: HistoryEntity; entityId: number; version: number; validFrom: Date; data: unknown; actorName: string; reason?: string | null },
): Promise<void> {
  await db.insert(registryHistory).values({ ...entry, reason: entry.reason ?? null });
}

/** Append a version unless that version is already kept (lazy history for bulk-loaded records). */
export async function ensureVersion(
  db: DbOrTx,
  entry: { entity: HistoryEntity; entityId: number; version: number; validFrom: Date; data: unknown; actorName: string; reason?: string | null },
): Promise<void> {
  await db.insert(registryHistory).values({ ...entry, reason: entry.reason ?? null }).onConflictDoNothing();
}

export async function hasVersion(db: DbOrTx, entity: HistoryEntity, entityId: number, version: number): Promise<boolean> {
  const [row] = await db
    .select({ id: registryHistory.id })
    .from(registryHistory)
    .where(and(eq(registryHistory.entity, entity), eq(registryHistory.entityId, entityId), eq(registryHistory.version, version)));
  return row !== undefined;
}

/** The version in force just before `before` (e.g. the end of a local day). */
export async function versionAt(db: DbOrTx, entity: HistoryEntity, entityId: number, before: Date): Promise<HistoryRow | undefined> {
  const [row] = await db
    .select()
    .from(registryHistory)
    .where(and(eq(registryHistory.entity, entity), eq(registryHistory.entityId, entityId), lt(registryHistory.validFrom, before)))
    .orderBy(desc(registryHistory.version))
    .limit(1);
  return row;
}

export async function versions(db: DbOrTx, entity: HistoryEntity, entityId: number): Promise<HistoryRow[]> {
  return db
    .select()
    .from(registryHistory)
    .where(and(eq(registryHistory.entity, entity), eq(registryHistory.entityId, entityId)))
    .orderBy(desc(registryHistory.version));
}
