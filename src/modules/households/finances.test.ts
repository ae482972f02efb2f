import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addMonths, computeFinances, financePeriod } from './finances.ts';
import { MemberFlags } from './households.schema.ts';

const member = (flags: Partial<MemberFlags> = {}) => ({ flags: MemberFlags.parse(flags) });

test('the period is the 12 complete months before the reference date, across a year end', () => {
  assert.deepEqual(financePeriod('2026-01-15'), { from: '2025-01', to: '2025-12' });
  assert.deepEqual(financePeriod('2026-11-23'), { from: '2025-11', to: '2026-10' });
  assert.equal(addMonths('2025-12', 1), '2026-01');
  assert.equal(addMonths('2026-01', -13), '2024-12');
});

test('per-capita monthly income: total of the period / 12 / members living together, floored', () => {
  const f = computeFinances(
    {
      incomes: [
        ...Array.from({ length: 12 }, (_, i) => ({ month: addMonths('2025-11', i), amountFen: 200_000 })), // 2,000 元 a month
        { month: '2026-10', amountFen: 1 }, // one fen more: the floor keeps it honest
        { month: '2025-10', amountFen: 999_999 }, // before the period: not counted
      ],
      members: [member(), member(), member({ livingTogether: false }), member({ servingSentence: true })],
      assets: [{ valueFen: 5_000_000 }],
      expenses: [{ date: '2026-03-02', amountFen: 120_000 }, { date: '2024-01-01', amountFen: 1 }],
    },
    '2026-11-23',
  );
  assert.equal(f.incomeTotalFen, 2_400_001);
  assert.equal(f.monthlyIncomeFen, 200_000);
  assert.equal(f.membersCounted, 2);
  assert.equal(f.perCapitaMonthlyIncomeFen, 100_000);
  assert.equal(f.assetsTotalFen, 5_000_000);
  assert.equal(f.expensesTotalFen, 120_000);
  assert.ok(Number.isInteger(f.monthlyIncomeFen) && Number.isInteger(f.perCapitaMonthlyIncomeFen));
});

test('a household with nobody living together has no per-capita figure', () => {
  const f = computeFinances({ incomes: [], members: [member({ livingTogether: false })], assets: [], expenses: [] }, '2026-11-23');
  assert.equal(f.perCapitaMonthlyIncomeFen, null);
});
