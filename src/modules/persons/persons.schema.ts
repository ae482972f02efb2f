// Contracts of the people registry; browser-safe (zod only). Sensitive values never appear here
// in plaintext on output: ID numbers and phones come back masked.
import { z } from 'zod';
import { bi } from '../../lib/bilingual.ts';
import { PersonName } from '../../lib/person-name.schema.ts';
import { LocalDate } from '../../lib/date.schema.ts';
import { IdNumberField } from '../../lib/id-number.schema.ts';
import { CodeParam } from '../jurisdictions/jurisdictions.schema.ts';

export const SEXES = ['male', 'female'] as const;
export const MARITAL_STATUSES = ['unmarried', 'married', 'divorced', 'widowed'] as const;
export const EDUCATION_LEVELS = ['none', 'primary', 'junior', 'senior', 'vocational', 'college', 'bachelor', 'postgraduate'] as const;
export const EMPLOYMENT_STATUSES = ['employed', 'flexible', 'unemployed', 'retired', 'student', 'not_in_labour_force'] as const;
export const WORK_CAPACITIES = ['full', 'partial', 'none'] as const;
export const DISABILITY_CATEGORIES = ['visual', 'hearing', 'speech', 'physical', 'intellectual', 'mental', 'multiple'] as const;
/** The 6 items of the self-care assessment (特困 care level): true = can do it alone. */
export const SELF_CARE_ITEMS = ['eating', 'dressing', 'transfer', 'toilet', 'walking', 'bathing'] as const;

/** Default special-group tags; the list is configurable (vocabularies table, kind `tag`). */
export const DEFAULT_TAGS: Record<string, string> = {
  elderly_alone: '独居老人',
  left_behind_child: '留守儿童',
  child_in_difficulty: '困境儿童',
  orphan: '孤儿',
  de_facto_unsupported_child: '事实无人抚养儿童',
  disabled: '残疾人',
  seriously_ill: '重病患者',
  outdoor_worker: '户外劳动者',
  migrant_worker: '外来务工人员',
  near_dibao: '低保边缘',
};

/** Default serious illnesses (重特大疾病); configurable (vocabularies, kind `illness`). */
export const DEFAULT_ILLNESSES: Record<string, string> = {
  malignant_tumour: '恶性肿瘤',
  uraemia: '尿毒症',
  leukaemia: '白血病',
  organ_transplant: '器官移植',
  severe_mental_illness: '重性精神病',
  congenital_heart_disease: '先天性心脏病',
  haemophilia: '血友病',
};

export const Phone = z.string().trim().regex(/^1[3-9]\d{9}$|^0\d{2,3}-?\d{7,8}$/, bi('a mobile (11 digits) or landline number', '应为 11 位手机号或带区号的固定电话'));

export const SelfCare = z.object(Object.fromEntries(SELF_CARE_ITEMS.map((k) => [k, z.boolean()])) as Record<(typeof SELF_CARE_ITEMS)[number], z.ZodBoolean>);

export const PersonFields = z.object({
    name: PersonName,
    idNumber: IdNumberField.optional().describe('公民身份号码; stored encrypted, looked up by blind index'),
    sex: z.enum(SEXES).optional().describe('derived from the ID number when given'),
    birthDate: LocalDate.optional().describe('derived from the ID number when given'),
    phone: Phone.optional(),
    hukouCode: CodeParam.optional().describe('户籍 jurisdiction'),
    jurisdictionCode: CodeParam.describe('where the person lives: village/community or grid; scopes access'),
    address: z.string().trim().max(200).optional(),
    ethnicity: z.string().trim().max(20).optional(),
    maritalStatus: z.enum(MARITAL_STATUSES).optional(),
    education: z.enum(EDUCATION_LEVELS).optional(),
    employmentStatus: z.enum(EMPLOYMENT_STATUSES).optional(),
    workCapacity: z.enum(WORK_CAPACITIES).optional(),
    disabilityCategory: z.enum(DISABILITY_CATEGORIES).optional(),
    disabilityGrade: z.number().int().min(1).max(4).optional(),
    seriousIllnesses: z.array(z.string().min(1).max(50)).max(20).optional(),
    selfCare: SelfCare.optional(),
    deathDate: LocalDate.optional(),
    tags: z.array(z.string().min(1).max(50)).max(30).optional(),
    contactCardNo: z.string().trim().max(30).optional().describe('连心卡 number'),
});

export const PersonInput = PersonFields.refine((p) => (p.disabilityCategory === undefined) === (p.disabilityGrade === undefined), {
  message: bi('disability category and grade go together', '残疾类别与等级须同时填写'),
  path: ['disabilityGrade'],
  // Report it together with other fields' problems, not only once they are fixed.
  when: (payload) => typeof payload.value === 'object' && payload.value !== null,
});
export type PersonInput = z.input<typeof PersonInput>;

// Optional facts can be cleared with null (a wrong phone, a disability record entered by mistake).
const F = PersonFields.shape;
export const PersonPatch = PersonFields.partial().extend({
  phone: F.phone.unwrap().nullable().optional(),
  hukouCode: F.hukouCode.unwrap().nullable().optional(),
  address: F.address.unwrap().nullable().optional(),
  ethnicity: F.ethnicity.unwrap().nullable().optional(),
  maritalStatus: F.maritalStatus.unwrap().nullable().optional(),
  education: F.education.unwrap().nullable().optional(),
  employmentStatus: F.employmentStatus.unwrap().nullable().optional(),
  workCapacity: F.workCapacity.unwrap().nullable().optional(),
  disabilityCategory: F.disabilityCategory.unwrap().nullable().optional(),
  disabilityGrade: F.disabilityGrade.unwrap().nullable().optional(),
  selfCare: F.selfCare.unwrap().nullable().optional(),
  deathDate: F.deathDate.unwrap().nullable().optional(),
  contactCardNo: F.contactCardNo.unwrap().nullable().optional(),
  reason: z.string().trim().max(200).optional().describe('why the facts changed; kept in the history'),
});
export type PersonPatch = z.input<typeof PersonPatch>;

export const Person = z
  .object({
    id: z.number().int(),
    name: z.string(),
    idNumberMasked: z.string().nullable(),
    sex: z.enum(SEXES).nullable(),
    birthDate: z.string().nullable(),
    age: z.number().int().nullable(),
    phoneMasked: z.string().nullable(),
    hukouCode: z.string().nullable(),
    jurisdictionCode: z.string(),
    jurisdictionName: z.string().nullable(),
    address: z.string().nullable(),
    ethnicity: z.string().nullable(),
    maritalStatus: z.string().nullable(),
    education: z.string().nullable(),
    employmentStatus: z.string().nullable(),
    workCapacity: z.string().nullable(),
    disabilityCategory: z.string().nullable(),
    disabilityGrade: z.number().int().nullable(),
    seriousIllnesses: z.array(z.string()),
    selfCare: SelfCare.nullable(),
    deathDate: z.string().nullable(),
    tags: z.array(z.string()),
    contactCardNo: z.string().nullable(),
    householdId: z.number().int().nullable(),
    version: z.number().int(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Person' });
export type Person = z.infer<typeof Person>;

export const SearchPersonsQuery = z.object({
  q: z.string().trim().max(50).optional().describe('name, pinyin initials (zs → 张三), full pinyin, 18-digit ID number (exact), last 4 of the ID number, or phone (exact)'),
  tag: z.string().max(50).optional(),
  under: CodeParam.optional().describe('only people living under this jurisdiction'),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type SearchPersonsQuery = z.input<typeof SearchPersonsQuery>;

export const PersonList = z.object({
  items: z.array(Person),
  total: z.number().int().describe('matches, counted up to 1000'),
  totalCapped: z.boolean().describe('more than `total` match: refine the search'),
});
export type PersonList = z.infer<typeof PersonList>;

export const PersonIdParams = z.object({ id: z.coerce.number().int().positive() });
