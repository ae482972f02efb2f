import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findSameCause, referenceKey, sameCauseBy } from './same-cause.ts';
import { PROGRAMS } from '../programs/index.ts';
import { evaluateWith } from '../engine/evaluate.ts';
import { readParameterFiles } from '../policy.files.ts';
import { ParameterIndex } from '../engine/parameters.ts';
import type { HouseholdFacts } from '../engine/facts.ts';

test('one cause: same reference, or same kind within the window; 其他 only by reference or description', () => {
  const fire = { kind: 'fire', eventOn: '2025-11-01', description: '11月家中厨房失火' };
  assert.equal(sameCauseBy({ kind: 'fire', eventOn: '2025-11-14', description: '11月厨房起火' }, fire, 30), 'kind_and_date');
  assert.equal(sameCauseBy({ kind: 'fire', eventOn: '2025-10-02' }, fire, 30), 'kind_and_date', 'the window runs both ways');
  assert.equal(sameCauseBy({ kind: 'fire', eventOn: '2025-12-02' }, fire, 30), null);
  assert.equal(sameCauseBy({ kind: 'fire', eventOn: '2025-11-02' }, fire, 0), null, 'a window of 0 days: the same day only');
  assert.equal(sameCauseBy({ kind: 'traffic_accident', eventOn: '2025-11-01' }, fire, 30), null);
  assert.equal(sameCauseBy({ kind: 'medical', eventOn: '2026-03-01', reference: 'ＺＹ-2025 0012' }, { kind: 'sudden_illness', eventOn: '2025-11-01', reference: 'zy2025-0012'.toUpperCase() }, 30), 'reference');
  assert.equal(sameCauseBy({ kind: 'other', eventOn: '2025-11-01', description: '钱包被盗' }, { kind: 'other', eventOn: '2025-11-01', description: '房屋漏水' }, 30), null);
  assert.equal(referenceKey(' 杏消认字〔2025〕 第 17 号 '), referenceKey('杏消认字〔2025〕第17号'));
  assert.equal(findSameCause({ kind: 'fire', eventOn: '2025-11-10' }, [{ kind: 'medical', eventOn: '2025-11-10' }, fire], 30)?.match, fire);
});

test('the engine’s trace names the cause by kind and date, and why it is the same', () => {
  const set = new ParameterIndex(readParameterFiles()).resolve('140826', '2023-06-01');
  const facts: HouseholdFacts = {
    jurisdictionCode: '140826', area: 'rural', localHukou: true, members: [{ relationship: 'head', birth: 19680302 }],
    temporary: { kind: 'emergency', cause: { kind: 'fire', eventOn: 20230601 }, requestedFen: 150_000, approvedThisYearPersonFen: 0, approvedThisYearHouseholdFen: 0, applicationsThisYear: 1, previousCauses: [{ kind: 'fire', eventOn: 20230520 }] },
  };
  const d = evaluateWith(PROGRAMS.get('temporary')!, facts, '2023-06-01', set, { explain: true });
  assert.equal(d.category, 'same_cause');
  const cause = d.trace!.find((c) => c.id === 'temporary.cause')!;
  assert.equal(cause.zh, '已因同一事由（火灾，2023-06-01，同类事由，事件日期相隔不超过 30 天）获得过临时救助，不得重复申请（一事一救）');
  assert.equal(cause.en, 'Already helped for the same cause (fire on 2023-06-01; the same kind, event dates at most 30 days apart): no second application');
});
