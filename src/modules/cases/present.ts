// Case rows → the API's shapes: labels, the due date and overdue flag as of today, the one-time
// notice of missing materials, and the actions the caller may take now.
import type { CauseKind } from '../policy/engine/cause-kinds.ts';
import type { DecisionView } from '../policy/policy.schema.ts';
import type { Case, CaseSummary } from './cases.schema.ts';
import type { CaseListRow, CaseRow, EventRow, VisitRow } from './cases.store.ts';
import type { caseAttachmentOf } from './attachments.ts';
import { workingDaysBetween, type WorkCalendar } from '../../lib/workdays.ts';
import { effectiveDue, overdueReasons } from './deadlines.ts';
import { materialsNotice, type Material } from './materials.ts';
import { snapshotOf } from './steps.ts';
import { PROGRAM_LABELS, STATE_LABELS, type CaseProgram, type State } from './workflow/states.ts';
import { availableActions } from './workflow/transitions.ts';

/** Working days from today to the deadline (negative once past); null without one, or beyond the calendar. */
function workingDaysLeft(cal: WorkCalendar, today: string, due: string | null): number | null {
  if (due === null) return null;
  try {
    return workingDaysBetween(cal, today, due);
  } catch {
    return null; // a date outside the holiday calendar: the due date itself is still shown
  }
}

export function summaryOf(r: CaseListRow, today: string, cal: WorkCalendar): CaseSummary {
  const reasons = overdueReasons(r, today);
  const dueOn = effectiveDue(r);
  return {
    id: r.id,
    caseNo: r.caseNo,
    program: r.program as CaseProgram,
    programLabel: PROGRAM_LABELS[r.program as CaseProgram],
    kind: r.kind as CaseSummary['kind'],
    procedure: r.procedure as CaseSummary['procedure'],
    state: r.state as State,
    stateLabel: STATE_LABELS[r.state as State],
    jurisdictionCode: r.jurisdictionCode,
    householdId: r.householdId,
    applicantName: r.applicantName,
    beneficiaryName: r.beneficiaryName,
    channel: r.channel as CaseSummary['channel'],
    category: r.category as CaseSummary['category'],
    requestedFen: r.requestedFen,
    proposedFen: r.proposedFen,
    approvedFen: r.approvedFen,
    approvalLevel: r.approvalLevel as CaseSummary['approvalLevel'],
    separatelyRegistered: r.separatelyRegistered,
    exception: r.exceptionDecision !== null,
    receivedOn: r.receivedOn,
    stepStartedOn: r.stepStartedOn,
    dueOn,
    workingDaysLeft: workingDaysLeft(cal, today, dueOn),
    overdue: reasons.length > 0,
    overdueReasons: reasons,
    assigneeUserId: r.assigneeUserId,
    nextReviewOn: r.nextReviewOn,
  };
}

export type DetailParts = {
  applicantName: string;
  beneficiaryName: string | null;
  jurisdictionName: string | null;
  events: EventRow[];
  visits: VisitRow[];
  attachments: ReturnType<typeof caseAttachmentOf>[];
};

export function detailOf(r: CaseRow, parts: DetailParts, roles: readonly string[], today: string, cal: WorkCalendar): Case {
  const materials = r.materials as Material[];
  return {
    ...summaryOf({ ...r, applicantName: parts.applicantName, beneficiaryName: parts.beneficiaryName }, today, cal),
    parentCaseId: r.parentCaseId,
    applicantPersonId: r.applicantPersonId,
    beneficiaryPersonId: r.beneficiaryPersonId,
    jurisdictionName: parts.jurisdictionName,
    sourceRef: r.sourceRef,
    cause: r.cause,
    causeKind: r.causeKind as CauseKind | null,
    causeEventOn: r.causeEventOn,
    causeReference: r.causeReference,
    paymentPeriod: r.paymentPeriod as Case['paymentPeriod'],
    peopleCovered: r.peopleCovered,
    promiseSigned: r.promiseSigned,
    dataCheckAuthorised: r.dataCheckAuthorised,
    materials,
    materialsNotice: r.kind === 'review' ? null : materialsNotice(materials, r),
    separateNote: r.separateNote,
    countyVisitDone: r.countyVisitDone,
    exceptionDecision: (r.exceptionDecision as Case['exceptionDecision']) ?? null,
    publicityRound: r.publicityRound,
    publicityFrom: r.publicityFrom,
    publicityTo: r.publicityTo,
    prepaidFen: r.prepaidFen,
    prepaidOn: r.prepaidOn,
    paperworkDueOn: r.paperworkDueOn,
    stepDueOn: r.dueOn,
    overallDueOn: r.overallDueOn,
    extended: r.extended,
    decision: (r.decision as DecisionView | null) ?? null,
    decidedAsOf: r.decidedAsOf,
    override: (r.override as Case['override']) ?? null,
    reviewOutcome: r.reviewOutcome as Case['reviewOutcome'],
    approvedOn: r.approvedOn,
    refusedOn: r.refusedOn,
    refusalReason: r.refusalReason,
    noticeDueOn: r.noticeDueOn,
    noticeServedOn: r.noticeServedOn,
    firstPaymentMonth: r.firstPaymentMonth,
    closedOn: r.closedOn,
    version: r.version,
    actions: availableActions(snapshotOf(r, parts.visits, today), roles),
    events: parts.events.map((e) => ({ id: e.id, at: e.at.toISOString(), onDate: e.onDate, actorName: e.actorName, action: e.action, fromState: e.fromState, toState: e.toState, note: e.note, data: e.data ?? null })),
    visits: parts.visits.map((v) => ({
      id: v.id, kind: v.kind as Case['visits'][number]['kind'], visitedOn: v.visitedOn, investigators: v.investigators as { userId?: number; name: string }[],
      findings: v.findings, familyConfirmed: v.familyConfirmed, confirmedBy: v.confirmedBy, location: v.location, createdAt: v.createdAt.toISOString(),
    })),
    attachments: parts.attachments.map((a) => ({ ...a, kind: a.kind as Case['attachments'][number]['kind'], createdAt: a.createdAt.toISOString() })),
  };
}
