// Loads policy/parameters/*.yaml into the database: new or changed file values become rows,
// unchanged ones are skipped, so running it at every start is cheap and idempotent.
import type { Db } from '../../platform/db/client.ts';
import type { ParameterEntry } from './engine/parameters.ts';
import { readParameterFiles } from './policy.files.ts';
import * as store from './policy.store.ts';

/** JSON with object keys sorted: jsonb does not keep the order the file wrote them in. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

const keyOf = (key: string, jurisdiction: string, from: string, value: unknown, tag: string, source: string) =>
  `${key}|${jurisdiction}|${from}|${canonicalJson(value)}|${tag}|${source}`;

export async function syncParameterFiles(db: Db, entries: ParameterEntry[] = readParameterFiles()): Promise<number> {
  return db.transaction(async (tx) => {
    const existing = await store.allParameterRows(tx);
    const seen = new Set(existing.filter((r) => r.origin === 'file').map((r) => keyOf(r.key, r.jurisdiction, r.validFrom, r.value, r.tag, r.source)));
    const fresh = entries.filter((e) => !seen.has(keyOf(e.key, e.jurisdiction, e.from, e.value, e.tag, e.source)));
    await store.insertParameters(tx, fresh.map((e) => ({ key: e.key, jurisdiction: e.jurisdiction, validFrom: e.from, value: e.value, tag: e.tag, source: e.source, origin: 'file' })));
    return fresh.length;
  });
}
