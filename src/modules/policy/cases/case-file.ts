// Case tables: policy test cases as data a policy officer can read (input facts → expected
// decision and amount). Dates are written 'YYYY-MM-DD' and money as '972元' or '972.50元';
// this module turns them into the engine's integers and runs them.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { ymd } from '../engine/dates.ts';
import type { HouseholdFacts } from '../engine/facts.ts';
import type { Decision } from '../engine/decision.ts';
import { PARAMETERS, type ParameterKey } from '../engine/parameters.catalog.ts';
import type { ParameterIndex, ParameterSet } from '../engine/parameters.ts';
import { evaluateWith } from '../engine/evaluate.ts';
import { PROGRAMS } from '../programs/index.ts';
import type { ProgramId } from '../engine/decision.ts';

export const CASES_DIR = import.meta.dirname;

const DATE_KEYS = new Set(['birth', 'clergyApartSince', 'since', 'separationDate']);
const MONEY = /^(\d+)(?:\.(\d{1,2}))?元$/;

/** '972元' → 97200, '1278.4元' → 127840; numbers pass through as 分. */
export function money(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const m = MONEY.exec(value);
  if (!m) return value;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

function convert(value: unknown, key = ''): unknown {
  if (Array.isArray(value)) return value.map((v) => convert(v));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, convert(v, k)]));
  }
  if (DATE_KEYS.has(key) && typeof value === 'string') return ymd(value);
  return money(value);
}

export type Expectation = {
  status: Decision['status'];
  amount?: number | null;
  category?: string | null;
  durationMonths?: number | null;
  missing?: string[];
  nearMiss?: boolean;
  subject?: number | null;
  period?: Decision['period'];
};

export type PolicyCase = {
  file: string;
  name: string;
  digest?: number;
  program: ProgramId;
  jurisdiction: string;
  date: string;
  parameters: Record<string, unknown>;
  facts: HouseholdFacts;
  expect: Expectation;
};

type RawCase = { name: string; digest?: number; program?: ProgramId; date?: string; jurisdiction?: string; parameters?: Record<string, unknown>; facts: unknown; expect: Record<string, unknown> };
type RawFile = { program: ProgramId; jurisdiction: string; date: string; parameters?: Record<string, unknown>; cases: RawCase[] };

export function loadCaseFiles(dir = CASES_DIR): PolicyCase[] {
  const out: PolicyCase[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort()) {
    const raw = parse(readFileSync(join(dir, file), 'utf8')) as RawFile;
    for (const c of raw.cases) {
      const expect = convert(c.expect) as Record<string, unknown>;
      out.push({
        file,
        name: c.name,
        digest: c.digest,
        program: c.program ?? raw.program,
        jurisdiction: String(c.jurisdiction ?? raw.jurisdiction),
        date: String(c.date ?? raw.date),
        parameters: { ...(raw.parameters ?? {}), ...(c.parameters ?? {}) },
        facts: convert(c.facts) as HouseholdFacts,
        expect: { ...expect, amount: expect['amount'] as number | null | undefined } as Expectation,
      });
    }
  }
  return out;
}

/** The resolved set for a case, with the case's own overrides on top (marked as from the case file). */
export function caseParameters(c: PolicyCase, index: ParameterIndex): ParameterSet {
  const base = index.resolve(c.jurisdiction, c.date);
  const values = { ...base.values } as Record<string, unknown>;
  const provenance = { ...base.provenance };
  for (const [key, value] of Object.entries(c.parameters)) {
    if (!Object.hasOwn(PARAMETERS, key)) throw new Error(`${c.file}: ${c.name}: unknown parameter ${key}`);
    values[key] = convert(value);
    provenance[key as ParameterKey] = { jurisdiction: c.jurisdiction, from: c.date, tag: 'demo', source: `case file ${c.file}` };
  }
  return { jurisdiction: c.jurisdiction, date: c.date, values, provenance };
}

export function runCase(c: PolicyCase, index: ParameterIndex): Decision {
  const program = PROGRAMS.get(c.program);
  if (!program) throw new Error(`${c.file}: unknown program ${c.program}`);
  return evaluateWith(program, c.facts, c.date, caseParameters(c, index), { explain: true });
}

/** Differences between a decision and the expectation ('' when it matches). */
export function compare(d: Decision, e: Expectation): string {
  const diffs: string[] = [];
  if (d.status !== e.status) diffs.push(`status ${d.status} ≠ ${e.status}`);
  if (e.amount !== undefined && d.amountFen !== e.amount) diffs.push(`amount ${d.amountFen} ≠ ${e.amount}`);
  if (e.category !== undefined && d.category !== e.category) diffs.push(`category ${d.category} ≠ ${e.category}`);
  if (e.durationMonths !== undefined && d.durationMonths !== e.durationMonths) diffs.push(`durationMonths ${d.durationMonths} ≠ ${e.durationMonths}`);
  if (e.period !== undefined && d.period !== e.period) diffs.push(`period ${d.period} ≠ ${e.period}`);
  if (e.nearMiss !== undefined && d.nearMiss !== e.nearMiss) diffs.push(`nearMiss ${d.nearMiss} ≠ ${e.nearMiss}`);
  if (e.subject !== undefined && d.subject !== e.subject) diffs.push(`subject ${d.subject} ≠ ${e.subject}`);
  if (e.missing !== undefined) {
    for (const m of e.missing) if (!d.missing.includes(m)) diffs.push(`missing lacks ${m} (got ${d.missing.join(', ') || 'none'})`);
  }
  return diffs.join('; ');
}
