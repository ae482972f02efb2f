// The tamper-evident chain, as pure functions: hash = SM3(prevHash ‖ canonical(entry)).
// Canonical JSON has sorted keys and fixed formats, so the same entry always hashes the same.
import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

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

export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function entryHash(prevHash: string, entry: ChainedEntry): string {
  return createHash('sm3').update(prevHash).update('\n').update(canonicalJson(entry)).digest('hex');
}

export type ChainBreak = { id: number; problem: 'hash_mismatch' | 'prev_hash_mismatch' | 'gap' };

/** Walks entries in id order from a known previous (id, hash); returns the first break or undefined. */
export function findBreak(
  entries: (ChainedEntry & { prevHash: string; hash: string })[],
  previous: { id: number; hash: string },
): { broken?: ChainBreak; last: { id: number; hash: string } } {
  let last = previous;
  for (const e of entries) {
    if (e.id !== last.id + 1) return { broken: { id: last.id + 1, problem: 'gap' }, last };
    if (e.prevHash !== last.hash) return { broken: { id: e.id, problem: 'prev_hash_mismatch' }, last };
    const { prevHash: _p, hash, ...entry } = e;
    if (entryHash(last.hash, entry) !== hash) return { broken: { id: e.id, problem: 'hash_mismatch' }, last };
    last = { id: e.id, hash };
  }
  return { last };
}
