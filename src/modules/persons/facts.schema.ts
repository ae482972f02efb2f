// Contracts of the registry facts that decide programs: supporters, parents' situations,
// unemployment-insurance facts, job referrals and employment. Browser-safe (zod only). A
// supporter's ID number comes back masked.
import { z } from 'zod';
import { bi } from '../../lib/bilingual.ts';
import { PersonName } from '../../lib/person-name.schema.ts';
import { LocalDate } from '../../lib/date.schema.ts';
import { IdNumberField } from '../../lib/id-number.schema.ts';
import { DISABILITY_CATEGORIES } from './persons.schema.ts';

/**
 * What the supporter is to the person (the person's child supports them: 'child'). 'none' records
 * that the person was found to have no legal supporter at all (then no other supporter row).
 */
export const SUPPORTER_RELATIONS = ['spouse', 'child', 'parent', 'grandchild', 'grandparent', 'sibling', 'other', 'none'] as const;
/** A supporter's dated situations; the 特困 rules judge "unable to support" from them. */
export const SUPPORTER_SITUATIONS = ['imprisoned', 'missing_declared', 'incompetent', 'tekun', 'dibao', 'serious_illness', 'lost_contact', 'dead'] as const;
export const PARENT_SITUATIONS = [
  'normal', 'dead', 'missing_declared', 'severe_disability', 'serious_illness', 'imprisoned', 'compulsory_rehab', 'restricted',
  'lost_contact', 'custody_revoked', 'deported',
] as const;
/** Situations whose duration counts (事实无人抚养: 失联 or detention for N months): a start date is required. */
export const DURATION_SITUATIONS = ['imprisoned', 'compulsory_rehab', 'restricted', 'lost_contact'] as const;
export const EVIDENCE_KINDS = [
  'death_certificate', 'court_judgment', 'prison_certificate', 'rehab_certificate', 'police_record', 'disability_certificate',
  'hospital_diagnosis', 'deportation_record', 'village_statement', 'other',
] as const;
export const SEPARATION_REASONS = ['involuntary', 'voluntary', 'employer_fault', 'refused_renewal'] as const;
export const JOB_EVENT_KINDS = ['referral_refused', 'referral_refused_justified', 'referral_accepted', 'employed'] as const;
export const PLACEMENT_KINDS = ['graduate', 'hard_to_employ', 'disabled_placement', 'other'] as const;

const Reason = z.string().trim().max(200).optional().describe('why it was recorded or changed; kept in the history and the audit log');
const Source = z.string().trim().max(100).optional().describe('where the fact comes from (入户调查, 信息核对 …)');
const Money = z.number().int(bi('whole fen', '须为整数（分）')).min(0, bi('must not be negative', '不能为负数')).max(100_000_000_00, bi('too large', '数额过大'));

export const SupporterSituation = z.object({
  kind: z.enum(SUPPORTER_SITUATIONS),
  since: LocalDate,
  until: LocalDate.optional(),
});

export const SupporterInput = z.object({
  relation: z.enum(SUPPORTER_RELATIONS).describe('what the supporter is to the person'),
  supporterPersonId: z.number().int().positive().optional().describe('the supporter as a registry person (their birth date, disability and death come from the registry)'),
  name: PersonName.optional().describe('an external supporter: name'),
  idNumber: IdNumberField.optional().describe('an external supporter: ID number, stored encrypted with a blind index'),
  birthDate: LocalDate.optional(),
  monthlyIncomeFen: Money.optional().describe('the supporter’s own income, 分 a month'),
  propertyWithinRule: z.boolean().optional().describe('property within the local low-income rule (checked)'),
  disabilityCategory: z.enum(DISABILITY_CATEGORIES).optional(),
  disabilityGrade: z.number().int().min(1).max(4).optional(),
  situations: z.array(SupporterSituation).max(20).default([]),
  reason: Reason,
  source: Source,
});
export type SupporterInput = z.input<typeof SupporterInput>;

export const ParentSituationInput = z.object({
  parent: z.enum(['father', 'mother']),
  parentPersonId: z.number().int().positive().optional(),
  situation: z.enum(PARENT_SITUATIONS),
  beganOn: LocalDate.optional().describe('the day the situation began (required for 失联 and detention)'),
  endedOn: LocalDate.optional(),
  evidenceKind: z.enum(EVIDENCE_KINDS),
  disabilityCategory: z.enum(DISABILITY_CATEGORIES).optional(),
  disabilityGrade: z.number().int().min(1).max(4).optional(),
  reason: Reason,
  source: Source,
});
export type ParentSituationInput = z.input<typeof ParentSituationInput>;

export const UnemploymentInput = z.object({
  contributionMonths: z.number().int(bi('whole months', '须为整月数')).min(0, bi('must not be negative', '不能为负数')).max(600, bi('at most 600 months (50 years)', '缴费月数不能超过 600 个月（50 年）')),
  lastEmployer: z.string().trim().max(100).optional(),
  separationOn: LocalDate.describe('the day the labour relation ended'),
  separationReason: z.enum(SEPARATION_REASONS),
  registeredOn: LocalDate.optional().describe('unemployment registration (失业登记)'),
  unusedMonths: z.number().int().min(0).max(24, bi('at most 24 months', '不能超过 24 个月')).default(0).describe('months left unused from an earlier entitlement'),
  subsidyReceived: z.boolean().default(false).describe('失业补助金 received before (once only)'),
  reemployedOn: LocalDate.optional(),
  reason: Reason,
  source: Source,
});
export type UnemploymentInput = z.input<typeof UnemploymentInput>;

export const JobEventInput = z.object({
  kind: z.enum(JOB_EVENT_KINDS),
  onDate: LocalDate,
  employer: z.string().trim().max(100).optional(),
  placementKind: z.enum(PLACEMENT_KINDS).optional().describe('for employment: which 渐退期 applies'),
  reason: Reason,
  source: Source,
});
export type JobEventInput = z.input<typeof JobEventInput>;

export const RemoveFact = z.object({ reason: z.string().trim().min(4, bi('state a reason (at least 4 characters)', '请填写理由（至少 4 个字）')).max(200) });

const Recorded = {
  id: z.number().int(),
  personId: z.number().int(),
  revises: z.number().int().nullable(),
  recordedAt: z.string(),
  recordedBy: z.string(),
  retiredAt: z.string().nullable(),
  retiredBy: z.string().nullable(),
  reason: z.string().nullable(),
  source: z.string().nullable(),
};

export const Supporter = z.object({
  ...Recorded,
  relation: z.enum(SUPPORTER_RELATIONS),
  supporterPersonId: z.number().int().nullable(),
  name: z.string().nullable(),
  idNumberMasked: z.string().nullable(),
  birthDate: z.string().nullable(),
  monthlyIncomeFen: z.number().int().nullable(),
  propertyWithinRule: z.boolean().nullable(),
  disabilityCategory: z.string().nullable(),
  disabilityGrade: z.number().int().nullable(),
  situations: z.array(z.object({ kind: z.string(), since: z.string(), until: z.string().optional() })),
}).meta({ id: 'Supporter' });

export const ParentSituation = z.object({
  ...Recorded,
  parent: z.enum(['father', 'mother']),
  parentPersonId: z.number().int().nullable(),
  situation: z.enum(PARENT_SITUATIONS),
  beganOn: z.string().nullable(),
  endedOn: z.string().nullable(),
  evidenceKind: z.string(),
  disabilityCategory: z.string().nullable(),
  disabilityGrade: z.number().int().nullable(),
}).meta({ id: 'ParentSituation' });

export const Unemployment = z.object({
  ...Recorded,
  contributionMonths: z.number().int(),
  lastEmployer: z.string().nullable(),
  separationOn: z.string(),
  separationReason: z.enum(SEPARATION_REASONS),
  registeredOn: z.string().nullable(),
  unusedMonths: z.number().int(),
  subsidyReceived: z.boolean(),
  reemployedOn: z.string().nullable(),
}).meta({ id: 'UnemploymentFacts' });

export const JobEvent = z.object({
  ...Recorded,
  kind: z.enum(JOB_EVENT_KINDS),
  onDate: z.string(),
  employer: z.string().nullable(),
  placementKind: z.string().nullable(),
}).meta({ id: 'JobEvent' });

export const FactsQuery = z.object({
  asOf: LocalDate.optional().describe('the facts as recorded at the end of this day (default: now)'),
  retired: z.enum(['true', 'false']).default('false').describe('include removed and superseded rows (the full history)'),
});
export const FactParams = z.object({ id: z.coerce.number().int().positive(), factId: z.coerce.number().int().positive() });
