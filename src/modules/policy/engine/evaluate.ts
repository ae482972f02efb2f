// The engine's entry point: evaluate(program, facts, date, jurisdiction) is a pure function of
// its arguments and the parameter index; with `explain` it also returns the trace.
import { decision, Tracer, type Decision, type PlaceNames } from './decision.ts';
import type { HouseholdFacts } from './facts.ts';
import { ymd } from './dates.ts';
import type { ParameterIndex, ParameterSet } from './parameters.ts';
import { missingParameters, type Program, type SharedFigures } from './program.ts';

export type EvaluateOptions = { explain?: boolean; placeName?: PlaceNames; shared?: SharedFigures | null };
const FAST: EvaluateOptions = {};

/** Evaluate one program with an already-resolved parameter set (the hot path of screening). */
export function evaluateWith(program: Program, facts: HouseholdFacts, date: string | number, params: ParameterSet, options: EvaluateOptions = FAST): Decision {
  const missingParams = missingParameters(program, params.values);
  const t = options.explain ? new Tracer(params, options.placeName) : null;
  if (missingParams.length > 0) return decision(program.id, 'needs_information', { missing: [...missingParams], trace: t ? [] : null });
  return program.evaluate(facts, { date: typeof date === 'number' ? date : ymd(date), p: params.values, t, shared: t ? null : (options.shared ?? null) });
}

/** evaluate(program, facts, date, jurisdiction): parameters resolved for the jurisdiction on the date. */
export function evaluate(
  program: Program,
  facts: HouseholdFacts,
  date: string,
  jurisdiction: string,
  parameters: ParameterIndex,
  options: EvaluateOptions = {},
): Decision {
  return evaluateWith(program, facts, date, parameters.resolve(jurisdiction, date), options);
}
