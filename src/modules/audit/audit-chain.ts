// The tamper-evident chains, as pure functions. Each chain is a list of entries with consecutive
// `seq`; each entry stores the previous entry's hash and its own:
//   keyed (now):   hash = HMAC-SM3(audit key `keyId`, "lastmile-audit\n" ‖ canonical(everything stored))
//   legacy (0001): hash = SM3(prevHash ‖ "\n" ‖ canonical(entry)), chain 0 only, before any keyed entry
// Canonical JSON has sorted keys and fixed formats, so the same entry always hashes the same; the
// entry is first put in its stored form (stored-form.ts), so what is hashed is what a read returns.
import { createHash } from 'node:crypto';
import type { Sm3Hmac } from '../../platform/crypto/sm3-hmac.ts';

export const GENESIS_HASH = '0'.repeat(64);

/** The fields of an entry as migration 0001 hashed them. */
export type ChainedEntry = {
  id: number;
  at: string; // ISO 8601 with milliseconds, UTC
  actorKind: 'user' | 'token' | 'system';
  actorId: number | null;
  actorName: string;
  ip: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  jurisdictionCode: string | null;
  changes: Record<string, { before: unknown; after: unknown }> | null;
  reason: string | null;
};

/** An entry as stored: its place in its chain, the key it is under (null: legacy), and the links. */
export type StoredEntry = ChainedEntry & { chain: number; seq: number; keyId: string | null; prevHash: string; hash: string };

/** JSON with object keys sorted (by UTF-16 code units, as sort() does) and undefined members left out. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) out += (i === 0 ? '' : ',') + canonicalJson(value[i]);
    return `${out}]`;
  }
  const record = value as Record<string, unknown>;
  let out = '{';
  for (const key of Object.keys(record).sort()) {
    const v = record[key];
    if (v === undefined) continue;
    out += `${out.length === 1 ? '' : ','}${JSON.stringify(key)}:${canonicalJson(v)}`;
  }
  return `${out}}`;
}

/** The 0001 formula, kept for entries written before the chains were keyed. */
export function legacyHash(prevHash: string, entry: ChainedEntry): string {
  return createHash('sm3').update(prevHash).update('\n').update(canonicalJson(entry)).digest('hex');
}

const KEYED_LABEL = 'lastmile-audit\n';
/** Every stored field but the MAC, in canonical (sorted) order: canonicalJson without the sorting, which verify does a million times. */
export const KEYED_FIELDS = ['action', 'actorId', 'actorKind', 'actorName', 'at', 'chain', 'changes', 'entity', 'entityId', 'id', 'ip', 'jurisdictionCode', 'keyId', 'prevHash', 'reason', 'seq'] as const;
const KEYED_PREFIXES = KEYED_FIELDS.map((f, i) => `${i === 0 ? '{' : ','}${JSON.stringify(f)}:`);

/** canonicalJson of the entry's stored fields (equal to it: see audit-chain.test.ts). */
export function keyedContent(entry: Omit<StoredEntry, 'hash'>): string {
  let out = '';
  for (let i = 0; i < KEYED_FIELDS.length; i++) {
    const field = KEYED_FIELDS[i]!;
    out += KEYED_PREFIXES[i]! + (field === 'changes' ? canonicalJson(entry.changes) : JSON.stringify(entry[field] ?? null));
  }
  return `${out}}`;
}

/** The MAC of everything stored with the entry except the MAC itself. */
export function keyedHash(mac: Sm3Hmac, entry: Omit<StoredEntry, 'hash'>): string {
  return mac.digest([KEYED_LABEL, keyedContent(entry)], 'hex');
}

export type BreakProblem =
  | 'hash_mismatch' // the entry's content no longer gives its hash (altered)
  | 'prev_hash_mismatch' // the entry does not link to the previous entry of its chain
  | 'gap' // seqs missing (deleted entries)
  | 'unknown_key' // written under an audit key the key ring does not hold
  | 'unkeyed' // an unkeyed entry where only keyed ones may be (outside chain 0's legacy start)
  | 'unsealed' // chain 0's legacy entries are not followed by a keyed entry, though keyed entries exist
  | 'head_mismatch' // the chain's head row disagrees with its last entry (entries removed from the end)
  | 'anchor_mismatch' // an anchored head is gone or has another hash now
  | 'anchor_invalid'; // an anchor line that does not parse or whose MAC fails

export type ChainBreak = { problem: BreakProblem; chain: number | null; seq: number | null; id: number | null; detail?: string };

export type ChainHead = { chain: number; lastSeq: number; lastHash: string };

type ChainState = { chain: number; last: { seq: number; hash: string } | null; keyed: boolean; legacy: number; lastLegacySeq: number };

/**
 * Checks entries one by one, fed in (chain, seq) order, each on its own: its hash over its own
 * content, its link to the previous entry present, and missing seqs; at the end of each chain,
 * the head row. Reports through `onBreak` and goes on, so every broken entry is found.
 */
export function createChainChecker(options: { heads: ChainHead[]; macFor: (keyId: string) => Sm3Hmac | undefined; onBreak: (b: ChainBreak) => void }) {
  const heads = new Map(options.heads.map((h) => [h.chain, h]));
  const report = options.onBreak;
  const closed = new Set<number>();
  let current: ChainState | undefined;
  let anyKeyed = false;
  let chain0: ChainState | undefined;

  function close(state: ChainState): void {
    closed.add(state.chain);
    if (state.chain === 0) chain0 = state;
    const head = heads.get(state.chain);
    const lastSeq = state.last?.seq ?? 0;
    if (!head) {
      if (state.last) report({ problem: 'head_mismatch', chain: state.chain, seq: lastSeq, id: null, detail: 'the chain has no head row' });
    } else if (head.lastSeq !== lastSeq || (state.last && head.lastHash !== state.last.hash)) {
      const detail = head.lastSeq > lastSeq ? `head at seq ${head.lastSeq}, last entry at seq ${lastSeq}: entries removed from the end` : `head at seq ${head.lastSeq} does not match the last entry (seq ${lastSeq})`;
      report({ problem: 'head_mismatch', chain: state.chain, seq: head.lastSeq, id: null, detail });
    }
  }

  return {
    check(e: StoredEntry): void {
      if (current?.chain !== e.chain) {
        if (current) close(current);
        current = { chain: e.chain, last: null, keyed: false, legacy: 0, lastLegacySeq: 0 };
      }
      const state = current;
      const expected = (state.last?.seq ?? 0) + 1;
      if (e.seq > expected) {
        report({ problem: 'gap', chain: e.chain, seq: expected, id: e.id, detail: `seq ${expected}${e.seq - 1 > expected ? `–${e.seq - 1}` : ''} missing before entry ${e.id}` });
      } else if (e.seq < expected) {
        report({ problem: 'gap', chain: e.chain, seq: e.seq, id: e.id, detail: `seq ${e.seq} out of order` });
      } else if (e.prevHash !== (state.last?.hash ?? GENESIS_HASH)) {
        report({ problem: 'prev_hash_mismatch', chain: e.chain, seq: e.seq, id: e.id });
      }
      if (e.keyId === null) {
        if (e.chain !== 0 || state.keyed) {
          report({ problem: 'unkeyed', chain: e.chain, seq: e.seq, id: e.id, detail: e.chain !== 0 ? 'unkeyed entries exist only at the start of chain 0' : 'an unkeyed entry after keyed ones' });
        } else {
          const { chain: _c, seq: _s, keyId: _k, prevHash, hash, ...entry } = e;
          if (legacyHash(prevHash, entry) !== hash) report({ problem: 'hash_mismatch', chain: e.chain, seq: e.seq, id: e.id });
          state.legacy++;
          state.lastLegacySeq = e.seq;
        }
      } else {
        const mac = options.macFor(e.keyId);
        if (!mac) report({ problem: 'unknown_key', chain: e.chain, seq: e.seq, id: e.id, detail: `audit key "${e.keyId}" is not in the key ring` });
        else if (keyedHash(mac, e) !== e.hash) report({ problem: 'hash_mismatch', chain: e.chain, seq: e.seq, id: e.id });
        state.keyed = true;
        anyKeyed = true;
      }
      // Later entries are checked against what is stored here, so one bad entry breaks one link.
      state.last = { seq: e.seq, hash: e.hash };
    },

    /** Call once after the last entry: closes the open chain, the empty chains, and the seal rule. */
    finish(): void {
      if (current) close(current);
      for (const head of heads.values()) {
        if (!closed.has(head.chain)) close({ chain: head.chain, last: null, keyed: false, legacy: 0, lastLegacySeq: 0 });
      }
      // Rewriting chain 0 wholesale in the unkeyed format would pass the per-entry checks; the
      // first keyed entry after the legacy ones seals them, and writers put it there first.
      if (chain0 && chain0.legacy > 0 && !chain0.keyed && anyKeyed) {
        report({ problem: 'unsealed', chain: 0, seq: chain0.lastLegacySeq, id: null, detail: 'unkeyed entries are not followed by a keyed one' });
      }
    },
  };
}
