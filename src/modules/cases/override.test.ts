import { test } from 'node:test';
import assert from 'node:assert/strict';
import { overrideOf } from './override.ts';

test('an approval goes against the engine when it found 不符合, or above its amount; otherwise not', () => {
  assert.equal(overrideOf(null, 100), null);
  assert.equal(overrideOf({ status: 'ineligible', amountFen: null }, 1)?.kind, 'ineligible');
  assert.equal(overrideOf({ status: 'eligible', amountFen: 300_000 }, 300_000), null);
  assert.equal(overrideOf({ status: 'eligible', amountFen: 300_000 }, 299_999), null);
  const above = overrideOf({ status: 'eligible', amountFen: 300_000 }, 300_001);
  assert.equal(above?.kind, 'above_engine');
  assert.match(above!.zh, /3000\.01 元高于政策引擎核算的 3000\.00 元/);
  // Missing information is not a verdict against the case: no reason is demanded.
  assert.equal(overrideOf({ status: 'needs_information', amountFen: null }, 500_000), null);
  assert.equal(overrideOf({ status: 'eligible', amountFen: null }, 500_000), null);
});
