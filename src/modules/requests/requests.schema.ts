// Contracts of help requests (急难愁盼): intake from every channel, routing, the handling steps,
// resident council meetings, categories and routing rules, and the public face. Browser-safe
// (zod only): the web imports these. Instants are ISO strings; phones come back masked.
import { Int4IdParam, UserId } from '../../lib/row-id.ts';
import { CAUSE_KINDS } from '../policy/engine/cause-kinds.ts';
import { z } from 'zod';
import { bi } from '../../lib/bilingual.ts';
import { PersonName, personName } from '../../lib/person-name.schema.ts';
import { LocalDate } from '../../lib/date.schema.ts';
import { CodeParam } from '../jurisdictions/jurisdictions.schema.ts';
import { Phone } from '../persons/persons.schema.ts';

export const STATES = ['new', 'assigned', 'in_progress', 'returned', 'transferred', 'resolved', 'visited', 'merged'] as const;
export const OPEN_STATES = ['new', 'assigned', 'in_progress', 'returned', 'transferred'] as const;
export type RequestState = (typeof STATES)[number];
export const CHANNELS = ['hotline_card', 'patrol', 'council', 'walk_in', 'public_web', 'open311'] as const;
export type Channel = (typeof CHANNELS)[number];
/** Channels staff record through POST /requests (council items come with their meeting). */
export const STAFF_CHANNELS = ['hotline_card', 'patrol', 'walk_in'] as const;
export const HANDLER_LEVELS = ['grid', 'village', 'township', 'county'] as const;
export type HandlerLevel = (typeof HANDLER_LEVELS)[number];
/** Requests of the same person, or place and category, this many days apart are suggested as duplicates. */
export const DUPLICATE_WINDOW_DAYS = 7;

export const STATE_LABELS: Record<RequestState, { zh: string; en: string }> = {
  new: { zh: '新建', en: 'New' },
  assigned: { zh: '已派单', en: 'Assigned' },
  in_progress: { zh: '处理中', en: 'In progress' },
  returned: { zh: '退回重办', en: 'Returned' },
  transferred: { zh: '已转办', en: 'Transferred' },
  resolved: { zh: '已办结', en: 'Resolved' },
  visited: { zh: '已回访', en: 'Followed up' },
  merged: { zh: '已合并', en: 'Merged' },
};
export const CHANNEL_LABELS: Record<Channel, { zh: string; en: string }> = {
  hotline_card: { zh: '连心卡来电', en: 'Heart-link card call' },
  patrol: { zh: '网格巡查', en: 'Grid patrol' },
  council: { zh: '居民议事会', en: 'Resident council' },
  walk_in: { zh: '窗口来访', en: 'Walk-in' },
  public_web: { zh: '网上提交', en: 'Web / mobile form' },
  open311: { zh: '12345 等系统', en: 'Open311 (12345)' },
};

const Id = z.number().int().positive();
const Instant = z.string().describe('ISO 8601 instant');
const Note = z.string().trim().min(2, bi('write a note (at least 2 characters)', '请填写说明（至少 2 个字）')).max(2000);
const Reason = z.string().trim().min(2, bi('state the reason (at least 2 characters)', '请写明理由（至少 2 个字）')).max(500);
const Description = z.string().trim().min(2, bi('describe the matter (at least 2 characters)', '请描述诉求（至少 2 个字）')).max(2000);
const CategoryCode = z.string().trim().regex(/^[a-z][a-z0-9_]{1,39}$/, bi('a code of lower-case letters, digits and _', '编码须为小写字母、数字或下划线'));
const Lat = z.number().min(-90).max(90);
const Long = z.number().min(-180).max(180);

export const RequestIdParams = z.object({ id: z.coerce.number().int().positive() });
export const AttachmentParams = RequestIdParams.extend({ attachmentId: z.coerce.number().int().positive() });
export const TrackingParams = z.object({ trackingCode: z.string().trim().toUpperCase().regex(/^[A-Z0-9-]{4,12}$/, bi('a tracking code like K7M3-Q9XP', '查询码格式如 K7M3-Q9XP')) });

// ── intake ──
export const CreateRequestBody = z
  .object({
    channel: z.enum(STAFF_CHANNELS).describe('连心卡来电 / 网格巡查 / 窗口来访'),
    categoryCode: CategoryCode,
    description: Description,
    personId: Id.optional().describe('the caller or the person concerned (found by 连心卡 number or phone)'),
    jurisdictionCode: CodeParam.optional().describe('where the matter is; default the person’s place (required without a person)'),
    address: z.string().trim().max(200).optional(),
    lat: Lat.optional(),
    long: Long.optional(),
    contactName: personName(50, { allowEmpty: true }).optional(),
    contactPhone: Phone.optional().describe('stored encrypted; shown masked'),
    department: z.string().trim().max(100).optional().describe('the responsible department or person named on the spot'),
    assigneeUserId: UserId.optional().describe('hand it to this user at once instead of routing'),
  })
  .refine((b) => b.personId !== undefined || b.jurisdictionCode !== undefined, {
    path: ['jurisdictionCode'],
    message: bi('give the place (or the person concerned)', '请选择诉求所在地（或关联人员）'),
  });
export type CreateRequestBody = z.output<typeof CreateRequestBody>;

export const AssignBody = z.object({ userId: UserId, note: z.string().trim().max(500).optional() });
export const NoteBody = z.object({ note: Note });
export const OptionalNoteBody = z.object({ note: z.string().trim().max(2000).optional() });
export const ResolveBody = z.object({ note: Note.describe('what was done (shown to the caller as the answer)') });
export const FollowUpBody = z.object({
  satisfaction: z.number().int().min(1).max(5).describe('1 very dissatisfied … 5 very satisfied'),
  comment: z.string().trim().max(500).optional(),
  solved: z.boolean().describe('false: not solved, returned for rework (退回重办)'),
});
export type FollowUpBody = z.output<typeof FollowUpBody>;

export const TransferTarget = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('user'), userId: UserId }).describe('a user whose area covers the place'),
  z.object({ kind: z.literal('department'), department: z.string().trim().min(2).max(100), level: z.enum(HANDLER_LEVELS).optional().describe('default: the level holding it now') }),
  z.object({ kind: z.literal('up') }).describe('one level up the jurisdiction tree'),
  z.object({ kind: z.literal('place'), jurisdictionCode: CodeParam }).describe('it belongs elsewhere: move it and route again'),
]);
export type TransferTarget = z.output<typeof TransferTarget>;
export const TransferBody = z.object({ target: TransferTarget, reason: Reason });
export type TransferBody = z.output<typeof TransferBody>;

export const MergeBody = z.object({ intoId: Id.describe('the request that is kept'), reason: Reason });
export const RevealContactBody = z.object({ reason: z.string().trim().min(4, bi('state a reason (at least 4 characters)', '请填写理由（至少 4 个字）')).max(200) });
export const OpenCaseBody = z.object({
  program: z.enum(['dibao', 'tekun', 'temporary', 'fcu']),
  householdId: Id.optional(),
  beneficiaryPersonId: Id.optional(),
  category: z.enum(['emergency', 'expenditure']).optional().describe('临时救助: 急难型 / 支出型'),
  causeKind: z.enum(CAUSE_KINDS).optional().describe('临时救助: what happened'),
  causeEventOn: LocalDate.optional().describe('临时救助: the day it happened'),
  causeReference: z.string().trim().min(2).max(60).optional().describe('临时救助: an official reference of the event'),
  cause: z.string().trim().min(2).max(200).optional().describe('临时救助: the cause as described'),
  requestedFen: z.number().int().min(0).max(1e12).optional(),
});
export type OpenCaseBody = z.output<typeof OpenCaseBody>;

// ── lists and detail ──
export const ListRequestsQuery = z.object({
  status: z.enum(['open', 'resolved', 'closed', 'all']).default('open').describe('open: not yet resolved (deadline order); resolved: awaiting follow-up; closed: followed up or merged'),
  state: z.enum(STATES).optional(),
  category: z.string().max(40).optional(),
  channel: z.enum(CHANNELS).optional(),
  under: CodeParam.optional(),
  overdue: z.enum(['true', 'false']).optional(),
  mine: z.enum(['true', 'false']).optional().describe('assigned to me'),
  councilMeetingId: z.coerce.number().int().positive().optional(),
  q: z.string().trim().max(50).optional().describe('tracking code (exact) or words of the description'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(10_000).default(0),
});
export type ListRequestsQuery = z.input<typeof ListRequestsQuery>;

const UserRef = z.object({ id: z.number().int(), displayName: z.string() });

export const RequestSummary = z
  .object({
    id: z.number().int(),
    trackingCode: z.string(),
    channel: z.enum(CHANNELS),
    categoryCode: z.string(),
    categoryName: z.string(),
    state: z.enum(STATES),
    description: z.string(),
    personName: z.string().nullable(),
    contactName: z.string().nullable(),
    jurisdictionCode: z.string(),
    jurisdictionName: z.string().nullable(),
    address: z.string().nullable(),
    handlerCode: z.string(),
    department: z.string().nullable(),
    assignee: UserRef.nullable(),
    dueAt: Instant.nullable(),
    overdue: z.boolean(),
    escalationLevel: z.number().int(),
    createdAt: Instant,
    updatedAt: Instant,
  })
  .meta({ id: 'HelpRequestSummary' });
export type RequestSummary = z.infer<typeof RequestSummary>;

export const RequestList = z.object({
  items: z.array(RequestSummary),
  total: z.number().int().describe('matches, counted up to 1000'),
  totalCapped: z.boolean(),
});
export type RequestList = z.infer<typeof RequestList>;

export const RequestEvent = z.object({
  id: z.number().int(),
  requestId: z.number().int().describe('differs from the request’s id for events of a request merged into it'),
  at: Instant,
  actorName: z.string(),
  action: z.string(),
  fromState: z.string().nullable(),
  toState: z.string().nullable(),
  note: z.string().nullable(),
  data: z.record(z.string(), z.unknown()).nullable(),
});
export type RequestEvent = z.infer<typeof RequestEvent>;

export const DuplicateSuggestion = z.object({
  id: z.number().int(),
  trackingCode: z.string(),
  state: z.enum(STATES),
  description: z.string(),
  createdAt: Instant,
  reason: z.enum(['same_person', 'same_place', 'nearby']),
});

export const RequestDetail = RequestSummary.extend({
  person: z.object({ id: z.number().int(), name: z.string(), phoneMasked: z.string().nullable(), contactCardNo: z.string().nullable() }).nullable(),
  lat: z.number().nullable(),
  long: z.number().nullable(),
  contactPhoneMasked: z.string().nullable(),
  mediaUrl: z.string().nullable(),
  handlerName: z.string().nullable(),
  handlerRole: z.string().nullable(),
  councilMeetingId: z.number().int().nullable(),
  caseId: z.number().int().nullable(),
  mergedInto: z.object({ id: z.number().int(), trackingCode: z.string() }).nullable(),
  merged: z.array(z.object({ id: z.number().int(), trackingCode: z.string() })),
  responseDueAt: Instant,
  resolutionDueAt: Instant,
  nextEscalationAt: Instant.nullable(),
  respondedAt: Instant.nullable(),
  resolvedAt: Instant.nullable(),
  closedAt: Instant.nullable(),
  resolutionNote: z.string().nullable(),
  satisfaction: z.number().int().nullable(),
  satisfactionComment: z.string().nullable(),
  visitedAt: Instant.nullable(),
  submittedBy: z.string(),
  version: z.number().int(),
  events: z.array(RequestEvent),
  followers: z.array(z.object({ id: z.number().int(), name: z.string().nullable(), phoneMasked: z.string().nullable(), personId: z.number().int().nullable(), sourceTrackingCode: z.string().nullable(), addedAt: Instant })),
  attachments: z.array(z.object({ id: z.number().int(), requestId: z.number().int(), fileName: z.string(), mimeType: z.string(), sizeBytes: z.number().int(), createdAt: Instant })),
  duplicates: z.array(DuplicateSuggestion),
}).meta({ id: 'HelpRequest' });
export type RequestDetail = z.infer<typeof RequestDetail>;

export const RequestFigures = z.object({
  open: z.number().int(),
  overdue: z.number().int(),
  escalated: z.number().int(),
  awaitingFollowUp: z.number().int(),
  byState: z.record(z.string(), z.number().int()).describe('open states and resolved; closed ones are not counted'),
});

// ── 连心卡 caller lookup and assignees ──
export const CallerQuery = z.object({
  cardNo: z.string().trim().max(30).optional().describe('连心卡 number'),
  phone: z.string().trim().max(20).optional().describe('phone, exact'),
});
export const CallerList = z.object({
  items: z.array(
    z.object({
      id: z.number().int(),
      name: z.string(),
      age: z.number().int().nullable(),
      phoneMasked: z.string().nullable(),
      contactCardNo: z.string().nullable(),
      jurisdictionCode: z.string(),
      jurisdictionName: z.string().nullable(),
      address: z.string().nullable(),
      tags: z.array(z.string()),
      gridWorkers: z.array(UserRef),
      openRequests: z.number().int(),
    }),
  ),
});
export type CallerList = z.infer<typeof CallerList>;
export const AssigneesQuery = z.object({ jurisdictionCode: CodeParam.optional().describe('users who can handle a request there; default your own area') });
export const AssigneeList = z.object({ items: z.array(UserRef.extend({ jurisdictionCode: z.string(), jurisdictionName: z.string().nullable(), roles: z.array(z.string()), openAssigned: z.number().int() })) });
export type AssigneeList = z.infer<typeof AssigneeList>;

// ── categories and routing rules ──
export const Category = z
  .object({
    code: z.string(),
    nameZh: z.string(),
    nameEn: z.string(),
    descriptionZh: z.string().nullable(),
    responseHours: z.number().int(),
    resolutionHours: z.number().int(),
    active: z.boolean(),
    sortOrder: z.number().int(),
  })
  .meta({ id: 'RequestCategory' });
export type Category = z.infer<typeof Category>;
export const CategoryList = z.object({ items: z.array(Category) });
export const CategoryParams = z.object({ code: CategoryCode });
export const CategoryBody = z
  .object({
    nameZh: z.string().trim().min(1).max(30),
    nameEn: z.string().trim().min(1).max(60),
    descriptionZh: z.string().trim().max(200).nullable().optional(),
    responseHours: z.number().int().min(1).max(24 * 30).describe('hours to a first response'),
    resolutionHours: z.number().int().min(1).max(24 * 365).describe('hours to resolution'),
    active: z.boolean().default(true),
    sortOrder: z.number().int().min(0).max(1000).default(0),
  })
  .refine((b) => b.resolutionHours >= b.responseHours, { path: ['resolutionHours'], message: bi('cannot be shorter than the response time', '办结时限不能短于响应时限') });
export type CategoryBody = z.output<typeof CategoryBody>;

export const RoutingRule = z.object({
  id: z.number().int(),
  categoryCode: z.string().nullable().describe('null: every category'),
  jurisdictionCode: z.string().nullable().describe('null: everywhere'),
  jurisdictionName: z.string().nullable(),
  handlerLevel: z.enum(HANDLER_LEVELS),
  handlerRole: z.string().nullable(),
  department: z.string().nullable(),
  updatedBy: z.string(),
  updatedAt: Instant,
});
export type RoutingRule = z.infer<typeof RoutingRule>;
export const RoutingRuleList = z.object({ items: z.array(RoutingRule), defaultRule: z.object({ handlerLevel: z.enum(HANDLER_LEVELS), handlerRole: z.string(), department: z.string().nullable() }) });
export const RoutingRuleBody = z
  .object({
    categoryCode: CategoryCode.nullable().default(null),
    jurisdictionCode: CodeParam.nullable().default(null),
    handlerLevel: z.enum(HANDLER_LEVELS),
    handlerRole: z.enum(['grid_worker', 'social_worker', 'township_reviewer', 'county_approver', 'service_point_staff']).nullable().default(null),
    department: z.string().trim().min(2).max(100).nullable().default(null),
  })
  .refine((b) => b.handlerRole !== null || b.department !== null, { path: ['department'], message: bi('name a role or a department', '请指定负责角色或部门') });
export type RoutingRuleBody = z.output<typeof RoutingRuleBody>;
export const RoutingRuleParams = z.object({ id: Int4IdParam });

// ── resident council meetings (民意直通车) ──
const Attendee = z.object({ name: PersonName, role: z.string().trim().max(50).optional().describe('居民 / 社区书记 / 业委会 / 物业 …') });
export const CouncilItemInput = z.object({
  categoryCode: CategoryCode,
  description: Description,
  address: z.string().trim().max(200).optional(),
  ownerName: personName(100, { allowEmpty: true }).optional().describe('the person responsible, named on the spot (e.g. 物业经理)'),
  ownerUserId: UserId.optional().describe('or a user of the system who takes it'),
});
export type CouncilItemInput = z.output<typeof CouncilItemInput>;
export const CreateMeetingBody = z.object({
  jurisdictionCode: CodeParam.describe('the community (or grid) that met'),
  heldOn: LocalDate,
  title: z.string().trim().min(2).max(100),
  place: z.string().trim().max(100).optional(),
  attendees: z.array(Attendee).min(1, bi('list who attended', '请填写参会人员')).max(100),
  notes: z.string().trim().max(5000).optional(),
  items: z.array(CouncilItemInput).max(100).default([]),
});
export type CreateMeetingBody = z.output<typeof CreateMeetingBody>;
export const AddItemsBody = z.object({ items: z.array(CouncilItemInput).min(1).max(100) });
export const MeetingIdParams = z.object({ id: z.coerce.number().int().positive() });
export const ListMeetingsQuery = z.object({
  under: CodeParam.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export const MeetingSummary = z.object({
  id: z.number().int(),
  jurisdictionCode: z.string(),
  jurisdictionName: z.string().nullable(),
  heldOn: z.string(),
  title: z.string(),
  place: z.string().nullable(),
  items: z.number().int(),
  resolved: z.number().int().describe('items resolved or followed up'),
  createdAt: Instant,
});
export const MeetingList = z.object({ items: z.array(MeetingSummary), total: z.number().int() });
export const MeetingReport = MeetingSummary.extend({
  attendees: z.array(z.object({ name: z.string(), role: z.string().optional() })),
  notes: z.string().nullable(),
  items: z.number().int(),
  figures: z.object({ total: z.number().int(), open: z.number().int(), overdue: z.number().int(), resolved: z.number().int(), visited: z.number().int() }),
  itemList: z.array(RequestSummary.extend({ resolutionNote: z.string().nullable(), resolvedAt: Instant.nullable(), satisfaction: z.number().int().nullable() })),
}).meta({ id: 'CouncilMeetingReport' });
export type MeetingReport = z.infer<typeof MeetingReport>;

// ── public face (no login; nothing personal comes back) ──
export const PublicSubmitBody = z.object({
  categoryCode: CategoryCode,
  description: Description,
  jurisdictionCode: CodeParam.describe('as deep as the resident knows it: county, street, community or grid'),
  address: z.string().trim().max(200).optional(),
  lat: Lat.optional(),
  long: Long.optional(),
  contactName: personName(50, { allowEmpty: true }).optional(),
  contactPhone: Phone.optional().describe('optional; only staff see it'),
});
export type PublicSubmitBody = z.output<typeof PublicSubmitBody>;

export const PublicStatus = z.object({
  trackingCode: z.string(),
  categoryName: z.string(),
  categoryNameEn: z.string(),
  state: z.enum(STATES),
  submittedAt: Instant,
  updatedAt: Instant,
  expectedBy: Instant.nullable(),
  handledBy: z.string().nullable().describe('the unit holding it (street or community), never a person'),
  answered: z.boolean().describe('the result was given'),
  mergedInto: z.string().nullable().describe('tracking code of the request it was merged into'),
  steps: z.array(z.object({ at: Instant, state: z.enum(STATES) })),
});
export type PublicStatus = z.infer<typeof PublicStatus>;
export const PublicCategoryList = z.object({ items: z.array(z.object({ code: z.string(), nameZh: z.string(), nameEn: z.string(), descriptionZh: z.string().nullable(), resolutionHours: z.number().int() })) });
export const PublicPlacesQuery = z.object({ parent: CodeParam.optional().describe('children of this place; omit for the counties') });
export const PublicPlaceList = z.object({ items: z.array(z.object({ code: z.string(), name: z.string(), level: z.string(), hasChildren: z.boolean() })) });
