// Contracts of 微心愿 (zod only: the web imports these). The public wall has its own shape with
// nothing personal in it.
import { z } from 'zod';
import { bi } from '../../lib/bilingual.ts';
import { LocalDate } from '../../lib/date.schema.ts';
import { CodeParam } from '../jurisdictions/jurisdictions.schema.ts';
import { publicTextProblem } from './public-text.ts';

const Id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
export const WISH_CATEGORIES = ['study', 'daily', 'clothing', 'toy', 'health', 'other'] as const;

export const PublicText = z
  .string()
  .trim()
  .min(4)
  .max(200)
  .superRefine((text, ctx) => {
    const problem = publicTextProblem(text);
    if (problem === 'id_number') ctx.addIssue({ code: 'custom', message: bi('no ID number in a public text', '公开内容不能包含身份证号') });
    if (problem === 'phone') ctx.addIssue({ code: 'custom', message: bi('no phone number in a public text', '公开内容不能包含电话号码') });
  })
  .describe('Shown on the public wall: no name, school, face, ID or phone number');

export const CreateWishBody = z.object({
  organisationId: Id.optional().describe('The posting social-work station (an organisation user: its own)'),
  jurisdictionCode: CodeParam.describe('The community'),
  personId: Id.optional().describe('Who it is for (kept, never public)'),
  beneficiaryKind: z.enum(['child', 'elderly']),
  category: z.enum(WISH_CATEGORIES),
  budgetFen: z.number().int(bi('whole 分 only', '金额须为整数分')).positive().max(1_000_000),
  publicText: PublicText,
});
export const ClaimWishBody = z.object({
  claimantKind: z.enum(['donor', 'volunteer', 'organisation']),
  claimantName: z.string().trim().min(1).max(100),
  claimantPhone: z.string().trim().regex(/^1[3-9]\d{9}$/, bi('a mobile number of 11 digits', '应为 11 位手机号码')),
});
export const FulfilWishBody = z.object({ fulfilledOn: LocalDate, confirmation: z.string().trim().min(2).max(200) });

export const Wish = z.object({
  id: z.number().int(),
  jurisdictionCode: z.string(),
  jurisdictionName: z.string().nullable(),
  organisationId: z.number().int().nullable(),
  personId: z.number().int().nullable(),
  beneficiaryKind: z.enum(['child', 'elderly']),
  category: z.enum(WISH_CATEGORIES),
  budgetFen: z.number().int(),
  publicText: z.string(),
  status: z.enum(['posted', 'claimed', 'fulfilled']),
  claimantKind: z.string().nullable(),
  claimantName: z.string().nullable(),
  claimantPhoneMasked: z.string().nullable(),
  fulfilledOn: z.string().nullable(),
  createdAt: z.string(),
});
export const WishList = z.object({ items: z.array(Wish), total: z.number().int() });
export const ListWishesQuery = z.object({ status: z.enum(['posted', 'claimed', 'fulfilled']).optional(), limit: z.coerce.number().int().min(1).max(500).default(50), offset: z.coerce.number().int().min(0).max(1_000_000).default(0) });

export const WallItem = z.object({ id: z.number().int(), place: z.string().nullable(), beneficiaryKind: z.enum(['child', 'elderly']), category: z.enum(WISH_CATEGORIES), budgetFen: z.number().int(), text: z.string(), status: z.enum(['posted', 'claimed', 'fulfilled']) });
export const Wall = z.object({ items: z.array(WallItem) });
export const WallQuery = z.object({ under: CodeParam.optional(), status: z.enum(['posted', 'claimed', 'fulfilled']).optional(), limit: z.coerce.number().int().min(1).max(200).default(50) });
export const WishCounts = z.object({ items: z.array(z.object({ jurisdictionCode: z.string(), jurisdictionName: z.string().nullable(), posted: z.number().int(), claimed: z.number().int(), fulfilled: z.number().int() })) });
export const CountsQuery = z.object({ under: CodeParam.optional() });
export type Wish = z.infer<typeof Wish>;
