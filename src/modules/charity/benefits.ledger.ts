// The one benefit ledger (B2) of a household or person, as a plain function over its rows:
// government payments and charity deliveries by year, source, program and cause, with totals, and
// the causes whose aid from all sources in a year passed the set amount (a mark, never a block).
import { CAUSES, PROGRAM_CAUSE, type Cause } from './charity.labels.ts';

export type LedgerRow = { source: 'government' | 'charity'; sourceName: string; program: string; cause: string; year: number; amountFen: number; items: number };

const PROGRAM_NAMES: Record<string, string> = { dibao: '最低生活保障', tekun: '特困人员救助供养', temporary: '临时救助', fcu: '事实无人抚养儿童基本生活保障' };

/** A government payment's program and the cause it counts under. */
export function governmentRow(program: string, year: number, amountFen: number, items: number): LedgerRow {
  return { source: 'government', sourceName: '政府救助', program: PROGRAM_NAMES[program] ?? program, cause: PROGRAM_CAUSE[program] ?? 'other', year, amountFen, items };
}

export function benefitLedger(householdId: number, rows: readonly LedgerRow[], thresholdOf: (year: number) => number | null) {
  const years = [...new Set(rows.map((r) => r.year))].sort((a, b) => b - a);
  const totals = { governmentFen: 0, charityFen: 0, totalFen: 0 };
  let marked = false;
  const out = years.map((year) => {
    const lines = rows.filter((r) => r.year === year).sort((a, b) => a.source.localeCompare(b.source) || b.amountFen - a.amountFen);
    const governmentFen = lines.filter((l) => l.source === 'government').reduce((s, l) => s + l.amountFen, 0);
    const charityFen = lines.filter((l) => l.source === 'charity').reduce((s, l) => s + l.amountFen, 0);
    const threshold = thresholdOf(year);
    const byCause = (Object.keys(CAUSES) as Cause[])
      .map((cause) => ({ cause, amountFen: lines.filter((l) => l.cause === cause).reduce((s, l) => s + l.amountFen, 0) }))
      .filter((c) => c.amountFen > 0)
      .map((c) => ({ ...c, thresholdFen: threshold, marked: threshold !== null && c.amountFen > threshold }));
    if (byCause.some((c) => c.marked)) marked = true;
    totals.governmentFen += governmentFen;
    totals.charityFen += charityFen;
    return { year, lines: lines.map(({ year: _y, ...l }) => ({ ...l, cause: l.cause as Cause })), governmentFen, charityFen, totalFen: governmentFen + charityFen, byCause };
  });
  totals.totalFen = totals.governmentFen + totals.charityFen;
  return { householdId, years: out, totals, marked };
}
