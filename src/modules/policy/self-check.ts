// The public self-check's few answers → the engine's facts. Ages become birth dates relative to
// the day (exact for completed years); money typed in 元 becomes 分 by decimal parsing.
import type { HouseholdFacts, MemberFacts } from './engine/facts.ts';
import { ymd } from './engine/dates.ts';
import type { SelfCheckBody } from './policy.schema.ts';
import type { z } from 'zod';

/** 元 (up to 2 decimals, as typed) → 分, without floating-point multiplication. */
export function yuanToFen(yuan: number): number {
  const [whole, frac = ''] = yuan.toFixed(2).split('.');
  return Number(whole) * 100 + Number(frac.padEnd(2, '0').slice(0, 2));
}

/** `illnessList`: the local 重特大疾病 list; a resident's "serious illness" answer is taken as on it. */
export function selfCheckFacts(body: z.output<typeof SelfCheckBody>, date: string, illnessList: readonly string[]): HouseholdFacts {
  const today = ymd(date);
  const members: MemberFacts[] = body.members.map((m) => {
    const f: MemberFacts = { relationship: m.relationship, birth: today - m.age * 10000, livingTogether: true };
    if (m.disability !== 'none') {
      f.disabilityCategory = m.disability;
      if (m.disabilityGrade !== undefined) f.disabilityGrade = m.disabilityGrade as 1 | 2 | 3 | 4;
    }
    if (m.seriousIllness && illnessList[0]) f.illnesses = [illnessList[0]];
    if (m.fullTimeStudent) {
      f.fullTimeStudent = true;
      f.studyLevel = 'undergraduate';
      f.inSchool = true;
    }
    if (m.selfCareItemsFailed !== undefined) f.selfCareFailed = m.selfCareItemsFailed;
    return f;
  });
  const monthlyFen = yuanToFen(body.monthlyIncomeYuan);
  const costsFen = yuanToFen(body.medicalAndEducationCostsLast12MonthsYuan);
  const facts: HouseholdFacts = {
    jurisdictionCode: body.countyCode,
    area: body.area,
    localHukou: body.localHukou,
    members,
    incomes: [{ subtype: 'other', monthlyFen }],
    income12mFen: monthlyFen * 12,
    rigidSpending12mFen: costsFen,
    assets: { depositsFen: yuanToFen(body.depositsYuan), houses: body.houses, vehicles: body.vehicles, businesses: 0 },
    // A resident does not know their supporters' finances; the self-check assumes none are able.
    supporters: [],
  };
  if (body.emergency !== 'none' || costsFen > 0) {
    facts.temporary = {
      kind: body.emergency !== 'none' ? 'emergency' : 'expenditure',
      // Nothing is compared (no earlier causes): the kind only names the cause in the explanation.
      cause: { kind: body.emergency === 'none' ? 'medical' : body.emergency === 'other_accident' ? 'accidental_injury' : body.emergency, eventOn: today },
      requestedFen: Math.max(costsFen, 1),
      approvedThisYearPersonFen: 0,
      approvedThisYearHouseholdFen: 0,
      applicationsThisYear: 0,
      previousCauses: [],
    };
  }
  if (body.unemployment) {
    facts.unemployment = {
      contributionMonths: body.unemployment.contributionMonths,
      separation: body.unemployment.separation,
      separationDate: ymd(body.unemployment.separationDate),
      registered: body.unemployment.registered,
      unusedMonths: 0,
    };
  }
  return facts;
}
