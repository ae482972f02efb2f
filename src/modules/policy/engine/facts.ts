// The flat facts every program reads. A fact left undefined is unknown: a program that needs it
// answers "needs information" and names it (by the dotted path used here). Money in 分 per
// month unless named otherwise; dates as yyyymmdd integers (see dates.ts). Browser-safe.
import type { Ymd } from './dates.ts';

export type Relationship = 'head' | 'spouse' | 'child' | 'parent' | 'grandparent' | 'grandchild' | 'sibling' | 'other';
export type DisabilityCategory = 'visual' | 'hearing' | 'speech' | 'physical' | 'intellectual' | 'mental' | 'multiple';
/** Why a parent cannot raise a child (事实无人抚养). */
export type ParentSituation =
  | 'normal' | 'dead' | 'missing_declared' | 'severe_disability' | 'serious_illness' | 'imprisoned'
  | 'compulsory_rehab' | 'restricted' | 'lost_contact' | 'custody_revoked' | 'deported';
export type SeparationReason = 'involuntary' | 'voluntary' | 'employer_fault' | 'refused_renewal';

export type MemberFacts = {
  relationship: Relationship;
  birth?: Ymd;
  /** 共同生活 facts (policy-digest §1). */
  livingTogether?: boolean;
  fullTimeStudent?: boolean;
  /** Level of study for full-time students: up to undergraduate counts. */
  studyLevel?: 'school' | 'vocational' | 'undergraduate' | 'postgraduate';
  servingSentence?: boolean;
  clergyApartSince?: Ymd;
  ableToLiveIndependently?: boolean;
  legalSupportDuty?: boolean;
  disabilityCategory?: DisabilityCategory;
  disabilityGrade?: 1 | 2 | 3 | 4;
  /** Codes of serious illnesses (matched against the local 重特大疾病 list). */
  illnesses?: string[];
  /** Self-care items failed out of 6 (eating, dressing, bed transfer, toilet, indoor walking, bathing). */
  selfCareFailed?: number;
  /** In school (for minors' continued 特困 support beyond 18). */
  inSchool?: boolean;
  /** Suitable job referrals refused in a row (低保 sanction, 办法 Art. 45). */
  jobReferralsRefused?: number;
  /** Benefits the person already gets, in 分 per month (for 补差 against other benefits). */
  otherChildBenefitFen?: number;
  dead?: boolean;
  /**
   * The member's own registry facts (person-level programs read them when the member is the
   * subject; a household-level `supporters`, `parents` or `unemployment` given directly wins).
   */
  supporters?: SupporterFacts[];
  parents?: ParentFacts[];
  unemployment?: UnemploymentFacts;
  /** Currently supported as 特困 (an approved case paying now). */
  currentTekun?: boolean;
};

/** 特困: a legal supporter (赡养/抚养/扶养义务人); `name` only labels the trace. */
export type SupporterFacts = {
  name?: string;
  birth?: Ymd;
  tekun?: boolean;
  dibao?: boolean;
  annualIncomeFen?: number;
  propertyPasses?: boolean;
  disabilityCategory?: DisabilityCategory;
  disabilityGrade?: 1 | 2 | 3 | 4;
  incompetent?: boolean;
  missing?: boolean;
  imprisoned?: boolean;
};

/** 事实无人抚养: a parent's situation; `since` is when it began (detention, lost contact). */
export type ParentFacts = { situation: ParentSituation; since?: Ymd; disabilityCategory?: DisabilityCategory; disabilityGrade?: 1 | 2 | 3 | 4 };

/** 失业保险金 / 失业补助金. */
export type UnemploymentFacts = {
  contributionMonths: number;
  separation: SeparationReason;
  separationDate: Ymd;
  registered: boolean;
  /** Unused months of an earlier entitlement (carried over, capped). */
  unusedMonths: number;
  drawingPension?: boolean;
  reemployed?: boolean;
  receivedSubsidyBefore?: boolean;
};

/** A benefit paid now, derived from an approved case and its payment plan. */
export type CurrentBenefit = {
  program: string;
  amountFen: number;
  /** First month paid under the case ('YYYY-MM'). */
  since: string;
  /** Last month actually paid, if any. */
  lastPaid: string | null;
  memberIndex?: number;
};

export type IncomeFact = {
  /** INCOME_SUBTYPES of the registry (salary, pension_basic, preferential_care …). */
  subtype: string;
  /** Average per month over the 12 months before the decision date. */
  monthlyFen: number;
  memberIndex?: number;
};

/** A 临时救助 cause: its kind (engine/cause-kinds.ts), the event date, an optional official reference and the description as written. */
export type TemporaryCause = { kind: string; eventOn: Ymd; reference?: string | null; description?: string | null };

export type HouseholdFacts = {
  /** Where the household's 低保 is decided (a county or finer code). */
  jurisdictionCode: string;
  area?: 'urban' | 'rural';
  /** 户籍 here, or a 居住证 where the locality accepts it. */
  localHukou?: boolean;
  members: MemberFacts[];
  incomes?: IncomeFact[];
  assets?: {
    depositsFen: number;
    houses: number;
    /** Floor area per counted member in cm² (1 m² = 10 000). */
    floorAreaPerCapitaCm2?: number;
    /** Vehicles other than a disability vehicle. */
    vehicles: number;
    businesses: number;
  };
  /** Rigid spending (living, medical, education, rehabilitation) over the 12 months before, and total income then. */
  rigidSpending12mFen?: number;
  income12mFen?: number;
  /** Current benefits of the household (for 渐退期, sorting and medical-aid tiers). */
  current?: {
    dibao?: boolean;
    /** The household's current monthly 低保 amount (kept during a 渐退期). */
    dibaoAmountFen?: number;
    tekun?: boolean;
    /** 渐退期: income rose above the standard through work since this date, and why. */
    phaseOut?: { since: Ymd; kind: 'graduate' | 'hard_to_employ' | 'disabled_placement' | 'other' };
    illnessPoverty?: boolean;
    /** What the household is paid now, from approved cases and their plans. */
    benefits?: CurrentBenefit[];
  };
  /** The member a person-level program is about (特困, 事实无人抚养, 失业, 单人保); default 0. */
  subject?: number;
  /** 特困: the subject's legal supporters (赡养/抚养/扶养义务人); else the subject member's. */
  supporters?: SupporterFacts[];
  /**
   * 事实无人抚养: the subject child's parents (else the subject member's). `since`: start of the
   * situation (detention, lost contact). For 'severe_disability' the certificate's category and
   * grade decide 重残 (一/二级 any category, 三/四级 mental or intellectual).
   */
  parents?: ParentFacts[];
  /** 事实无人抚养: the child chooses that track rather than 特困. */
  prefersChildTrack?: boolean;
  /** 特困: the subject is supported in an institution (集中供养); absent or false = at home (分散供养), the default. */
  tekunInstitution?: boolean;
  /** 事实无人抚养: the subject child is raised in a child-welfare institution (集中养育); absent or false = 散居. */
  childInstitution?: boolean;
  /** 临时救助: this application and the year's history. */
  temporary?: {
    kind: 'emergency' | 'expenditure';
    /** What happened (a CAUSE_KINDS kind), when, and any official reference: 一事一救 compares these. */
    cause: TemporaryCause;
    requestedFen: number;
    approvedThisYearPersonFen: number;
    approvedThisYearHouseholdFen: number;
    applicationsThisYear: number;
    /** The causes this household (or person) was already helped for. */
    previousCauses: TemporaryCause[];
    /** 一事一议: a documented county decision to exceed the cap or repeat a cause. */
    exception?: boolean;
  };
  /** 失业保险金 / 失业补助金 for the subject (else the subject member's). */
  unemployment?: UnemploymentFacts;
};
