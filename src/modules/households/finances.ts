// Household finance figures, as plain integer arithmetic in 分. The period is the 12 complete
// months before the reference date. Rounding: averages and per-capita figures are floored (a
// household is never shown richer than its records say).
import type { Finances, MemberFlags } from './households.schema.ts';

export type FinanceInputs = {
  incomes: { month: string; amountFen: number }[];
  members: { flags: MemberFlags }[];
  assets: { valueFen: number }[];
  expenses: { date: string; amountFen: number }[];
};

/** 'YYYY-MM' shifted by n months. */
export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) + n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

export function financePeriod(referenceDate: string): { from: string; to: string } {
  const to = addMonths(referenceDate.slice(0, 7), -1);
  return { from: addMonths(to, -11), to };
}

/** Members counted for per-capita figures here: those living together (the policy engine applies the full rules). */
export function countedMembers(members: { flags: MemberFlags }[]): number {
  return members.filter((m) => m.flags.livingTogether && !m.flags.servingSentence).length;
}

export function computeFinances(inputs: FinanceInputs, referenceDate: string): Finances {
  const { from, to } = financePeriod(referenceDate);
  const inPeriod = (month: string) => month >= from && month <= to;
  const incomeTotalFen = inputs.incomes.filter((i) => inPeriod(i.month)).reduce((sum, i) => sum + i.amountFen, 0);
  const monthlyIncomeFen = Math.floor(incomeTotalFen / 12);
  const membersCounted = countedMembers(inputs.members);
  return {
    periodFrom: from,
    periodTo: to,
    incomeTotalFen,
    monthlyIncomeFen,
    membersCounted,
    perCapitaMonthlyIncomeFen: membersCounted > 0 ? Math.floor(monthlyIncomeFen / membersCounted) : null,
    assetsTotalFen: inputs.assets.reduce((sum, a) => sum + a.valueFen, 0),
    expensesTotalFen: inputs.expenses.filter((e) => inPeriod(e.date.slice(0, 7))).reduce((sum, e) => sum + e.amountFen, 0),
  };
}
