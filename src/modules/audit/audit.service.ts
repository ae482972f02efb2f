// Writes and reads the audit log. `record` must run inside the transaction that makes the
// change, so a change and its audit entry commit together or not at all.
import { PgTransaction } from 'drizzle-orm/pg-core';
import type { Db, DbOrTx } from '../../platform/db/client.ts';
import type { AuditKeys } from '../../platform/crypto/audit-keys.ts';
import { Sm3Hmac } from '../../platform/crypto/sm3-hmac.ts';
import { addDays, startOfLocalDay } from '../../lib/local-date.ts';
import { createChainChecker, keyedHash, type ChainBreak, type ChainedEntry, type StoredEntry } from './audit-chain.ts';
import { anchorIsAuthentic, parseAnchor, signAnchor, type Anchor } from './audit-anchor.ts';
import { storedJson, storedText, storedTextOrNull } from './stored-form.ts';
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

/** What a module needs to audit its changes (plans.ts and others take just this). */
export type AuditRecorder = { record(tx: DbOrTx, actor: Actor, input: AuditInput): Promise<void> };

export type VerifyOptions = {
  /** Anchor file lines (audit-anchor.ts); each anchored head must still be in the chain with its hash. */
  anchors?: readonly string[];
  onProgress?: (checked: number) => void;
  /** How many breaks to keep in `breaks` (all are counted). */
  keep?: number;
};

export type VerifyResult = {
  ok: boolean;
  checked: number;
  chains: number;
  /** Every break in chain order (up to `keep`), and how many there are in all. */
  breaks: ChainBreak[];
  breakCount: number;
  /** The earliest broken entry (lowest id); breaks without an entry (e.g. a head) come after. */
  first?: ChainBreak;
  anchorsChecked: number;
};

function present(row: store.AuditRow): AuditEntry {
  return {
    id: row.id,
    at: row.at.toISOString(),
    actorId: row.actorId,
    actorName: row.actorName,
    ip: row.ip,
    action: row.action,
    entity: row.entity,
    entityId: row.entityId,
    jurisdictionCode: row.jurisdictionCode,
    changes: (row.changes as Changes | null) ?? null,
    reason: row.reason,
  };
}

/** The entry as the database will keep it (stored-form.ts), so its hash matches a later read. */
function storedEntry(id: number, at: Date, actor: Actor, input: AuditInput): ChainedEntry {
  const changes = input.changes && Object.keys(input.changes).length > 0 ? (storedJson(input.changes) as Changes) : null;
  return {
    id,
    at: at.toISOString(),
    actorKind: actor.kind,
    actorId: actor.id,
    actorName: storedText(actor.name),
    ip: storedTextOrNull(actor.ip),
    action: storedText(input.action),
    entity: storedText(input.entity),
    entityId: input.entityId === undefined || input.entityId === null ? null : storedText(String(input.entityId)),
    jurisdictionCode: storedTextOrNull(input.jurisdictionCode),
    changes,
    reason: storedTextOrNull(input.reason),
  };
}

const earlier = (a: ChainBreak, b: ChainBreak) => (a.id ?? Infinity) < (b.id ?? Infinity);

export type AuditService = ReturnType<typeof createAuditService>;

export function createAuditService(deps: { db: Db; keys: AuditKeys; now?: () => Date }) {
  const now = deps.now ?? (() => new Date());
  const macs = new Map<string, Sm3Hmac>();
  const macFor = (keyId: string) => {
    let mac = macs.get(keyId);
    const key = deps.keys.keys.get(keyId);
    if (!mac && key) macs.set(keyId, (mac = new Sm3Hmac(key)));
    return mac;
  };
  // The chain each open transaction holds: one transaction appends to one chain.
  const heldChain = new WeakMap<object, number>();

  return {
    async record(tx: DbOrTx, actor: Actor, input: AuditInput): Promise<void> {
      if (!(tx instanceof PgTransaction)) throw new Error('audit.record must run inside the transaction of the change it records');
      const keyId = deps.keys.current;
      const mac = macFor(keyId)!;
      const head = await store.lockHead(tx, heldChain.get(tx));
      heldChain.set(tx, head.chain);
      // Milliseconds: the column keeps no more, and the clock gives no more.
      const unsigned = { ...storedEntry(head.nextId, new Date(now().getTime()), actor, input), chain: head.chain, seq: head.lastSeq + 1, keyId, prevHash: head.lastHash };
      await store.append(tx, { ...unsigned, hash: keyedHash(mac, unsigned) });
    },

    /**
     * Check every entry of every chain on its own (see createChainChecker) and every anchor;
     * report each break, not only the first.
     */
    async verify(options: VerifyOptions = {}): Promise<VerifyResult> {
      const keep = options.keep ?? 1000;
      const breaks: ChainBreak[] = [];
      let breakCount = 0;
      let first: ChainBreak | undefined;
      const onBreak = (b: ChainBreak) => {
        breakCount++;
        if (breaks.length < keep) breaks.push(b);
        if (!first || earlier(b, first)) first = b;
      };
      const anchored = anchoredHeads(options.anchors ?? [], macFor, onBreak);
      const heads = await store.readHeads(deps.db);
      const checker = createChainChecker({ heads, macFor, onBreak });
      let checked = 0;
      const fetch = (after: { chain: number; seq: number }) => store.entriesAfter(deps.db, after, 10_000);
      // The next batch is read while this one is checked: the database and the MACs overlap.
      let next = fetch({ chain: -1, seq: 0 });
      for (;;) {
        const batch = await next;
        if (batch.length === 0) break;
        const last = batch[batch.length - 1]!;
        next = fetch({ chain: last.chain, seq: last.seq });
        for (const e of batch) {
          checker.check(e);
          anchored.see(e);
        }
        checked += batch.length;
        options.onProgress?.(checked);
      }
      checker.finish();
      anchored.finish();
      breaks.sort((a, b) => (a.chain ?? -1) - (b.chain ?? -1) || (a.seq ?? 0) - (b.seq ?? 0));
      return { ok: breakCount === 0, checked, chains: heads.length, breaks, breakCount, ...(first ? { first } : {}), anchorsChecked: anchored.count };
    },

    /** A signed snapshot of every non-empty chain's head, to be kept outside the database. */
    async anchor(): Promise<Anchor> {
      const heads = await store.readHeads(deps.db);
      const keyId = deps.keys.current;
      return signAnchor(macFor(keyId)!, keyId, now(), heads.filter((h) => h.lastSeq > 0).map((h) => ({ chain: h.chain, seq: h.lastSeq, hash: h.lastHash })));
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

/**
 * The heads the anchor lines vouch for, checked as entries stream past: an anchored (chain, seq)
 * must still be there with the same hash. Lines that do not parse or fail their MAC are breaks too.
 */
function anchoredHeads(lines: readonly string[], macFor: (keyId: string) => Sm3Hmac | undefined, onBreak: (b: ChainBreak) => void) {
  const expected = new Map<string, { hash: string; at: string }[]>();
  let count = 0;
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    const parsed = parseLine(line);
    if ('problem' in parsed) return onBreak({ problem: 'anchor_invalid', chain: null, seq: null, id: null, detail: `anchor line ${i + 1}: ${parsed.problem}` });
    count++;
    for (const h of parsed.heads) {
      const key = `${h.chain}:${h.seq}`;
      expected.set(key, [...(expected.get(key) ?? []), { hash: h.hash, at: parsed.at }]);
    }
  });
  function parseLine(line: string): Anchor | { problem: string } {
    const a = parseAnchor(line);
    if ('problem' in a) return a;
    const mac = macFor(a.keyId);
    if (!mac) return { problem: `audit key "${a.keyId}" is not in the key ring` };
    return anchorIsAuthentic(mac, a) ? a : { problem: `MAC does not match (anchor of ${a.at})` };
  }
  return {
    count,
    see(e: StoredEntry): void {
      const key = `${e.chain}:${e.seq}`;
      const wanted = expected.get(key);
      if (!wanted) return;
      expected.delete(key);
      for (const w of wanted) {
        if (w.hash !== e.hash) onBreak({ problem: 'anchor_mismatch', chain: e.chain, seq: e.seq, id: e.id, detail: `anchored at ${w.at} with another hash` });
      }
    },
    finish(): void {
      for (const [key, wanted] of expected) {
        const [chain, seq] = key.split(':').map(Number) as [number, number];
        for (const w of wanted) onBreak({ problem: 'anchor_mismatch', chain, seq, id: null, detail: `anchored at ${w.at}, no longer in the chain` });
      }
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
