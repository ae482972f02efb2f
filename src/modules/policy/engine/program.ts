// The shape of a program: a named, pure evaluation over flat facts and resolved parameters.
import type { Decision, ProgramId, Tracer } from './decision.ts';
import type { HouseholdFacts } from './facts.ts';
import type { Ymd } from './dates.ts';
import type { ParameterKey, ParameterValues } from './parameters.catalog.ts';

export type ProgramContext = {
  /** The decision date (yyyymmdd). */
  date: Ymd;
  p: ParameterValues;
  /** Present only when an explanation is wanted. */
  t: Tracer | null;
  /**
   * Figures several programs share for one household (counted members, income, property), kept
   * between programs in fast mode; null when each program computes its own (always with a trace).
   */
  shared: SharedFigures | null;
};

export type SharedFigures = { dibao?: { figures: unknown; missing: readonly string[] } };

export type Program = {
  id: ProgramId;
  zh: string;
  en: string;
  /** Legal basis, as cited in explanations. */
  basis: string;
  /** 'person' programs decide about `facts.subject`; 'household' ones about the whole 户. */
  level: 'household' | 'person';
  /** Where to apply, for the public self-check. */
  applyAt: { zh: string; en: string };
  /** The parameters the program reads (checked present before evaluating). */
  parameters: readonly ParameterKey[];
  evaluate(facts: HouseholdFacts, ctx: ProgramContext): Decision;
};

const NONE: readonly string[] = Object.freeze([]);
const missingBySet = new WeakMap<ParameterValues, Map<string, readonly string[]>>();

/** Parameters a program needs that the set lacks, as `param:key` entries (memoised per resolved set). */
export function missingParameters(program: Program, p: ParameterValues): readonly string[] {
  let byProgram = missingBySet.get(p);
  if (!byProgram) missingBySet.set(p, (byProgram = new Map()));
  let out = byProgram.get(program.id);
  if (out === undefined) {
    const found: string[] = [];
    for (const key of program.parameters) if (p[key] === undefined) found.push(`param:${key}`);
    out = found.length === 0 ? NONE : found;
    byProgram.set(program.id, out);
  }
  return out;
}
