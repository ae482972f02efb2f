// Synthetic households (户) for demos and benchmarks: members with consistent ages, ID numbers,
// relationships and facts; 12 months of income; assets; rigid expenditures. Pure and
// deterministic: household i depends only on (seed, i, residences, today), never on which
// households were generated before it, so a loader can resume or split the range at will.
//
// ID numbers are unique by construction, not by checking. Let h be the household's ordinal
// among the households of its county (households are dealt round-robin over the residences, so
// h is a closed formula of i). Write h = b·(125·365) + d·125 + hm with hm < 125, d < 365, b < 4.
// A member who is the q-th (q < 4) of their sex in the household gets
//   sequence  = 2·PERM[4·hm + q] + (male ? 1 : 0)          (PERM: a fixed permutation of 0..499)
//   birth day = day-of-year (d + OFF[z]) mod 365, z = 8·hm + 2·q + sexBit   (never 29 February)
//   year      ≡ b + RES(z, d)  (mod 4)
// and the year is otherwise chosen freely (realistic age, parents 20–40 years older, …).
// Two people with the same ID number share the county, hence h's county numbering; the same
// sequence, hence hm, q and sex (PERM is a bijection), hence z; the same day, hence d; the same
// year, hence the same b mod 4, and b < 4 makes it b. So they have the same h and the same
// (q, sex): they are one person. The capacity is 4·365·125 = 182,500 households per county and
// seed; `generateHouseholds` throws before yielding anything when a requested range exceeds it.
// The price: each birth year lies within ±2 years of the age first drawn, which the relationship
// constraints absorb because they are applied to the placed years.
import { makeIdNumber } from '../../lib/id-number.ts';
import type { z } from 'zod';
import type { AddMemberBody, AssetInput, ExpenseInput, IncomeInput, MemberFlags } from '../../modules/households/households.schema.ts';
import type { PersonInput } from '../../modules/persons/persons.schema.ts';
import { MONTH_DAY_NUMBER, MONTH_DAY_TEXT, PAD2, dayNumber, daysInMonth, formatDay, parseDay } from './calendar.ts';
import { pickEthnicity, pickGivenName, pickSurname, type Sex } from './names.ts';
import { Random, mix32, weightedTable, type WeightedTable } from './random.ts';
import type { Residence } from './residences.ts';
import { ruralOf } from '../../lib/division-code.ts';

export type { Residence } from './residences.ts';

export type Relationship = AddMemberBody['relationship'];
type IncomeOut = z.output<typeof IncomeInput>;
export type IncomeType = IncomeOut['type'];
export type IncomeSubtype = IncomeOut['subtype'];
export type MaritalStatus = NonNullable<PersonInput['maritalStatus']>;
export type EducationLevel = NonNullable<PersonInput['education']>;
export type EmploymentStatus = NonNullable<PersonInput['employmentStatus']>;
export type WorkCapacity = NonNullable<PersonInput['workCapacity']>;
export type DisabilityCategory = NonNullable<PersonInput['disabilityCategory']>;
export type SelfCare = NonNullable<PersonInput['selfCare']>;

export type HouseholdShape =
  | 'single_elderly'
  | 'elderly_couple'
  | 'single_adult'
  | 'couple_no_children'
  | 'couple_with_children'
  | 'three_generation'
  | 'single_parent'
  | 'skipped_generation'
  | 'disabled_adult_child'
  | 'elderly_with_adult_child'
  | 'siblings';

/** A PersonInput-shaped object (PersonInput.parse accepts it); the fields the generator always fills are required here. */
export type GeneratedPerson = {
  name: string;
  idNumber: string;
  sex: Sex;
  birthDate: string;
  phone: string | undefined;
  hukouCode: string;
  jurisdictionCode: string;
  address: string;
  ethnicity: string;
  maritalStatus: MaritalStatus;
  education: EducationLevel;
  employmentStatus: EmploymentStatus;
  workCapacity: WorkCapacity;
  disabilityCategory: DisabilityCategory | undefined;
  disabilityGrade: number | undefined;
  seriousIllnesses: string[];
  selfCare: SelfCare | undefined;
  tags: string[];
  contactCardNo: string | undefined;
};

export type GeneratedMember = { person: GeneratedPerson; relationship: Relationship; flags: MemberFlags };

/** IncomeInput with the member's position in `members` (null: the household as a whole) instead of a person id. */
export type GeneratedIncome = Omit<IncomeOut, 'personId'> & { memberIndex: number | null };
export type GeneratedAsset = z.output<typeof AssetInput>;
export type GeneratedExpense = z.output<typeof ExpenseInput>;

export type GeneratedHousehold = {
  /** Stable across runs: 'demo-<seed>-<index>'. */
  key: string;
  index: number;
  shape: HouseholdShape;
  jurisdictionCode: string;
  address: string;
  bankName: string | undefined;
  /** Digits only. */
  bankAccount: string | undefined;
  accountHolder: string | undefined;
  members: GeneratedMember[];
  incomes: GeneratedIncome[];
  assets: GeneratedAsset[];
  expenses: GeneratedExpense[];
  /** What `computeFinances` reports for the generated records at `today` (floored 分): members counted = living together, not in prison. */
  perCapitaMonthlyIncomeFen: number;
};

export type GenerateHouseholdsOptions = {
  seed: number;
  count: number;
  /** Index of the first household (default 0). Household i is the same whatever the start. */
  startIndex?: number;
  residences: readonly Residence[];
  /** Reference date 'YYYY-MM-DD' (default '2026-11-01'): incomes cover the 12 full months before it. */
  today?: string;
};

export const DEFAULT_TODAY = '2026-11-01';
/** Per county and seed: see the header comment. */
export const HOUSEHOLDS_PER_COUNTY_CAPACITY = 4 * 365 * 125;
/** Per-capita monthly income bands used for the economic classes and the near_dibao tag (分). */
export const LOW_INCOME_LINE_FEN = 80_000;
export const NEAR_DIBAO_LINE_FEN = 150_000;

// ─── fixed tables (built once) ────────────────────────────────────────────────────────────────

/** Diagnostics for tests: how often a birth year had to be placed outside its intended range. */
export const placementStats = { outOfRange: 0 };

const ID_BLOCK = 125;
const SAME_SEX_MAX = 4;
const YEAR_SPREAD = 4;
const MAX_MEMBERS = 8;
const MAX_SOURCES = 48;

/** A fixed permutation of 0..499 (the slot → sequence map) and fixed day offsets per slot. */
const PERM = new Uint16Array(500);
const OFF = new Uint16Array(1000);
{
  const r = new Random(0x5eed1d, 0);
  const p = Array.from({ length: 500 }, (_, i) => i);
  r.shuffle(p);
  for (let i = 0; i < 500; i++) PERM[i] = p[i]!;
  for (let i = 0; i < 1000; i++) OFF[i] = r.int(0, 364);
}
const RES_SALT = 0x2545f491;
const residueOf = (z: number, d: number) => mix32(((z * 365 + d) ^ RES_SALT) >>> 0) & 3;

const SHAPES_URBAN = weightedTable<HouseholdShape>([
  ['single_elderly', 14.5], ['elderly_couple', 13], ['single_adult', 7.5], ['couple_no_children', 7], ['couple_with_children', 33],
  ['three_generation', 11], ['single_parent', 5.5], ['skipped_generation', 2], ['disabled_adult_child', 2.5],
  ['elderly_with_adult_child', 3], ['siblings', 1],
]);
const SHAPES_RURAL = weightedTable<HouseholdShape>([
  ['single_elderly', 16], ['elderly_couple', 14], ['single_adult', 4], ['couple_no_children', 5], ['couple_with_children', 25],
  ['three_generation', 18], ['single_parent', 4], ['skipped_generation', 7], ['disabled_adult_child', 3.5],
  ['elderly_with_adult_child', 2.5], ['siblings', 1],
]);

type EconomicClass = 0 | 1 | 2; // 0 below the low-income line, 1 near (低保边缘), 2 above
/** [share below the line, share near] by shape. */
const CLASS_ODDS: Record<HouseholdShape, readonly [number, number]> = {
  single_elderly: [0.26, 0.3],
  elderly_couple: [0.1, 0.25],
  single_adult: [0.12, 0.12],
  couple_no_children: [0.04, 0.08],
  couple_with_children: [0.06, 0.12],
  three_generation: [0.06, 0.14],
  single_parent: [0.28, 0.28],
  skipped_generation: [0.25, 0.3],
  disabled_adult_child: [0.4, 0.3],
  elderly_with_adult_child: [0.15, 0.22],
  siblings: [0.2, 0.25],
};

const EDUCATION_BY_COHORT: readonly WeightedTable<EducationLevel>[] = [
  // born before 1950
  weightedTable<EducationLevel>([['none', 35], ['primary', 40], ['junior', 17], ['senior', 6], ['vocational', 1], ['college', 1]]),
  // 1950–1964
  weightedTable<EducationLevel>([['none', 10], ['primary', 34], ['junior', 38], ['senior', 13], ['vocational', 2.5], ['college', 1.8], ['bachelor', 0.7]]),
  // 1965–1979
  weightedTable<EducationLevel>([['none', 2], ['primary', 15], ['junior', 44], ['senior', 20], ['vocational', 8], ['college', 6.5], ['bachelor', 4.5]]),
  // 1980–1994
  weightedTable<EducationLevel>([['primary', 3], ['junior', 30], ['senior', 17], ['vocational', 14], ['college', 18], ['bachelor', 16], ['postgraduate', 2]]),
  // 1995 and later (adults)
  weightedTable<EducationLevel>([['junior', 14], ['senior', 15], ['vocational', 20], ['college', 25], ['bachelor', 23], ['postgraduate', 3]]),
];
const EDUCATION_ORDER: readonly EducationLevel[] = ['none', 'primary', 'junior', 'senior', 'vocational', 'college', 'bachelor', 'postgraduate'];

const DISABILITY_CATEGORIES = weightedTable<DisabilityCategory>([
  ['physical', 29.1], ['hearing', 24.2], ['multiple', 16.3], ['visual', 14.9], ['mental', 7.4], ['intellectual', 6.7], ['speech', 1.5],
]);
const CHILD_DISABILITY_CATEGORIES = weightedTable<DisabilityCategory>([
  ['intellectual', 35], ['physical', 20], ['multiple', 15], ['hearing', 12], ['speech', 8], ['visual', 6], ['mental', 4],
]);
const ADULT_CHILD_DISABILITY_CATEGORIES = weightedTable<DisabilityCategory>([
  ['intellectual', 32], ['mental', 25], ['physical', 22], ['multiple', 15], ['visual', 4], ['hearing', 2],
]);
const DISABILITY_GRADES = weightedTable<number>([[1, 12], [2, 18], [3, 30], [4, 40]]);
const SEVERE_GRADES = weightedTable<number>([[1, 35], [2, 45], [3, 20]]);

const ADULT_ILLNESSES = weightedTable<string>([
  ['malignant_tumour', 60], ['uraemia', 15], ['severe_mental_illness', 10], ['leukaemia', 5], ['organ_transplant', 3],
  ['congenital_heart_disease', 2], ['haemophilia', 1],
]);
const CHILD_ILLNESSES = weightedTable<string>([
  ['congenital_heart_disease', 40], ['leukaemia', 35], ['haemophilia', 10], ['malignant_tumour', 10], ['uraemia', 5],
]);
const ILLNESS_LABEL: Record<string, string> = {
  malignant_tumour: '恶性肿瘤', uraemia: '尿毒症', leukaemia: '白血病', organ_transplant: '器官移植',
  severe_mental_illness: '重性精神病', congenital_heart_disease: '先天性心脏病', haemophilia: '血友病',
};

/** Self-care failures (0–6) by age band and by disability grade. */
const SELF_CARE_70 = weightedTable<number>([[0, 84], [1, 5], [2, 4], [3, 3], [4, 2], [5, 1], [6, 1]]);
const SELF_CARE_80 = weightedTable<number>([[0, 62], [1, 9], [2, 8], [3, 7], [4, 6], [5, 4], [6, 4]]);
const SELF_CARE_90 = weightedTable<number>([[0, 40], [1, 10], [2, 10], [3, 10], [4, 10], [5, 10], [6, 10]]);
const SELF_CARE_GRADE: readonly WeightedTable<number>[] = [
  SELF_CARE_90,
  weightedTable<number>([[0, 25], [1, 10], [2, 10], [3, 10], [4, 15], [5, 15], [6, 15]]),
  weightedTable<number>([[0, 50], [1, 12], [2, 10], [3, 10], [4, 8], [5, 5], [6, 5]]),
  weightedTable<number>([[0, 82], [1, 8], [2, 5], [3, 3], [4, 2]]),
  weightedTable<number>([[0, 94], [1, 4], [2, 2]]),
];

const PHONE_PREFIXES = weightedTable<string>([
  ['139', 8], ['138', 8], ['137', 5], ['136', 5], ['135', 6], ['134', 3], ['159', 5], ['158', 5], ['157', 2], ['152', 3],
  ['151', 4], ['150', 4], ['188', 4], ['187', 4], ['183', 3], ['182', 3], ['130', 4], ['131', 4], ['132', 3], ['155', 3],
  ['156', 3], ['185', 3], ['186', 4], ['166', 2], ['176', 2], ['133', 3], ['153', 2], ['180', 3], ['181', 2], ['189', 3],
  ['177', 2], ['173', 1], ['199', 2], ['198', 1], ['191', 1], ['195', 1], ['178', 1], ['184', 1],
]);

const URBAN_BANKS = weightedTable<readonly [string, string]>([
  [['中国工商银行', '622202'], 24], [['中国建设银行', '621700'], 20], [['中国农业银行', '622848'], 16], [['中国银行', '621661'], 12],
  [['中国邮政储蓄银行', '621799'], 12], [['交通银行', '622262'], 6], [['招商银行', '621483'], 4], [['农村商业银行', '623059'], 6],
]);
const RURAL_BANKS = weightedTable<readonly [string, string]>([
  [['农村信用社', '622991'], 30], [['中国邮政储蓄银行', '621799'], 30], [['中国农业银行', '622848'], 25], [['中国建设银行', '621700'], 8],
  [['中国工商银行', '622202'], 7],
]);

const COMPOUNDS = ['和平里小区', '建设新村', '幸福家园', '光明小区', '纺织厂宿舍', '机械厂家属院', '铁路新村', '阳光花园', '锦绣苑', '华府小区',
  '东方嘉园', '滨河小区', '新华苑', '电力小区', '康乐花园', '富民小区', '御景园', '世纪城', '和谐家园', '教师新村'];
const GROUP_NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** Housing price 元/m² by city (first 4 digits of the code), for house values. */
const PRICE_PER_M2: Record<string, readonly [number, number]> = {
  '1401': [8_500, 13_000], '1408': [4_500, 6_800], '3701': [5_000, 7_500], '4101': [10_500, 15_500], '4108': [4_000, 6_200],
};

const SELF_CARE_ORDER = ['bathing', 'walking', 'transfer', 'toilet', 'dressing', 'eating'] as const;

// Income source patterns.
const P_MONTHLY = 0; // every month, ±variation
const P_IRREGULAR = 1; // most months, some idle
const P_HARVEST = 2; // June and October
const P_YEARLY = 3; // one month
const P_BUSINESS = 4; // every month, large variation

// ─── residence preprocessing ──────────────────────────────────────────────────────────────────

type ResidenceInfo = {
  code: string;
  countyCode: string;
  county: number;
  position: number; // index among its county's residences
  rural: boolean;
  villageCode: string;
  addressPrefix: string;
  compounds: readonly string[];
  price: readonly [number, number];
};

function isDigits(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return s.length > 0;
}

function prepareResidences(residences: readonly Residence[]) {
  if (residences.length === 0) throw new RangeError('generateHouseholds: residences must not be empty');
  const countyIndex = new Map<string, number>();
  const countyCounts: number[] = [];
  const infos: ResidenceInfo[] = [];
  for (const r of residences) {
    if (r.countyCode.length !== 6 || !isDigits(r.countyCode) || r.countyCode[0] === '0') {
      throw new RangeError(`generateHouseholds: bad county code "${r.countyCode}"`);
    }
    if (!r.code.startsWith(r.countyCode) || !isDigits(r.code)) {
      throw new RangeError(`generateHouseholds: residence "${r.code}" is not inside county ${r.countyCode}`);
    }
    let county = countyIndex.get(r.countyCode);
    if (county === undefined) {
      county = countyCounts.length;
      countyIndex.set(r.countyCode, county);
      countyCounts.push(0);
    }
    const position = countyCounts[county]!++;
    const rural = r.rural ?? ruralOf(r.code) ?? (r.code.length >= 9 && r.code[6] !== '0');
    const hash = mix32(Number(r.code.slice(-9)) >>> 0);
    const compounds = [0, 1, 2, 3].map((k) => COMPOUNDS[(hash + k * 7) % COMPOUNDS.length]!);
    infos.push({
      code: r.code,
      countyCode: r.countyCode,
      county,
      position,
      rural,
      villageCode: r.code.length >= 12 ? r.code.slice(0, 12) : r.code,
      addressPrefix: r.addressPrefix ?? '',
      compounds,
      price: PRICE_PER_M2[r.code.slice(0, 4)] ?? [5_000, 8_000],
    });
  }
  // Hukou places for migrants: villages in other counties (rural ones preferred).
  const hukouElsewhere: string[][] = countyCounts.map(() => []);
  for (let c = 0; c < countyCounts.length; c++) {
    const others = infos.filter((x) => x.county !== c);
    const rural = others.filter((x) => x.rural);
    hukouElsewhere[c] = [...new Set((rural.length > 0 ? rural : others).map((x) => x.villageCode))];
  }
  return { infos, countyCounts, hukouElsewhere };
}

// ─── the builder ──────────────────────────────────────────────────────────────────────────────

function monthText(y: number, m: number): string {
  return `${y}-${PAD2[m]}`;
}

class HouseholdBuilder {
  private readonly rng = new Random(0);
  private readonly seed: number;
  private readonly infos: ResidenceInfo[];
  private readonly countyCounts: number[];
  private readonly hukouElsewhere: string[][];
  private readonly R: number;
  // today and the income period
  private readonly today: string;
  private readonly todayDay: number;
  private readonly T: number;
  private readonly tMD: number;
  private readonly months: string[] = [];
  private readonly monthNumbers: number[] = [];
  private readonly periodStart: number;
  private readonly periodEnd: number;

  // per-household state (reused)
  private n = 0;
  private hm = 0;
  private d = 0;
  private b = 0;
  private readonly sexCount = [0, 0];
  private readonly male = new Uint8Array(MAX_MEMBERS);
  private readonly year = new Int32Array(MAX_MEMBERS);
  private readonly doy = new Int32Array(MAX_MEMBERS);
  private readonly seq = new Int32Array(MAX_MEMBERS);
  private readonly age = new Int32Array(MAX_MEMBERS);
  private readonly rel: Relationship[] = new Array<Relationship>(MAX_MEMBERS).fill('head');
  private readonly surname: string[] = new Array<string>(MAX_MEMBERS).fill('');
  private readonly marital: MaritalStatus[] = new Array<MaritalStatus>(MAX_MEMBERS).fill('unmarried');
  private readonly education: EducationLevel[] = new Array<EducationLevel>(MAX_MEMBERS).fill('none');
  private readonly employment: EmploymentStatus[] = new Array<EmploymentStatus>(MAX_MEMBERS).fill('not_in_labour_force');
  private readonly capacity: WorkCapacity[] = new Array<WorkCapacity>(MAX_MEMBERS).fill('full');
  private readonly disCat: (DisabilityCategory | undefined)[] = new Array<DisabilityCategory | undefined>(MAX_MEMBERS).fill(undefined);
  private readonly disGrade = new Int8Array(MAX_MEMBERS);
  private readonly illness: (string[] | undefined)[] = new Array<string[] | undefined>(MAX_MEMBERS).fill(undefined);
  private readonly student = new Uint8Array(MAX_MEMBERS);
  private readonly prison = new Uint8Array(MAX_MEMBERS);
  private readonly clergy: (string | null)[] = new Array<string | null>(MAX_MEMBERS).fill(null);
  private readonly outdoor = new Uint8Array(MAX_MEMBERS);
  private readonly forcedDisabled = new Uint8Array(MAX_MEMBERS);
  private readonly names: string[] = new Array<string>(MAX_MEMBERS).fill('');
  private orphans = false;
  private migrant = false;
  private cls: EconomicClass = 2;
  private info!: ResidenceInfo;
  private h = 0;

  // income sources
  private ns = 0;
  private readonly srcMember = new Int8Array(MAX_SOURCES);
  private readonly srcType: IncomeType[] = new Array<IncomeType>(MAX_SOURCES).fill('wage');
  private readonly srcSubtype: IncomeSubtype[] = new Array<IncomeSubtype>(MAX_SOURCES).fill('other');
  private readonly srcSource: string[] = new Array<string>(MAX_SOURCES).fill('');
  private readonly srcAdjustable = new Uint8Array(MAX_SOURCES);
  private readonly srcAmounts = new Float64Array(MAX_SOURCES * 12);

  constructor(seed: number, residences: readonly Residence[], today: string) {
    this.seed = seed;
    const prepared = prepareResidences(residences);
    this.infos = prepared.infos;
    this.countyCounts = prepared.countyCounts;
    this.hukouElsewhere = prepared.hukouElsewhere;
    this.R = this.infos.length;
    this.todayDay = parseDay(today);
    this.today = today;
    this.T = Number(today.slice(0, 4));
    this.tMD = Number(today.slice(5, 7)) * 100 + Number(today.slice(8, 10));
    // The 12 complete months before today.
    let y = this.T;
    let m = Number(today.slice(5, 7)) - 12;
    if (m < 1) {
      m += 12;
      y -= 1;
    }
    for (let k = 0; k < 12; k++) {
      this.months.push(monthText(y, m));
      this.monthNumbers.push(m);
      if (++m > 12) {
        m = 1;
        y++;
      }
    }
    const first = this.months[0]!;
    const last = this.months[11]!;
    this.periodStart = dayNumber(Number(first.slice(0, 4)), Number(first.slice(5, 7)), 1);
    const ly = Number(last.slice(0, 4));
    const lm = Number(last.slice(5, 7));
    this.periodEnd = dayNumber(ly, lm, daysInMonth(ly, lm));
  }

  /** The ordinal of household i among its county's households. */
  countyOrdinal(i: number): { info: ResidenceInfo; h: number } {
    const info = this.infos[i % this.R]!;
    return { info, h: Math.floor(i / this.R) * this.countyCounts[info.county]! + info.position };
  }

  /** Throws when some household in [start, end) would exceed the per-county ID capacity. */
  checkCapacity(start: number, end: number): void {
    if (end <= start) return;
    const last = end - 1;
    for (let r = 0; r < this.R; r++) {
      const i = last - ((((last - r) % this.R) + this.R) % this.R);
      if (i < start) continue;
      const { info, h } = this.countyOrdinal(i);
      if (h >= HOUSEHOLDS_PER_COUNTY_CAPACITY) {
        throw new RangeError(
          `generateHouseholds: household ${i} would be number ${h + 1} in county ${info.countyCode}; ` +
            `unique ID numbers allow at most ${HOUSEHOLDS_PER_COUNTY_CAPACITY} households per county and seed — add residences in more counties`,
        );
      }
    }
  }

  // ── members ──

  /** Age at today of someone born in `year` on day-of-year `doy`. */
  private ageOf(year: number, doy: number): number {
    return this.T - year - (MONTH_DAY_NUMBER[doy]! > this.tMD ? 1 : 0);
  }

  /**
   * The birth year ≡ residue (mod 4) closest to `desired` inside [lo, hi], never after today and
   * never before 1900. When the range holds no such year, the nearest one outside it.
   */
  private placeYear(lo: number, hi: number, desired: number, residue: number, md: number): number {
    const maxY = md > this.tMD ? this.T - 1 : this.T;
    if (hi > maxY) hi = maxY;
    if (lo < 1900) lo = 1900;
    if (desired > hi) desired = hi;
    if (desired < lo) desired = lo;
    const down = desired - ((((desired - residue) % YEAR_SPREAD) + YEAR_SPREAD) % YEAR_SPREAD);
    const up = down + YEAR_SPREAD;
    const downOk = down >= lo && down <= hi;
    const upOk = up <= hi && up >= lo;
    if (downOk && upOk) return desired - down < up - desired || (desired - down === up - desired && (this.rng.next() & 1) === 0) ? down : up;
    if (downOk) return down;
    if (upOk) return up;
    placementStats.outOfRange++;
    const below = hi - ((((hi - residue) % YEAR_SPREAD) + YEAR_SPREAD) % YEAR_SPREAD);
    const above = lo + ((((residue - lo) % YEAR_SPREAD) + YEAR_SPREAD) % YEAR_SPREAD);
    if (above <= maxY && (above - hi < lo - below || below < 1900)) return above;
    return below;
  }

  /** Add a member; `flexibleSex` lets a child's sex flip when 4 of that sex are already present. */
  private add(rel: Relationship, male: boolean, lo: number, hi: number, desired: number, surname: string, flexibleSex = false): number {
    const k = this.n;
    if (k >= MAX_MEMBERS) throw new Error('household too large');
    let sexBit = male ? 1 : 0;
    if (this.sexCount[sexBit]! >= SAME_SEX_MAX) {
      if (!flexibleSex) throw new Error(`more than ${SAME_SEX_MAX} members of one sex`);
      sexBit ^= 1;
    }
    const q = this.sexCount[sexBit]!++;
    const z = this.hm * 8 + q * 2 + sexBit;
    const doy = (this.d + OFF[z]!) % 365;
    const residue = (this.b + residueOf(z, this.d)) & 3;
    const year = this.placeYear(lo, hi, desired, residue, MONTH_DAY_NUMBER[doy]!);
    this.male[k] = sexBit;
    this.year[k] = year;
    this.doy[k] = doy;
    this.seq[k] = 2 * PERM[this.hm * SAME_SEX_MAX + q]! + sexBit;
    this.age[k] = this.ageOf(year, doy);
    this.rel[k] = rel;
    this.surname[k] = surname;
    this.marital[k] = 'unmarried';
    this.disCat[k] = undefined;
    this.disGrade[k] = 0;
    this.illness[k] = undefined;
    this.student[k] = 0;
    this.prison[k] = 0;
    this.clergy[k] = null;
    this.outdoor[k] = 0;
    this.forcedDisabled[k] = 0;
    this.n = k + 1;
    return k;
  }

  /** Years for an age range [aLo, aHi] at today. */
  private yearsForAge(aLo: number, aHi: number): [number, number] {
    return [this.T - aHi, this.T - aLo - 1];
  }

  private addByAge(rel: Relationship, male: boolean, aLo: number, aHi: number, desiredAge: number, surname: string): number {
    const [lo, hi] = this.yearsForAge(aLo, aHi);
    return this.add(rel, male, lo, hi, this.T - desiredAge - 1, surname);
  }

  /** A spouse for member p: wife usually 0–4 years younger. */
  private addSpouse(p: number, rel: Relationship = 'spouse', minYear = 0, maxYear = 9999): number {
    const rng = this.rng;
    const pMale = this.male[p] === 1;
    const gap = rng.fromTable(SPOUSE_GAP); // years the wife is younger
    const py = this.year[p]!;
    const desired = pMale ? py + gap : py - gap;
    const lo = Math.max(pMale ? py - 4 : py - 10, minYear);
    // legal marriage age: 22 for men, 20 for women
    const hi = Math.min(pMale ? py + 10 : py + 4, maxYear, this.T - (pMale ? 21 : 23));
    const s = this.add(rel, !pMale, lo, hi, desired, pickSurname(rng));
    this.marital[p] = 'married';
    this.marital[s] = 'married';
    return s;
  }

  /** Children of parents a (and b, or -1), born when the parents were 20–40. */
  private addChildren(rel: Relationship, a: number, bIdx: number, count: number, surname: string, maxAge = 120, minAge = 0): void {
    const rng = this.rng;
    const ya = this.year[a]!;
    const yb = bIdx >= 0 ? this.year[bIdx]! : ya;
    const older = Math.min(ya, yb);
    const younger = Math.max(ya, yb);
    const mother = bIdx >= 0 && this.male[bIdx] === 0 ? yb : this.male[a] === 0 ? ya : younger;
    let lo = younger + 20;
    let hi = older + 40;
    const minYear = this.T - maxAge; // e.g. a single parent's children are under 26
    if (lo < minYear) lo = minYear;
    if (minAge > 0 && hi > this.T - minAge - 1) hi = this.T - minAge - 1;
    let desired = mother + rng.int(22, 31);
    for (let c = 0; c < count; c++) {
      if (desired < lo) desired = lo + rng.int(0, 3);
      const k = this.add(rel, rng.chance(0.515), lo, hi, desired, surname, true);
      desired = this.year[k]! + rng.int(2, 7);
    }
  }

  // ── shapes ──

  private buildShape(shape: HouseholdShape): void {
    const rng = this.rng;
    const T = this.T;
    switch (shape) {
      case 'single_elderly': {
        const male = rng.chance(0.38);
        const h = this.addByAge('head', male, 65, 101, rng.fromTable(ELDERLY_ALONE_AGE), pickSurname(rng));
        this.marital[h] = rng.fromTable(ALONE_MARITAL);
        break;
      }
      case 'elderly_couple': {
        const husbandHead = rng.chance(0.88);
        const husbandAge = rng.int(62, 78) + rng.int(0, 12);
        const husband = this.addByAge(husbandHead ? 'head' : 'spouse', true, 60, 101, husbandAge, pickSurname(rng));
        this.addSpouse(husband, husbandHead ? 'spouse' : 'head');
        this.sortHeadFirst();
        break;
      }
      case 'single_adult': {
        const male = rng.chance(0.6);
        const a = rng.chance(0.5) ? rng.int(22, 40) : rng.int(41, 64);
        const h = this.addByAge('head', male, 20, 65, a, pickSurname(rng));
        this.marital[h] = a < 35 ? (rng.chance(0.8) ? 'unmarried' : 'divorced') : rng.weighted(SINGLE_MARITAL);
        break;
      }
      case 'couple_no_children': {
        const young = rng.chance(0.45);
        const a = young ? rng.int(24, 34) : rng.int(45, 64);
        const h = this.addByAge('head', true, 22, 66, a, pickSurname(rng));
        this.addSpouse(h);
        break;
      }
      case 'couple_with_children': {
        const husbandHead = rng.chance(0.88);
        const husband = this.addByAge(husbandHead ? 'head' : 'spouse', true, 27, 60, rng.int(28, 45) + rng.int(0, 12), pickSurname(rng));
        const wife = this.addSpouse(husband, husbandHead ? 'spouse' : 'head', 0, T - 25);
        const kids = rng.fromTable(CHILD_COUNT);
        this.addChildren('child', husband, wife, kids, rng.chance(0.93) ? this.surname[husband]! : this.surname[wife]!);
        this.sortHeadFirst();
        break;
      }
      case 'three_generation': {
        if (rng.chance(0.6)) {
          // middle generation heads the household; one or both of the head's parents live in
          const headMale = rng.chance(0.85);
          const h = this.addByAge('head', headMale, 28, 56, rng.int(30, 52), pickSurname(rng));
          const s = this.addSpouse(h, 'spouse', 0, T - 25);
          const husband = headMale ? h : s;
          this.addChildren('child', h, s, rng.chance(0.55) ? 1 : 2, this.surname[husband]!);
          const hy = this.year[h]!;
          const both = rng.chance(0.45);
          const fatherSurname = this.surname[h]!;
          if (both) {
            const f = this.add('parent', true, hy - 40, hy - 23, hy - rng.int(25, 33), fatherSurname);
            this.addSpouse(f, 'parent', hy - 40, hy - 20);
          } else {
            const male = rng.chance(0.3);
            const p = this.add('parent', male, hy - 42, hy - 20, hy - rng.int(23, 31), male ? fatherSurname : pickSurname(rng));
            this.marital[p] = rng.chance(0.9) ? 'widowed' : 'divorced';
          }
        } else {
          // the eldest heads it: head (and spouse), a married child with their spouse, grandchildren
          const h = this.addByAge('head', true, 52, 85, rng.int(55, 72), pickSurname(rng));
          const hasSpouse = rng.chance(0.72);
          const s = hasSpouse ? this.addSpouse(h, 'spouse', 0, T - 50) : -1;
          if (!hasSpouse) this.marital[h] = 'widowed';
          const son = rng.chance(0.8);
          const hy = this.year[h]!;
          const sy = s >= 0 ? this.year[s]! : hy;
          const c = this.add('child', son, Math.max(hy, sy) + 20, Math.min(Math.min(hy, sy) + 40, T - 27), sy + rng.int(22, 30), this.surname[h]!);
          const cs = this.addSpouse(c, 'other', 0, T - 25);
          const kidSurname = son ? this.surname[c]! : this.surname[cs]!;
          this.addChildren('grandchild', c, cs, rng.chance(0.55) ? 1 : 2, kidSurname);
        }
        break;
      }
      case 'single_parent': {
        const male = rng.chance(0.25);
        const h = this.addByAge('head', male, 27, 56, rng.int(29, 50), pickSurname(rng));
        this.marital[h] = rng.chance(0.72) ? 'divorced' : 'widowed';
        this.addChildren('child', h, -1, rng.chance(0.65) ? 1 : 2, this.surname[h]!, 25);
        break;
      }
      case 'skipped_generation': {
        const male = rng.chance(0.55);
        const h = this.addByAge('head', male, 55, 82, rng.int(57, 76), pickSurname(rng));
        const couple = rng.chance(0.65);
        const s = couple ? this.addSpouse(h) : -1;
        if (!couple) this.marital[h] = 'widowed';
        this.orphans = rng.chance(0.05);
        const grandfather = male ? h : s;
        const kidSurname = grandfather >= 0 && rng.chance(0.75) ? this.surname[grandfather]! : pickSurname(rng);
        const eldest = s >= 0 ? Math.min(this.year[h]!, this.year[s]!) : this.year[h]!;
        const youngest = s >= 0 ? Math.max(this.year[h]!, this.year[s]!) : this.year[h]!;
        const kids = rng.chance(0.6) ? 1 : 2;
        const lo = Math.max(youngest + 42, T - 15);
        const hi = Math.min(eldest + 75, T);
        let desired = T - rng.int(3, 14);
        for (let c = 0; c < kids; c++) {
          const k = this.add('grandchild', rng.chance(0.52), lo, hi, desired, kidSurname, true);
          desired = this.year[k]! + rng.int(2, 5);
        }
        break;
      }
      case 'disabled_adult_child': {
        const male = rng.chance(0.5);
        const h = this.addByAge('head', male, 52, 90, rng.int(56, 80), pickSurname(rng));
        const couple = rng.chance(0.5);
        const s = couple ? this.addSpouse(h) : -1;
        if (!couple) this.marital[h] = rng.chance(0.85) ? 'widowed' : 'divorced';
        const father = male ? h : s;
        const before = this.n;
        this.addChildren('child', h, s, 1, father >= 0 ? this.surname[father]! : this.surname[h]!, 60, 18);
        this.forcedDisabled[before] = 1;
        break;
      }
      case 'elderly_with_adult_child': {
        const male = rng.chance(0.4);
        const h = this.addByAge('head', male, 60, 98, rng.int(64, 88), pickSurname(rng));
        this.marital[h] = rng.chance(0.88) ? 'widowed' : 'divorced';
        const before = this.n;
        this.addChildren('child', h, -1, 1, male || rng.chance(0.2) ? this.surname[h]! : pickSurname(rng), 120, 25);
        this.marital[before] = rng.chance(0.65) ? 'unmarried' : 'divorced';
        break;
      }
      case 'siblings': {
        const male = rng.chance(0.55);
        const h = this.addByAge('head', male, 35, 80, rng.int(38, 72), pickSurname(rng));
        const hy = this.year[h]!;
        const s = this.add('sibling', rng.chance(0.5), hy - 10, hy + 12, hy + rng.int(-6, 8), this.surname[h]!);
        this.marital[h] = rng.weighted(SINGLE_MARITAL);
        this.marital[s] = rng.weighted(SINGLE_MARITAL);
        break;
      }
    }
  }

  /** Keep the head at index 0 (shapes may create the head second). */
  private sortHeadFirst(): void {
    if (this.rel[0] === 'head') return;
    let h = 1;
    while (this.rel[h] !== 'head') h++;
    // Only ever called when the head is index 1 and index 0 is the spouse: swap the pair's data
    // but keep their ID slots (slots are per sex rank, which a swap does not change).
    this.swap(0, h);
  }

  private swap(x: number, y: number): void {
    const sw = <T>(arr: { [k: number]: T }) => {
      const t = arr[x]!;
      arr[x] = arr[y]!;
      arr[y] = t;
    };
    sw(this.male); sw(this.year); sw(this.doy); sw(this.seq); sw(this.age); sw(this.rel); sw(this.surname); sw(this.marital);
    sw(this.disCat); sw(this.disGrade); sw(this.illness); sw(this.student); sw(this.prison); sw(this.clergy); sw(this.outdoor);
    sw(this.forcedDisabled);
  }

  // ── facts ──

  private assignFacts(): void {
    const rng = this.rng;
    const cls = this.cls;
    const disMul = cls === 0 ? 2.0 : cls === 1 ? 1.4 : 0.8;
    const illMul = cls === 0 ? 2.0 : cls === 1 ? 1.5 : 1.0;
    for (let k = 0; k < this.n; k++) {
      const a = this.age[k]!;
      // disability
      if (this.forcedDisabled[k]) {
        this.disCat[k] = rng.fromTable(ADULT_CHILD_DISABILITY_CATEGORIES);
        this.disGrade[k] = rng.fromTable(SEVERE_GRADES);
      } else {
        const p = (a < 18 ? 0.01 : a < 45 ? 0.022 : a < 60 ? 0.045 : a < 70 ? 0.08 : a < 80 ? 0.12 : 0.18) * disMul;
        if (rng.chance(p)) {
          this.disCat[k] = rng.fromTable(a < 18 ? CHILD_DISABILITY_CATEGORIES : DISABILITY_CATEGORIES);
          this.disGrade[k] = rng.fromTable(DISABILITY_GRADES);
        }
      }
      // serious illness
      const pi = (a < 18 ? 0.004 : a < 45 ? 0.012 : a < 60 ? 0.03 : a < 75 ? 0.052 : 0.058) * illMul;
      if (rng.chance(pi)) {
        const table = a < 18 ? CHILD_ILLNESSES : ADULT_ILLNESSES;
        const first = rng.fromTable(table);
        const list = [first];
        if (rng.chance(0.04)) {
          const second = rng.fromTable(table);
          if (second !== first) list.push(second);
        }
        this.illness[k] = list;
      }
      // education and schooling
      let edu: EducationLevel;
      const intellectual = this.disCat[k] === 'intellectual' || this.disCat[k] === 'multiple';
      if (a < 6) edu = 'none';
      else if (a < 12) edu = 'primary';
      else if (a < 15) edu = 'junior';
      else if (a < 18) edu = rng.chance(0.8) ? 'senior' : rng.chance(0.75) ? 'vocational' : 'junior';
      else {
        const cohort = this.year[k]! < 1950 ? 0 : this.year[k]! < 1965 ? 1 : this.year[k]! < 1980 ? 2 : this.year[k]! < 1995 ? 3 : 4;
        edu = rng.fromTable(EDUCATION_BY_COHORT[cohort]!);
        if (cls === 0 && rng.chance(0.5)) {
          const i = EDUCATION_ORDER.indexOf(edu);
          if (i > 2) edu = EDUCATION_ORDER[i - 2]!;
        }
      }
      if (intellectual && this.disGrade[k]! <= 2 && a >= 6) edu = rng.chance(0.6) ? 'none' : 'primary';
      this.student[k] = 0;
      const rel = this.rel[k]!;
      if (a >= 6 && a < 18) this.student[k] = this.disGrade[k] === 1 && intellectual ? 0 : rng.chance(0.97) ? 1 : 0;
      else if (a >= 18 && a <= 24 && (rel === 'child' || rel === 'grandchild' || rel === 'sibling') && this.disGrade[k] === 0) {
        const p = a <= 22 ? (cls === 0 ? 0.3 : cls === 1 ? 0.4 : 0.55) : 0.1;
        if (rng.chance(p)) {
          this.student[k] = 1;
          edu = a >= 23 && rng.chance(0.6) ? 'postgraduate' : rng.chance(0.55) ? 'bachelor' : 'college';
          if (edu === 'postgraduate' && a < 23) edu = 'bachelor';
        }
      }
      this.education[k] = edu;
      // rare absences
      if (this.n >= 2 && rel !== 'head' && a >= 20 && a <= 55 && !this.student[k]) {
        if (rng.chance(this.male[k] ? 0.003 : 0.0005)) this.prison[k] = 1;
        else if (rng.chance(0.0003)) this.clergy[k] = formatDay(this.todayDay - rng.int(3 * 365 + 30, 15 * 365));
      }
      // work capacity
      const g = this.disGrade[k]!;
      let cap: WorkCapacity;
      if (a < 16) cap = 'none';
      else if (g === 1 || g === 2) cap = 'none';
      else if (this.illness[k] !== undefined) cap = rng.chance(0.55) ? 'partial' : 'none';
      else if (g === 3) cap = 'partial';
      else if (a >= 75) cap = rng.chance(0.85) ? 'none' : 'partial';
      else if (a >= 65) cap = rng.chance(0.7) ? 'partial' : 'none';
      else if (a >= 60) cap = rng.chance(0.55) ? 'full' : 'partial';
      else if (g === 4) cap = rng.chance(0.6) ? 'full' : 'partial';
      else cap = 'full';
      this.capacity[k] = cap;
    }
  }

  // ── incomes ──

  private source(member: number, type: IncomeType, subtype: IncomeSubtype, source: string, adjustable: boolean): number {
    const s = this.ns;
    if (s >= MAX_SOURCES) throw new Error('too many income sources');
    this.srcMember[s] = member;
    this.srcType[s] = type;
    this.srcSubtype[s] = subtype;
    this.srcSource[s] = source;
    this.srcAdjustable[s] = adjustable ? 1 : 0;
    this.srcAmounts.fill(0, s * 12, s * 12 + 12);
    this.ns = s + 1;
    return s;
  }

  /** Fill a source's months with amounts around `monthlyYuan` (元) in 分 following a pattern. */
  private fill(s: number, pattern: number, monthlyYuan: number): void {
    const rng = this.rng;
    const base = s * 12;
    const fen = monthlyYuan * 100;
    switch (pattern) {
      case P_MONTHLY: {
        for (let m = 0; m < 12; m++) this.srcAmounts[base + m] = Math.floor((fen * rng.int(94, 108)) / 100);
        if (rng.chance(0.2)) {
          const m = rng.int(0, 11);
          this.srcAmounts[base + m] = this.srcAmounts[base + m]! + fen; // a bonus month
        }
        break;
      }
      case P_IRREGULAR: {
        const idle = rng.int(0, 4);
        for (let m = 0; m < 12; m++) this.srcAmounts[base + m] = Math.floor((fen * rng.int(70, 125)) / 100);
        for (let k = 0; k < idle; k++) this.srcAmounts[base + rng.int(0, 11)] = 0;
        break;
      }
      case P_HARVEST: {
        // monthlyYuan is the yearly net divided by 12: wheat in June, maize in October.
        const year = fen * 12;
        const june = Math.floor((year * rng.int(38, 50)) / 100);
        for (let m = 0; m < 12; m++) {
          if (this.monthNumbers[m] === 6) this.srcAmounts[base + m] = june;
          else if (this.monthNumbers[m] === 10) this.srcAmounts[base + m] = year - june;
        }
        break;
      }
      case P_YEARLY: {
        this.srcAmounts[base + rng.int(0, 11)] = fen * 12;
        break;
      }
      case P_BUSINESS: {
        for (let m = 0; m < 12; m++) this.srcAmounts[base + m] = Math.floor((fen * rng.int(60, 140)) / 100);
        break;
      }
    }
  }

  private fillPension(s: number, monthlyYuan: number, raiseMonth: number): void {
    // Pensions are fixed amounts, adjusted once a year (in July): a small raise.
    const base = s * 12;
    const fen = monthlyYuan * 100;
    const raised = fen + Math.floor(fen / 50);
    for (let m = 0; m < 12; m++) this.srcAmounts[base + m] = m >= raiseMonth ? raised : fen;
  }

  /** Index in the period of a month number (1–12). */
  private monthIndex(monthNumber: number): number {
    return this.monthNumbers.indexOf(monthNumber);
  }

  private assignWork(): void {
    const rng = this.rng;
    const cls = this.cls;
    const rural = this.info.rural;
    const julyIndex = this.monthIndex(7);
    const workTable = rural ? RURAL_WORK[cls] : URBAN_WORK[cls];
    for (let k = 0; k < this.n; k++) {
      const a = this.age[k]!;
      const male = this.male[k] === 1;
      const cap = this.capacity[k]!;
      if (this.prison[k] || this.clergy[k] !== null) {
        this.employment[k] = 'not_in_labour_force';
        continue;
      }
      if (this.student[k]) {
        this.employment[k] = 'student';
        if (a >= 18 && rng.chance(cls === 2 ? 0.08 : 0.3)) {
          const s = this.source(k, 'transfer', 'scholarship', '学校证明', false);
          const m = this.monthIndex(rng.chance(0.5) ? 10 : 11);
          this.srcAmounts[s * 12 + m] = rng.int(20, 50) * 10_000; // 2,000–5,000 元 a year
        }
        continue;
      }
      if (a < 16) {
        this.employment[k] = 'not_in_labour_force';
        continue;
      }
      const retireAge = rural ? 60 : male ? 60 : 55;
      if (a < retireAge) {
        // working age
        let kind = cap === 'none' ? (rng.chance(0.25) ? W_UNEMPLOYED : W_NILF) : rng.fromTable(cap === 'partial' ? WORK_PARTIAL : workTable!);
        if (kind === W_NILF && male && rng.chance(0.5)) kind = W_UNEMPLOYED;
        this.work(k, kind, rural, cls);
      } else {
        this.retiree(k, rural, cls, julyIndex);
      }
    }
  }

  private work(k: number, kind: number, rural: boolean, cls: EconomicClass): void {
    const rng = this.rng;
    switch (kind) {
      case W_EMPLOYED: {
        this.employment[k] = 'employed';
        const [lo, hi] = rural ? RURAL_WAGE[cls]! : URBAN_WAGE[cls]!;
        let wage = rng.int(lo, hi);
        if (cls === 2 && rng.chance(0.06)) wage += rng.int(2_000, 8_000);
        this.fill(this.source(k, 'wage', 'salary', rng.chance(0.7) ? '工资单' : '信息核对', true), P_MONTHLY, wage);
        if (!rural && this.age[k]! < 60 && rng.chance(0.08)) this.outdoor[k] = 1; // sanitation, security, building sites
        if (rural && rng.chance(0.4)) this.fill(this.source(k, 'business', 'farming', '入户核查', true), P_HARVEST, rng.int(100, 400));
        break;
      }
      case W_FLEXIBLE: {
        this.employment[k] = 'flexible';
        if (rural) {
          const [lo, hi] = FARM_NET[cls]!;
          this.fill(this.source(k, 'business', 'farming', '入户核查', true), P_HARVEST, rng.int(lo, hi));
          if (rng.chance(cls === 0 ? 0.3 : 0.6)) {
            const [flo, fhi] = FLEX_PAY[cls]!;
            this.fill(this.source(k, 'wage', 'flexible_work', '本人申报', true), P_IRREGULAR, Math.floor(rng.int(flo, fhi) / 2));
            if (rng.chance(0.4)) this.outdoor[k] = 1;
          }
        } else {
          const [lo, hi] = FLEX_PAY[cls]!;
          this.fill(this.source(k, 'wage', 'flexible_work', rng.chance(0.6) ? '本人申报' : '平台流水', true), P_IRREGULAR, rng.int(lo, hi));
          if (this.age[k]! < 65 && rng.chance(0.55)) this.outdoor[k] = 1; // riders, couriers, cleaners, day labourers
        }
        break;
      }
      case W_BUSINESS: {
        this.employment[k] = 'flexible';
        const [lo, hi] = BUSINESS_NET[cls]!;
        this.fill(this.source(k, 'business', 'business_net', rng.chance(0.5) ? '个体工商户账簿' : '入户核查', true), P_BUSINESS, rng.int(lo, hi));
        break;
      }
      case W_UNEMPLOYED:
        this.employment[k] = 'unemployed';
        break;
      default:
        this.employment[k] = 'not_in_labour_force';
    }
  }

  private retiree(k: number, rural: boolean, cls: EconomicClass, julyIndex: number): void {
    const rng = this.rng;
    const a = this.age[k]!;
    const raise = julyIndex < 0 ? 12 : julyIndex;
    const employeePension = !rural && cls !== 0 && rng.chance(cls === 2 ? (this.male[k] ? 0.86 : 0.8) : 0.45);
    if (employeePension) {
      this.employment[k] = 'retired';
      const amount = cls === 2 ? rng.int(2_300, 4_000) + (rng.chance(0.1) ? rng.int(500, 1_500) : 0) : rng.int(1_900, 2_500);
      this.fillPension(this.source(k, 'transfer', 'pension_employee', '养老金发放记录', false), amount, raise);
    } else {
      this.employment[k] = 'not_in_labour_force';
      if (a >= 60) this.fillPension(this.source(k, 'transfer', 'pension_basic', '养老金发放记录', false), rng.int(150, rural ? 230 : 300), raise);
      const cap = this.capacity[k]!;
      if (cap !== 'none' && a < 75) {
        if (rural && rng.chance(0.75)) {
          this.employment[k] = 'flexible';
          const [lo, hi] = OLD_FARM_NET[cls]!;
          this.fill(this.source(k, 'business', 'farming', '入户核查', true), P_HARVEST, rng.int(lo, hi));
        } else if (!rural && a < 70 && rng.chance(0.25)) {
          this.employment[k] = 'flexible';
          this.fill(this.source(k, 'wage', 'flexible_work', '本人申报', true), P_IRREGULAR, rng.int(600, cls === 2 ? 2_200 : 1_200));
        }
      }
    }
    // 优待抚恤金 (veterans, martyrs' families) and 计划生育奖励扶助金 (rural parents of one child or two daughters).
    if (cls === 2 && a >= 60 && rng.chance(0.012)) {
      this.fill(this.source(k, 'transfer', 'preferential_care', '退役军人事务局', false), P_MONTHLY, rng.int(1_200, 3_000));
    }
    if (rural && a >= 60 && rng.chance(0.12)) {
      const s = this.source(k, 'transfer', 'family_planning_award', '卫健部门', false);
      this.srcAmounts[s * 12 + this.monthIndex(rng.chance(0.5) ? 3 : 9)] = rng.pick(FAMILY_PLANNING_AWARDS);
    }
  }

  /** Support from children who live elsewhere, for households with no one of working age. */
  private assignSupport(): void {
    let working = 0;
    for (let k = 0; k < this.n; k++) if (this.age[k]! >= 18 && this.age[k]! < 60 && this.capacity[k] !== 'none') working++;
    if (working > 0) return;
    const rng = this.rng;
    const odds = this.cls === 2 ? 0.7 : this.cls === 1 ? 0.5 : 0.2;
    if (!rng.chance(odds)) return;
    const [lo, hi] = SUPPORT[this.cls]!;
    this.fill(this.source(0, 'transfer', 'alimony_support', '赡养协议', true), rng.chance(0.7) ? P_MONTHLY : P_IRREGULAR, rng.int(lo, hi));
  }

  private counted(): number {
    let c = 0;
    for (let k = 0; k < this.n; k++) if (!this.prison[k] && this.clergy[k] === null) c++;
    return c;
  }

  private totals(): [fixed: number, adjustable: number] {
    let fixed = 0;
    let adj = 0;
    for (let s = 0; s < this.ns; s++) {
      let t = 0;
      for (let m = 0; m < 12; m++) t += this.srcAmounts[s * 12 + m]!;
      if (this.srcAdjustable[s]) adj += t;
      else fixed += t;
    }
    return [fixed, adj];
  }

  /** Per-capita monthly income as computeFinances floors it. */
  private perCapita(total: number, counted: number): number {
    return Math.floor(Math.floor(total / 12) / counted);
  }

  /** Scale the adjustable sources so that the household lands in its class's income band. */
  private enforceBand(): void {
    const rng = this.rng;
    const counted = this.counted();
    const [fixed, adj] = this.totals();
    const pc = this.perCapita(fixed + adj, counted);
    let targetYuan = 0;
    if (this.cls === 0) {
      if (pc < LOW_INCOME_LINE_FEN - 1_000) return;
      targetYuan = rng.int(250, 760);
    } else if (this.cls === 1) {
      if (pc >= LOW_INCOME_LINE_FEN + 1_000 && pc < NEAR_DIBAO_LINE_FEN - 1_000) return;
      targetYuan = rng.int(860, 1_440);
    } else {
      if (pc >= NEAR_DIBAO_LINE_FEN + 1_000) return;
      targetYuan = rng.int(1_600, 3_200);
    }
    const want = targetYuan * 100 * 12 * counted - fixed;
    if (want <= 0) {
      // Fixed income alone is above the target: drop what can be dropped.
      for (let s = 0; s < this.ns; s++) if (this.srcAdjustable[s]) this.srcAmounts.fill(0, s * 12, s * 12 + 12);
      return;
    }
    if (adj === 0) {
      // Nothing to scale: the head gets support from relatives (or, under 60, odd jobs).
      const head = 0;
      const s = this.age[head]! >= 60 || this.capacity[head] === 'none'
        ? this.source(head, 'transfer', 'alimony_support', '入户核查', true)
        : this.source(head, 'wage', 'flexible_work', '本人申报', true);
      if (this.srcSubtype[s] === 'flexible_work' && this.employment[head] !== 'student') this.employment[head] = 'flexible';
      const per = Math.floor(want / 12);
      for (let m = 0; m < 12; m++) this.srcAmounts[s * 12 + m] = per;
      this.srcAmounts[s * 12 + 11] = want - per * 11;
      return;
    }
    for (let s = 0; s < this.ns; s++) {
      if (!this.srcAdjustable[s]) continue;
      for (let m = 0; m < 12; m++) {
        const i = s * 12 + m;
        const v = this.srcAmounts[i]!;
        if (v > 0) this.srcAmounts[i] = Math.floor((v * want) / adj);
      }
    }
  }

  // ── the whole household ──

  build(i: number): GeneratedHousehold {
    const rng = this.rng;
    rng.reseed(this.seed, i);
    const { info, h } = this.countyOrdinal(i);
    this.info = info;
    this.h = h;
    this.hm = h % ID_BLOCK;
    const v = (h - this.hm) / ID_BLOCK;
    this.d = v % 365;
    this.b = (v - this.d) / 365;
    if (this.b >= YEAR_SPREAD) throw new RangeError(`household ${i}: county ${info.countyCode} is over its ID capacity`);
    this.n = 0;
    this.ns = 0;
    this.sexCount[0] = 0;
    this.sexCount[1] = 0;
    this.orphans = false;

    const shape = rng.fromTable(info.rural ? SHAPES_RURAL : SHAPES_URBAN);
    const [pPoor, pNear] = CLASS_ODDS[shape];
    const x = rng.float();
    this.cls = x < pPoor ? 0 : x < pPoor + pNear ? 1 : 2;
    this.buildShape(shape);
    const n = this.n;
    this.migrant = !info.rural && n <= 5 && this.hukouElsewhere[info.county]!.length > 0 && MIGRANT_SHAPES.has(shape) && rng.chance(0.12);

    this.assignFacts();
    this.assignWork();
    this.assignSupport();

    // assets first (interest income depends on the deposit)
    const assets: GeneratedAsset[] = [];
    const asOf = this.today;
    const cls = this.cls;
    if (rng.chance(cls === 2 ? 0.93 : cls === 1 ? 0.78 : 0.6)) {
      const yuan = cls === 2 ? skewedDeposit(rng) : cls === 1 ? rng.int(500, 30_000) : rng.int(0, 5_000);
      const fen = yuan * 100 + rng.int(0, 99);
      assets.push({ kind: 'deposit', valueFen: fen, description: rng.chance(0.8) ? '银行存款' : '银行存款（含定期）', asOf });
      const interest = Math.floor((fen * rng.int(90, 160)) / 10_000); // 0.9–1.6 % a year
      if (interest > 0) {
        const s = this.source(0, 'property', 'interest', '信息核对', false);
        const dec = this.monthIndex(12);
        this.srcAmounts[s * 12 + (dec < 0 ? 11 : dec)] = interest;
      }
    }
    const ownsHome = !this.migrant && rng.chance(cls === 0 ? 0.78 : 0.9);
    if (ownsHome) {
      if (info.rural) {
        const m2 = rng.int(cls === 0 ? 60 : 90, cls === 0 ? 140 : 220);
        assets.push({ kind: 'house', valueFen: rng.int(cls === 0 ? 20 : 40, cls === 0 ? 80 : 180) * 1_000 * 100, floorAreaCm2: m2 * 10_000 + rng.int(0, 9_999), description: '农村自建房（宅基地）', asOf });
      } else {
        const m2 = rng.int(cls === 0 ? 38 : 55, cls === 0 ? 75 : 140);
        const price = Math.floor((rng.int(info.price[0], info.price[1]) * (cls === 0 ? 7 : 10)) / 10);
        assets.push({ kind: 'house', valueFen: m2 * price * 100, floorAreaCm2: m2 * 10_000 + rng.int(0, 9_999), description: cls === 0 ? '自有住房（老旧小区）' : '自有住房（商品房）', asOf });
      }
      if (cls === 2 && rng.chance(0.08)) {
        const m2 = rng.int(50, 110);
        const price = rng.int(info.price[0], info.price[1]);
        assets.push({ kind: 'house', valueFen: m2 * price * 100, floorAreaCm2: m2 * 10_000 + rng.int(0, 9_999), description: '第二套住房（出租）', asOf });
        this.fill(this.source(0, 'property', 'rent', '租赁合同', false), P_MONTHLY, rng.int(800, 2_200));
      }
    }
    if (rng.chance(cls === 2 ? 0.38 : cls === 1 ? 0.1 : 0.03)) {
      if (cls === 2) assets.push({ kind: 'vehicle', valueFen: rng.int(30, 180) * 1_000 * 100, description: rng.chance(0.85) ? '小型轿车' : '小型越野车', asOf });
      else assets.push({ kind: 'vehicle', valueFen: rng.int(2, 12) * 1_000 * 100, description: rng.chance(0.6) ? '电动三轮车' : '二手面包车', asOf });
    }
    for (let s = 0; s < this.ns; s++) {
      if (this.srcSubtype[s] === 'business_net') {
        assets.push({ kind: 'business', valueFen: rng.int(20, 300) * 1_000 * 100, description: rng.pick(BUSINESSES), asOf });
        break;
      }
    }
    if (cls === 2 && rng.chance(0.04)) {
      assets.push({ kind: 'securities', valueFen: rng.int(10, rng.chance(0.7) ? 80 : 300) * 1_000 * 100, description: '股票、基金', asOf });
    }

    this.enforceBand();

    // incomes → rows
    const incomes: GeneratedIncome[] = [];
    let total = 0;
    for (let s = 0; s < this.ns; s++) {
      const member = this.srcMember[s]!;
      const type = this.srcType[s]!;
      const subtype = this.srcSubtype[s]!;
      const source = this.srcSource[s]!;
      const memberIndex = type === 'property' ? null : member;
      for (let m = 0; m < 12; m++) {
        const amountFen = this.srcAmounts[s * 12 + m]!;
        if (amountFen <= 0) continue;
        total += amountFen;
        incomes.push({ memberIndex, type, subtype, month: this.months[m]!, amountFen, source });
      }
    }
    const counted = this.counted();
    const pc = this.perCapita(total, counted);

    // names (need final sex and year)
    for (let k = 0; k < n; k++) this.names[k] = this.surname[k]! + pickGivenName(rng, this.male[k] ? 'male' : 'female', this.year[k]!);

    // expenses
    const expenses: GeneratedExpense[] = [];
    for (let k = 0; k < n; k++) {
      const a = this.age[k]!;
      const ill = this.illness[k];
      if (ill !== undefined) {
        const times = rng.int(2, 5);
        for (let t = 0; t < times; t++) {
          expenses.push({ kind: 'medical', amountFen: rng.int(30, 600) * 10_000 + rng.int(0, 9_999), date: formatDay(rng.int(this.periodStart, this.periodEnd)), description: `${this.names[k]} ${ILLNESS_LABEL[ill[0]!]}治疗自付` });
        }
      } else if (a >= 65 && rng.chance(0.15)) {
        expenses.push({ kind: 'medical', amountFen: rng.int(5, 60) * 10_000, date: formatDay(rng.int(this.periodStart, this.periodEnd)), description: `${this.names[k]} 慢性病门诊自付` });
      }
      if (this.disGrade[k]! > 0 && rng.chance(this.disGrade[k]! <= 2 ? 0.7 : 0.3)) {
        const times = rng.int(1, 3);
        for (let t = 0; t < times; t++) {
          expenses.push({ kind: 'rehabilitation', amountFen: rng.int(10, 100) * 10_000, date: formatDay(rng.int(this.periodStart, this.periodEnd)), description: `${this.names[k]} 康复训练` });
        }
      }
      if (this.student[k]) {
        if (a >= 18) {
          expenses.push({ kind: 'education', amountFen: rng.int(45, 80) * 10_000, date: formatDay(this.septemberDay(rng.int(1, 10))), description: `${this.names[k]} 学费` });
          if (rng.chance(0.7)) expenses.push({ kind: 'education', amountFen: rng.int(8, 15) * 10_000, date: formatDay(this.septemberDay(rng.int(1, 10))), description: `${this.names[k]} 住宿费` });
        } else if (a >= 15) {
          expenses.push({ kind: 'education', amountFen: rng.int(15, 35) * 10_000, date: formatDay(this.septemberDay(rng.int(1, 5))), description: `${this.names[k]} 高中学杂费` });
        } else if (rng.chance(0.4)) {
          expenses.push({ kind: 'education', amountFen: rng.int(3, 15) * 10_000, date: formatDay(this.septemberDay(rng.int(1, 5))), description: `${this.names[k]} 课后服务及教辅费` });
        }
      } else if (a >= 3 && a < 6 && rng.chance(0.6)) {
        expenses.push({ kind: 'education', amountFen: rng.int(30, 120) * 10_000, date: formatDay(this.septemberDay(rng.int(1, 5))), description: `${this.names[k]} 幼儿园保教费` });
      }
    }

    // address, bank
    const address = info.rural
      ? `${info.addressPrefix}${GROUP_NUMERALS[rng.int(0, 7)]}组${rng.int(1, 160)}号`
      : `${info.addressPrefix}${info.compounds[rng.int(0, 3)]}${rng.int(1, 32)}号楼${rng.int(1, 6)}单元${rng.int(1, 18)}0${rng.int(1, 4)}室`;
    let bankName: string | undefined;
    let bankAccount: string | undefined;
    let accountHolder: string | undefined;
    if (rng.chance(0.9)) {
      const [bank, prefix] = rng.fromTable(info.rural ? RURAL_BANKS : URBAN_BANKS);
      bankName = bank;
      bankAccount = prefix + digits(rng, 7) + digits(rng, 6);
      accountHolder = n > 1 && this.rel[1] === 'spouse' && rng.chance(0.08) ? this.names[1] : this.names[0];
    }

    // people
    const hukouOut = this.migrant ? rng.pick(this.hukouElsewhere[info.county]!) : info.villageCode;
    const ethnicity = pickEthnicity(rng);
    let noParentInHousehold = true;
    let adultInTrouble = false;
    for (let k = 0; k < n; k++) {
      if (this.rel[k] === 'child') noParentInHousehold = false;
      if (this.age[k]! >= 18 && (this.disGrade[k]! > 0 || this.illness[k] !== undefined)) adultInTrouble = true;
    }
    const nearDibao = pc >= LOW_INCOME_LINE_FEN && pc < NEAR_DIBAO_LINE_FEN;
    const members: GeneratedMember[] = [];
    const county = info.countyCode;
    for (let k = 0; k < n; k++) {
      const a = this.age[k]!;
      const rel = this.rel[k]!;
      const birthDate = `${this.year[k]}-${MONTH_DAY_TEXT[this.doy[k]!]}`;
      const idNumber = makeIdNumber(county, birthDate, this.seq[k]!);
      const disabled = this.disGrade[k]! > 0;
      const ill = this.illness[k];
      const emp = this.employment[k]!;
      const working = emp === 'employed' || emp === 'flexible';
      const tags: string[] = [];
      const alone = n === 1 && a >= 65;
      if (alone) tags.push('elderly_alone');
      const skippedChild = rel === 'grandchild' && noParentInHousehold;
      if (skippedChild && !this.orphans && a < 16) tags.push('left_behind_child');
      if (skippedChild && this.orphans && a < 18) tags.push('orphan');
      if (a < 18 && !(skippedChild && this.orphans) && (disabled || ill !== undefined || (pc < NEAR_DIBAO_LINE_FEN && adultInTrouble))) {
        tags.push('child_in_difficulty');
      }
      if (disabled) tags.push('disabled');
      if (ill !== undefined) tags.push('seriously_ill');
      if (this.outdoor[k] && working) tags.push('outdoor_worker');
      if (this.migrant && working) tags.push('migrant_worker');
      if (nearDibao) tags.push('near_dibao');

      let selfCare: SelfCare | undefined;
      if (a >= 70 || disabled) {
        let fails = 0;
        if (a >= 70) fails = rng.fromTable(a >= 90 ? SELF_CARE_90 : a >= 80 ? SELF_CARE_80 : SELF_CARE_70);
        if (disabled) fails = Math.max(fails, rng.fromTable(SELF_CARE_GRADE[this.disGrade[k]!]!));
        selfCare = { eating: true, dressing: true, transfer: true, toilet: true, walking: true, bathing: true };
        for (let f = 0; f < fails; f++) selfCare[SELF_CARE_ORDER[f]!] = false;
        if (fails > 0 && fails < 6 && rng.chance(0.2)) {
          // not everyone loses abilities in the usual order: swap the last lost with the next kept
          selfCare[SELF_CARE_ORDER[fails - 1]!] = true;
          selfCare[SELF_CARE_ORDER[fails]!] = false;
        }
      }

      let phone: string | undefined;
      const pPhone = a < 12 ? 0 : a < 18 ? 0.3 : a < 60 ? 0.96 : a < 70 ? 0.86 : a < 80 ? 0.66 : alone ? 0.6 : 0.35;
      if (rng.chance(pPhone)) phone = rng.fromTable(PHONE_PREFIXES) + digits(rng, 8);

      const person: GeneratedPerson = {
        name: this.names[k]!,
        idNumber,
        sex: this.male[k] ? 'male' : 'female',
        birthDate,
        phone,
        hukouCode: this.migrant && rel !== 'grandchild' ? hukouOut : info.villageCode,
        jurisdictionCode: info.code,
        address,
        ethnicity: k === 0 || rel === 'child' || rel === 'grandchild' || rel === 'sibling' || rng.chance(0.97) ? ethnicity : pickEthnicity(rng),
        maritalStatus: this.marital[k]!,
        education: this.education[k]!,
        employmentStatus: emp,
        workCapacity: this.capacity[k]!,
        disabilityCategory: this.disCat[k],
        disabilityGrade: disabled ? this.disGrade[k]! : undefined,
        seriousIllnesses: ill ?? [],
        selfCare,
        tags,
        contactCardNo: alone ? `LX${county}${String(h).padStart(6, '0')}` : undefined,
      };
      const adultChild = rel === 'child' && a >= 18;
      const flags: MemberFlags = {
        livingTogether: !this.prison[k] && this.clergy[k] === null,
        fullTimeStudent: this.student[k] === 1 && a >= 18,
        servingSentence: this.prison[k] === 1,
        clergyLivingApartSince: this.clergy[k]!,
        ableToLiveIndependently: adultChild
          ? !(this.disGrade[k] === 1 || this.disGrade[k] === 2 || (this.disGrade[k] === 3 && (this.disCat[k] === 'intellectual' || this.disCat[k] === 'mental')))
          : null,
        legalSupportDuty: this.orphans && (rel === 'spouse' || rel === 'head'),
      };
      members.push({ person, relationship: rel, flags });
    }

    return {
      key: `demo-${this.seed}-${i}`,
      index: i,
      shape,
      jurisdictionCode: info.code,
      address,
      bankName,
      bankAccount,
      accountHolder,
      members,
      incomes,
      assets,
      expenses,
      perCapitaMonthlyIncomeFen: pc,
    };
  }

  /** A day in the September that lies inside the income period. */
  private septemberDay(day: number): number {
    const idx = this.monthIndex(9);
    const month = this.months[idx]!;
    return dayNumber(Number(month.slice(0, 4)), 9, day);
  }
}

// ─── more tables ──────────────────────────────────────────────────────────────────────────────

const SPOUSE_GAP = weightedTable<number>([[-3, 2], [-2, 3], [-1, 6], [0, 12], [1, 18], [2, 18], [3, 14], [4, 10], [5, 7], [6, 5], [7, 3], [8, 2]]);
const CHILD_COUNT = weightedTable<number>([[1, 50], [2, 42], [3, 8]]);
const ELDERLY_ALONE_AGE = weightedTable<number>(
  Array.from({ length: 34 }, (_, k): [number, number] => {
    const age = 65 + k;
    return [age, age < 75 ? 4 : age < 85 ? 4.2 : age < 90 ? 2.6 : 1];
  }),
);
const ALONE_MARITAL = weightedTable<MaritalStatus>([['widowed', 80], ['divorced', 10], ['unmarried', 7], ['married', 3]]);
const SINGLE_MARITAL: readonly (readonly [MaritalStatus, number])[] = [['unmarried', 55], ['divorced', 35], ['widowed', 10]];
const MIGRANT_SHAPES = new Set<HouseholdShape>(['single_adult', 'couple_no_children', 'couple_with_children', 'single_parent']);
const FAMILY_PLANNING_AWARDS = [96_000, 108_000, 120_000, 144_000];
const BUSINESSES = ['个体经营（便利店）', '个体经营（早餐店）', '个体经营（理发店）', '个体经营（五金店）', '个体经营（水果摊）', '个体经营（餐馆）'];

const W_EMPLOYED = 0;
const W_FLEXIBLE = 1;
const W_BUSINESS = 2;
const W_UNEMPLOYED = 3;
const W_NILF = 4;
const URBAN_WORK: readonly WeightedTable<number>[] = [
  weightedTable<number>([[W_EMPLOYED, 15], [W_FLEXIBLE, 35], [W_UNEMPLOYED, 30], [W_NILF, 20]]),
  weightedTable<number>([[W_EMPLOYED, 40], [W_FLEXIBLE, 33], [W_BUSINESS, 2], [W_UNEMPLOYED, 13], [W_NILF, 12]]),
  weightedTable<number>([[W_EMPLOYED, 66], [W_FLEXIBLE, 18], [W_BUSINESS, 7], [W_UNEMPLOYED, 3], [W_NILF, 6]]),
];
const RURAL_WORK: readonly WeightedTable<number>[] = [
  weightedTable<number>([[W_EMPLOYED, 5], [W_FLEXIBLE, 55], [W_UNEMPLOYED, 20], [W_NILF, 20]]),
  weightedTable<number>([[W_EMPLOYED, 20], [W_FLEXIBLE, 55], [W_UNEMPLOYED, 10], [W_NILF, 15]]),
  weightedTable<number>([[W_EMPLOYED, 40], [W_FLEXIBLE, 45], [W_BUSINESS, 5], [W_UNEMPLOYED, 2], [W_NILF, 8]]),
];
const WORK_PARTIAL = weightedTable<number>([[W_EMPLOYED, 10], [W_FLEXIBLE, 40], [W_UNEMPLOYED, 25], [W_NILF, 25]]);
/** Monthly 元 ranges by class (below the line, near, above). */
const URBAN_WAGE: readonly (readonly [number, number])[] = [[1_800, 2_400], [2_000, 3_200], [3_000, 6_500]];
const RURAL_WAGE: readonly (readonly [number, number])[] = [[1_600, 2_200], [2_000, 3_000], [2_600, 5_000]];
const FLEX_PAY: readonly (readonly [number, number])[] = [[800, 1_800], [1_500, 3_000], [2_800, 6_500]];
const BUSINESS_NET: readonly (readonly [number, number])[] = [[800, 1_500], [1_500, 3_000], [4_000, 12_000]];
/** Farming: yearly net / 12, in 元. */
const FARM_NET: readonly (readonly [number, number])[] = [[120, 420], [250, 700], [500, 1_500]];
const OLD_FARM_NET: readonly (readonly [number, number])[] = [[60, 250], [150, 450], [170, 700]];
const SUPPORT: readonly (readonly [number, number])[] = [[100, 300], [200, 600], [300, 1_500]];

/** Deposits of households above the line, 元: skewed towards small amounts (no transcendental functions, so exact everywhere). */
function skewedDeposit(rng: Random): number {
  const x = rng.float();
  return x < 0.5 ? rng.int(3_000, 50_000) : x < 0.85 ? rng.int(50_000, 120_000) : rng.int(120_000, 200_000);
}

/** `width` random decimal digits (width ≤ 9). */
function digits(rng: Random, width: number): string {
  const max = POW10[width]!;
  const v = rng.next() % max;
  const s = String(v);
  return s.length === width ? s : ZEROS[width - s.length]! + s;
}
const POW10 = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000];
const ZEROS = ['', '0', '00', '000', '0000', '00000', '000000', '0000000', '00000000', '000000000'];

// ─── public API ───────────────────────────────────────────────────────────────────────────────

/**
 * Stream `count` households starting at `startIndex` (default 0). A generator: constant memory
 * for any count. The first next() throws RangeError, before anything is yielded, for bad options
 * or when a county would hold more than HOUSEHOLDS_PER_COUNTY_CAPACITY households of the range
 * (the ID-number space, see the header). ID numbers are unique within one (seed, residences)
 * data set: load more households by extending the index range, not by loading a second seed.
 */
export function* generateHouseholds(options: GenerateHouseholdsOptions): Generator<GeneratedHousehold, void, undefined> {
  const builder = prepareGenerator(options);
  const start = options.startIndex ?? 0;
  const end = start + options.count;
  for (let i = start; i < end; i++) yield builder.build(i);
}

/** Validates the options and the ID capacity of the whole range (before anything is yielded). */
function prepareGenerator(options: GenerateHouseholdsOptions): HouseholdBuilder {
  const { seed, count } = options;
  const start = options.startIndex ?? 0;
  if (!Number.isSafeInteger(seed)) throw new RangeError(`generateHouseholds: seed must be a safe integer, got ${seed}`);
  if (!Number.isSafeInteger(count) || count < 0) throw new RangeError(`generateHouseholds: count must be an integer ≥ 0, got ${count}`);
  if (!Number.isSafeInteger(start) || start < 0) throw new RangeError(`generateHouseholds: startIndex must be an integer ≥ 0, got ${start}`);
  const today = options.today ?? DEFAULT_TODAY;
  const builder = new HouseholdBuilder(seed, options.residences, today);
  builder.checkCapacity(start, start + count);
  return builder;
}

/** One household by index (the same object `generateHouseholds` yields for that index). */
export function generateHousehold(options: Omit<GenerateHouseholdsOptions, 'count' | 'startIndex'>, index: number): GeneratedHousehold {
  const builder = prepareGenerator({ ...options, count: 1, startIndex: index });
  return builder.build(index);
}

/** The check the generator makes before yielding: how many households each county would hold. */
export function householdsPerCounty(residences: readonly Residence[], startIndex: number, count: number): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of residences) out.set(r.countyCode, 0);
  const R = residences.length;
  for (let r = 0; r < R; r++) {
    // households i in [start, start+count) with i % R === r
    const first = startIndex + ((((r - startIndex) % R) + R) % R);
    const n = first >= startIndex + count ? 0 : Math.floor((startIndex + count - 1 - first) / R) + 1;
    const c = residences[r]!.countyCode;
    out.set(c, out.get(c)! + n);
  }
  return out;
}
