// Registry rows → the engine's flat facts. Pure: the SQL that produces the row lives in
// policy.facts.store.ts. Urban or rural comes from the residence code (村委会 codes are 2xx at
// the village level); 户籍 is local when a member's hukou code lies in the household's county.
import type { HouseholdFacts, MemberFacts, Relationship, DisabilityCategory, IncomeFact } from './engine/facts.ts';
import { ymd } from './engine/dates.ts';
import { ruralOf } from '../../lib/division-code.ts';

/** [personId, relationship, birthDate, flags, disabilityCategory, disabilityGrade, illnesses, selfCare, deathDate, hukouCode, name] */
export type MemberRowTuple = [
  number, string, string | null, Record<string, unknown> | null, string | null, number | null, string[] | null,
  Record<string, boolean> | null, string | null, string | null, string,
];
/** [personId | null, subtype, total over the 12 months in 分] */
export type IncomeRowTuple = [number | null, string, number];
/** [deposits 分, houses, floor area cm², vehicles, businesses] */
export type AssetsTuple = [number, number, number, number, number];

export type RegistryFactsRow = {
  id: number;
  jurisdictionCode: string;
  members: MemberRowTuple[] | null;
  incomes: IncomeRowTuple[] | null;
  assets: AssetsTuple | null;
  rigidFen: number;
};

export function areaOf(code: string): 'urban' | 'rural' | undefined {
  const rural = ruralOf(code);
  return rural === undefined ? undefined : rural ? 'rural' : 'urban';
}

function member(t: MemberRowTuple, date: string): MemberFacts {
  const flags = t[3] ?? {};
  const m: MemberFacts = { relationship: t[1] as Relationship };
  if (t[2] !== null) m.birth = ymd(t[2]);
  if (flags['livingTogether'] !== undefined) m.livingTogether = flags['livingTogether'] as boolean;
  if (flags['fullTimeStudent']) {
    m.fullTimeStudent = true;
    // The registry does not record the level; below 23 we take it as undergraduate or lower.
    if (t[2] !== null) m.studyLevel = Math.floor((ymd(date) - ymd(t[2])) / 10000) < 23 ? 'undergraduate' : 'postgraduate';
    m.inSchool = true;
  }
  if (flags['servingSentence']) m.servingSentence = true;
  if (typeof flags['clergyLivingApartSince'] === 'string') m.clergyApartSince = ymd(flags['clergyLivingApartSince']);
  if (typeof flags['ableToLiveIndependently'] === 'boolean') m.ableToLiveIndependently = flags['ableToLiveIndependently'];
  if (flags['legalSupportDuty']) m.legalSupportDuty = true;
  if (t[4] !== null) m.disabilityCategory = t[4] as DisabilityCategory;
  if (t[5] !== null) m.disabilityGrade = t[5] as 1 | 2 | 3 | 4;
  if (t[6] !== null && t[6].length > 0) m.illnesses = t[6];
  if (t[7] !== null) {
    let failed = 0;
    for (const ok of Object.values(t[7])) if (!ok) failed++;
    m.selfCareFailed = failed;
  }
  if (t[8] !== null && t[8] <= date) m.dead = true;
  return m;
}

/** The facts of one household as of `date` (incomes: the 12 complete months before it). */
export function factsFromRegistry(row: RegistryFactsRow, date: string): { facts: HouseholdFacts; personIds: number[]; names: string[] } {
  const tuples = row.members ?? [];
  const members = tuples.map((t) => member(t, date));
  const personIds = tuples.map((t) => t[0]);
  const county = row.jurisdictionCode.slice(0, 6);
  const incomes: IncomeFact[] = [];
  let income12mFen = 0;
  for (const [personId, subtype, total] of row.incomes ?? []) {
    income12mFen += total;
    const index = personId === null ? -1 : personIds.indexOf(personId);
    const fact: IncomeFact = { subtype, monthlyFen: Math.floor(total / 12) };
    if (index >= 0) fact.memberIndex = index;
    incomes.push(fact);
  }
  const facts: HouseholdFacts = {
    jurisdictionCode: row.jurisdictionCode,
    members,
    incomes,
    income12mFen,
    rigidSpending12mFen: row.rigidFen,
    localHukou: tuples.some((t) => t[9] !== null && t[9].startsWith(county)),
  };
  const area = areaOf(row.jurisdictionCode);
  if (area) facts.area = area;
  if (row.assets) {
    const [depositsFen, houses, floorCm2, vehicles, businesses] = row.assets;
    const counted = members.length || 1;
    facts.assets = { depositsFen, houses, vehicles, businesses, floorAreaPerCapitaCm2: Math.floor(floorCm2 / counted) };
  }
  return { facts, personIds, names: tuples.map((t) => t[10]) };
}
