// 紧急程序: 急难型 临时救助 may be paid at once (先行救助) from the township's reserve fund, before
// 审核 and 审批, and the paperwork completed within linshi.paperwork_days (a deadline on the
// case). In one transaction: the household row locked (the caps count the advance), the fund row
// locked and debited, the payment recorded as paid (payments/plans.ts).
import { AppError } from '../../platform/errors.ts';
import type { Actor } from '../audit/audit.service.ts';
import { formatYuan } from '../policy/engine/money.ts';
import { approveWithinCaps, mayPayBeforeApproval, temporaryCaps } from '../policy/rules/procedures.ts';
import { recordPrepaymentAs } from '../payments/plans.ts';
import { lockReserve, spendReserve, yearUsage } from './caps.store.ts';
import type { Caller, Ctx } from './context.ts';
import { paperworkDue } from './deadlines.ts';
import { runStep, subjectOf } from './steps.ts';

export function prepay(ctx: Ctx, caller: Caller, id: number, body: { amountFen: number; note: string }, actor: Actor) {
  return runStep(ctx, caller, actor, id, { action: 'prepay', lockSubject: true }, async (tx, row, { p, today }) => {
    const may = mayPayBeforeApproval(row.category === 'emergency' ? 'emergency' : 'expenditure');
    if (!may.allowed) throw new AppError('conflict', may.reason.en, may.reason.zh);
    const year = Number(today.slice(0, 4));
    // The advance counts against the yearly caps like an approval (no 一事一议 before the county decides).
    const subject = subjectOf(row);
    const grant = approveWithinCaps(await yearUsage(tx, subject, year), { person: String(subject.personKey), requestedFen: body.amountFen }, temporaryCaps(p));
    if (!grant.granted || grant.amountFen < body.amountFen) {
      throw new AppError('conflict', `At most ¥${formatYuan(grant.amountFen)} can be paid in advance within the caps`, `在救助上限内最多可先行救助 ${formatYuan(grant.amountFen)} 元`);
    }
    const township = row.jurisdictionCode.slice(0, 9);
    const fund = await lockReserve(tx, township, year, p['linshi.reserve_fund_fen'] ?? 0);
    const balance = fund.allocatedFen - fund.spentFen;
    if (balance < body.amountFen) {
      throw new AppError('conflict', `The township reserve fund is short: ¥${formatYuan(balance)} left of ¥${formatYuan(fund.allocatedFen)} for ${year}`, `乡镇临时救助备用金余额不足：${year} 年 ${formatYuan(fund.allocatedFen)} 元，尚余 ${formatYuan(balance)} 元`);
    }
    await spendReserve(tx, township, year, body.amountFen);
    const payment = await recordPrepaymentAs(ctx.audit, tx, {
      caseId: row.id, householdId: row.householdId, payeePersonId: row.beneficiaryPersonId ?? row.applicantPersonId,
      jurisdictionCode: row.jurisdictionCode, program: row.program, amountFen: body.amountFen, createdBy: caller.id, month: today.slice(0, 7),
    }, actor, today);
    const paperworkDueOn = paperworkDue(ctx.cal, today, p);
    return {
      patch: { prepaidFen: body.amountFen, prepaidOn: today, paperworkDueOn },
      note: body.note,
      data: { amountFen: body.amountFen, paymentId: payment.paymentId, reserve: { township, year, allocatedFen: fund.allocatedFen, balanceFen: balance - body.amountFen }, paperworkDueOn },
      changes: { prepaidFen: { before: 0, after: body.amountFen } },
    };
  });
}
