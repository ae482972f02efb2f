// Dated parameter values per jurisdiction, and their resolution: for a jurisdiction and a date,
// each parameter takes the value of the most specific level (village → township → county → city
// → province → national) that has one in force on that date; a county value overrides its city's.
import { ancestorCodes } from '../../../lib/division-code.ts';
import { PARAMETERS, type ParameterKey, type ParameterValues } from './parameters.catalog.ts';

/** Where a value comes from: C seen in a source, L a local variant, R from knowledge (unconfirmed), demo for demo data. */
export type SourceTag = 'C' | 'L' | 'R' | 'demo';

export type ParameterEntry = {
  key: ParameterKey;
  /** '' for national; otherwise a division code prefix (2, 4, 6, 9 or 12 digits). */
  jurisdiction: string;
  /** In force from this local date ('YYYY-MM-DD') until the next entry of the same key and jurisdiction. */
  from: string;
  value: unknown;
  tag: SourceTag;
  source: string;
};

export type Provenance = { jurisdiction: string; from: string; tag: SourceTag; source: string };

/** A resolved parameter set: values for fast reading, provenance for explanations. */
export type ParameterSet = {
  jurisdiction: string;
  date: string;
  values: ParameterValues;
  provenance: Partial<Record<ParameterKey, Provenance>>;
};

/** The code and each of its ancestors, most specific first, ending with '' (national). */
export function jurisdictionChain(code: string): string[] {
  return code === '' ? [''] : [code, ...ancestorCodes(code).reverse(), ''];
}

/** Entries indexed by key and jurisdiction, newest first; built once, resolved many times. */
export class ParameterIndex {
  private readonly byKey = new Map<ParameterKey, Map<string, ParameterEntry[]>>();
  private readonly cache = new Map<string, ParameterSet>();

  readonly entries: readonly ParameterEntry[];

  constructor(entries: readonly ParameterEntry[]) {
    this.entries = entries;
    // Newest date first; for the same date, the entry given later (a correction) first.
    for (let i = entries.length - 1; i >= 0; i--) {
      const e = entries[i]!;
      let byJurisdiction = this.byKey.get(e.key);
      if (!byJurisdiction) this.byKey.set(e.key, (byJurisdiction = new Map()));
      const list = byJurisdiction.get(e.jurisdiction) ?? [];
      list.push(e);
      byJurisdiction.set(e.jurisdiction, list);
    }
    for (const m of this.byKey.values()) for (const list of m.values()) list.sort((a, b) => (a.from < b.from ? 1 : a.from > b.from ? -1 : 0));
  }

  /** The entry in force for one key (undefined when no level has one). */
  entryFor(key: ParameterKey, jurisdiction: string, date: string, chain = jurisdictionChain(jurisdiction)): ParameterEntry | undefined {
    const byJurisdiction = this.byKey.get(key);
    if (!byJurisdiction) return undefined;
    for (const level of chain) {
      const list = byJurisdiction.get(level);
      if (!list) continue;
      const entry = list.find((e) => e.from <= date);
      if (entry) return entry;
    }
    return undefined;
  }

  /** Every parameter resolved for a jurisdiction on a date (memoised: screening asks for the same few sets). */
  resolve(jurisdiction: string, date: string): ParameterSet {
    const cacheKey = `${jurisdiction}@${date}`;
    const hit = this.cache.get(cacheKey);
    if (hit) return hit;
    const values: Record<string, unknown> = {};
    const provenance: ParameterSet['provenance'] = {};
    const chain = jurisdictionChain(jurisdiction);
    for (const key of Object.keys(PARAMETERS) as ParameterKey[]) {
      const e = this.entryFor(key, jurisdiction, date, chain);
      if (!e) continue;
      values[key] = e.value;
      provenance[key] = { jurisdiction: e.jurisdiction, from: e.from, tag: e.tag, source: e.source };
    }
    const set: ParameterSet = { jurisdiction, date, values: values as ParameterValues, provenance };
    if (this.cache.size > 10_000) this.cache.clear();
    this.cache.set(cacheKey, set);
    return set;
  }

  /** Jurisdictions that have an entry of their own (for validating a change against its descendants). */
  jurisdictions(): string[] {
    const out = new Set<string>();
    for (const e of this.entries) out.add(e.jurisdiction);
    return [...out];
  }
}
