// Request and response contracts of the social-force ledgers (zod only: the web imports these).
import { z } from 'zod';
import { bi } from '../../lib/bilingual.ts';
import { LocalDate } from '../../lib/date.schema.ts';
import { CodeParam } from '../jurisdictions/jurisdictions.schema.ts';
import { CAUSE_CODES, CHANNEL_CODES, ITEM_CATEGORY_CODES } from './charity.labels.ts';

const Id = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const BodyId = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const Text = (max: number) => z.string().trim().min(1).max(max);
/** An amount of money in integer 分: a fraction of a 分 or a negative amount is refused. */
export const Fen = z
  .number({ message: bi('an amount in fen (分) as a whole number', '金额应为以“分”计的整数') })
  .int(bi('whole 分 only: no fractions of a 分', '金额须为整数分，不能有小数'))
  .max(1e14);
const PositiveFen = Fen.positive(bi('must be more than 0', '须大于 0'));
const Quantity = z.number().int(bi('a whole number of units', '数量须为整数')).positive(bi('must be more than 0', '须大于 0')).max(1e9);

export const Cause = z.enum(CAUSE_CODES);
export const IdParams = z.object({ id: Id });
export const Paging = { limit: z.coerce.number().int().min(1).max(500).default(50), offset: z.coerce.number().int().min(0).max(1_000_000).default(0) };

// --- Projects ----------------------------------------------------------------------------------

export const Criteria = z.object({
  program: z.enum(['dibao', 'tekun', 'fcu', 'temporary']).optional().describe('Current beneficiaries of this program (an active payment plan)'),
  under: CodeParam.optional().describe('Households living inside this area'),
  tags: z.array(z.string().trim().min(1).max(30)).max(10).optional(),
  minAge: z.number().int().min(0).max(150).optional(),
  maxAge: z.number().int().min(0).max(150).optional(),
});

export const CreateProjectBody = z.object({
  organisationId: BodyId.optional().describe('Staff: the organisation; an organisation user: its own (may be left out)'),
  name: Text(100),
  purpose: Text(1000),
  cause: Cause,
  goalFen: PositiveFen.nullable().optional(),
  startsOn: LocalDate,
  endsOn: LocalDate.nullable().optional(),
  jurisdictionCode: CodeParam.describe('The area it serves: inside the organisation\'s'),
  fundraisingFilingNo: z.string().trim().regex(/^[0-9A-Za-z\-]{6,40}$/, bi('6–40 letters, digits or dashes', '应为 6–40 位字母、数字或短横线')).nullable().optional().describe('公开募捐方案备案编号'),
  criteria: Criteria.nullable().optional(),
  partnerIds: z.array(BodyId).max(20).default([]),
});
export type CreateProjectBody = z.output<typeof CreateProjectBody>;

export const Project = z.object({
  id: z.number().int(),
  organisationId: z.number().int(),
  organisationName: z.string(),
  name: z.string(),
  purpose: z.string(),
  cause: Cause,
  goalFen: z.number().int().nullable(),
  startsOn: z.string(),
  endsOn: z.string().nullable(),
  jurisdictionCode: z.string(),
  fundraisingFilingNo: z.string().nullable(),
  criteria: z.unknown(),
  partners: z.array(z.object({ id: z.number().int(), name: z.string() })),
  status: z.enum(['active', 'closed']),
  createdAt: z.string(),
});
export const ProjectList = z.object({ items: z.array(Project), total: z.number().int() });
export const ListProjectsQuery = z.object({ organisationId: Id.optional(), ...Paging });

export const Disclosure = z.object({
  projectId: z.number().int(),
  name: z.string(),
  organisationName: z.string(),
  fundraisingFilingNo: z.string().nullable(),
  asOf: z.string(),
  moneyReceivedFen: z.number().int(),
  moneyDonations: z.number().int(),
  moneyDistributedFen: z.number().int().describe('Delivered to households'),
  moneyCommittedFen: z.number().int().describe('Handed over, not yet signed for'),
  moneyBalanceFen: z.number().int().describe('received − distributed − committed'),
  goodsReceivedValueFen: z.number().int(),
  goodsDistributedValueFen: z.number().int(),
  householdsHelped: z.number().int(),
  personsHelped: z.number().int(),
});

// --- Donations ---------------------------------------------------------------------------------

export const GoodsLine = z.object({
  itemId: BodyId,
  quantity: Quantity,
  unitValueFen: Fen.nonnegative(bi('must not be negative', '不能为负')).optional().describe('Estimated value per unit; the catalogue value when left out'),
  expiresOn: LocalDate.optional().describe('Required for food and medicine'),
});

export const CreateDonationBody = z
  .object({
    organisationId: BodyId.optional(),
    projectId: BodyId.nullable().optional(),
    kind: z.enum(['money', 'goods']),
    donorKind: z.enum(['person', 'organisation', 'anonymous']),
    donorName: Text(100).optional().describe('Not for an anonymous donor'),
    donorOrganisationId: BodyId.optional(),
    amountFen: PositiveFen.optional().describe('Money: the amount in 分'),
    channel: z.enum(CHANNEL_CODES).optional(),
    receivedOn: LocalDate,
    restricted: z.boolean().default(false).describe('定向捐赠: only for its stated purpose'),
    restrictedPurpose: Text(200).optional(),
    storeId: BodyId.optional().describe('Goods: the store they went to'),
    lines: z.array(GoodsLine).min(1).max(100).optional(),
    note: Text(500).optional(),
  })
  .superRefine((b, ctx) => {
    const need = (ok: boolean, path: string, en: string, zh: string) => ok || ctx.addIssue({ code: 'custom', path: [path], message: bi(en, zh) });
    if (b.kind === 'money') {
      need(b.amountFen !== undefined, 'amountFen', 'required for money', '货币捐赠须填写金额');
      need(b.channel !== undefined, 'channel', 'required for money', '货币捐赠须填写渠道');
      need(b.lines === undefined, 'lines', 'only for goods', '仅物资捐赠填写物资明细');
    } else {
      need(b.lines !== undefined, 'lines', 'the goods received', '物资捐赠须填写物资明细');
      need(b.storeId !== undefined, 'storeId', 'the store the goods went to', '须填写入库仓库');
      need(b.amountFen === undefined, 'amountFen', 'goods are valued line by line', '物资按明细估值，不填金额');
    }
    need(b.donorKind === 'anonymous' ? b.donorName === undefined : b.donorName !== undefined, 'donorName', b.donorKind === 'anonymous' ? 'an anonymous donation has no name' : 'required', b.donorKind === 'anonymous' ? '匿名捐赠不填姓名' : '必填');
    need(!b.restricted || b.restrictedPurpose !== undefined, 'restrictedPurpose', 'a restricted donation states its purpose', '定向捐赠须写明用途');
  });
export type CreateDonationBody = z.output<typeof CreateDonationBody>;

export const Donation = z.object({
  id: z.number().int(),
  organisationId: z.number().int(),
  organisationName: z.string(),
  projectId: z.number().int().nullable(),
  kind: z.enum(['money', 'goods']),
  donorKind: z.enum(['person', 'organisation', 'anonymous']),
  donorName: z.string().nullable(),
  amountFen: z.number().int(),
  channel: z.string().nullable(),
  receivedOn: z.string(),
  restricted: z.boolean(),
  restrictedPurpose: z.string().nullable(),
  storeId: z.number().int().nullable(),
  receiptNumber: z.string().describe('捐赠票据号: year-sequence, gapless per organisation and year'),
  lines: z.array(z.object({ itemId: z.number().int(), itemName: z.string(), unit: z.string(), quantity: z.number().int(), valueFen: z.number().int(), expiresOn: z.string().nullable() })),
  createdAt: z.string(),
});
export const DonationList = z.object({ items: z.array(Donation), total: z.number().int() });
export const ListDonationsQuery = z.object({ organisationId: Id.optional(), projectId: Id.optional(), ...Paging });

// --- Goods and stock ---------------------------------------------------------------------------

export const CreateItemBody = z.object({
  name: Text(60),
  unit: Text(20),
  category: z.enum(ITEM_CATEGORY_CODES),
  perishable: z.boolean().default(false),
  unitValueFen: Fen.nonnegative().default(0),
});
export const Item = z.object({ id: z.number().int(), name: z.string(), unit: z.string(), category: z.string(), perishable: z.boolean(), unitValueFen: z.number().int() });
export const ItemList = z.object({ items: z.array(Item) });

export const CreateStoreBody = z.object({
  organisationId: BodyId.optional(),
  name: Text(100),
  kind: z.enum(['warehouse', 'service_point']),
  jurisdictionCode: CodeParam,
  address: Text(200).optional(),
});
export const Store = z.object({ id: z.number().int(), organisationId: z.number().int(), organisationName: z.string(), name: z.string(), kind: z.string(), jurisdictionCode: z.string(), address: z.string().nullable(), active: z.boolean() });
export const StoreList = z.object({ items: z.array(Store) });
export const ListStoresQuery = z.object({ organisationId: Id.optional() });

export const MovementBody = z
  .object({
    kind: z.enum(['in', 'out', 'transfer', 'loss']).describe('in: a purchase or other arrival (donations come through /donations); out: used or given out; transfer: to another store of the organisation; loss: spoilt, damaged or missing (reason required)'),
    itemId: BodyId,
    quantity: Quantity,
    unitValueFen: Fen.nonnegative().optional().describe('in: estimated value per unit'),
    expiresOn: LocalDate.optional(),
    toStoreId: BodyId.optional().describe('transfer: the receiving store'),
    reason: Text(200).optional(),
    occurredOn: LocalDate.optional(),
  })
  .superRefine((b, ctx) => {
    if (b.kind === 'loss' && !b.reason) ctx.addIssue({ code: 'custom', path: ['reason'], message: bi('a loss needs its reason', '报损须写明原因') });
    if (b.kind === 'transfer' && !b.toStoreId) ctx.addIssue({ code: 'custom', path: ['toStoreId'], message: bi('the receiving store', '须选择调入仓库') });
  });
export type MovementBody = z.output<typeof MovementBody>;

export const Balance = z.object({ itemId: z.number().int(), itemName: z.string(), unit: z.string(), quantity: z.number().int(), valueFen: z.number().int() });
export const StockView = z.object({ store: Store, balances: z.array(Balance) });
export const Movement = z.object({ id: z.number().int(), itemId: z.number().int(), kind: z.string(), quantity: z.number().int(), valueFen: z.number().int(), reason: z.string().nullable(), donationId: z.number().int().nullable(), distributionId: z.number().int().nullable(), otherStoreId: z.number().int().nullable(), expiresOn: z.string().nullable(), occurredOn: z.string(), createdAt: z.string() });
export const MovementResult = z.object({ movements: z.array(Movement), balance: Balance });
export const MovementList = z.object({ items: z.array(Movement) });

// --- Distributions ----------------------------------------------------------------------------

export const CreateDistributionBody = z
  .object({
    organisationId: BodyId.optional(),
    projectId: BodyId.optional(),
    storeId: BodyId.optional().describe('Goods: the store they are taken from'),
    name: Text(100),
    kind: z.enum(['goods', 'money']),
    cause: Cause.optional().describe("The project's cause when left out; food for goods without a project"),
    jurisdictionCode: CodeParam.describe('The area served; every household must live inside it'),
    package: z.array(z.object({ itemId: BodyId, quantity: Quantity })).min(1).max(20).optional().describe('Goods per household'),
    amountFen: PositiveFen.optional().describe('Money per household, from the project'),
    plannedOn: LocalDate,
    recipients: z.union([
      z.object({ query: Criteria }).describe('Households found by a registry query'),
      z.object({ householdIds: z.array(BodyId).min(1).max(20_000) }).describe('A list of households'),
      z.object({ idNumbers: z.array(z.string().max(40)).min(1).max(20_000) }).describe('An imported list: ID numbers of household members, matched row by row to their current household'),
    ]),
    dryRun: z.boolean().default(false).describe('Only match the households and report'),
  })
  .superRefine((b, ctx) => {
    if (b.kind === 'goods' && (!b.package || !b.storeId)) ctx.addIssue({ code: 'custom', path: [b.package ? 'storeId' : 'package'], message: bi('goods need a package and a store', '物资发放须填写每户物资和出库仓库') });
    if (b.kind === 'money' && (!b.amountFen || !b.projectId)) ctx.addIssue({ code: 'custom', path: [b.amountFen ? 'projectId' : 'amountFen'], message: bi('money needs an amount per household and a project', '资金发放须填写每户金额和项目') });
  });
export type CreateDistributionBody = z.output<typeof CreateDistributionBody>;

export const Distribution = z.object({
  id: z.number().int(),
  organisationId: z.number().int(),
  organisationName: z.string(),
  projectId: z.number().int().nullable(),
  storeId: z.number().int().nullable(),
  name: z.string(),
  kind: z.enum(['goods', 'money']),
  cause: Cause,
  jurisdictionCode: z.string(),
  package: z.array(z.object({ itemId: z.number().int(), itemName: z.string(), unit: z.string(), quantity: z.number().int() })),
  amountFen: z.number().int(),
  valueFen: z.number().int().describe('Estimated value per household'),
  plannedOn: z.string(),
  status: z.enum(['open', 'closed']),
  counts: z.object({ total: z.number().int(), pending: z.number().int(), delivered: z.number().int(), undelivered: z.number().int() }),
  createdAt: z.string(),
});
export const DistributionList = z.object({ items: z.array(Distribution), total: z.number().int() });
export const ListDistributionsQuery = z.object({ organisationId: Id.optional(), ...Paging });
export const MatchReport = z.object({
  matched: z.number().int(),
  unmatched: z.array(z.object({ row: z.number().int(), householdId: z.number().int().nullable(), reason: z.string(), reasonZh: z.string() })),
});
export const CreateDistributionResult = z.object({ distribution: Distribution.nullable(), report: MatchReport });

export const Recipient = z.object({
  id: z.number().int(),
  householdId: z.number().int(),
  personId: z.number().int().nullable(),
  nameMasked: z.string().nullable(),
  idNumberMasked: z.string().nullable(),
  jurisdictionCode: z.string(),
  jurisdictionName: z.string().nullable(),
  status: z.enum(['pending', 'delivered', 'undelivered']),
  valueFen: z.number().int(),
  amountFen: z.number().int(),
  deliveredOn: z.string().nullable(),
  hasPhoto: z.boolean(),
});
export const RecipientList = z.object({ items: z.array(Recipient), total: z.number().int() });
export const RecipientParams = z.object({ id: Id, recipientId: Id });
export const ListRecipientsQuery = z.object({ community: CodeParam.optional(), status: z.enum(['pending', 'delivered', 'undelivered']).optional(), ...Paging });
export const DeliverBody = z.object({ deliveredOn: LocalDate.optional(), note: Text(200).optional() });
export const UndeliverBody = z.object({ reason: Text(200) });
export const SheetQuery = z.object({ community: CodeParam.optional().describe('One community (or any area); all of the distribution when left out') });
export const CloseResult = z.object({ distribution: Distribution, returned: z.number().int().describe('Households whose share went back') });

// --- Benefit ledger ----------------------------------------------------------------------------

export const BenefitsQuery = z.object({ fromYear: z.coerce.number().int().min(1990).max(2100).optional(), toYear: z.coerce.number().int().min(1990).max(2100).optional() });
const Line = z.object({ source: z.enum(['government', 'charity']), sourceName: z.string(), program: z.string().describe('Government program, or the charity project / distribution'), cause: Cause, amountFen: z.number().int().describe('money, or goods at estimated value'), items: z.number().int() });
export const Benefits = z.object({
  householdId: z.number().int(),
  years: z.array(z.object({
    year: z.number().int(),
    lines: z.array(Line),
    governmentFen: z.number().int(),
    charityFen: z.number().int(),
    totalFen: z.number().int(),
    byCause: z.array(z.object({ cause: Cause, amountFen: z.number().int(), thresholdFen: z.number().int().nullable(), marked: z.boolean() })),
  })),
  totals: z.object({ governmentFen: z.number().int(), charityFen: z.number().int(), totalFen: z.number().int() }),
  marked: z.boolean().describe('Some cause in some year passed the threshold (marked, never blocked)'),
});

export type Project = z.infer<typeof Project>;
export type Donation = z.infer<typeof Donation>;
export type Distribution = z.infer<typeof Distribution>;
export type Recipient = z.infer<typeof Recipient>;
export type Benefits = z.infer<typeof Benefits>;
