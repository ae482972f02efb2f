// Procedure rules the workflows (assistance cases, public-welfare jobs, rescue station) call:
// pure functions over plain data and a resolved ParameterValues, no I/O, no clock. They cover
// the procedural edge cases of policy-digest (3, 4, 5, 8, 9, 15, 18, 25, 26); the programs in
// ../programs cover the eligibility ones. Case tables: ../cases/procedures.yaml.
//
// Conventions
// - Money is integer 分.
// - Dates are local calendar dates written 'YYYY-MM-DD' (IsoDate), months 'YYYY-MM' (IsoMonth),
//   and instants local wall-clock time 'YYYY-MM-DDTHH:mm' (IsoDateTime, China time, no zone):
//   the workflows store and show them this way, and string order is date order. (The programs
//   use yyyymmdd integers internally; nothing here needs them.)
// - Periods counted in days follow 民法典 第二百零一条: the day an event happens is not counted,
//   the period starts the next day, so "7 days from 03-03" ends on 03-10 (the last day, inclusive).
//   Days are calendar days: no holiday calendar is modelled here (民法典 第二百零三条 — a period
//   ending on a holiday runs to the next working day — is for the workflow's calendar).
// - A parameter the rule needs and the set lacks throws MissingParameterError (the repository's
//   national file sets every one of them; a gap is a configuration error, not a fact to ask for).
// - Text meant for people is bilingual { zh, en }; everything else is numbers, booleans, dates
//   and short codes.
import type { ParameterKey, ParameterValue, ParameterValues } from '../engine/parameters.catalog.ts';
import type { TemporaryLimits } from '../programs/temporary.ts';
import { temporaryLimits } from '../programs/temporary.ts';

export type IsoDate = string;
export type IsoMonth = string;
export type IsoDateTime = string;
export type ReasonText = { zh: string; en: string };

export class MissingParameterError extends Error {
  readonly key: ParameterKey;
  constructor(key: ParameterKey) {
    super(`policy parameter ${key} is not set`);
    this.name = 'MissingParameterError';
    this.key = key;
  }
}

function need<K extends ParameterKey>(p: ParameterValues, key: K): NonNullable<ParameterValue<K>> {
  const value = p[key];
  if (value === undefined || value === null) throw new MissingParameterError(key);
  return value as NonNullable<ParameterValue<K>>;
}

// ---------------------------------------------------------------------------------------------
// Calendar arithmetic on ISO strings (UTC arithmetic on wall-clock values: no zone, no DST).

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;
const DAY_MS = 86_400_000;

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** 'YYYY-MM-DD' → epoch milliseconds of that day at 00:00 UTC; throws on a malformed or impossible date. */
function dayMs(date: IsoDate): number {
  const m = DATE.exec(date);
  if (!m) throw new RangeError(`not a date (YYYY-MM-DD): ${date}`);
  const y = Number(m[1]), mo = Number(m[2]), d = Number(m[3]);
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) throw new RangeError(`no such date: ${date}`);
  return ms;
}

function isoOfMs(ms: number): IsoDate {
  const d = new Date(ms);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** The date `days` calendar days after `date` (negative: before). */
export function addDays(date: IsoDate, days: number): IsoDate {
  return isoOfMs(dayMs(date) + days * DAY_MS);
}

/** Calendar days from `from` to `to` (0 on the same day; negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((dayMs(to) - dayMs(from)) / DAY_MS);
}

/** The same day `months` later, clamped to the month's last day (2025-08-31 + 6 → 2026-02-28). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  dayMs(date);
  const y = Number(date.slice(0, 4)), mo = Number(date.slice(5, 7)), d = Number(date.slice(8, 10));
  const index = y * 12 + (mo - 1) + months;
  const ty = Math.floor(index / 12), tm = index - ty * 12;
  const last = new Date(Date.UTC(ty, tm + 1, 0)).getUTCDate();
  return `${pad(ty, 4)}-${pad(tm + 1)}-${pad(Math.min(d, last))}`;
}

/** The same day `years` later (29 February → 28 February in a common year). */
export function addYears(date: IsoDate, years: number): IsoDate {
  return addMonths(date, years * 12);
}

/** The month of a date, moved by `offset` months: ('2025-12-31', 1) → '2026-01'. */
function monthOf(date: IsoDate, offset = 0): IsoMonth {
  dayMs(date);
  const index = Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1 + offset;
  const y = Math.floor(index / 12);
  return `${pad(y, 4)}-${pad(index - y * 12 + 1)}`;
}

function monthIndex(month: IsoMonth): number {
  return Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
}

/** 'YYYY-MM-DDTHH:mm' plus whole hours. */
export function addHours(at: IsoDateTime, hours: number): IsoDateTime {
  const m = DATE_TIME.exec(at);
  if (!m) throw new RangeError(`not a local date-time (YYYY-MM-DDTHH:mm): ${at}`);
  const hh = Number(m[4]), mm = Number(m[5]);
  if (hh > 23 || mm > 59) throw new RangeError(`no such time: ${at}`);
  const ms = dayMs(at.slice(0, 10)) + (hh * 60 + mm) * 60_000 + hours * 3_600_000;
  const d = new Date(ms);
  return `${isoOfMs(ms)}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

function wholeFen(fen: number, what: string): void {
  if (!Number.isSafeInteger(fen) || fen < 0) throw new RangeError(`${what} must be whole 分, not negative: ${fen}`);
}

// ---------------------------------------------------------------------------------------------
// Edge 3 — an objection during 公示.

export type PublicityObjection = {
  /** The day the 乡镇 opinion was posted (公示 starts the next day). */
  publicityFrom: IsoDate;
  /** The day the objection was received. */
  objectionOn: IsoDate;
  /** The day the new opinion, after re-investigation, is posted. */
  republishOn: IsoDate;
  /** The case's overall deadline as first set (办理时限). */
  deadline: IsoDate;
};

export type PublicityAfterObjection = {
  /** Last day of the first 公示. */
  publicityEnd: IsoDate;
  /** The objection came within the 公示 (from the posting day to its last day). */
  duringPublicity: boolean;
  /** Back to 家庭经济状况调查, then a new 乡镇 opinion (only for an objection during 公示). */
  reinvestigate: boolean;
  newOpinion: boolean;
  /** The second, full 公示 (null when the objection was not during 公示). */
  newPublicity: { from: IsoDate; to: IsoDate } | null;
  /** The overall deadline, unchanged: an objection does not restart the clock. */
  deadline: IsoDate;
  deadlineReset: false;
  /** The second 公示 ends after the deadline: the case needs the extension the rules allow, decided and recorded. */
  beyondDeadline: boolean;
  reason: ReasonText;
};

/**
 * Edge 3. An objection during 公示 sends the case back to investigation; after a new opinion a
 * second full 公示 (procedure.publicity_days) runs from the day it is posted. The overall
 * deadline is not reset: the function returns it unchanged and says whether the second 公示
 * overruns it. An objection after the 公示 ended is a complaint handled outside this rule.
 */
export function publicityAfterObjection(x: PublicityObjection, p: ParameterValues): PublicityAfterObjection {
  const days = need(p, 'procedure.publicity_days');
  for (const d of [x.objectionOn, x.republishOn, x.deadline]) dayMs(d);
  const publicityEnd = addDays(x.publicityFrom, days);
  const duringPublicity = x.objectionOn >= x.publicityFrom && x.objectionOn <= publicityEnd;
  if (!duringPublicity) {
    return {
      publicityEnd, duringPublicity, reinvestigate: false, newOpinion: false, newPublicity: null,
      deadline: x.deadline, deadlineReset: false, beyondDeadline: false,
      reason: {
        zh: `异议于 ${x.objectionOn} 提出，不在公示期（${x.publicityFrom} 张贴，至 ${publicityEnd}）内，按投诉处理，不重新公示`,
        en: `The objection of ${x.objectionOn} is outside the public notice (posted ${x.publicityFrom}, until ${publicityEnd}): handled as a complaint, no new notice`,
      },
    };
  }
  if (x.republishOn < x.objectionOn) throw new RangeError(`the new opinion (${x.republishOn}) cannot be posted before the objection (${x.objectionOn})`);
  const to = addDays(x.republishOn, days);
  const beyondDeadline = to > x.deadline;
  return {
    publicityEnd, duringPublicity, reinvestigate: true, newOpinion: true,
    newPublicity: { from: x.republishOn, to },
    deadline: x.deadline, deadlineReset: false, beyondDeadline,
    reason: {
      zh: `公示期内（${x.objectionOn}）有异议：重新调查、重新提出审核意见，${x.republishOn} 起再公示 ${days} 天至 ${to}；办理时限不重新计算，仍为 ${x.deadline}${beyondDeadline ? '，再公示将超过时限，须按规定延长并记录' : ''}`,
      en: `Objection during the public notice (${x.objectionOn}): re-investigate, new opinion, a further ${days}-day notice from ${x.republishOn} to ${to}; the deadline is not reset and stays ${x.deadline}${beyondDeadline ? '; the new notice overruns it, so the allowed extension must be decided and recorded' : ''}`,
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Edge 4 — applicants related to case workers or committee members.

export type Relation = 'self' | 'spouse' | 'parent' | 'child' | 'sibling' | 'grandparent' | 'grandchild' | 'other';

export type RegistrationApplicant = {
  /**
   * The applicant's (or a household member's) ties to the people who handle the case: `role` is
   * the office held, `relation` how the applicant or member is related to its holder ('self':
   * they hold it themselves).
   */
  ties: { role: 'case_worker' | 'committee_member'; relation: Relation }[];
};

export type SeparateRegistration = {
  /** 单独登记备案. */
  separateRegistration: boolean;
  /** The county civil-affairs department visits the household itself (入户调查). */
  countyHomeVisit: boolean;
  /** Indices into `ties` of the ties that count. */
  ties: number[];
  reason: ReasonText;
};

/**
 * Edge 4. An applicant who (or whose household member) is a case worker or village/community
 * committee member, or a close relative of one (procedure.close_relatives: 近亲属), is registered
 * separately and the county visits the household itself.
 */
export function separateRegistration(applicant: RegistrationApplicant, p: ParameterValues): SeparateRegistration {
  const close = need(p, 'procedure.close_relatives');
  const ties = applicant.ties.flatMap((t, i) => (t.relation === 'self' || close.includes(t.relation) ? [i] : []));
  const yes = ties.length > 0;
  return {
    separateRegistration: yes,
    countyHomeVisit: yes,
    ties,
    reason: yes
      ? { zh: '申请人或其家庭成员为经办人员、村（居）民委员会成员或其近亲属：单独登记备案，由县级民政部门入户调查', en: 'The applicant or a member is a case worker or committee member, or a close relative of one: registered separately, and the county visits the household' }
      : { zh: '与经办人员、村（居）民委员会成员无近亲属关系：按一般程序办理', en: 'No close tie to a case worker or committee member: the ordinary procedure applies' },
  };
}

// ---------------------------------------------------------------------------------------------
// Edge 5 — whole months of payment.

/** The month after a date's month: '2025-12-31' → '2026-01'. */
export function monthAfter(date: IsoDate): IsoMonth {
  return monthOf(date, 1);
}

/** Edge 5. Payment starts the month after approval, whole months only: '2025-03-15' → '2025-04'. */
export function firstPaymentMonth(approvalDate: IsoDate): IsoMonth {
  return monthAfter(approvalDate);
}

/**
 * Edge 5 (and 13). A termination decided on `stopDate` stops payment "from next month": the
 * stop month itself is still paid in full. '2025-06-20' → '2025-06' (nothing from '2025-07').
 */
export function lastPaymentMonth(stopDate: IsoDate): IsoMonth {
  return monthOf(stopDate);
}

export type PaymentMonths = { firstMonth: IsoMonth; lastMonth: IsoMonth | null; stopsFrom: IsoMonth | null; months: number | null };

/** The months paid between an approval and (optionally) a termination; `months` null while open-ended. */
export function paymentMonths(approvalDate: IsoDate, stopDate?: IsoDate): PaymentMonths {
  const firstMonth = firstPaymentMonth(approvalDate);
  if (stopDate === undefined) return { firstMonth, lastMonth: null, stopsFrom: null, months: null };
  if (stopDate < approvalDate) throw new RangeError(`stopped (${stopDate}) before approval (${approvalDate})`);
  const lastMonth = lastPaymentMonth(stopDate);
  return { firstMonth, lastMonth, stopsFrom: monthAfter(stopDate), months: Math.max(0, monthIndex(lastMonth) - monthIndex(firstMonth) + 1) };
}

// ---------------------------------------------------------------------------------------------
// Edge 8 — review intervals.

export type ReviewSummary = {
  /** Members able to work (not elderly, not severely disabled, not a minor or student …): the workflow decides. */
  membersAbleToWork: number;
  /** Income comes irregularly (casual work, seasonal business …). */
  irregularIncome: boolean;
  /** When given, the next review date is computed from it. */
  lastReviewedOn?: IsoDate;
};

export type ReviewInterval = { months: number; stable: boolean; nextReviewDue: IsoDate | null; reason: ReasonText };

/**
 * Edge 8. Stable households (no one able to work, regular income: pensioner couples, severely
 * disabled members …) are reviewed every dibao.review_months.stable months; households with
 * irregular income or members able to work every dibao.review_months.irregular months.
 */
export function reviewIntervalMonths(h: ReviewSummary, p: ParameterValues): ReviewInterval {
  const stable = h.membersAbleToWork === 0 && !h.irregularIncome;
  const months = stable ? need(p, 'dibao.review_months.stable') : need(p, 'dibao.review_months.irregular');
  return {
    months,
    stable,
    nextReviewDue: h.lastReviewedOn === undefined ? null : addMonths(h.lastReviewedOn, months),
    reason: stable
      ? { zh: `收入稳定、无有劳动能力的成员：每 ${months} 个月复核一次`, en: `Stable income and no one able to work: reviewed every ${months} months` }
      : { zh: `${h.irregularIncome ? '收入来源不固定' : `有 ${h.membersAbleToWork} 名有劳动能力的成员`}：每 ${months} 个月复核一次`, en: `${h.irregularIncome ? 'Irregular income' : `${h.membersAbleToWork} member(s) able to work`}: reviewed every ${months} months` },
  };
}

// ---------------------------------------------------------------------------------------------
// Edge 9 — fraud.

export type FraudSanction = { stop: true; recoverFen: number; fineMinFen: number; fineMaxFen: number; reason: ReasonText };

/** Edge 9. 办法 Art. 68: stop, recover what was obtained, fine fraud.fine_min_multiple–fraud.fine_max_multiple times it. */
export function fraudSanction(overpaidFen: number, p: ParameterValues): FraudSanction {
  wholeFen(overpaidFen, 'the amount obtained');
  const lo = need(p, 'fraud.fine_min_multiple');
  const hi = need(p, 'fraud.fine_max_multiple');
  if (lo > hi) throw new RangeError(`fraud.fine_min_multiple (${lo}) is above fraud.fine_max_multiple (${hi})`);
  return {
    stop: true,
    recoverFen: overpaidFen,
    fineMinFen: overpaidFen * lo,
    fineMaxFen: overpaidFen * hi,
    reason: {
      zh: `骗取社会救助：停止救助，追回非法获取的款额，并处 ${lo} 倍以上 ${hi} 倍以下罚款`,
      en: `Assistance obtained by fraud: stop it, recover the amount, and fine ${lo} to ${hi} times that amount`,
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Edge 15 — 先行救助.

export type TemporaryKind = 'emergency' | 'expenditure';

/** Edge 15. Only 急难型 (emergency) 临时救助 may be paid before approval (先行救助), from the 乡镇 reserve fund. */
export function mayPayBeforeApproval(kind: TemporaryKind): { allowed: boolean; reason: ReasonText } {
  return kind === 'emergency'
    ? { allowed: true, reason: { zh: '急难型临时救助：可先行救助，事后补齐手续', en: 'Emergency assistance: may be paid at once, paperwork completed afterwards' } }
    : { allowed: false, reason: { zh: '支出型临时救助：须经审核审批后发放，不得先行救助', en: 'Spending-type assistance: paid only after approval, never in advance' } };
}

/**
 * Edge 15. The day by which the paperwork of an advance payment (recipient, cause, amount, then
 * the ordinary review and approval) must be complete: paid date + linshi.paperwork_days calendar
 * days (the demo value stands for working days; no holiday calendar here).
 */
export function emergencyPaperworkDue(paidDate: IsoDate, p: ParameterValues): IsoDate {
  return addDays(paidDate, need(p, 'linshi.paperwork_days'));
}

// ---------------------------------------------------------------------------------------------
// Edge 18 — yearly caps, sequentially.

/** One 临时救助 approval this year in the household: for whom, and how much. */
export type YearApproval = { person: string; amountFen: number };

export type CapRequest = {
  /** The member the assistance is for. */
  person: string;
  requestedFen: number;
  /** 一事一议: a recorded county decision lifts the yearly caps (not the per-case cap). */
  exception?: boolean;
};

export type CapGrant = {
  granted: boolean;
  amountFen: number;
  /** What bound the amount: the request itself, the per-case cap, or a yearly cap (also the reason for a refusal). */
  limitedBy: 'requested' | 'per_case' | 'person_year' | 'household_year';
  /** What is left of the yearly caps after this grant (null: no cap, or lifted by 一事一议). */
  remainingPersonFen: number | null;
  remainingHouseholdFen: number | null;
  /** Who approves the amount granted (null when refused). */
  approver: 'township' | 'county' | null;
};

/**
 * The caps of the 临时救助 in force (temporaryLimits with nothing approved yet): `remaining*` are
 * then the full yearly caps, from which approveWithinCaps subtracts the year's history.
 */
export function temporaryCaps(p: ParameterValues): TemporaryLimits {
  return temporaryLimits({
    jurisdictionCode: '',
    members: [],
    temporary: { kind: 'emergency', cause: { kind: 'other', eventOn: 19000101 }, requestedFen: 0, approvedThisYearPersonFen: 0, approvedThisYearHouseholdFen: 0, applicationsThisYear: 0, previousCauses: [] },
  }, p);
}

/**
 * Edge 18. Grants min(requested, per-case cap, what is left of the person's and the household's
 * yearly caps) or refuses when a yearly cap is used up. `limits` are temporaryCaps(p) (full
 * caps); `history` is every approval of the year in the household. Pure and sequential: the
 * cap holds under concurrency only because the workflow runs this inside the approving database
 * transaction, after locking the household's year (SELECT … FOR UPDATE) and re-reading the
 * history, so two racing approvals are serialised and the second sees the first.
 */
export function approveWithinCaps(history: readonly YearApproval[], request: CapRequest, limits: TemporaryLimits): CapGrant {
  wholeFen(request.requestedFen, 'the amount requested');
  for (const h of history) wholeFen(h.amountFen, 'an approved amount');
  const exception = request.exception === true;
  const capPerson = limits.remainingPersonFen;
  const capHousehold = limits.remainingHouseholdFen;
  const usedPerson = history.reduce((s, h) => (h.person === request.person ? s + h.amountFen : s), 0);
  const usedHousehold = history.reduce((s, h) => s + h.amountFen, 0);
  const leftPerson = exception || capPerson === null ? null : Math.max(0, capPerson - usedPerson);
  const leftHousehold = exception || capHousehold === null ? null : Math.max(0, capHousehold - usedHousehold);

  let amountFen = request.requestedFen;
  let limitedBy: CapGrant['limitedBy'] = 'requested';
  if (limits.perCaseCapFen !== null && amountFen > limits.perCaseCapFen) { amountFen = limits.perCaseCapFen; limitedBy = 'per_case'; }
  if (leftPerson !== null && amountFen > leftPerson) { amountFen = leftPerson; limitedBy = 'person_year'; }
  if (leftHousehold !== null && amountFen > leftHousehold) { amountFen = leftHousehold; limitedBy = 'household_year'; }

  const granted = amountFen > 0;
  // The county approves above the 乡镇 limit, and whatever goes beyond a yearly cap by 一事一议.
  const beyondYearly = (capPerson !== null && usedPerson + amountFen > capPerson) || (capHousehold !== null && usedHousehold + amountFen > capHousehold);
  const byCounty = amountFen > limits.townshipLimitFen || beyondYearly;
  return {
    granted,
    amountFen,
    limitedBy,
    remainingPersonFen: leftPerson === null ? null : leftPerson - amountFen,
    remainingHouseholdFen: leftHousehold === null ? null : leftHousehold - amountFen,
    approver: !granted ? null : byCounty ? 'county' : 'township',
  };
}

/**
 * Edge 18, as the database serialises it: requests approved one after the other, each seeing the
 * grants before it. What two racing approvals must come to.
 */
export function approveInSequence(history: readonly YearApproval[], requests: readonly CapRequest[], limits: TemporaryLimits): CapGrant[] {
  const seen: YearApproval[] = [...history];
  return requests.map((r) => {
    const g = approveWithinCaps(seen, r, limits);
    if (g.granted) seen.push({ person: r.person, amountFen: g.amountFen });
    return g;
  });
}

// ---------------------------------------------------------------------------------------------
// Edge 25 — urban public-welfare posts.

export type PublicJobTerm = {
  allowed: boolean;
  /** 'max_years': the usual longest term; 'to_retirement': within jobs.urban.retire_within_years of retirement. */
  term: 'max_years' | 'to_retirement' | null;
  /** Longest term in years. */
  years: number | null;
  /**
   * The last day the post may run. For 'to_retirement' the post ends on reaching retirement age
   * (the workflow knows the birth date); with the age in completed years this is the latest that
   * day can be.
   */
  endBy: IsoDate | null;
  /** Placements still possible after this one. */
  placementsLeftAfter: number;
  reason: ReasonText;
};

/**
 * Edge 25. An urban public-welfare post runs at most jobs.urban.max_years; someone within
 * jobs.urban.retire_within_years of retirement (at the start) may stay to retirement; no one
 * gets more than jobs.urban.max_placements placements. `age` is completed years at `startDate`.
 */
export function publicJobTerm(age: number, retirementAge: number, placementsSoFar: number, startDate: IsoDate, p: ParameterValues): PublicJobTerm {
  const maxYears = need(p, 'jobs.urban.max_years');
  const within = need(p, 'jobs.urban.retire_within_years');
  const maxPlacements = need(p, 'jobs.urban.max_placements');
  dayMs(startDate);
  const toRetirement = retirementAge - age;
  if (placementsSoFar >= maxPlacements) {
    return { allowed: false, term: null, years: null, endBy: null, placementsLeftAfter: 0, reason: { zh: `已安置 ${placementsSoFar} 次，达到公益性岗位安置次数上限 ${maxPlacements} 次`, en: `${placementsSoFar} placement(s) already: the limit of ${maxPlacements} is reached` } };
  }
  if (toRetirement <= 0) {
    return { allowed: false, term: null, years: null, endBy: null, placementsLeftAfter: maxPlacements - placementsSoFar, reason: { zh: `已达法定退休年龄 ${retirementAge} 周岁`, en: `Already at the retirement age of ${retirementAge}` } };
  }
  const placementsLeftAfter = maxPlacements - placementsSoFar - 1;
  if (toRetirement <= within) {
    return {
      allowed: true, term: 'to_retirement', years: toRetirement, endBy: addDays(addYears(startDate, toRetirement), -1), placementsLeftAfter,
      reason: { zh: `距法定退休年龄不足 ${within} 年（${age} 周岁，${retirementAge} 周岁退休）：可安置至退休`, en: `Within ${within} years of retirement (aged ${age}, retiring at ${retirementAge}): the post may run to retirement` },
    };
  }
  return {
    allowed: true, term: 'max_years', years: maxYears, endBy: addDays(addYears(startDate, maxYears), -1), placementsLeftAfter,
    reason: { zh: `安置期限不超过 ${maxYears} 年；此后最多还可安置 ${placementsLeftAfter} 次`, en: `The post runs at most ${maxYears} years; ${placementsLeftAfter} further placement(s) at most` },
  };
}

// ---------------------------------------------------------------------------------------------
// Edge 26 — rescue station.

export type RescueStay = {
  minor: boolean;
  mentalOrIntellectualDisability: boolean;
  admittedOn: IsoDate;
  asOf: IsoDate;
  /** A reason for the longer stay is recorded, and it was filed with the higher authority. */
  reasonRecorded?: boolean;
  filed?: boolean;
};

export type RescueStayCheck = {
  /** Days stayed (nights: from the day of admission to asOf). */
  days: number;
  maxDays: number;
  /** The usual limit applies: adults without a mental or intellectual disability. */
  limitApplies: boolean;
  overLimit: boolean;
  /** Over the limit and the reason or the filing is still missing. */
  flagged: boolean;
  reasonNeeded: boolean;
  filingNeeded: boolean;
  reason: ReasonText;
};

/**
 * Edge 26. An adult without a mental or intellectual disability stays rescue.max_stay_days at
 * most; a longer stay needs a recorded reason and filing with the higher authority, and is
 * flagged until both exist. Minors and people with such a disability follow the care and
 * placement rules instead.
 */
export function rescueStayCheck(stay: RescueStay, p: ParameterValues): RescueStayCheck {
  const maxDays = need(p, 'rescue.max_stay_days');
  const days = daysBetween(stay.admittedOn, stay.asOf);
  if (days < 0) throw new RangeError(`asOf (${stay.asOf}) is before admission (${stay.admittedOn})`);
  const limitApplies = !stay.minor && !stay.mentalOrIntellectualDisability;
  const overLimit = limitApplies && days > maxDays;
  const reasonNeeded = overLimit && stay.reasonRecorded !== true;
  const filingNeeded = overLimit && stay.filed !== true;
  const flagged = reasonNeeded || filingNeeded;
  return {
    days, maxDays, limitApplies, overLimit, flagged, reasonNeeded, filingNeeded,
    reason: !limitApplies
      ? { zh: `${stay.minor ? '未成年人' : '精神、智力障碍人员'}：不适用一般 ${maxDays} 天救助期限，按照料安置规定办理`, en: `${stay.minor ? 'A minor' : 'A person with a mental or intellectual disability'}: the usual ${maxDays}-day limit does not apply; care and placement rules do` }
      : !overLimit
        ? { zh: `已救助 ${days} 天，未超过 ${maxDays} 天`, en: `${days} day(s) so far, within ${maxDays}` }
        : { zh: `已救助 ${days} 天，超过 ${maxDays} 天：${flagged ? `须${reasonNeeded ? '记录延长理由' : ''}${reasonNeeded && filingNeeded ? '并' : ''}${filingNeeded ? '报上级民政部门备案' : ''}` : '已记录理由并备案'}`, en: `${days} days, over ${maxDays}: ${flagged ? [reasonNeeded ? 'record the reason' : '', filingNeeded ? 'file with the higher authority' : ''].filter(Boolean).join(' and ') : 'reason recorded and filed'}` },
  };
}

export type RescueIdentityDeadlines = {
  /** 寻亲公告 due (null when the person is identified). */
  tracingNoticeDueAt: IsoDateTime | null;
  /** Report to the police now: an unidentified minor, or trafficking suspected. */
  notifyPolice: boolean;
  /** DNA sample due (null when identified). */
  dnaDueOn: IsoDate | null;
  reason: ReasonText;
};

/**
 * Edge 26. For someone the station cannot identify: a tracing notice within
 * rescue.tracing_notice_hours of intake and a DNA sample within rescue.dna_days; the police are
 * told at once about an unidentified minor and whenever trafficking is suspected.
 */
export function rescueIdentityDeadlines(intakeAt: IsoDateTime, unidentified: boolean, minor: boolean, p: ParameterValues, traffickingSuspected = false): RescueIdentityDeadlines {
  const hours = need(p, 'rescue.tracing_notice_hours');
  const dnaDays = need(p, 'rescue.dna_days');
  const noticeAt = addHours(intakeAt, hours);
  const notifyPolice = traffickingSuspected || (unidentified && minor);
  const police = { zh: notifyPolice ? `；立即报告公安机关（${traffickingSuspected ? '疑似被拐卖' : '身份不明的未成年人'}）` : '', en: notifyPolice ? `; report to the police at once (${traffickingSuspected ? 'suspected trafficking' : 'unidentified minor'})` : '' };
  if (!unidentified) {
    return { tracingNoticeDueAt: null, notifyPolice, dnaDueOn: null, reason: { zh: `身份已查明，无需寻亲公告和 DNA 采集${police.zh}`, en: `Identified: no tracing notice or DNA needed${police.en}` } };
  }
  const dnaDueOn = addDays(intakeAt.slice(0, 10), dnaDays);
  return {
    tracingNoticeDueAt: noticeAt,
    notifyPolice,
    dnaDueOn,
    reason: { zh: `身份不明：${noticeAt.replace('T', ' ')} 前发布寻亲公告，${dnaDueOn} 前采集 DNA${police.zh}`, en: `Unidentified: tracing notice by ${noticeAt.replace('T', ' ')}, DNA sample by ${dnaDueOn}${police.en}` },
  };
}
