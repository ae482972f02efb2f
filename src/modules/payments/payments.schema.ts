// Contracts of the payment ledger (资金发放): plans of a case, payments, monthly batches exported
// as bank files, suspensions, stops, adjustments and over-payments. Money is integer 分, months
// 'YYYY-MM'. Browser-safe (zod only); no account or ID number ever appears here.
import { z } from 'zod';
import { bi } from '../../lib/bilingual.ts';
import { LocalDate, YearMonth } from '../../lib/date.schema.ts';
import { CodeParam } from '../jurisdictions/jurisdictions.schema.ts';
import { PAYMENT_KINDS, PAYMENT_STATUSES, PLAN_STATUSES } from './ledger.ts';

export const Month = YearMonth;
const Fen = z.number().int(bi('a whole number of 分', '应为整数（分）')).min(1, bi('more than 0', '应大于 0')).max(1e13).describe('money in 分 (integer)');
const Reason = z.string().trim().min(2, bi('state the reason', '请填写原因')).max(500);
const BATCH_STATUSES = ['open', 'exported', 'closed'] as const;
const OVERPAYMENT_STATUSES = ['open', 'recovered', 'waived'] as const;

export const CaseIdParams = z.object({ caseId: z.coerce.number().int().positive() });
export const IdParams = z.object({ id: z.coerce.number().int().positive() });

export const PaymentPlan = z
  .object({
    id: z.number().int(),
    caseId: z.number().int(),
    householdId: z.number().int().nullable(),
    payeePersonId: z.number().int(),
    jurisdictionCode: z.string(),
    program: z.string(),
    period: z.enum(['monthly', 'once']),
    amountFen: z.number().int(),
    fromMonth: z.string(),
    toMonth: z.string().nullable().describe('last month paid (inclusive); null while open-ended'),
    status: z.enum(PLAN_STATUSES),
    statusReason: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'PaymentPlan' });
export type PaymentPlan = z.infer<typeof PaymentPlan>;

export const Payment = z
  .object({
    id: z.number().int(),
    planId: z.number().int().nullable(),
    caseId: z.number().int(),
    caseNo: z.string().nullable(),
    householdId: z.number().int().nullable(),
    payeePersonId: z.number().int(),
    payeeName: z.string().nullable(),
    jurisdictionCode: z.string(),
    townshipName: z.string().nullable(),
    program: z.string(),
    month: z.string().describe('the month the payment is for'),
    kind: z.enum(PAYMENT_KINDS),
    amountFen: z.number().int(),
    batchId: z.number().int().nullable(),
    status: z.enum(PAYMENT_STATUSES),
    failureReason: z.string().nullable().describe('why it failed, was held or cancelled'),
    paidOn: z.string().nullable(),
  })
  .meta({ id: 'Payment' });
export type Payment = z.infer<typeof Payment>;

export const PaymentList = z.object({ items: z.array(Payment), total: z.number().int(), totalFen: z.number().int().describe('sum of every matching payment, not only this page') });

export const ListPaymentsQuery = z.object({
  month: Month.optional(),
  fromMonth: Month.optional(),
  toMonth: Month.optional(),
  status: z.enum(PAYMENT_STATUSES).optional(),
  kind: z.enum(PAYMENT_KINDS).optional(),
  program: z.string().trim().max(40).optional(),
  caseId: z.coerce.number().int().positive().optional(),
  batchId: z.coerce.number().int().positive().optional(),
  under: CodeParam.optional().describe('only this place and below (within your jurisdiction)'),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export const Overpayment = z
  .object({
    id: z.number().int(),
    caseId: z.number().int(),
    householdId: z.number().int().nullable(),
    jurisdictionCode: z.string(),
    amountFen: z.number().int(),
    recoveredFen: z.number().int(),
    outstandingFen: z.number().int(),
    fineFen: z.number().int(),
    reason: z.string(),
    status: z.enum(OVERPAYMENT_STATUSES),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Overpayment' });
export type Overpayment = z.infer<typeof Overpayment>;

export const CasePayments = z.object({
  caseId: z.number().int(),
  caseNo: z.string(),
  plans: z.array(PaymentPlan),
  payments: z.array(Payment),
  overpayments: z.array(Overpayment),
  paidFen: z.number().int().describe('everything paid on the case (prepayments included)'),
});

export const Batch = z
  .object({
    id: z.number().int(),
    countyCode: z.string(),
    countyName: z.string().nullable(),
    month: z.string(),
    status: z.enum(BATCH_STATUSES),
    itemCount: z.number().int(),
    totalFen: z.number().int(),
    missingAccounts: z.number().int().describe('items whose household has no bank account on file: fix them before sending the file'),
    paidCount: z.number().int(),
    paidFen: z.number().int(),
    failedCount: z.number().int().describe('failed, re-issued or cancelled items'),
    failedFen: z.number().int(),
    openCount: z.number().int().describe('items still waiting for the bank’s result'),
    openFen: z.number().int(),
    createdAt: z.string(),
    exportedAt: z.string().nullable(),
    closedAt: z.string().nullable(),
  })
  .meta({ id: 'PaymentBatch' });
export type Batch = z.infer<typeof Batch>;

export const BatchList = z.object({ items: z.array(Batch), total: z.number().int() });
export const ListBatchesQuery = z.object({
  month: Month.optional(),
  status: z.enum(BATCH_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export const CountyMonthBody = z.object({
  countyCode: CodeParam.describe('a county (6 digits) in your jurisdiction'),
  month: Month,
});
export const GenerateResult = z.object({
  countyCode: z.string(),
  month: z.string(),
  monthly: z.number().int().describe('payments added for the month'),
  arrears: z.number().int().describe('earlier months added once for plans that started late (补发)'),
  held: z.number().int().describe('months of suspended plans, held'),
});

export const BatchResultsBody = z
  .object({
    paidOn: LocalDate.optional().describe('the day the bank paid; default today'),
    paid: z.array(z.number().int().positive()).max(100_000).default([]),
    failed: z.array(z.object({ id: z.number().int().positive(), reason: Reason })).max(100_000).default([]),
  })
  .refine((b) => b.paid.length + b.failed.length > 0, { message: bi('name at least one payment', '请至少填写一笔发放明细'), path: ['paid'] });

export const ResultSummary = z.object({ paid: z.number().int(), failed: z.number().int(), batch: Batch });

export const ReissueBody = z.object({ ids: z.array(z.number().int().positive()).min(1).max(10_000), reason: Reason });
export const ReissueResult = z.object({ items: z.array(Payment) });

export const ReasonBody = z.object({ reason: Reason });
export const SuspendBody = z.object({ reason: Reason, fromMonth: Month.optional().describe('hold payments not yet in a batch from this month; default all of them') });
export const ResumeBody = z.object({
  reason: Reason,
  fromMonth: Month.describe('held months from this month on are paid again'),
  backPay: z.boolean().default(false).describe('also pay the earlier held months (补发)'),
});
export const StopBody = z
  .object({
    reason: Reason,
    stoppedOn: LocalDate.optional().describe('the day the stop was decided: payment ends with that month (终止 from next month)'),
    lastMonth: Month.optional().describe('or the last month paid, directly'),
  })
  .refine((b) => (b.stoppedOn === undefined) !== (b.lastMonth === undefined), { message: bi('give stoppedOn or lastMonth (one of them)', '请填写终止日期或最后发放月份（二选一）'), path: ['stoppedOn'] });
export const StopResult = z.object({ lastMonth: z.string(), stopped: z.number().int(), cancelled: z.number().int(), overpaidFen: z.number().int(), plans: z.array(PaymentPlan) });
export const AdjustBody = z.object({ amountFen: Fen, fromMonth: Month, reason: Reason });

export const CreateOverpaymentBody = z.object({
  caseId: z.number().int().positive(),
  amountFen: Fen,
  reason: Reason,
  fraud: z.boolean().default(false).describe('obtained by fraud (办法 Art. 68): a fine of fraud.fine_min_multiple–fraud.fine_max_multiple times the amount'),
  fineFen: z.number().int().min(0).max(1e14).optional().describe('the fine decided, in 分 (fraud only)'),
});
export const RecoveryBody = z.object({ amountFen: Fen, recoveredOn: LocalDate.optional(), note: z.string().trim().max(200).optional() });
export const ListOverpaymentsQuery = z.object({
  status: z.enum(OVERPAYMENT_STATUSES).optional(),
  caseId: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export const OverpaymentList = z.object({ items: z.array(Overpayment), total: z.number().int() });
