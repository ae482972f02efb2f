// All programs over one household: person-level programs about each member where the program
// decides per member (特困, 事实无人抚养), once for the subject otherwise; decisions sorted as one
// application is (特困 → 低保 → 边缘 → 刚性支出 → …), eligible first.
import type { Decision } from './decision.ts';
import type { HouseholdFacts } from './facts.ts';
import type { ParameterSet } from './parameters.ts';
import type { Program } from './program.ts';
import { evaluateWith, type EvaluateOptions } from './evaluate.ts';

const PER_MEMBER = new Set(['tekun', 'fcu', 'unemployment_insurance', 'unemployment_subsidy']);
/** Programs decided only for members with their own facts recorded (else once, for the subject). */
const WITH_OWN_FACTS: Record<string, (m: HouseholdFacts['members'][number]) => boolean> = {
  unemployment_insurance: (m) => m.unemployment !== undefined,
  unemployment_subsidy: (m) => m.unemployment !== undefined,
};
const STATUS_ORDER = { eligible: 0, needs_information: 1, ineligible: 2 } as const;

/**
 * Every program's decision(s). Person-level programs return one decision per member that is
 * eligible, needs information or is a near miss; when none is, the first member's decision.
 */
export function evaluateHousehold(
  facts: HouseholdFacts,
  date: string | number,
  params: ParameterSet,
  programs: readonly Program[],
  options: EvaluateOptions = {},
): Decision[] {
  const out: Decision[] = [];
  // Without a trace, programs share the household figures they have in common (one computation).
  if (!options.explain) options = { ...options, shared: {} };
  for (const program of programs) {
    if (!PER_MEMBER.has(program.id)) {
      out.push(evaluateWith(program, facts, date, params, options));
      continue;
    }
    const own = WITH_OWN_FACTS[program.id];
    if (own && !facts.members.some(own)) {
      out.push(evaluateWith(program, facts, date, params, options));
      continue;
    }
    const saved = facts.subject;
    let kept = 0;
    let first: Decision | null = null;
    for (let i = 0; i < facts.members.length; i++) {
      if (own && !own(facts.members[i]!)) continue;
      facts.subject = i;
      const d = evaluateWith(program, facts, date, params, options);
      if (d.subject === null) d.subject = i;
      if (d.status !== 'ineligible' || d.nearMiss) {
        out.push(d);
        kept++;
      } else if (first === null) first = d;
    }
    facts.subject = saved;
    if (kept === 0 && first) out.push(first);
  }
  return out;
}

/** The order of one application: eligible first, then needs-information, then the rest, each in program order. */
export function sortDecisions(decisions: Decision[], programs: readonly Program[]): Decision[] {
  const rank = new Map(programs.map((p, i) => [p.id, i]));
  return [...decisions].sort((a, b) =>
    STATUS_ORDER[a.status] - STATUS_ORDER[b.status] ||
    Number(b.nearMiss) - Number(a.nearMiss) ||
    (rank.get(a.program) ?? 99) - (rank.get(b.program) ?? 99) ||
    (a.subject ?? -1) - (b.subject ?? -1));
}
