// Contracts of campaigns (专项行动 / 台账 / 逐人销号); browser-safe (zod only). ID numbers and
// phones only ever leave masked.
import { Int4IdParam, UserId } from '../../lib/row-id.ts';
import { z } from 'zod';
import { bi } from '../../lib/bilingual.ts';
import { LocalDate } from '../../lib/date.schema.ts';
import { CodeParam } from '../jurisdictions/jurisdictions.schema.ts';
import { SEXES } from '../persons/persons.schema.ts';

const ItemCode = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, bi('lower-case letters, digits and _ (starting with a letter)', '应为小写字母、数字或下划线，以字母开头'));

export const CAMPAIGN_STATUSES = ['active', 'closed'] as const;
export const TARGET_STATUSES = ['pending', 'revisit', 'closed'] as const;
export const QUESTION_KINDS = ['text', 'choice', 'yesno'] as const;
export type TargetStatus = (typeof TARGET_STATUSES)[number];

// ---------------------------------------------------------------------------------------------
// Checklist: the results a visit may end with (some close the target, some do not) and the
// questions asked at every visit.

export const ChecklistResultInput = z.object({
  code: ItemCode.optional().describe('stable code; given as r1, r2… when left out'),
  label: z.string().trim().min(1).max(40).describe('e.g. 已接种'),
  labelEn: z.string().trim().max(80).optional(),
  closes: z.boolean().describe('true: this result strikes the target off (销号); false: a re-visit is scheduled'),
});

export const ChecklistQuestionInput = z.object({
  code: ItemCode.optional().describe('stable code; given as q1, q2… when left out'),
  label: z.string().trim().min(1).max(60).describe('e.g. 就学情况'),
  labelEn: z.string().trim().max(120).optional(),
  kind: z.enum(QUESTION_KINDS),
  options: z.array(z.string().trim().min(1).max(40)).max(20).optional().describe('for kind = choice'),
  required: z.boolean().default(false),
});

export const ChecklistInput = z
  .object({
    results: z.array(ChecklistResultInput).min(1).max(20),
    questions: z.array(ChecklistQuestionInput).max(30).default([]),
  })
  .superRefine((c, ctx) => {
    if (!c.results.some((r) => r.closes)) {
      ctx.addIssue({ code: 'custom', path: ['results'], message: bi('at least one result must close the target', '至少要有一个可销号的走访结果') });
    }
    const seen = new Set<string>();
    c.results.forEach((r, i) => {
      const key = r.code ?? r.label;
      if (seen.has(key)) ctx.addIssue({ code: 'custom', path: ['results', i, 'label'], message: bi('results must differ', '走访结果不能重复') });
      seen.add(key);
    });
    const asked = new Set<string>();
    c.questions.forEach((q, i) => {
      const key = q.code ?? q.label;
      if (asked.has(key)) ctx.addIssue({ code: 'custom', path: ['questions', i, 'label'], message: bi('questions must differ', '走访问题不能重复') });
      asked.add(key);
      if (q.kind === 'choice' && new Set(q.options ?? []).size < 2) {
        ctx.addIssue({ code: 'custom', path: ['questions', i, 'options'], message: bi('a choice needs at least two different options', '选择题至少要有两个不同的选项') });
      }
    });
  });
export type ChecklistInput = z.input<typeof ChecklistInput>;

export const ChecklistResult = z.object({ code: z.string(), label: z.string(), labelEn: z.string(), closes: z.boolean() });
export const ChecklistQuestion = z.object({
  code: z.string(),
  label: z.string(),
  labelEn: z.string(),
  kind: z.enum(QUESTION_KINDS),
  options: z.array(z.string()),
  required: z.boolean(),
});
export const Checklist = z.object({ results: z.array(ChecklistResult), questions: z.array(ChecklistQuestion) }).meta({ id: 'CampaignChecklist' });
export type Checklist = z.infer<typeof Checklist>;

/** Ready-made checklists for the campaigns the field runs most (the wizard offers them). */
export const CHECKLIST_PRESETS: Record<'vaccination' | 'childVisit' | 'winterCheck', { name: string; nameEn: string; checklist: ChecklistInput }> = {
  vaccination: {
    name: '80 岁以上老年人疫苗接种',
    nameEn: 'Vaccination of residents aged 80+',
    checklist: {
      results: [
        { code: 'vaccinated', label: '已接种', labelEn: 'Vaccinated', closes: true },
        { code: 'not_eligible', label: '不符合接种条件', labelEn: 'Not eligible', closes: true },
        { code: 'refused', label: '拒绝接种', labelEn: 'Refused', closes: true },
        { code: 'unreachable', label: '联系不上', labelEn: 'Could not be reached', closes: false },
      ],
      questions: [
        { code: 'needs_transport', label: '需要专车接送', labelEn: 'Needs transport', kind: 'yesno', required: false },
        { code: 'reason', label: '未接种原因', labelEn: 'Reason not vaccinated', kind: 'text', required: false },
      ],
    },
  },
  childVisit: {
    name: '困境儿童入户走访',
    nameEn: 'Home visits to children in difficulty',
    checklist: {
      results: [
        { code: 'visited', label: '已走访', labelEn: 'Visited', closes: true },
        { code: 'moved_away', label: '已迁出或不在本地', labelEn: 'Moved away', closes: true },
        { code: 'not_home', label: '未见到本人', labelEn: 'Not at home', closes: false },
      ],
      questions: [
        { code: 'living', label: '生活状况', labelEn: 'Living conditions', kind: 'choice', options: ['良好', '一般', '困难'], required: true },
        { code: 'school', label: '就学情况', labelEn: 'School', kind: 'choice', options: ['在校', '辍学', '未到学龄', '其他'], required: true },
        { code: 'guardian', label: '监护情况', labelEn: 'Guardian', kind: 'text', required: true },
        { code: 'needs', label: '主要需求', labelEn: 'Needs', kind: 'text', required: false },
      ],
    },
  },
  winterCheck: {
    name: '独居老人冬季安全走访',
    nameEn: 'Winter checks on elderly people living alone',
    checklist: {
      results: [
        { code: 'well', label: '已走访，情况良好', labelEn: 'Visited, well', closes: true },
        { code: 'needs_help', label: '已走访，需帮扶', labelEn: 'Visited, needs help', closes: true },
        { code: 'unreachable', label: '联系不上', labelEn: 'Could not be reached', closes: false },
      ],
      questions: [
        { code: 'heating', label: '取暖设施安全', labelEn: 'Heating is safe', kind: 'yesno', required: true },
        { code: 'health', label: '身体状况', labelEn: 'Health', kind: 'choice', options: ['良好', '一般', '较差'], required: true },
        { code: 'needs', label: '需求', labelEn: 'Needs', kind: 'text', required: false },
      ],
    },
  },
};

// ---------------------------------------------------------------------------------------------
// Target lists from the registry

export const TargetCriteria = z
  .object({
    under: CodeParam.optional().describe('only people living under this place (default: the whole campaign area)'),
    minAge: z.number().int().min(0).max(130).optional().describe('age on the campaign start date at least'),
    maxAge: z.number().int().min(0).max(130).optional().describe('age on the campaign start date at most'),
    tags: z.array(z.string().trim().min(1).max(50)).max(10).optional().describe('special-group tags (e.g. child_in_difficulty)'),
    tagMode: z.enum(['any', 'all']).default('any').describe('any: at least one of the tags; all: every tag'),
    sex: z.enum(SEXES).optional(),
  })
  .refine((c) => c.minAge === undefined || c.maxAge === undefined || c.minAge <= c.maxAge, {
    message: bi('the lower age must not exceed the upper age', '最小年龄不能大于最大年龄'),
    path: ['maxAge'],
  })
  .meta({ id: 'CampaignCriteria' });
export type TargetCriteria = z.input<typeof TargetCriteria>;

/** The criteria as stored and shown (no input transforms). */
export const CriteriaView = z.object({
  under: z.string().optional(),
  minAge: z.number().int().optional(),
  maxAge: z.number().int().optional(),
  tags: z.array(z.string()).optional(),
  tagMode: z.enum(['any', 'all']).optional(),
  sex: z.enum(SEXES).optional(),
});
export type CriteriaView = z.infer<typeof CriteriaView>;

export const CreateCampaignBody = z
  .object({
    name: z.string().trim().min(1).max(80),
    description: z.string().trim().max(500).optional(),
    jurisdictionCode: CodeParam.describe('the campaign area (scope of the target list)'),
    startsOn: LocalDate.describe('ages are computed as of this date'),
    endsOn: LocalDate,
    revisitDays: z.number().int().min(1).max(365).default(3).describe('a result that does not close schedules a re-visit this many days later'),
    checklist: ChecklistInput,
    criteria: TargetCriteria.optional().describe('build the target list from the registry now; leave out to import a list instead'),
  })
  .refine((b) => b.endsOn >= b.startsOn, { message: bi('the end date must not be before the start date', '结束日期不能早于开始日期'), path: ['endsOn'] });
export type CreateCampaignBody = z.input<typeof CreateCampaignBody>;

export const UpdateCampaignBody = z.object({
  name: z.string().trim().min(1).max(80).optional(),
  description: z.string().trim().max(500).nullable().optional(),
  endsOn: LocalDate.optional(),
  revisitDays: z.number().int().min(1).max(365).optional(),
  status: z.enum(CAMPAIGN_STATUSES).optional().describe('closed: no more visits'),
});
export type UpdateCampaignBody = z.input<typeof UpdateCampaignBody>;

export const PreviewBody = z.object({ jurisdictionCode: CodeParam, startsOn: LocalDate, criteria: TargetCriteria });
export type PreviewBody = z.input<typeof PreviewBody>;
export const PreviewResult = z.object({ count: z.number().int(), unassigned: z.number().int().describe('of them, in no grid with a grid worker') });

export const BuildBody = z.object({ criteria: TargetCriteria });
export const BuildResult = z.object({ added: z.number().int(), alreadyListed: z.number().int(), seconds: z.number() });

export const Counts = z.object({
  total: z.number().int(),
  closed: z.number().int(),
  revisit: z.number().int(),
  pending: z.number().int(),
  unassigned: z.number().int().describe('open targets without a responsible worker'),
  due: z.number().int().describe('re-visits due today or earlier'),
  percent: z.number().describe('closed / total × 100, one decimal'),
});
export type Counts = z.infer<typeof Counts>;

export const Campaign = z
  .object({
    id: z.number().int(),
    name: z.string(),
    description: z.string().nullable(),
    jurisdictionCode: z.string(),
    jurisdictionName: z.string().nullable(),
    startsOn: z.string(),
    endsOn: z.string(),
    revisitDays: z.number().int(),
    status: z.enum(CAMPAIGN_STATUSES),
    checklist: Checklist,
    criteria: CriteriaView.nullable(),
    createdBy: z.string(),
    createdAt: z.string(),
    canManage: z.boolean().describe('the caller may change this campaign (their area covers it)'),
    counts: Counts.describe('targets inside the caller’s jurisdiction'),
  })
  .meta({ id: 'Campaign' });
export type Campaign = z.infer<typeof Campaign>;

export const CampaignList = z.object({ items: z.array(Campaign), total: z.number().int() });
export const ListCampaignsQuery = z.object({
  q: z.string().trim().max(50).optional().describe('name contains'),
  status: z.enum(CAMPAIGN_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type ListCampaignsQuery = z.input<typeof ListCampaignsQuery>;

export const CampaignIdParams = z.object({ id: z.coerce.number().int().positive() });
export const TargetParams = CampaignIdParams.extend({ targetId: z.coerce.number().int().positive() });
export const VisitParams = TargetParams.extend({ visitId: z.coerce.number().int().positive() });

// ---------------------------------------------------------------------------------------------
// The ledger

export const Assignee = z.object({ id: z.number().int(), name: z.string(), jurisdictionCode: z.string() });

export const Target = z
  .object({
    id: z.number().int(),
    campaignId: z.number().int(),
    personId: z.number().int(),
    name: z.string(),
    sex: z.enum(SEXES).nullable(),
    age: z.number().int().nullable().describe('on the campaign start date'),
    idNumberMasked: z.string().nullable(),
    phoneMasked: z.string().nullable(),
    address: z.string().nullable(),
    tags: z.array(z.string()),
    jurisdictionCode: z.string(),
    jurisdictionName: z.string().nullable(),
    assignee: Assignee.nullable().describe('null: no grid worker for this place (未分配)'),
    status: z.enum(TARGET_STATUSES),
    visitCount: z.number().int(),
    lastVisitOn: z.string().nullable(),
    lastResult: z.string().nullable(),
    revisitOn: z.string().nullable(),
    due: z.boolean().describe('a re-visit is due today or earlier'),
    closedOn: z.string().nullable(),
  })
  .meta({ id: 'CampaignTarget' });
export type Target = z.infer<typeof Target>;

export const TargetList = z.object({ items: z.array(Target), total: z.number().int() });

const AssigneeFilter = z.union([z.literal('none'), z.literal('me'), Int4IdParam]);
export const TargetFilter = z.object({
  status: z.enum([...TARGET_STATUSES, 'due', 'open']).optional().describe('open = pending or revisit; due = re-visit due today or earlier'),
  under: CodeParam.optional(),
  assignee: AssigneeFilter.optional().describe("a user id, 'me', or 'none' (unassigned)"),
  q: z.string().trim().max(30).optional().describe('name or pinyin initials starts with'),
});
export const ListTargetsQuery = TargetFilter.extend({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type ListTargetsQuery = z.input<typeof ListTargetsQuery>;
export type TargetFilter = z.output<typeof TargetFilter>;

export const ExportQuery = TargetFilter.extend({ reveal: z.enum(['true', 'false']).default('false') });

export const Visit = z
  .object({
    id: z.number().int(),
    visitedOn: z.string(),
    result: z.string(),
    closes: z.boolean(),
    answers: z.record(z.string(), z.union([z.string(), z.boolean()])),
    notes: z.string().nullable(),
    location: z.string().nullable(),
    latitude: z.number().nullable(),
    longitude: z.number().nullable(),
    hasPhoto: z.boolean(),
    visitorName: z.string(),
    createdAt: z.string(),
  })
  .meta({ id: 'CampaignVisit' });
export type Visit = z.infer<typeof Visit>;

export const TargetDetail = Target.extend({ visits: z.array(Visit) }).meta({ id: 'CampaignTargetDetail' });
export type TargetDetail = z.infer<typeof TargetDetail>;

export const VisitBody = z.object({
  visitedOn: LocalDate,
  result: z.string().min(1).max(40).describe('a result code of the checklist'),
  answers: z.record(z.string().max(40), z.union([z.string().trim().max(500), z.boolean()])).default({}),
  notes: z.string().trim().max(1000).optional(),
  location: z.string().trim().max(200).optional(),
  latitude: z.number().min(-90).max(90).optional(),
  longitude: z.number().min(-180).max(180).optional(),
});
export type VisitBody = z.input<typeof VisitBody>;
export const VisitResult = z.object({ visit: Visit, target: Target });

export const AssignBody = z.object({ assigneeUserId: UserId.nullable().describe('null: unassign') });
export const AutoAssignBody = z.object({ under: CodeParam.optional() });
export const AutoAssignResult = z.object({ assigned: z.number().int(), stillUnassigned: z.number().int() });

export const Worker = Assignee.extend({ roles: z.array(z.string()), open: z.number().int().describe('open targets assigned in this campaign') });
export const WorkerList = z.object({ items: z.array(Worker) });

// ---------------------------------------------------------------------------------------------
// Progress by jurisdiction, rolled up grid → community → township → county

export const ProgressRow = Counts.extend({
  code: z.string(),
  name: z.string().nullable(),
  level: z.string(),
  parentCode: z.string().nullable(),
}).meta({ id: 'CampaignProgressRow' });
export type ProgressRow = z.infer<typeof ProgressRow>;
export const Progress = z.object({ asOf: z.string(), root: ProgressRow, rows: z.array(ProgressRow).describe('every place from the root down to the grids, root first, then by code') });
export type Progress = z.infer<typeof Progress>;

// ---------------------------------------------------------------------------------------------
// Import of a target list from a spreadsheet

export const ImportQuery = z.object({
  fileName: z.string().trim().min(1).max(200),
  dryRun: z.enum(['true', 'false']).default('false').describe('true: match and report, add nothing'),
});
export const IMPORT_OUTCOMES = ['listed', 'unmatched', 'duplicate'] as const;
export const ImportRow = z.object({
  rowNumber: z.number().int(),
  name: z.string().nullable(),
  idNumberMasked: z.string().nullable(),
  outcome: z.enum(IMPORT_OUTCOMES).describe('listed (already on the list); unmatched; duplicate (the same person as an earlier row)'),
  message: z.string().nullable(),
  messageZh: z.string().nullable(),
});
export const ImportReport = z
  .object({
    fileName: z.string(),
    dryRun: z.boolean(),
    total: z.number().int(),
    matched: z.number().int().describe('rows matched to a person of the registry (added + listed)'),
    added: z.number().int(),
    listed: z.number().int(),
    unmatched: z.number().int(),
    duplicate: z.number().int(),
    rows: z.array(ImportRow).describe('every row that was not added, with the reason (at most 5000)'),
    rowsCapped: z.boolean(),
  })
  .meta({ id: 'CampaignImportReport' });
export type ImportReport = z.infer<typeof ImportReport>;

/** A list import runs in the background: the upload answers 202 with this, GET statusUrl until it ends. */
export const CampaignImportJob = z
  .object({
    id: z.number().int(),
    campaignId: z.number().int(),
    fileName: z.string(),
    dryRun: z.boolean(),
    status: z.enum(['running', 'done', 'failed']),
    progress: z.object({ done: z.number().int().describe('rows read so far'), total: z.number().int().describe('all rows once known, else 0') }).nullable(),
    report: ImportReport.nullable().describe('when done'),
    failure: z.object({ error: z.string(), message: z.string(), messageZh: z.string() }).nullable().describe('when failed: why (a file beyond a limit, a missing column…)'),
    statusUrl: z.string().describe('where to read this'),
    createdAt: z.string(),
  })
  .meta({ id: 'CampaignImportJob' });
export type CampaignImportJob = z.infer<typeof CampaignImportJob>;
export const CampaignImportParams = z.object({ id: z.coerce.number().int().positive(), importId: z.coerce.number().int().positive() });

export const DueRevisitsQuery = z.object({
  mine: z.enum(['true', 'false']).default('false').describe('only targets assigned to me'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export const DueRevisit = Target.extend({ campaignName: z.string() });
export const DueRevisitList = z.object({ items: z.array(DueRevisit), total: z.number().int() });
