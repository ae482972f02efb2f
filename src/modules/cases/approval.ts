// 审批 → 发放. In one transaction, after locking the household (or the person) row: 一事一救 and
// the yearly caps of 临时救助 re-checked against the year as it now stands (approveWithinCaps),
// the approving authority checked against the amount actually granted, the case approved and its
// payments started (payments/plans.ts). Two racing approvals for one household queue on the lock,
// so the second sees the first and the caps hold (policy-digest edge 18).
import { AppError, validationFailed } from '../../platform/errors.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import type { Actor } from '../audit/audit.service.ts';
import { formatYuan } from '../policy/engine/money.ts';
import type { ParameterValues } from '../policy/engine/parameters.catalog.ts';
import { approveWithinCaps, firstPaymentMonth, reviewIntervalMonths, temporaryCaps, type CapGrant } from '../policy/rules/procedures.ts';
import { startPlanAs } from '../payments/plans.ts';
import { beyondTownship, mayApproveAt, monthlyLevel, type Level } from './authority.ts';
import { earlierCauses, yearUsage } from './caps.store.ts';
import { causeOf, sameCauseConflict, sameCauseIn } from './cause.ts';
import * as store from './cases.store.ts';
import type { Caller, Ctx } from './context.ts';
import { applyReview } from './reviews.ts';
import { overrideOf, type Override } from './override.ts';
import type { DecisionView } from '../policy/policy.schema.ts';
import { reviewSummary } from './reviews.store.ts';
import { runStep, subjectOf, type StepResult } from './steps.ts';

const LIMITED_BY = {
  requested: { zh: '按申请金额', en: 'as asked' },
  per_case: { zh: '受单次救助上限限制', en: 'limited by the per-case cap' },
  person_year: { zh: '受个人年度累计上限限制', en: 'limited by the person’s yearly cap' },
  household_year: { zh: '受家庭年度累计上限限制', en: 'limited by the household’s yearly cap' },
} as const;

/** 临时救助 inside the approving transaction: same cause, then the caps on the year as it stands now. */
async function temporaryGrant(tx: DbOrTx, row: store.CaseRow, requestedFen: number, p: ParameterValues, today: string): Promise<{ grant: CapGrant; beyondYearly: boolean }> {
  const subject = subjectOf(row);
  const exception = row.exceptionDecision !== null;
  const cause = causeOf(row);
  if (!exception && cause) {
    const same = sameCauseIn(cause, await earlierCauses(tx, subject, true), p);
    if (same) throw sameCauseConflict(same, p, 'approval');
  }
  const history = await yearUsage(tx, subject, Number(today.slice(0, 4)));
  const limits = temporaryCaps(p);
  const person = String(subject.personKey);
  const grant = approveWithinCaps(history, { person, requestedFen, exception }, limits);
  if (!grant.granted) {
    throw new AppError('conflict', `The yearly cap of 临时救助 is used up (${LIMITED_BY[grant.limitedBy].en}); more needs a documented county decision (一事一议)`, `本年度临时救助累计额度已用完（${LIMITED_BY[grant.limitedBy].zh}），超出须县级一事一议`);
  }
  const usedPerson = history.reduce((s, h) => (h.person === person ? s + h.amountFen : s), 0);
  const usedHousehold = history.reduce((s, h) => s + h.amountFen, 0);
  const beyondYearly = (limits.remainingPersonFen !== null && usedPerson + grant.amountFen > limits.remainingPersonFen)
    || (limits.remainingHouseholdFen !== null && usedHousehold + grant.amountFen > limits.remainingHouseholdFen);
  return { grant, beyondYearly };
}

export async function approveCase(ctx: Ctx, caller: Caller, id: number, body: { amountFen?: number | undefined; note: string; overrideReason?: string | undefined }, actor: Actor) {
  return runStep(ctx, caller, actor, id, {
    action: 'approve',
    lockSubject: true,
    // A township reviewer at a county-level approval: say why (the limit), not just "your role".
    roleError: (row, p) => beyondTownship(row.program, body.amountFen ?? row.proposedFen, p, row.exceptionDecision !== null),
  }, async (tx, row, { p, today }): Promise<StepResult> => {
    if (row.kind === 'review') return applyReview(ctx, tx, caller, actor, row, body, p, today);
    const asked = body.amountFen ?? row.proposedFen ?? row.requestedFen;
    if (asked === null || asked <= 0) throw validationFailed([{ field: 'amountFen', message: 'state the amount approved', messageZh: '请填写批准金额' }]);

    let amountFen = asked;
    let limitedBy: CapGrant['limitedBy'] = 'requested';
    let level: Level;
    const data: Record<string, unknown> = {};
    if (row.program === 'temporary') {
      const { grant, beyondYearly } = await temporaryGrant(tx, row, asked, p, today);
      amountFen = grant.amountFen;
      limitedBy = grant.limitedBy;
      level = grant.approver!;
      Object.assign(data, { limitedBy: grant.limitedBy, remainingPersonFen: grant.remainingPersonFen, remainingHouseholdFen: grant.remainingHouseholdFen, exception: row.exceptionDecision, beyondYearlyCap: beyondYearly });
    } else {
      level = monthlyLevel(row.program, p);
    }
    if (!mayApproveAt(caller, level)) throw beyondTownship(row.program, amountFen, p, row.exceptionDecision !== null);
    const decision = row.decision as DecisionView | null;
    // A county's 一事一议 is itself the documented decision to go beyond the rules.
    const against = row.exceptionDecision !== null ? null : overrideOf(decision, amountFen);
    let override: Override | null = null;
    if (against) {
      if (!body.overrideReason) throw validationFailed([{ field: 'overrideReason', message: `${against.en}: approving needs a written reason`, messageZh: `${against.zh}，批准须写明理由` }]);
      override = { kind: against.kind, reason: body.overrideReason, engineStatus: decision!.status, engineFen: decision!.amountFen, approvedFen: amountFen, decidedAsOf: row.decidedAsOf };
      data.override = override;
    }

    const payee = row.beneficiaryPersonId ?? row.applicantPersonId;
    const plan = { caseId: row.id, householdId: row.householdId, payeePersonId: payee, jurisdictionCode: row.jurisdictionCode, program: row.program, createdBy: caller.id };
    const patch: Partial<store.CaseInsert> = { approvedFen: amountFen, approvedOn: today, approvalLevel: level, dueOn: null, override };
    if (row.program === 'temporary') {
      // What was paid first from the reserve fund is part of the approved amount.
      const onceFen = Math.max(0, amountFen - row.prepaidFen);
      if (onceFen > 0) data.planId = (await startPlanAs(ctx.audit, tx, { ...plan, period: 'once', amountFen: onceFen, fromMonth: today.slice(0, 7) }, actor)).planId;
      Object.assign(data, { onceFen, prepaidFen: row.prepaidFen });
    } else {
      const fromMonth = firstPaymentMonth(today);
      data.planId = (await startPlanAs(ctx.audit, tx, { ...plan, period: 'monthly', amountFen, fromMonth }, actor)).planId;
      const interval = reviewIntervalMonths({ ...(await reviewSummary(tx, row, today)), lastReviewedOn: today }, p);
      Object.assign(patch, { firstPaymentMonth: fromMonth, nextReviewOn: interval.nextReviewDue });
      Object.assign(data, { firstPaymentMonth: fromMonth, reviewMonths: interval.months, nextReviewOn: interval.nextReviewDue });
    }
    data.amountFen = amountFen;
    data.approvalLevel = level;
    const reduced = amountFen < asked ? `（${LIMITED_BY[limitedBy].zh}，核减为 ${formatYuan(amountFen)} 元 / reduced to ¥${formatYuan(amountFen)}, ${LIMITED_BY[limitedBy].en}）` : '';
    const overridden = override ? `（不同于政策引擎意见：${override.reason} / against the engine: ${override.reason}）` : '';
    return { patch, note: `${body.note}${reduced}${overridden}`, data, changes: { state: { before: row.state, after: 'approved' }, approvedFen: { before: null, after: amountFen }, ...(override ? { override: { before: null, after: override } } : {}) } };
  });
}
