// Resolution of dated values along the jurisdiction chain.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ParameterIndex, jurisdictionChain, type ParameterEntry } from './parameters.ts';

const e = (jurisdiction: string, from: string, value: number, source = 's'): ParameterEntry => ({ key: 'dibao.standard.urban', jurisdiction, from, value, tag: 'demo', source });

test('the chain runs from the place up to national', () => {
  assert.deepEqual(jurisdictionChain('140107001001001'), ['140107001001001', '140107001001', '140107001', '140107', '1401', '14', '']);
  assert.deepEqual(jurisdictionChain(''), ['']);
});

test('the most specific level in force wins; before its date the level above applies', () => {
  const index = new ParameterIndex([e('1401', '2022-01-01', 74000), e('140107', '2023-01-01', 75000), e('', '2020-01-01', 50000)]);
  assert.equal(index.resolve('140107001', '2023-06-01').values['dibao.standard.urban'], 75000);
  assert.equal(index.resolve('140107001', '2022-06-01').values['dibao.standard.urban'], 74000);
  assert.equal(index.resolve('140107', '2021-06-01').values['dibao.standard.urban'], 50000);
  assert.equal(index.resolve('14', '2019-06-01').values['dibao.standard.urban'], undefined);
});

test('a correction for the same place and date (given later) replaces the earlier value', () => {
  const index = new ParameterIndex([e('140107', '2023-01-01', 75000, 'first'), e('140107', '2023-01-01', 76000, 'corrected')]);
  const set = index.resolve('140107', '2023-06-01');
  assert.equal(set.values['dibao.standard.urban'], 76000);
  assert.equal(set.provenance['dibao.standard.urban']!.source, 'corrected');
});
