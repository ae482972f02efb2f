import { and, asc, count, desc, eq, gt, gte, lt, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.ts';
import { withinScope } from '../../platform/db/scope.ts';
import { auditChain, auditLog } from './audit.table.ts';
import type { ChainedEntry } from './audit-chain.ts';

export type AuditRow = typeof auditLog.$inferSelect;

/** Lock the chain head for this transaction; every append waits here, so the chain stays linear. */
export async function lockHead(tx: DbOrTx): Promise<{ lastId: number; lastHash: string }> {
  const [head] = await tx
    .select({ lastId: auditChain.lastId, lastHash: auditChain.lastHash })
    .from(auditChain)
    .where(eq(auditChain.id, 1))
    .for('update');
  if (!head) throw new Error('audit_chain genesis row missing; run migrations');
  return head;
}

export async function append(tx: DbOrTx, entry: ChainedEntry, prevHash: string, hash: string): Promise<void> {
  await tx.insert(auditLog).values({ ...entry, at: new Date(entry.at), prevHash, hash });
  await tx.update(auditChain).set({ lastId: entry.id, lastHash: hash }).where(eq(auditChain.id, 1));
}

export async function readHead(db: DbOrTx): Promise<{ lastId: number; lastHash: string }> {
  const [head] = await db.select({ lastId: auditChain.lastId, lastHash: auditChain.lastHash }).from(auditChain);
  return head!;
}

export async function batchAfter(db: DbOrTx, afterId: number, limit: number): Promise<AuditRow[]> {
  return db.select().from(auditLog).where(gt(auditLog.id, afterId)).orderBy(asc(auditLog.id)).limit(limit);
}

export type AuditFilter = {
  scope: string;
  actor?: string;
  entity?: string;
  entityId?: string;
  action?: string;
  from?: Date;
  toExclusive?: Date;
  limit: number;
  offset: number;
};

export async function list(db: DbOrTx, f: AuditFilter): Promise<{ items: AuditRow[]; total: number }> {
  const conditions: SQL[] = [withinScope(auditLog.jurisdictionCode, f.scope)];
  if (f.actor) conditions.push(eq(auditLog.actorName, f.actor));
  if (f.entity) conditions.push(eq(auditLog.entity, f.entity));
  if (f.entityId) conditions.push(eq(auditLog.entityId, f.entityId));
  if (f.action) conditions.push(eq(auditLog.action, f.action));
  if (f.from) conditions.push(gte(auditLog.at, f.from));
  if (f.toExclusive) conditions.push(lt(auditLog.at, f.toExclusive));
  const where = and(...conditions);
  const items = await db.select().from(auditLog).where(where).orderBy(desc(auditLog.id)).limit(f.limit).offset(f.offset);
  const [total] = await db.select({ n: count() }).from(auditLog).where(where);
  return { items, total: total?.n ?? 0 };
}

export async function countAll(db: DbOrTx): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)` }).from(auditLog);
  return row?.n ?? 0;
}
