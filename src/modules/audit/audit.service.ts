// Writes and reads the audit log. `record` must run inside the transaction that makes the
// change, so a change and its audit entry commit together or not at all.
import type { Db, DbOrTx } from '../../platform/db/client.ts';
import { addDays, startOfLocalDay } from '../../lib/local-date.ts';
import { entryHash, findBreak, type ChainBreak, type ChainedEntry } from './audit-chain.ts';
import * as store from './audit.store.ts';
import type { AuditEntry } from './audit.schema.ts';

export type Actor = { kind: 'user' | 'token' | 'system'; id: number | null; name: string; ip: string | null };
export const SYSTEM_ACTOR: Actor = { kind: 'system', id: null, name: 'system', ip: null };

export type Changes = Record<string, { before: unknown; after: unknown }>;

export type AuditInput = {
  action: string;
  entity: string;
  entityId?: string | number | null;
  jurisdictionCode?: string | null;
  changes?: Changes | null;
  reason?: string | null;
};

export type VerifyResult = { checked: number; ok: boolean; broken?: ChainBreak; headMismatch?: boolean };

function present(row: store.AuditRow): AuditEntry {
  const { actorKind: _kind, prevHash: _prev, hash: _hash, ...entry } = toChained(row);
  return entry;
}

function toChained(row: store.AuditRow): ChainedEntry & { prevHash: string; hash: string } {
  return {
    id: row.id,
    at: row.at.toISOString(),
    actorKind: row.actorKind as Actor['kind'],
    actorId: row.actorId,
    actorName: row.actorName,
    ip: row.ip,
    action: row.action,
    entity: row.entity,
    entityId: row.entityId,
    jurisdictionCode: row.jurisdictionCode,
    changes: (row.changes as Changes | null) ?? null,
    reason: row.reason,
    prevHash: row.prevHash,
    hash: row.hash,
  };
}

export type AuditService = ReturnType<typeof createAuditService>;

export function createAuditService(deps: { db: Db; now?: () => Date }) {
  const now = deps.now ?? (() => new Date());
  return {
    async record(tx: DbOrTx, actor: Actor, input: AuditInput): Promise<void> {
      const head = await store.lockHead(tx);
      const entry: ChainedEntry = {
        id: head.lastId + 1,
        at: now().toISOString(),
        actorKind: actor.kind,
        actorId: actor.id,
        actorName: actor.name,
        ip: actor.ip,
        action: input.action,
        entity: input.entity,
        entityId: input.entityId === undefined || input.entityId === null ? null : String(input.entityId),
        jurisdictionCode: input.jurisdictionCode ?? null,
        changes: input.changes && Object.keys(input.changes).length > 0 ? input.changes : null,
        reason: input.reason ?? null,
      };
      await store.append(tx, entry, head.lastHash, entryHash(head.lastHash, entry));
    },

    /** Recompute the whole chain in batches; report the first broken entry. */
    async verify(onProgress?: (checked: number) => void): Promise<VerifyResult> {
      let last = { id: 0, hash: '0'.repeat(64) };
      let checked = 0;
      for (;;) {
        const batch = await store.batchAfter(deps.db, last.id, 2000);
        if (batch.length === 0) break;
        const result = findBreak(batch.map(toChained), last);
        if (result.broken) return { checked: checked + (result.broken.id - last.id - 1), ok: false, broken: result.broken };
        checked += batch.length;
        last = result.last;
        onProgress?.(checked);
      }
      const head = await store.readHead(deps.db);
      // A head ahead of the last row means entries were removed from the end.
      if (head.lastId !== last.id || head.lastHash !== last.hash) {
        return { checked, ok: false, headMismatch: true, broken: { id: last.id + 1, problem: 'gap' } };
      }
      return { checked, ok: true };
    },

    async list(
      caller: { scope: string },
      q: { actor?: string; entity?: string; entityId?: string; action?: string; from?: string; to?: string; limit: number; offset: number },
    ) {
      const { items, total } = await store.list(deps.db, {
        scope: caller.scope,
        ...(q.actor ? { actor: q.actor } : {}),
        ...(q.entity ? { entity: q.entity } : {}),
        ...(q.entityId ? { entityId: q.entityId } : {}),
        ...(q.action ? { action: q.action } : {}),
        ...(q.from ? { from: startOfLocalDay(q.from) } : {}),
        ...(q.to ? { toExclusive: startOfLocalDay(addDays(q.to, 1)) } : {}),
        limit: q.limit,
        offset: q.offset,
      });
      return { items: items.map(present), total };
    },
  };
}

/** Field-by-field changes between two records; `mask` hides sensitive values (both sides). */
export function diffChanges(
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
  mask: (field: string, value: unknown) => unknown = (_f, v) => v,
): Changes {
  const out: Changes = {};
  const fields = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  for (const field of fields) {
    const b = before?.[field] ?? null;
    const a = after?.[field] ?? null;
    if (JSON.stringify(b) !== JSON.stringify(a)) out[field] = { before: mask(field, b), after: mask(field, a) };
  }
  return out;
}
