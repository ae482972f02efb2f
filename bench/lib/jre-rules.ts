// The same 低保 and 临时救助 eligibility as json-rules-engine rules, for the comparison in
// bench/policy-engine.ts. JRE conditions compare a fact with a value or another fact; it cannot
// add or multiply, so figures the rules need are computed beforehand and passed as facts (counted
// members and per-capita counted income, the deposit limit, the edge line, the remaining yearly
// caps, whether some member may get 单人保). Computing them is not timed: that favours JRE.
import { Engine, type RuleProperties, type TopLevelCondition } from 'json-rules-engine';
import type { HouseholdFacts } from '../../src/modules/policy/engine/facts.ts';
import type { ParameterValues } from '../../src/modules/policy/engine/parameters.catalog.ts';
import type { Ymd } from '../../src/modules/policy/engine/dates.ts';
import { scaleFen, applyBp } from '../../src/modules/policy/engine/money.ts';
import { dibaoFigures, singlePersonReason } from '../../src/modules/policy/programs/dibao.ts';

/** "No cap" / "no limit" for comparisons. */
const NONE = Number.MAX_SAFE_INTEGER;

export type JreFacts = Record<string, number | string | boolean | string[]>;

/** The facts one JRE run reads for a household (precomputed where JRE cannot compute). */
export function jreFacts(f: HouseholdFacts, p: ParameterValues, date: Ymd): JreFacts {
  const missing: string[] = [];
  const fig = dibaoFigures(f, { date, p, t: null, shared: null }, missing);
  const counted = fig ? fig.counted.length : 0;
  const standardFen = fig ? fig.standardFen : 0;
  const a = f.assets ?? { depositsFen: 0, houses: 0, vehicles: 0, businesses: 0, floorAreaPerCapitaCm2: undefined };
  const months = p['dibao.deposit_limit_months'] ?? 0;
  const list = p['dibao.serious_illnesses'] ?? [];
  let singlePersonMembers = 0;
  for (const m of f.members) if (singlePersonReason(m, list)) singlePersonMembers++;
  const out: JreFacts = {
    // 低保
    countedMembers: counted,
    perCapitaFen: fig ? fig.perCapitaFen : NONE,
    standardFen,
    edgeLineFen: applyBp(standardFen, p['dibao.edge_multiple_bp'] ?? 15000, 'floor'),
    singlePersonMembers,
    depositsFen: a.depositsFen,
    depositLimitFen: months === 0 ? NONE : scaleFen(standardFen, months * Math.max(counted, 1), 1, 'floor'),
    vehicles: a.vehicles,
    vehiclesAllowed: p['dibao.vehicles_allowed'] ?? 0,
    houses: a.houses,
    housesAllowed: p['dibao.houses_allowed'] ?? 1,
    floorAreaPerCapitaCm2: a.floorAreaPerCapitaCm2 ?? NONE,
    avgFloorAreaCm2: p['dibao.avg_floor_area_cm2'] ?? -1,
    businesses: a.businesses,
    businessesAllowed: p['dibao.businesses_allowed'] ?? 0,
  };
  const tmp = f.temporary;
  if (tmp) {
    const annual = f.area === 'rural' ? p['disposable_income.rural'] : p['disposable_income.urban'];
    const capPerson = p['linshi.yearly_cap_person_fen'] ?? 0;
    const capHousehold = p['linshi.yearly_cap_household_fen'] ?? 0;
    Object.assign(out, {
      localHukou: f.localHukou === true,
      kind: tmp.kind,
      // json-rules-engine has no date arithmetic: the flat facts carry each earlier cause as a key
      // that equals the application's when it is the same kind within the window (一事一救).
      cause: `${tmp.cause.kind}`,
      previousCauses: tmp.previousCauses.map((c) => (c.kind === tmp.cause.kind && c.kind !== 'other' && Math.abs(dayOf(c.eventOn) - dayOf(tmp.cause.eventOn)) <= (p['linshi.same_cause_window_days'] ?? 0) ? c.kind : `${c.kind}@${c.eventOn}`)),
      exception: tmp.exception === true,
      requestedFen: tmp.requestedFen,
      applicationsThisYear: tmp.applicationsThisYear,
      applicationsLimit: p['linshi.applications_per_year'] ?? 0,
      disposableMonthlyFen: annual === undefined ? -1 : Math.floor(annual / 12),
      remainingPersonFen: capPerson > 0 ? Math.max(0, capPerson - tmp.approvedThisYearPersonFen) : NONE,
      remainingHouseholdFen: capHousehold > 0 ? Math.max(0, capHousehold - tmp.approvedThisYearHouseholdFen) : NONE,
    });
  }
  return out;
}

const f = (fact: string) => ({ fact });
const dayOf = (ymd: number) => Math.round(Date.UTC(Math.floor(ymd / 10000), Math.floor(ymd / 100) % 100 - 1, ymd % 100) / 86_400_000);

/** 低保 property test: deposits within the limit, vehicles and businesses allowed, homes allowed or floor area below average. */
const PROPERTY: TopLevelCondition = {
  all: [
    { fact: 'depositsFen', operator: 'lessThanInclusive', value: f('depositLimitFen') },
    { fact: 'vehicles', operator: 'lessThanInclusive', value: f('vehiclesAllowed') },
    { any: [
      { fact: 'houses', operator: 'lessThanInclusive', value: f('housesAllowed') },
      { fact: 'floorAreaPerCapitaCm2', operator: 'lessThan', value: f('avgFloorAreaCm2') },
    ] },
    { fact: 'businesses', operator: 'lessThanInclusive', value: f('businessesAllowed') },
  ],
};

export const DIBAO_RULES: RuleProperties[] = [
  {
    name: 'dibao',
    conditions: { all: [
      { fact: 'countedMembers', operator: 'greaterThanInclusive', value: 1 },
      { fact: 'perCapitaFen', operator: 'lessThan', value: f('standardFen') },
      PROPERTY,
    ] },
    event: { type: 'dibao' },
  },
  // 单人保 (民发〔2021〕57号 Art. 10): in a 低保边缘 household, members who qualify alone. Not in
  // the brief's rule list, but part of the engine's 低保 eligibility.
  {
    name: 'dibao_single',
    conditions: { all: [
      { fact: 'countedMembers', operator: 'greaterThanInclusive', value: 1 },
      { fact: 'perCapitaFen', operator: 'greaterThanInclusive', value: f('standardFen') },
      { fact: 'perCapitaFen', operator: 'lessThan', value: f('edgeLineFen') },
      PROPERTY,
      { fact: 'singlePersonMembers', operator: 'greaterThanInclusive', value: 1 },
    ] },
    event: { type: 'dibao_single' },
  },
];

export const TEMPORARY_RULES: RuleProperties[] = [
  {
    name: 'temporary',
    conditions: { all: [
      { fact: 'localHukou', operator: 'equal', value: true },
      { fact: 'requestedFen', operator: 'greaterThan', value: 0 },
      // 一事一救 unless 一事一议
      { any: [
        { fact: 'exception', operator: 'equal', value: true },
        { fact: 'previousCauses', operator: 'doesNotContain', value: f('cause') },
      ] },
      { any: [
        { fact: 'applicationsLimit', operator: 'equal', value: 0 },
        { fact: 'applicationsThisYear', operator: 'lessThan', value: f('applicationsLimit') },
      ] },
      // 急难型: no income test; 支出型: income below disposable income ÷ 12, property passes
      { any: [
        { fact: 'kind', operator: 'equal', value: 'emergency' },
        { all: [
          { fact: 'kind', operator: 'equal', value: 'expenditure' },
          { fact: 'countedMembers', operator: 'greaterThanInclusive', value: 1 },
          { fact: 'perCapitaFen', operator: 'lessThan', value: f('disposableMonthlyFen') },
          PROPERTY,
        ] },
      ] },
      // yearly caps not used up (一事一议 lifts them)
      { any: [
        { fact: 'exception', operator: 'equal', value: true },
        { all: [
          { fact: 'remainingPersonFen', operator: 'greaterThan', value: 0 },
          { fact: 'remainingHouseholdFen', operator: 'greaterThan', value: 0 },
        ] },
      ] },
    ] },
    event: { type: 'temporary' },
  },
];

export function jreEngine(rules: RuleProperties[]): Engine {
  return new Engine(rules, { allowUndefinedFacts: false });
}
