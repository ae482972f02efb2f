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
};

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

/** Parameters a program needs that the set lacks, as `param:key` entries for `missing`. */
export function missingParameters(program: Program, p: ParameterValues): string[] {
  const out: string[] = [];
  for (const key of program.parameters) if (p[key] === undefined) out.push(`param:${key}`);
  return out;
}
