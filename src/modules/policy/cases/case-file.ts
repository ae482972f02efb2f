// Case tables: policy test cases as data a policy officer can read (input facts → expected
// decision and amount). Dates are written 'YYYY-MM-DD' and money as '972元' or '972.50元';
// this module turns them into the engine's integers and runs them. Two kinds of file: program
// cases (top-level `program:`, run through the engine) and rule cases (top-level `rules: true`,
// each case naming a procedure rule of ../rules, expected fields compared deep-equal).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { parse } from 'yaml';
import { ymd } from '../engine/dates.ts';
import type { HouseholdFacts } from '../engine/facts.ts';
import type { Decision } from '../engine/decision.ts';
import { PARAMETERS, type ParameterKey } from '../engine/parameters.catalog.ts';
import type { ParameterIndex, ParameterSet } from '../engine/parameters.ts';
import { evaluateWith } from '../engine/evaluate.ts';
import { PROGRAMS } from '../programs/index.ts';
import type { ProgramId } from '../engine/decision.ts';
import { isRuleName, RULES, type RuleName, type RuleOutput } from '../rules/index.ts';

export const CASES_DIR = import.meta.dirname;

const DATE_KEYS = new Set(['birth', 'clergyApartSince', 'since', 'separationDate', 'eventOn']);
const MONEY = /^(\d+)(?:\.(\d{1,2}))?元$/;

/** '972元' → 97200, '1278.4元' → 127840; numbers pass through as 分. */
export function money(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const m = MONEY.exec(value);
  if (!m) return value;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

/** Money strings anywhere in a value → 分 (dates stay 'YYYY-MM-DD' strings: the rules take them so). */
function moneyDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map((v) => moneyDeep(v));
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, moneyDeep(v)]));
  return money(value);
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
type RawRuleCase = { rule: string; name: string; digest?: number; date?: string; jurisdiction?: string; parameters?: Record<string, unknown>; input: unknown; expect: unknown };
type RawRuleFile = { rules: true; jurisdiction: string; date: string; parameters?: Record<string, unknown>; cases: RawRuleCase[] };

function readCaseFiles(dir: string): { file: string; raw: RawFile | RawRuleFile }[] {
  return readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort()
    .map((file) => ({ file, raw: parse(readFileSync(join(dir, file), 'utf8')) as RawFile | RawRuleFile }));
}

const isRuleFile = (raw: RawFile | RawRuleFile): raw is RawRuleFile => (raw as RawRuleFile).rules === true;

export function loadCaseFiles(dir = CASES_DIR): PolicyCase[] {
  const out: PolicyCase[] = [];
  for (const { file, raw } of readCaseFiles(dir)) {
    if (isRuleFile(raw)) continue;
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

/** A case of a procedure rule: input → the expected output fields. */
export type RuleCase = {
  file: string;
  name: string;
  digest?: number;
  rule: RuleName;
  jurisdiction: string;
  date: string;
  parameters: Record<string, unknown>;
  input: unknown;
  /** Only these fields of the output are compared, each deep-equal. */
  expect: Record<string, unknown>;
};

export function loadRuleCases(dir = CASES_DIR): RuleCase[] {
  const out: RuleCase[] = [];
  for (const { file, raw } of readCaseFiles(dir)) {
    if (!isRuleFile(raw)) continue;
    for (const c of raw.cases) {
      if (!isRuleName(c.rule)) throw new Error(`${file}: ${c.name}: unknown rule ${c.rule}`);
      if (c.expect === null || typeof c.expect !== 'object' || Array.isArray(c.expect)) throw new Error(`${file}: ${c.name}: expect must list output fields`);
      out.push({
        file,
        name: c.name,
        digest: c.digest,
        rule: c.rule,
        jurisdiction: String(c.jurisdiction ?? raw.jurisdiction),
        date: String(c.date ?? raw.date),
        parameters: { ...(raw.parameters ?? {}), ...(c.parameters ?? {}) },
        input: moneyDeep(c.input),
        expect: moneyDeep(c.expect) as Record<string, unknown>,
      });
    }
  }
  return out;
}

/** The resolved set for a case, with the case's own overrides on top (marked as from the case file). */
export function caseParameters(c: Pick<PolicyCase, 'file' | 'name' | 'jurisdiction' | 'date' | 'parameters'>, index: ParameterIndex): ParameterSet {
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

export function runRuleCase(c: RuleCase, index: ParameterIndex): RuleOutput {
  return RULES[c.rule](c.input, caseParameters(c, index).values);
}

/** Differences between a rule's output and the expected fields ('' when they match). */
export function compareRule(output: RuleOutput, expect: Record<string, unknown>): string {
  const diffs: string[] = [];
  for (const [key, want] of Object.entries(expect)) {
    const got = output[key];
    if (!isDeepStrictEqual(got, want)) diffs.push(`${key} ${JSON.stringify(got)} ≠ ${JSON.stringify(want)}`);
  }
  return diffs.join('; ');
}
