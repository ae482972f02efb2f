import { test } from 'node:test';
import assert from 'node:assert/strict';
import { benefitLedger, governmentRow, type LedgerRow } from './benefits.ledger.ts';

const charity = (year: number, cause: string, amountFen: number): LedgerRow => ({ source: 'charity', sourceName: '慈善会', program: '粮油慰问', cause, year, amountFen, items: 1 });

test('government and charity aid add up per year and in total, by cause', () => {
  const ledger = benefitLedger(7, [governmentRow('dibao', 2026, 225_000, 3), charity(2026, 'food', 18_000), governmentRow('dibao', 2025, 900_000, 12)], () => null);
  assert.deepEqual(ledger.years.map((y) => [y.year, y.governmentFen, y.charityFen, y.totalFen]), [[2026, 225_000, 18_000, 243_000], [2025, 900_000, 0, 900_000]]);
  assert.deepEqual(ledger.totals, { governmentFen: 1_125_000, charityFen: 18_000, totalFen: 1_143_000 });
  assert.deepEqual(ledger.years[0]!.byCause.map((c) => [c.cause, c.amountFen]), [['living', 225_000], ['food', 18_000]]);
  assert.equal(ledger.marked, false);
});

test('a cause past the set amount from all sources together is marked, not the others; the year is the threshold\'s', () => {
  const rows = [governmentRow('temporary', 2026, 15_000_00, 1), charity(2026, 'disaster', 6_000_00), charity(2026, 'food', 30_000_00), charity(2025, 'disaster', 6_000_00)];
  const ledger = benefitLedger(7, rows, (year) => (year === 2026 ? 20_000_00 : null));
  const y2026 = ledger.years.find((y) => y.year === 2026)!;
  assert.deepEqual(y2026.byCause.map((c) => [c.cause, c.amountFen, c.marked]), [['food', 30_000_00, true], ['disaster', 21_000_00, true]]);
  assert.equal(ledger.years.find((y) => y.year === 2025)!.byCause[0]!.marked, false);
  assert.equal(ledger.marked, true);
  const exactly = benefitLedger(7, [charity(2026, 'food', 20_000_00)], () => 20_000_00);
  assert.equal(exactly.marked, false, 'passing means more than the amount');
});
