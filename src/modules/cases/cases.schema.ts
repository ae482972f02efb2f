// Request/response contracts of assistance cases (救助案件). Money is integer 分, dates
// 'YYYY-MM-DD'. Browser-safe (zod only): the web imports these.
import { UserId } from '../../lib/row-id.ts';
import { CAUSE_KINDS } from '../policy/engine/cause-kinds.ts';
import { z } from 'zod';
import { bi } from '../../lib/bilingual.ts';
import { PersonName } from '../../lib/person-name.schema.ts';
import { LocalDate } from '../../lib/date.schema.ts';
import { CodeParam } from '../jurisdictions/jurisdictions.schema.ts';
import { DecisionView } from '../policy/policy.schema.ts';
import { PROCEDURES, PROGRAMS, STATES } from './workflow/states.ts';

const Fen = z.number().int().min(0).max(1e12).describe('money in 分 (integer)');
const Id = z.number().int().positive();
const Text = z.object({ zh: z.string(), en: z.string() });
const Note = z.string().trim().min(2, bi('write a note (at least 2 characters)', '请填写意见或说明（至少 2 个字）')).max(2000);
const Reason = z.string().trim().min(4, bi('state the reasons (at least 4 characters)', '请写明理由（至少 4 个字）')).max(2000);

export const CHANNELS = ['application', 'proactive', 'help_request', 'monitoring'] as const;
export const CATEGORIES = ['emergency', 'expenditure'] as const;
export const VISIT_KINDS = ['home_visit', 'neighbour', 'letter', 'data_check', 'county_visit'] as const;
export const ATTACHMENT_KINDS = ['photo', 'material', 'signature', 'decision', 'other'] as const;
export const REVIEW_OUTCOMES = ['continue', 'adjust', 'stop'] as const;

export const Program = z.enum(PROGRAMS);
export const State = z.enum(STATES);
export const CaseIdParams = z.object({ id: z.coerce.number().int().positive() });
export const AttachmentParams = CaseIdParams.extend({ attachmentId: z.coerce.number().int().positive() });

const Tie = z.object({
  role: z.enum(['case_worker', 'committee_member']).describe('经办人员 or 村（居）委会成员'),
  relation: z.enum(['self', 'spouse', 'parent', 'child', 'sibling', 'grandparent', 'grandchild', 'other']),
});

export const CreateCaseBody = z
  .object({
    program: Program,
    applicantPersonId: Id,
    householdId: Id.optional().describe('default: the applicant’s household'),
    beneficiaryPersonId: Id.optional().describe('the person the benefit is for (特困, 事实无人抚养: required unless the applicant; 临时救助: default the applicant)'),
    channel: z.enum(CHANNELS).describe('依申请 / 主动发现 / 求助转办 / 监测预警'),
    sourceRef: z.string().trim().max(100).optional().describe('the help request or monitoring alert it came from'),
    category: z.enum(CATEGORIES).optional().describe('临时救助: 急难型 emergency or 支出型 expenditure'),
    causeKind: z.enum(CAUSE_KINDS).optional().describe('临时救助: what happened (火灾, 交通事故 …); 一事一救 compares kind, event date and reference'),
    causeEventOn: LocalDate.optional().describe('临时救助: the day it happened (or the bill fell due)'),
    causeReference: z.string().trim().min(2).max(60).optional().describe('临时救助: an official reference of the event (fire-brigade or police report, hospital admission number)'),
    cause: z.string().trim().min(2).max(200).optional().describe('临时救助: the cause as described (事由)'),
    requestedFen: Fen.optional(),
    peopleCovered: z.number().int().min(1).max(50).optional(),
    promiseSigned: z.boolean().default(false).describe('承诺书 signed'),
    dataCheckAuthorised: z.boolean().default(false).describe('核对授权书 signed'),
    materialsReceived: z.array(z.string().min(1).max(50)).max(50).default([]),
    ties: z.array(Tie).max(10).default([]).describe('ties to case workers or committee members (单独登记备案)'),
    receivedOn: LocalDate.optional().describe('default: today'),
  })
  .superRefine((b, ctx) => {
    if (b.program === 'temporary') {
      if (!b.category) ctx.addIssue({ code: 'custom', path: ['category'], message: bi('临时救助 needs its category (emergency or expenditure)', '临时救助须选择类型（急难型或支出型）') });
      if (!b.causeKind) ctx.addIssue({ code: 'custom', path: ['causeKind'], message: bi('临时救助 needs the kind of cause', '临时救助须选择事由类别') });
      if (!b.causeEventOn) ctx.addIssue({ code: 'custom', path: ['causeEventOn'], message: bi('临时救助 needs the day it happened', '临时救助须填写事件发生日期') });
      if (!b.cause) ctx.addIssue({ code: 'custom', path: ['cause'], message: bi('临时救助 needs its cause described', '临时救助须填写事由说明') });
      if (!b.requestedFen) ctx.addIssue({ code: 'custom', path: ['requestedFen'], message: bi('state the amount asked for', '请填写申请金额') });
    } else if (b.category) {
      ctx.addIssue({ code: 'custom', path: ['category'], message: bi('only 临时救助 has a category', '仅临时救助区分急难型、支出型') });
    }
  });
export type CreateCaseBody = z.output<typeof CreateCaseBody>;

export const MaterialsBody = z
  .object({
    received: z.array(z.string().min(1).max(50)).max(50).optional(),
    notReceived: z.array(z.string().min(1).max(50)).max(50).optional(),
    promiseSigned: z.boolean().optional(),
    dataCheckAuthorised: z.boolean().optional(),
  })
  .refine((b) => Object.values(b).some((v) => v !== undefined), { message: bi('nothing to change', '没有要更新的内容') });

export const VisitBody = z
  .object({
    kind: z.enum(VISIT_KINDS).describe('入户调查 / 邻里访问 / 信函索证 / 信息核对 / 县级入户调查'),
    visitedOn: LocalDate,
    investigators: z.array(z.object({ userId: UserId.optional(), name: PersonName })).min(1).max(10),
    findings: z.string().trim().min(2).max(5000),
    familyConfirmed: z.boolean().default(false).describe('the family signed the record'),
    confirmedBy: z.string().trim().max(50).optional(),
    location: z.string().trim().max(200).optional(),
  })
  .refine((v) => !['home_visit', 'county_visit'].includes(v.kind) || v.investigators.length >= 2, {
    path: ['investigators'],
    message: bi('a home visit needs at least two investigators', '入户调查须至少两名调查人员'),
  });
export type VisitBody = z.output<typeof VisitBody>;

export const NoteBody = z.object({ note: z.string().trim().max(2000).optional() });
export const OpinionBody = z.object({
  proposedFen: Fen.optional().describe('default: the engine’s amount, else the amount asked for'),
  peopleCovered: z.number().int().min(1).max(50).optional(),
  outcome: z.enum(REVIEW_OUTCOMES).optional().describe('review cases: default the proposal'),
  note: Note.describe('乡镇审核意见'),
});
export const ObjectionBody = z.object({ note: Note.describe('who objected and what they said'), objectionOn: LocalDate.optional().describe('default: today') });
export const Override = z.object({
  kind: z.enum(['ineligible', 'above_engine']),
  reason: z.string(),
  engineStatus: z.enum(['eligible', 'ineligible', 'needs_information']),
  engineFen: z.number().int().nullable(),
  approvedFen: z.number().int(),
  decidedAsOf: z.string().nullable(),
});

export const ApproveBody = z.object({
  amountFen: Fen.optional().describe('default: the proposed amount'),
  note: Note.describe('审批意见'),
  overrideReason: Reason.optional().describe('required when approving a case the engine found 不符合, or above its amount: why'),
});
export const ReasonBody = z.object({ reason: Reason });
export const ReopenBody = z.object({ reason: Reason, to: z.enum(['accepted', 'investigating']).default('accepted') });
export const PrepayBody = z.object({ amountFen: Fen.refine((v) => v > 0, bi('must be more than 0', '须大于 0')), note: Note });
export const ExceptionBody = z.object({ decisionNo: z.string().trim().min(1).max(100).describe('文号'), decidedOn: LocalDate, note: Reason });
export const AssignBody = z.object({ userId: UserId.nullable() });
export const NoticeServedBody = z.object({ servedOn: LocalDate, note: z.string().trim().max(500).optional() });
export const AttachmentQuery = z.object({
  fileName: z.string().trim().min(1).max(200),
  kind: z.enum(ATTACHMENT_KINDS).default('photo'),
  visitId: z.coerce.number().int().positive().optional(),
});

export const ListQuery = z.object({
  state: State.optional(),
  program: Program.optional(),
  kind: z.enum(['application', 'review']).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  under: CodeParam.optional().describe('only cases under this place (inside your area)'),
  q: z.string().trim().max(50).optional().describe('case number or a name'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export const PageQuery = z.object({ limit: z.coerce.number().int().min(1).max(200).default(50), offset: z.coerce.number().int().min(0).default(0) });
export const DashboardQuery = z.object({ under: CodeParam.optional() });
export const DueReviewsQuery = z.object({ date: LocalDate.optional().describe('default: today') });
export const OpenReviewsBody = z.object({ date: LocalDate.optional(), caseIds: z.array(Id).max(500).optional().describe('default: every due case in your area') });
export const PublicityQuery = z.object({
  community: CodeParam.optional().describe('a village or community (default: every case in public notice in your area)'),
  from: LocalDate.optional().describe('default: today'),
  to: LocalDate.optional().describe('default: from'),
  format: z.enum(['html', 'pdf']).default('html'),
});
export const OverridesQuery = z.object({
  from: LocalDate.optional().describe('approved on or after (default: 1 January of this year)'),
  to: LocalDate.optional().describe('approved on or before (default: today)'),
  under: CodeParam.optional().describe('a place inside your area'),
});
export const OverrideList = z.object({
  items: z.array(z.object({
    id: z.number().int(), caseNo: z.string(), program: Program, jurisdictionCode: z.string(), applicantName: z.string(),
    approvedOn: z.string(), approvalLevel: z.string().nullable(), override: Override,
  })),
});
export const MaterialsQuery = z.object({ program: Program.optional(), category: z.enum(CATEGORIES).optional() });

export const Material = z.object({ code: z.string(), zh: z.string(), en: z.string(), required: z.boolean(), received: z.boolean() });
export const MaterialsNotice = z.object({ missing: z.array(z.object({ code: z.string(), zh: z.string(), en: z.string() })), zh: z.string(), en: z.string() });
export const ExceptionDecision = z.object({ decisionNo: z.string(), decidedOn: z.string(), decidedBy: z.string(), note: z.string() });

export const CaseSummary = z.object({
  id: z.number().int(),
  caseNo: z.string(),
  program: Program,
  programLabel: Text,
  kind: z.enum(['application', 'review']),
  procedure: z.enum(PROCEDURES),
  state: State,
  stateLabel: Text,
  jurisdictionCode: z.string(),
  householdId: z.number().int().nullable(),
  applicantName: z.string(),
  beneficiaryName: z.string().nullable(),
  channel: z.enum(CHANNELS),
  category: z.enum(CATEGORIES).nullable(),
  requestedFen: z.number().int().nullable(),
  proposedFen: z.number().int().nullable(),
  approvedFen: z.number().int().nullable(),
  approvalLevel: z.enum(['township', 'county']).nullable(),
  separatelyRegistered: z.boolean(),
  exception: z.boolean().describe('一事一议 recorded'),
  receivedOn: z.string(),
  stepStartedOn: z.string(),
  dueOn: z.string().nullable().describe('the most pressing deadline of the case'),
  workingDaysLeft: z.number().int().nullable().describe('working days from today to dueOn on the holiday calendar (negative when past; null without a deadline)'),
  overdue: z.boolean(),
  overdueReasons: z.array(z.enum(['step', 'overall', 'paperwork', 'notice'])),
  assigneeUserId: z.number().int().nullable(),
  nextReviewOn: z.string().nullable(),
});
export type CaseSummary = z.infer<typeof CaseSummary>;

export const CaseEvent = z.object({
  id: z.number().int(),
  at: z.string(),
  onDate: z.string(),
  actorName: z.string(),
  action: z.string(),
  fromState: z.string().nullable(),
  toState: z.string().nullable(),
  note: z.string().nullable(),
  data: z.unknown(),
});
export const CaseVisit = z.object({
  id: z.number().int(),
  kind: z.enum(VISIT_KINDS),
  visitedOn: z.string(),
  investigators: z.array(z.object({ userId: z.number().int().optional(), name: z.string() })),
  findings: z.string(),
  familyConfirmed: z.boolean(),
  confirmedBy: z.string().nullable(),
  location: z.string().nullable(),
  createdAt: z.string(),
});
export const AttachmentMeta = z.object({
  id: z.number().int(),
  visitId: z.number().int().nullable(),
  kind: z.enum(ATTACHMENT_KINDS),
  fileName: z.string(),
  mimeType: z.string(),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  createdAt: z.string(),
});

export const Case = CaseSummary.extend({
  parentCaseId: z.number().int().nullable(),
  applicantPersonId: z.number().int(),
  beneficiaryPersonId: z.number().int().nullable(),
  jurisdictionName: z.string().nullable(),
  sourceRef: z.string().nullable(),
  cause: z.string().nullable().describe('临时救助: the cause as described'),
  causeKind: z.enum(CAUSE_KINDS).nullable(),
  causeEventOn: z.string().nullable(),
  causeReference: z.string().nullable(),
  paymentPeriod: z.enum(['monthly', 'once']).nullable(),
  peopleCovered: z.number().int().nullable(),
  promiseSigned: z.boolean(),
  dataCheckAuthorised: z.boolean(),
  materials: z.array(Material),
  materialsNotice: MaterialsNotice.nullable().describe('一次性告知: everything still missing, at once'),
  separateNote: z.string().nullable(),
  countyVisitDone: z.boolean(),
  exceptionDecision: ExceptionDecision.nullable(),
  publicityRound: z.number().int(),
  publicityFrom: z.string().nullable(),
  publicityTo: z.string().nullable(),
  prepaidFen: z.number().int(),
  prepaidOn: z.string().nullable(),
  paperworkDueOn: z.string().nullable(),
  stepDueOn: z.string().nullable().describe('the current step’s own deadline'),
  overallDueOn: z.string().nullable(),
  extended: z.boolean(),
  decision: DecisionView.nullable().describe('the policy engine’s decision with its trace, as of decidedAsOf'),
  decidedAsOf: z.string().nullable(),
  override: Override.nullable().describe('approved against the engine’s decision: the reason and what the engine said'),
  reviewOutcome: z.enum(REVIEW_OUTCOMES).nullable(),
  approvedOn: z.string().nullable(),
  refusedOn: z.string().nullable(),
  refusalReason: z.string().nullable(),
  noticeDueOn: z.string().nullable(),
  noticeServedOn: z.string().nullable(),
  firstPaymentMonth: z.string().nullable(),
  closedOn: z.string().nullable(),
  version: z.number().int(),
  actions: z.array(z.string()).describe('what you may do now'),
  events: z.array(CaseEvent),
  visits: z.array(CaseVisit),
  attachments: z.array(AttachmentMeta),
});
export type Case = z.infer<typeof Case>;

export const CaseList = z.object({ items: z.array(CaseSummary), total: z.number().int() });
export const DashboardRow = z.object({
  townshipCode: z.string(),
  townshipName: z.string(),
  byState: z.record(z.string(), z.number().int()).describe('open cases by step'),
  open: z.number().int(),
  overdue: z.number().int(),
});
export const Dashboard = z.object({ date: z.string(), items: z.array(DashboardRow), totals: DashboardRow.omit({ townshipCode: true, townshipName: true }) });
export const DueReview = z.object({
  caseId: z.number().int(),
  caseNo: z.string(),
  program: Program,
  jurisdictionCode: z.string(),
  applicantName: z.string(),
  approvedFen: z.number().int().nullable(),
  nextReviewOn: z.string(),
  openReviewCaseId: z.number().int().nullable(),
});
export const OpenedReview = z.object({
  caseId: z.number().int(),
  reviewCaseId: z.number().int(),
  reviewCaseNo: z.string(),
  outcome: z.enum(REVIEW_OUTCOMES),
  currentFen: z.number().int().nullable(),
  proposedFen: z.number().int().nullable(),
  differenceFen: z.number().int().nullable().describe('proposed − current'),
});
export const MaterialsList = z.object({ items: z.array(z.object({ program: Program, category: z.enum(CATEGORIES).nullable(), materials: z.array(Material) })) });

export { CAUSE_KINDS, CAUSE_KIND_LABELS, type CauseKind } from '../policy/engine/cause-kinds.ts';
