import { and, count, desc, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../../platform/db/client.ts';
import { withinScope } from '../../platform/db/scope.ts';
import { auditLog } from './audit.table.ts';
import type { ChainHead, StoredEntry } from './audit-chain.ts';

export type AuditRow = typeof auditLog.$inferSelect;

/** How many chains the writers spread over (rows 0–15 of audit_chain, made by migration 0009). */
export const CHAIN_COUNT = 16;

export type LockedHead = ChainHead & { lastKeyId: string | null; nextId: number };

type HeadRow = { chain: number; last_seq: number; last_hash: string; last_key_id: string | null; next_id: number };
const toHead = (r: HeadRow): LockedHead => ({ chain: r.chain, lastSeq: r.last_seq, lastHash: r.last_hash, lastKeyId: r.last_key_id, nextId: r.next_id });

/**
 * Lock a chain head for the rest of the transaction and reserve the entry's id. Without a chain
 * yet, take the first one no other transaction holds, starting from one that depends on the
 * connection (so concurrent writers spread out) — except that chain 0 comes first while its last
 * entry is unkeyed, so the first keyed entry seals the legacy ones. Only when every chain is held
 * does it wait, on its own starting chain.
 */
export async function lockHead(tx: DbOrTx, chain: number | undefined): Promise<LockedHead> {
  if (chain !== undefined) return lockGiven(tx, sql`${chain}`);
  const [free] = await queryRows<HeadRow>(
    tx,
    sql`with pick as (
          select id, last_seq, last_hash, last_key_id from audit_chain
          order by (id <> 0 or last_key_id is not null or last_seq = 0), (id - pg_backend_pid() % ${CHAIN_COUNT} + ${CHAIN_COUNT}) % ${CHAIN_COUNT}, id
          limit 1 for update skip locked)
        select id as chain, last_seq, last_hash, last_key_id, nextval('audit_log_id_seq') as next_id from pick`,
  );
  return free ? toHead(free) : lockGiven(tx, sql`pg_backend_pid() % ${CHAIN_COUNT}`);
}

async function lockGiven(tx: DbOrTx, chain: SQL): Promise<LockedHead> {
  const [row] = await queryRows<HeadRow>(
    tx,
    sql`with pick as (select id, last_seq, last_hash, last_key_id from audit_chain where id = ${chain} for update)
        select id as chain, last_seq, last_hash, last_key_id, nextval('audit_log_id_seq') as next_id from pick`,
  );
  if (!row) throw new Error('audit_chain rows missing; run migrations');
  return toHead(row);
}

/** Insert the entry and move its chain's head, in one statement. */
export async function append(tx: DbOrTx, e: StoredEntry): Promise<void> {
  const changes = e.changes === null ? null : JSON.stringify(e.changes);
  await tx.execute(sql`
    with e as (
      insert into audit_log (id, chain, seq, key_id, at, actor_kind, actor_id, actor_name, ip, action, entity, entity_id, jurisdiction_code, changes, reason, prev_hash, hash)
      values (${e.id}, ${e.chain}, ${e.seq}, ${e.keyId}, ${e.at}::timestamptz, ${e.actorKind}, ${e.actorId}, ${e.actorName}, ${e.ip}, ${e.action}, ${e.entity},
              ${e.entityId}, ${e.jurisdictionCode}, ${changes}::jsonb, ${e.reason}, ${e.prevHash}, ${e.hash})
      returning chain, seq, hash, key_id)
    update audit_chain c set last_seq = e.seq, last_hash = e.hash, last_key_id = e.key_id from e where c.id = e.chain`);
}

export async function readHeads(db: DbOrTx): Promise<ChainHead[]> {
  const rows = await queryRows<{ chain: number; last_seq: number; last_hash: string }>(db, sql`select id as chain, last_seq, last_hash from audit_chain order by id`);
  return rows.map((r) => ({ chain: r.chain, lastSeq: r.last_seq, lastHash: r.last_hash }));
}

type EntryRow = {
  id: number; chain: number; seq: number; key_id: string | null; at: string; actor_kind: StoredEntry['actorKind']; actor_id: number | null; actor_name: string;
  ip: string | null; action: string; entity: string; entity_id: string | null; jurisdiction_code: string | null; changes: string | null; reason: string | null; prev_hash: string; hash: string;
};

/**
 * Entries after (chain, seq) in chain order, as read back. `at` is formatted by the database and
 * `changes` parsed here from jsonb's text, so both drivers give the same values.
 */
export async function entriesAfter(db: DbOrTx, after: { chain: number; seq: number }, limit: number): Promise<StoredEntry[]> {
  const rows = await queryRows<EntryRow>(
    db,
    sql`select id, chain, seq, key_id, to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as at, actor_kind, actor_id, actor_name, ip,
               action, entity, entity_id, jurisdiction_code, changes::text as changes, reason, prev_hash, hash
        from audit_log where (chain, seq) > (${after.chain}, ${after.seq}) order by chain, seq limit ${limit}`,
  );
  return rows.map((r) => ({
    id: r.id,
    chain: r.chain,
    seq: r.seq,
    keyId: r.key_id,
    at: r.at,
    actorKind: r.actor_kind,
    actorId: r.actor_id,
    actorName: r.actor_name,
    ip: r.ip,
    action: r.action,
    entity: r.entity,
    entityId: r.entity_id,
    jurisdictionCode: r.jurisdiction_code,
    changes: r.changes === null ? null : JSON.parse(r.changes),
    reason: r.reason,
    prevHash: r.prev_hash,
    hash: r.hash,
  }));
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
  const [row] = await queryRows<{ n: number }>(db, sql`select count(*) as n from audit_log`);
  return row?.n ?? 0;
}
