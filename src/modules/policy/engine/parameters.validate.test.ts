import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkParameterSet, checkParameterValue } from './parameters.validate.ts';
import { ParameterIndex } from './parameters.ts';
import type { ParameterValues } from './parameters.catalog.ts';
import { readParameterFiles } from '../policy.files.ts';

const keys = (problems: { key: string }[]) => problems.map((p) => p.key);

// 失业保险金 must lie strictly between the urban 低保 standard and the minimum wage (policy-digest
// §5, edge case 24). 太原 2022: standard 750 (杏花岭区), minimum wage 1880.
const taiyuan: ParameterValues = { 'dibao.standard.urban': 75000, 'min_wage.monthly': 188000, 'unemp.benefit_fen': 159800 };

test('checkParameterValue: valid values of each kind pass', () => {
  assert.deepEqual(checkParameterValue('unemp.benefit_fen', 159800), []);
  assert.deepEqual(checkParameterValue('dibao.edge_multiple_bp', 15000), []);
  assert.deepEqual(checkParameterValue('unemp.max_months', 24), []);
  assert.deepEqual(checkParameterValue('unemp.refused_renewal_involuntary', false), []);
  assert.deepEqual(checkParameterValue('unemp.subsidy.window_to', '2022-12-31'), []);
  assert.deepEqual(checkParameterValue('dibao.mode', 'tiers'), []);
  assert.deepEqual(checkParameterValue('dibao.excluded_incomes', ['pension_basic']), []);
  assert.deepEqual(checkParameterValue('dibao.tiers', [{ gapAtLeastBp: 0, payBp: 10000 }]), []);
  assert.deepEqual(checkParameterValue('unemp.durations', [{ years: 1, months: 12 }]), []);
});

test('checkParameterValue: an unknown key is named', () => {
  const problems = checkParameterValue('dibao.standard.suburban', 50000);
  assert.equal(problems.length, 1);
  assert.equal(problems[0]!.key, 'dibao.standard.suburban');
  assert.match(problems[0]!.message, /unknown parameter dibao\.standard\.suburban/);
  assert.match(problems[0]!.messageZh, /未知参数/);
});

test('checkParameterValue: a value of the wrong kind is refused with the expected kind', () => {
  const cases: [string, unknown, string, RegExp][] = [
    ['unemp.benefit_fen', 1598.5, 'fen', /整数（分）/],
    ['unemp.benefit_fen', '1598', 'fen', /整数（分）/],
    ['unemp.benefit_fen', -1, 'fen', /整数（分）/],
    ['dibao.edge_multiple_bp', 1.5, 'bp', /整数基点/],
    ['unemp.max_months', -24, 'int', /非负整数/],
    ['unemp.refused_renewal_involuntary', 'yes', 'bool', /是\/否/],
    ['unemp.subsidy.window_from', '2022-13-01', 'date', /日期/],
    ['unemp.subsidy.window_from', '2022/03/01', 'date', /日期/],
    ['dibao.excluded_incomes', 'pension_basic', 'list', /文字列表/],
    ['dibao.tiers', [], 'tiers', /分档表/],
    ['dibao.tiers', [{ gapAtLeastBp: 0 }], 'tiers', /分档表/],
    ['unemp.durations', [{ years: 1, months: 12.5 }], 'durations', /期限表/],
  ];
  for (const [key, value, kind, zh] of cases) {
    const problems = checkParameterValue(key, value);
    assert.equal(problems.length, 1, `${key} = ${JSON.stringify(value)}`);
    assert.equal(problems[0]!.key, key);
    assert.match(problems[0]!.message, new RegExp(`expected ${kind}$`));
    assert.match(problems[0]!.messageZh, zh);
  }
});

test('checkParameterValue: an enum value outside its options is refused, naming them', () => {
  const mode = checkParameterValue('dibao.mode', 'bands');
  assert.equal(mode.length, 1);
  assert.match(mode[0]!.message, /one of gap, tiers/);
  assert.match(mode[0]!.messageZh, /gap、tiers/);
  const rounding = checkParameterValue('amount.rounding', 'half_even');
  assert.match(rounding[0]!.message, /one of half_up, floor, ceil/);
  assert.equal(checkParameterValue('dibao.max_study_level', 'doctorate').length, 1);
  assert.equal(checkParameterValue('fcu.top_up', 'difference').length, 0);
});

test('checkParameterSet: an empty or sound set has no problems', () => {
  assert.deepEqual(checkParameterSet({}), []);
  assert.deepEqual(checkParameterSet(taiyuan), []);
});

test('checkParameterSet: a 失业保险金 standard at or above the minimum wage is invalid (edge case 24)', () => {
  const at = checkParameterSet({ ...taiyuan, 'unemp.benefit_fen': 188000 });
  assert.deepEqual(keys(at), ['unemp.benefit_fen']);
  assert.match(at[0]!.message, /below the minimum wage/);
  assert.match(at[0]!.messageZh, /须低于最低工资标准（1880\.00 元）/);
  assert.deepEqual(keys(checkParameterSet({ ...taiyuan, 'unemp.benefit_fen': 200000 })), ['unemp.benefit_fen']);
  assert.deepEqual(checkParameterSet({ ...taiyuan, 'unemp.benefit_fen': 187999 }), []);
});

test('checkParameterSet: a 失业保险金 standard at or below the urban 低保 standard is invalid (edge case 24)', () => {
  const at = checkParameterSet({ ...taiyuan, 'unemp.benefit_fen': 75000 });
  assert.deepEqual(keys(at), ['unemp.benefit_fen']);
  assert.match(at[0]!.message, /above the urban dibao standard/);
  assert.match(at[0]!.messageZh, /须高于城市低保标准（750\.00 元）/);
  assert.deepEqual(keys(checkParameterSet({ ...taiyuan, 'unemp.benefit_fen': 60000 })), ['unemp.benefit_fen']);
  assert.deepEqual(checkParameterSet({ ...taiyuan, 'unemp.benefit_fen': 75001 }), []);
});

test('checkParameterSet: a benefit outside both bounds reports both', () => {
  // A minimum wage below the 低保 standard leaves no valid benefit at all.
  const both = checkParameterSet({ 'dibao.standard.urban': 90000, 'min_wage.monthly': 80000, 'unemp.benefit_fen': 85000 });
  assert.equal(both.length, 2);
});

test('checkParameterSet: the benefit rule needs both sides only for the side it checks', () => {
  assert.deepEqual(checkParameterSet({ 'unemp.benefit_fen': 159800 }), []);
  assert.equal(checkParameterSet({ 'unemp.benefit_fen': 200000, 'min_wage.monthly': 188000 }).length, 1);
  assert.equal(checkParameterSet({ 'unemp.benefit_fen': 70000, 'dibao.standard.urban': 75000 }).length, 1);
});

test('checkParameterSet: the 低保边缘 multiple must be above 100%', () => {
  assert.deepEqual(keys(checkParameterSet({ 'dibao.edge_multiple_bp': 10000 })), ['dibao.edge_multiple_bp']);
  assert.deepEqual(keys(checkParameterSet({ 'dibao.edge_multiple_bp': 9000 })), ['dibao.edge_multiple_bp']);
  assert.deepEqual(checkParameterSet({ 'dibao.edge_multiple_bp': 10001 }), []);
  assert.deepEqual(checkParameterSet({ 'dibao.edge_multiple_bp': 20000 }), []);
});

test('checkParameterSet: shares cannot exceed 100%', () => {
  for (const key of ['dibao.min_payment_bp', 'dibao.single_floor_bp', 'unemp.subsidy.rate_bp', 'near_miss_bp', 'rigid.ratio_bp'] as const) {
    assert.deepEqual(keys(checkParameterSet({ [key]: 10001 })), [key], key);
    assert.deepEqual(checkParameterSet({ [key]: 10000 }), [], key);
  }
});

test('checkParameterSet: a tier cannot pay more than the standard', () => {
  assert.deepEqual(keys(checkParameterSet({ 'dibao.tiers': [{ gapAtLeastBp: 0, payBp: 5000 }, { gapAtLeastBp: 5000, payBp: 10001 }] })), ['dibao.tiers']);
  assert.deepEqual(checkParameterSet({ 'dibao.tiers': [{ gapAtLeastBp: 0, payBp: 5000 }, { gapAtLeastBp: 5000, payBp: 10000 }] }), []);
});

test('checkParameterSet: the 失业补助金 window cannot end before it starts', () => {
  assert.deepEqual(keys(checkParameterSet({ 'unemp.subsidy.window_from': '2022-12-31', 'unemp.subsidy.window_to': '2020-03-01' })), ['unemp.subsidy.window_to']);
  assert.deepEqual(checkParameterSet({ 'unemp.subsidy.window_from': '2022-03-01', 'unemp.subsidy.window_to': '2022-03-01' }), []);
  assert.deepEqual(checkParameterSet({ 'unemp.subsidy.window_from': '2020-03-01', 'unemp.subsidy.window_to': '2022-12-31' }), []);
});

test('checkParameterSet: no duration may exceed the cap on months', () => {
  const durations = [{ years: 1, months: 12 }, { years: 5, months: 18 }, { years: 10, months: 24 }];
  assert.deepEqual(checkParameterSet({ 'unemp.durations': durations, 'unemp.max_months': 24 }), []);
  assert.deepEqual(keys(checkParameterSet({ 'unemp.durations': durations, 'unemp.max_months': 18 })), ['unemp.durations']);
  assert.deepEqual(checkParameterSet({ 'unemp.durations': durations }), []);
});

test('checkParameterSet: every problem has an English and a Chinese message', () => {
  const problems = checkParameterSet({
    ...taiyuan,
    'unemp.benefit_fen': 200000,
    'dibao.edge_multiple_bp': 10000,
    'near_miss_bp': 20000,
    'dibao.tiers': [{ gapAtLeastBp: 0, payBp: 12000 }],
    'unemp.subsidy.window_from': '2023-01-01',
    'unemp.subsidy.window_to': '2022-01-01',
    'unemp.durations': [{ years: 10, months: 36 }],
    'unemp.max_months': 24,
  });
  assert.deepEqual(keys(problems).sort(), ['dibao.edge_multiple_bp', 'dibao.tiers', 'near_miss_bp', 'unemp.benefit_fen', 'unemp.durations', 'unemp.subsidy.window_to']);
  for (const p of problems) {
    assert.ok(p.message.length > 0);
    assert.match(p.messageZh, /[\u4e00-\u9fff]/);
  }
});

test('checkParameterSet: the repository’s parameter files resolve to sound sets for every place and year', () => {
  const index = new ParameterIndex(readParameterFiles());
  for (const jurisdiction of index.jurisdictions()) {
    for (const date of ['2022-09-01', '2023-06-01', '2024-03-01']) {
      assert.deepEqual(checkParameterSet(index.resolve(jurisdiction, date).values), [], `${jurisdiction || 'national'} on ${date}`);
    }
  }
});
