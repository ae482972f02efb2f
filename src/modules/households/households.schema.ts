// Contracts of households (户): members with relationships and the flags that decide who counts
// as 共同生活的家庭成员, income by type and month, assets, rigid expenditures, a bank account.
// Money is integer 分. Browser-safe.
import { z } from 'zod';
import { bi } from '../../lib/bilingual.ts';
import { personName } from '../../lib/person-name.schema.ts';
import { LocalDate, YearMonth as Month } from '../../lib/date.schema.ts';
import { CodeParam } from '../jurisdictions/jurisdictions.schema.ts';

export const RELATIONSHIPS = ['head', 'spouse', 'child', 'parent', 'grandparent', 'grandchild', 'sibling', 'other'] as const;
export const INCOME_TYPES = ['wage', 'business', 'property', 'transfer'] as const;
/** Income kinds policy may exclude (优待抚恤金, 计划生育奖励扶助金, scholarships, 见义勇为, assistance, basic pension…). */
export const INCOME_SUBTYPES = [
  'salary', 'flexible_work', 'farming', 'business_net', 'rent', 'interest', 'pension_basic', 'pension_employee',
  'preferential_care', 'family_planning_award', 'scholarship', 'heroic_deed_award', 'government_assistance',
  'alimony_support', 'other',
] as const;
export const ASSET_KINDS = ['deposit', 'house', 'vehicle', 'business', 'securities', 'other'] as const;
export const EXPENSE_KINDS = ['medical', 'education', 'rehabilitation', 'other'] as const;

const Fen = z.number().int().min(0).max(1e13).describe('money in 分 (integer)');
/** Dates as stored, in answers: not re-checked against the input range (older rows may lie outside it). */
const StoredDate = z.string();

/** Facts that decide whether a member counts as 共同生活的家庭成员 (the policy engine decides). */
export const MemberFlags = z.object({
  livingTogether: z.boolean().default(true),
  fullTimeStudent: z.boolean().default(false),
  servingSentence: z.boolean().default(false),
  clergyLivingApartSince: LocalDate.nullable().default(null),
  ableToLiveIndependently: z.boolean().nullable().default(null).describe('for adult children'),
  legalSupportDuty: z.boolean().default(false).describe('others with a legal duty of support living together long-term'),
});
export type MemberFlags = z.infer<typeof MemberFlags>;

export const HouseholdInput = z.object({
  jurisdictionCode: CodeParam,
  address: z.string().trim().max(200).optional(),
  headPersonId: z.number().int().positive(),
  bankName: z.string().trim().max(50).optional(),
  bankAccount: z.string().trim().regex(/^\d{10,30}$/, bi('10–30 digits', '应为 10–30 位数字')).optional(),
  accountHolder: personName(50, { allowEmpty: true }).optional(),
});
export type HouseholdInput = z.input<typeof HouseholdInput>;

export const HouseholdPatch = HouseholdInput.omit({ headPersonId: true }).partial().extend({ reason: z.string().trim().max(200).optional() });

export const AddMemberBody = z.object({
  personId: z.number().int().positive(),
  relationship: z.enum(RELATIONSHIPS),
  flags: MemberFlags.partial().optional(),
  reason: z.string().trim().max(200).optional(),
});
export type AddMemberBody = z.input<typeof AddMemberBody>;

export const UpdateMemberBody = z.object({
  relationship: z.enum(RELATIONSHIPS).optional(),
  flags: MemberFlags.partial().optional(),
  reason: z.string().trim().max(200).optional(),
});

export const IncomeInput = z.object({
  personId: z.number().int().positive().nullable().default(null),
  type: z.enum(INCOME_TYPES),
  subtype: z.enum(INCOME_SUBTYPES).default('other'),
  month: Month,
  amountFen: Fen,
  source: z.string().trim().min(1).max(100).describe('where the figure comes from: 工资单, 入户核查, 信息核对…'),
});
export const AssetInput = z.object({
  kind: z.enum(ASSET_KINDS),
  valueFen: Fen,
  floorAreaCm2: z.number().int().min(0).optional().describe('houses: floor area in cm² (1 m² = 10000), integer'),
  description: z.string().trim().max(200).default(''),
  asOf: LocalDate,
});
export const ExpenseInput = z.object({
  kind: z.enum(EXPENSE_KINDS),
  amountFen: Fen,
  date: LocalDate,
  description: z.string().trim().max(200).default(''),
});

export const Member = z.object({
  personId: z.number().int(),
  name: z.string(),
  idNumberMasked: z.string().nullable(),
  sex: z.string().nullable(),
  age: z.number().int().nullable(),
  relationship: z.enum(RELATIONSHIPS),
  flags: MemberFlags.extend({ clergyLivingApartSince: StoredDate.nullable().default(null) }),
  joinedAt: z.string(),
});

export const Income = IncomeInput.extend({ id: z.number().int(), personId: z.number().int().nullable(), month: StoredDate });
export const Asset = AssetInput.extend({ id: z.number().int(), floorAreaCm2: z.number().int().nullable(), asOf: StoredDate });
export const Expense = ExpenseInput.extend({ id: z.number().int(), date: StoredDate });

export const Finances = z.object({
  periodFrom: z.string().describe('first month of the 12 months counted'),
  periodTo: z.string(),
  incomeTotalFen: z.number().int().describe('all recorded income in the period'),
  monthlyIncomeFen: z.number().int().describe('average per month (floor)'),
  membersCounted: z.number().int().describe('members living together'),
  perCapitaMonthlyIncomeFen: z.number().int().nullable().describe('monthly income / members counted (floor)'),
  assetsTotalFen: z.number().int(),
  expensesTotalFen: z.number().int().describe('rigid expenditures in the period'),
});
export type Finances = z.infer<typeof Finances>;

export const Household = z
  .object({
    id: z.number().int(),
    jurisdictionCode: z.string(),
    jurisdictionName: z.string().nullable(),
    address: z.string().nullable(),
    headPersonId: z.number().int().nullable(),
    headName: z.string().nullable(),
    bankName: z.string().nullable(),
    bankAccountMasked: z.string().nullable(),
    accountHolderMasked: z.string().nullable(),
    members: z.array(Member),
    incomes: z.array(Income),
    assets: z.array(Asset),
    expenses: z.array(Expense),
    finances: Finances,
    version: z.number().int(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Household' });
export type Household = z.infer<typeof Household>;

export const HouseholdIdParams = z.object({ id: z.coerce.number().int().positive() });
export const AsOfQuery = z.object({ date: LocalDate.describe('local date: the facts as they stood at the end of that day') });
