// Contracts of the organisations registry (zod only: the web imports these).
import { z } from 'zod';
import { bi } from '../../lib/bilingual.ts';
import { LocalDate } from '../../lib/date.schema.ts';
import { Int4IdParam, UserId } from '../../lib/row-id.ts';
import { CREDIT_CODE_MESSAGES, creditCodeProblem, normaliseCreditCode } from '../../lib/credit-code.ts';
import { CodeParam } from '../jurisdictions/jurisdictions.schema.ts';
import { CHARITY_STATUS_CODES, ORGANISATION_KIND_CODES } from './organisations.kinds.ts';

export const OrganisationKind = z.enum(ORGANISATION_KIND_CODES).describe('慈善组织 charity · 基金会 foundation · 社会组织 social_organisation · 社工机构 social_work · 志愿服务组织 volunteer · 爱心企业 enterprise · 机关事业单位 public_institution');
export const CharityStatus = z.enum(CHARITY_STATUS_CODES).describe('none · registered 登记为慈善组织 · recognised 认定为慈善组织');

/** 统一社会信用代码: spaces and dashes dropped, upper-cased, then checked (GB 32100-2015). */
export const CreditCode = z
  .string()
  .max(40)
  .transform((value, ctx) => {
    const code = normaliseCreditCode(value);
    const problem = creditCodeProblem(code);
    if (problem) {
      const m = CREDIT_CODE_MESSAGES[problem];
      ctx.addIssue({ code: 'custom', message: bi(m.en, m.zh) });
      return z.NEVER;
    }
    return code;
  })
  .describe('统一社会信用代码, 18 characters, GB 32100-2015 check character');

const Phone = z
  .string()
  .trim()
  .regex(/^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/, bi('a mobile number of 11 digits or a landline with area code', '应为 11 位手机号或带区号的固定电话'));
const Text = (max: number) => z.string().trim().min(1).max(max);

const Fields = {
  kind: OrganisationKind,
  name: Text(100),
  creditCode: CreditCode,
  jurisdictionCode: CodeParam.describe('The area it serves (scope key)'),
  registrationAuthority: Text(100).nullable().optional(),
  registeredOn: LocalDate.nullable().optional(),
  charityStatus: CharityStatus.default('none'),
  charitySince: LocalDate.nullable().optional(),
  publicFundraising: z.boolean().default(false).describe('具有公开募捐资格'),
  publicFundraisingSince: LocalDate.nullable().optional(),
  address: Text(200).nullable().optional(),
  contactName: Text(50).nullable().optional(),
  contactPhone: Phone.nullable().optional(),
  contactEmail: z.email({ message: bi('an e-mail address', '应为电子邮箱地址') }).max(100).nullable().optional(),
};

export const CreateOrganisationBody = z.object(Fields);
export type CreateOrganisationBody = z.output<typeof CreateOrganisationBody>;

export const UpdateOrganisationBody = z.object({
  kind: Fields.kind.optional(),
  name: Fields.name.optional(),
  creditCode: Fields.creditCode.optional(),
  jurisdictionCode: Fields.jurisdictionCode.optional(),
  registrationAuthority: Fields.registrationAuthority,
  registeredOn: Fields.registeredOn,
  charityStatus: CharityStatus.optional(),
  charitySince: Fields.charitySince,
  publicFundraising: z.boolean().optional(),
  publicFundraisingSince: Fields.publicFundraisingSince,
  address: Fields.address,
  contactName: Fields.contactName,
  contactPhone: Fields.contactPhone,
  contactEmail: Fields.contactEmail,
  active: z.boolean().optional(),
});
export type UpdateOrganisationBody = z.output<typeof UpdateOrganisationBody>;

export const Organisation = z
  .object({
    id: z.number().int(),
    kind: OrganisationKind,
    kindZh: z.string(),
    kindEn: z.string(),
    name: z.string(),
    creditCode: z.string(),
    jurisdictionCode: z.string(),
    jurisdictionName: z.string().nullable(),
    registrationAuthority: z.string().nullable(),
    registeredOn: z.string().nullable(),
    charityStatus: CharityStatus,
    charitySince: z.string().nullable(),
    publicFundraising: z.boolean(),
    publicFundraisingSince: z.string().nullable(),
    address: z.string().nullable(),
    contactName: z.string().nullable(),
    contactPhoneMasked: z.string().nullable(),
    contactEmail: z.string().nullable(),
    active: z.boolean(),
    canManage: z.boolean().describe('The caller may change it'),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Organisation' });
export type Organisation = z.infer<typeof Organisation>;

export const ListOrganisationsQuery = z.object({
  q: z.string().trim().max(50).optional().describe('name contains, or the credit code'),
  kind: OrganisationKind.optional(),
  under: CodeParam.optional().describe('Only those serving inside this area'),
  active: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type ListOrganisationsQuery = z.output<typeof ListOrganisationsQuery>;
export const OrganisationList = z.object({ items: z.array(Organisation), total: z.number().int() });

export const OrganisationIdParams = z.object({ id: z.coerce.number().int().positive() });
export const MemberParams = OrganisationIdParams.extend({ userId: Int4IdParam });

export const AddMemberBody = z.object({ userId: UserId.describe('A user holding the organisation role') });
export const Member = z.object({ userId: z.number().int(), username: z.string(), displayName: z.string(), disabled: z.boolean(), since: z.string() });
export const MemberList = z.object({ items: z.array(Member) });

export const KindList = z.object({
  kinds: z.array(z.object({ code: OrganisationKind, zh: z.string(), en: z.string() })),
  charityStatuses: z.array(z.object({ code: CharityStatus, zh: z.string(), en: z.string() })),
});
