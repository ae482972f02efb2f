// Contracts of the policy API: programs, parameters (resolved and dated entries), eligibility
// of a household with explanations, the public self-check, and screening runs. Browser-safe.
import { z } from 'zod';
import { bi } from '../../lib/bilingual.ts';
import { LocalDate } from '../../lib/date.schema.ts';

const Text = z.object({ zh: z.string(), en: z.string() });
/** Dates in answers, as stored or computed: the input range is not re-checked on the way out. */
const DateOut = z.iso.date();
const JurisdictionPrefix = z.string().regex(/^(\d{2}|\d{4}|\d{6}|\d{9}|\d{12}|\d{15})?$/, bi('a division code (2–15 digits) or empty for national', '应为区划代码（2–15 位），全国为空'));

export const PROGRAM_IDS = ['tekun', 'dibao', 'dibao_edge', 'rigid_expense', 'fcu', 'temporary', 'unemployment_insurance', 'unemployment_subsidy', 'medical_aid'] as const;
export const ProgramIdSchema = z.enum(PROGRAM_IDS);
export const StatusSchema = z.enum(['eligible', 'ineligible', 'needs_information']);
export const SOURCE_TAGS = ['C', 'L', 'R', 'demo'] as const;

export const ProgramInfo = z.object({
  id: ProgramIdSchema,
  zh: z.string(),
  en: z.string(),
  basis: z.string(),
  level: z.enum(['household', 'person']),
  applyAt: Text,
});

export const Provenance = z.object({
  jurisdiction: z.string(),
  jurisdictionName: z.string(),
  from: DateOut,
  tag: z.enum(SOURCE_TAGS),
  source: z.string(),
});

export const ResolvedParameter = z.object({
  key: z.string(),
  zh: z.string(),
  en: z.string(),
  kind: z.string(),
  unit: z.string().nullable(),
  options: z.array(z.string()).nullable(),
  value: z.unknown(),
  display: Text,
  provenance: Provenance.nullable(),
});

export const ParametersQuery = z.object({
  jurisdiction: JurisdictionPrefix.optional().describe('default: the caller’s area'),
  date: LocalDate.optional().describe('default: today'),
});
export const ParametersResponse = z.object({
  jurisdiction: z.string(),
  jurisdictionName: z.string(),
  date: DateOut,
  parameters: z.array(ResolvedParameter),
  problems: z.array(z.object({ key: z.string(), message: z.string(), messageZh: z.string() })),
});

export const ParameterEntrySchema = z.object({
  id: z.number().int(),
  key: z.string(),
  jurisdiction: z.string(),
  jurisdictionName: z.string(),
  from: DateOut,
  value: z.unknown(),
  display: Text,
  tag: z.enum(SOURCE_TAGS),
  source: z.string(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
});
export const ParameterEntriesResponse = z.object({ items: z.array(ParameterEntrySchema) });

export const NewParameterEntry = z.object({
  key: z.string().min(1),
  jurisdiction: JurisdictionPrefix,
  from: LocalDate,
  value: z.unknown(),
  tag: z.enum(SOURCE_TAGS).default('L'),
  source: z.string().trim().min(2, bi('name the document or decision', '请注明文件或决定')).max(300),
});
export type NewParameterEntry = z.input<typeof NewParameterEntry>;

export const TraceCondition = z.object({
  id: z.string(),
  pass: z.boolean().nullable(),
  zh: z.string(),
  en: z.string(),
  basis: z.string().optional(),
  parameters: z.array(z.object({ key: z.string(), text: Text, provenance: Provenance.nullable() })),
});

export const DecisionView = z.object({
  program: ProgramIdSchema,
  zh: z.string(),
  en: z.string(),
  status: StatusSchema,
  amountFen: z.number().int().nullable(),
  period: z.enum(['monthly', 'once']).nullable(),
  durationMonths: z.number().int().nullable(),
  category: z.string().nullable(),
  missing: z.array(z.string()),
  nearMiss: z.boolean(),
  subject: z.number().int().nullable().describe('index into the members, for person-level programs'),
  subjectName: z.string().nullable(),
  summary: Text,
  basis: z.string(),
  applyAt: Text,
  trace: z.array(TraceCondition),
});
export type DecisionView = z.infer<typeof DecisionView>;

export const EligibilityQuery = z.object({ date: LocalDate.optional().describe('facts and parameters as of this date (default today)') });
export const EligibilityResponse = z.object({
  householdId: z.number().int(),
  date: DateOut,
  jurisdictionCode: z.string(),
  /** One application, sorted: 特困 → 低保 → 边缘 → 刚性支出, then the rest; eligible first. */
  decisions: z.array(DecisionView),
});

// ── public self-check ──
const Yuan = z.number().min(0).max(10_000_000).describe('元 (up to 2 decimals)');
export const SelfCheckMember = z.object({
  relationship: z.enum(['head', 'spouse', 'child', 'parent', 'grandparent', 'grandchild', 'sibling', 'other']),
  age: z.number().int().min(0).max(120),
  disability: z.enum(['none', 'visual', 'hearing', 'speech', 'physical', 'intellectual', 'mental', 'multiple']).default('none'),
  disabilityGrade: z.number().int().min(1).max(4).optional(),
  seriousIllness: z.boolean().default(false),
  fullTimeStudent: z.boolean().default(false),
  selfCareItemsFailed: z.number().int().min(0).max(6).optional(),
});
export const SelfCheckBody = z.object({
  countyCode: z.string().regex(/^\d{6}$/, bi('choose a county', '请选择区县')),
  area: z.enum(['urban', 'rural']),
  localHukou: z.boolean().default(true),
  members: z.array(SelfCheckMember).min(1, bi('at least one person', '至少一人')).max(12),
  monthlyIncomeYuan: Yuan.describe('the household’s monthly income, 元'),
  depositsYuan: Yuan.default(0),
  houses: z.number().int().min(0).max(20).default(1),
  vehicles: z.number().int().min(0).max(20).default(0),
  medicalAndEducationCostsLast12MonthsYuan: Yuan.default(0),
  emergency: z.enum(['none', 'fire', 'traffic_accident', 'other_accident', 'sudden_illness']).default('none'),
  unemployment: z.object({
    contributionMonths: z.number().int().min(0).max(600),
    separation: z.enum(['involuntary', 'voluntary', 'employer_fault', 'refused_renewal']),
    separationDate: LocalDate,
    registered: z.boolean(),
  }).optional(),
});
export type SelfCheckBody = z.input<typeof SelfCheckBody>;

export const SelfCheckResult = z.object({
  program: ProgramIdSchema,
  zh: z.string(),
  en: z.string(),
  status: StatusSchema,
  amountFen: z.number().int().nullable(),
  period: z.enum(['monthly', 'once']).nullable(),
  summary: Text,
  reasons: z.array(Text),
  applyAt: Text,
});
export const SelfCheckResponse = z.object({
  date: DateOut,
  countyName: z.string(),
  results: z.array(SelfCheckResult),
  notice: Text,
});

export const PublicPlace = z.object({ code: z.string(), name: z.string(), parentName: z.string() });
export const PublicPlacesResponse = z.object({ items: z.array(PublicPlace) });

// ── screening ──
export const ScreeningRun = z.object({
  id: z.number().int(),
  programs: z.array(z.string()),
  jurisdictionCode: z.string(),
  date: DateOut,
  status: z.enum(['running', 'done', 'failed']),
  householdsTotal: z.number().int().nullable(),
  householdsDone: z.number().int(),
  eligibleCount: z.number().int(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  startedBy: z.string().nullable(),
});
export const ScreeningRunsResponse = z.object({ items: z.array(ScreeningRun) });
export const ScreeningResultsQuery = z.object({
  program: ProgramIdSchema.optional(),
  status: StatusSchema.optional(),
  nearMiss: z.coerce.boolean().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export const ScreeningResult = z.object({
  householdId: z.number().int(),
  jurisdictionCode: z.string(),
  headName: z.string().nullable(),
  program: ProgramIdSchema,
  status: StatusSchema,
  amountFen: z.number().int().nullable(),
  category: z.string().nullable(),
  nearMiss: z.boolean(),
});
export const ScreeningResultsResponse = z.object({ total: z.number().int(), items: z.array(ScreeningResult) });
