// Registry rows → the engine's flat facts. Pure: the SQL that produces the row lives in
// policy.facts.store.ts. Urban or rural comes from the residence code (村委会 codes are 2xx at
// the village level); 户籍 is local when a member's hukou code lies in the household's county.
import type { CurrentBenefit, HouseholdFacts, MemberFacts, Relationship, DisabilityCategory, IncomeFact, ParentFacts, ParentSituation, SeparationReason, SupporterFacts } from './engine/facts.ts';
import { ymd } from './engine/dates.ts';
import { ruralOf } from '../../lib/division-code.ts';

/** [relation, birthDate, annual income 分, propertyWithinRule, disabilityCategory, disabilityGrade, situations, deathDate (linked), name, programs paid now (linked)] */
export type SupporterTuple = [
  string, string | null, number | null, boolean | null, string | null, number | null, { kind: string; since: string; until?: string }[],
  string | null, string | null, string[] | null,
];
/** [parent, situation, beganOn, endedOn, disabilityCategory, disabilityGrade] */
export type ParentTuple = [string, string, string | null, string | null, string | null, number | null];
/** [contributionMonths, separationOn, separationReason, registeredOn, unusedMonths, subsidyReceived, reemployedOn] */
export type UnemploymentTuple = [number, string, string, string | null, number, boolean, string | null];
/** [kind, onDate, placementKind] in date order */
export type JobEventTuple = [string, string, string | null];
/** [program, monthly 分, first month, last month paid, beneficiary person id, people covered] */
export type BenefitTuple = [string, number, string, string | null, number | null, number | null];

/** [personId, relationship, birthDate, flags, disabilityCategory, disabilityGrade, illnesses, selfCare, deathDate, hukouCode, name, supporters, parents, unemployment, job events] */
export type MemberRowTuple = [
  number, string, string | null, Record<string, unknown> | null, string | null, number | null, string[] | null,
  Record<string, boolean> | null, string | null, string | null, string,
  (SupporterTuple[] | null)?, (ParentTuple[] | null)?, (UnemploymentTuple | null)?, (JobEventTuple[] | null)?,
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
  benefits?: BenefitTuple[] | null;
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
  const supporters = t[11] ?? null;
  if (supporters !== null) m.supporters = supporterFacts(supporters, date);
  const parents = t[12] ?? null;
  if (parents !== null) {
    const p = parentFacts(parents, date);
    if (p.length > 0) m.parents = p;
  }
  const u = t[13] ?? null;
  if (u !== null) {
    m.unemployment = {
      contributionMonths: u[0], separationDate: ymd(u[1]), separation: u[2] as SeparationReason,
      registered: u[3] !== null && u[3] <= date, unusedMonths: u[4], receivedSubsidyBefore: u[5],
      reemployed: u[6] !== null && u[6] <= date,
    };
  }
  const jobs = t[14] ?? null;
  if (jobs !== null) {
    // Refusals without good reason in a row (办法 Art. 45): an acceptance or employment ends the run.
    let run = 0;
    for (const [kind] of jobs) {
      if (kind === 'referral_refused') run++;
      else if (kind === 'referral_accepted' || kind === 'employed') run = 0;
    }
    if (run > 0) m.jobReferralsRefused = run;
  }
  return m;
}

const active = (x: { since: string; until?: string }, date: string) => x.since <= date && (x.until === undefined || x.until > date);

/** Supporters as the 特困 rules read them; a supporter who has died is no supporter. */
function supporterFacts(rows: SupporterTuple[], date: string): SupporterFacts[] {
  const out: SupporterFacts[] = [];
  for (const [relation, birth, annual, property, category, grade, situations, death, name, programs] of rows) {
    if (relation === 'none') continue; // checked: no legal supporter (the list stays empty)
    const now = new Set((situations ?? []).filter((x) => active(x, date)).map((x) => x.kind));
    if (now.has('dead') || (death !== null && death <= date)) continue;
    const s: SupporterFacts = {};
    if (name) s.name = name;
    if (birth !== null) s.birth = ymd(birth);
    if (annual !== null) s.annualIncomeFen = Number(annual);
    if (property !== null) s.propertyPasses = property;
    if (category !== null) s.disabilityCategory = category as DisabilityCategory;
    if (grade !== null) s.disabilityGrade = grade as 1 | 2 | 3 | 4;
    if (now.has('tekun') || programs?.includes('tekun')) s.tekun = true;
    if (now.has('dibao') || programs?.includes('dibao')) s.dibao = true;
    if (now.has('imprisoned')) s.imprisoned = true;
    if (now.has('missing_declared')) s.missing = true;
    if (now.has('incompetent')) s.incompetent = true;
    out.push(s);
  }
  return out;
}

/** When a parent has several situations at once, the one that decides most (death before detention …). */
const PARENT_ORDER: ParentSituation[] = ['dead', 'missing_declared', 'severe_disability', 'serious_illness', 'imprisoned', 'compulsory_rehab', 'restricted', 'lost_contact', 'custody_revoked', 'deported', 'normal'];

/** Father then mother: each one's situation in force on the date (started, not ended). */
function parentFacts(rows: ParentTuple[], date: string): ParentFacts[] {
  const out: ParentFacts[] = [];
  for (const parent of ['father', 'mother']) {
    let best: ParentTuple | null = null;
    for (const r of rows) {
      if (r[0] !== parent || (r[3] !== null && r[3] <= date)) continue;
      if (best === null || PARENT_ORDER.indexOf(r[1] as ParentSituation) < PARENT_ORDER.indexOf(best[1] as ParentSituation)) best = r;
    }
    if (best === null) continue;
    const p: ParentFacts = { situation: best[1] as ParentSituation };
    if (best[2] !== null) p.since = ymd(best[2]);
    if (best[4] !== null) p.disabilityCategory = best[4] as DisabilityCategory;
    if (best[5] !== null) p.disabilityGrade = best[5] as 1 | 2 | 3 | 4;
    out.push(p);
  }
  return out;
}

/**
 * Current benefits from approved cases and their plans: 低保 (the household's amount; its 渐退期
 * starts when a member took a job while on it), 特困 per beneficiary, and each member's share of
 * what the household already gets (事实无人抚养 pays only the difference where the locality says so).
 */
function currentFrom(benefits: BenefitTuple[], members: MemberFacts[], personIds: number[], jobs: (JobEventTuple[] | null)[]): HouseholdFacts['current'] {
  const list: CurrentBenefit[] = [];
  const current: NonNullable<HouseholdFacts['current']> = { benefits: list };
  const share = new Array<number>(members.length).fill(0);
  for (const [program, amount, since, lastPaid, beneficiary, covered] of benefits) {
    const b: CurrentBenefit = { program, amountFen: Number(amount), since, lastPaid };
    const index = beneficiary === null ? -1 : personIds.indexOf(beneficiary);
    if (program === 'dibao') {
      current.dibao = true;
      current.dibaoAmountFen = (current.dibaoAmountFen ?? 0) + b.amountFen;
      const each = Math.floor(b.amountFen / Math.max(covered ?? members.length, 1));
      for (let i = 0; i < share.length; i++) share[i]! += each;
      // 渐退期: the latest employment of a member since the 低保 began.
      for (let i = 0; i < jobs.length; i++) {
        for (const [kind, on, placement] of jobs[i] ?? []) {
          if (kind === 'employed' && on.slice(0, 7) >= since && (!current.phaseOut || ymd(on) > current.phaseOut.since)) {
            current.phaseOut = { since: ymd(on), kind: (placement ?? 'other') as NonNullable<NonNullable<HouseholdFacts['current']>['phaseOut']>['kind'] };
          }
        }
      }
    } else if (index >= 0) {
      b.memberIndex = index;
      if (program === 'tekun') members[index]!.currentTekun = true;
      if (program !== 'fcu') share[index]! += b.amountFen;
    }
    list.push(b);
  }
  for (let i = 0; i < members.length; i++) members[i]!.otherChildBenefitFen = share[i]!;
  return current;
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
  // Benefits are known from the ledger: none paid now is a fact too (an empty list).
  if (row.benefits !== undefined) facts.current = currentFrom(row.benefits ?? [], members, personIds, tuples.map((t) => t[14] ?? null));
  const area = areaOf(row.jurisdictionCode);
  if (area) facts.area = area;
  if (row.assets) {
    const [depositsFen, houses, floorCm2, vehicles, businesses] = row.assets;
    const counted = members.length || 1;
    facts.assets = { depositsFen, houses, vehicles, businesses, floorAreaPerCapitaCm2: Math.floor(floorCm2 / counted) };
  }
  return { facts, personIds, names: tuples.map((t) => t[10]) };
}
