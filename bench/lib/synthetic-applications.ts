// Facts the registry does not hold: a 临时救助 application (facts.temporary) and a job-loss record
// (facts.unemployment). The bench gives a deterministic share of households synthetic ones so that
// the temporary and unemployment programs do real work; everything else comes from the registry.
import { Random } from '../../src/seed/generator/index.ts';
import type { HouseholdFacts, SeparationReason } from '../../src/modules/policy/engine/facts.ts';
import { ymd, ymdToIso, type Ymd } from '../../src/modules/policy/engine/dates.ts';
import { addDays } from '../../src/lib/local-date.ts';

const TEMPORARY_SEED = 0x7e3a;
const UNEMPLOYMENT_SEED = 0x0e3b;

export const EMERGENCY_CAUSES = ['fire', 'traffic_accident', 'accidental_injury', 'sudden_illness'] as const;
export const EXPENDITURE_CAUSES = ['medical', 'education'] as const;
const ALL_CAUSES = [...EMERGENCY_CAUSES, ...EXPENDITURE_CAUSES];
const SEPARATIONS: readonly SeparationReason[] = ['involuntary', 'involuntary', 'employer_fault', 'refused_renewal', 'voluntary'];

/** A 临时救助 application and the year's history, for household `index` (deterministic). */
export function syntheticTemporary(index: number): NonNullable<HouseholdFacts['temporary']> {
  const r = new Random(TEMPORARY_SEED, index);
  const emergency = r.chance(0.4);
  const cause = emergency ? r.pick(EMERGENCY_CAUSES) : r.pick(EXPENDITURE_CAUSES);
  const applicationsThisYear = r.weighted([[0, 60], [1, 25], [2, 10], [3, 5]] as const);
  // Causes as kinds with event days in the year (20250101 + day): the same kind within 30 days is the same cause.
  const eventOn = 20250101 + r.int(0, 27) + 100 * r.int(0, 11);
  const previousCauses: NonNullable<HouseholdFacts['temporary']>['previousCauses'] = [];
  for (let k = 0; k < applicationsThisYear; k++) previousCauses.push(k === 0 && r.chance(0.3) ? { kind: cause, eventOn } : { kind: r.pick(ALL_CAUSES), eventOn: 20250101 + r.int(0, 27) + 100 * r.int(0, 11) });
  const approvedThisYearPersonFen = applicationsThisYear === 0 ? 0 : r.int(5, 60) * 10_000;
  const approvedThisYearHouseholdFen = approvedThisYearPersonFen + (applicationsThisYear === 0 || r.chance(0.6) ? 0 : r.int(5, 60) * 10_000);
  const app: NonNullable<HouseholdFacts['temporary']> = {
    kind: emergency ? 'emergency' : 'expenditure',
    cause: { kind: cause, eventOn },
    requestedFen: r.int(2, 200) * 10_000 + r.int(0, 99) * 100,
    approvedThisYearPersonFen,
    approvedThisYearHouseholdFen,
    applicationsThisYear,
    previousCauses,
  };
  if (r.chance(0.03)) app.exception = true;
  return app;
}

/** A job loss of the subject, for household `index` (deterministic; dates before `date`). */
export function syntheticUnemployment(index: number, date: Ymd): NonNullable<HouseholdFacts['unemployment']> {
  const r = new Random(UNEMPLOYMENT_SEED, index);
  const u: NonNullable<HouseholdFacts['unemployment']> = {
    contributionMonths: r.weighted([[r.int(0, 11), 20], [r.int(12, 59), 40], [r.int(60, 119), 25], [r.int(120, 300), 15]] as const),
    separation: r.pick(SEPARATIONS),
    separationDate: ymd(addDays(ymdToIso(date), -r.int(1, 2000))),
    registered: r.chance(0.85),
    unusedMonths: r.chance(0.8) ? 0 : r.int(1, 12),
  };
  if (r.chance(0.03)) u.drawingPension = true;
  if (r.chance(0.1)) u.reemployed = true;
  if (r.chance(0.1)) u.receivedSubsidyBefore = true;
  return u;
}

/** Whether household `index` gets synthetic applications (about `share` of households, deterministic). */
export function hasSyntheticApplication(index: number, share: number): boolean {
  return new Random(TEMPORARY_SEED ^ UNEMPLOYMENT_SEED, index).float() < share;
}

/** Adds a synthetic temporary application and job-loss record to `share` of households. */
export function addSyntheticApplications(facts: HouseholdFacts, index: number, date: Ymd, share: number): boolean {
  if (!hasSyntheticApplication(index, share)) return false;
  facts.temporary = syntheticTemporary(index);
  facts.unemployment = syntheticUnemployment(index, date);
  return true;
}
