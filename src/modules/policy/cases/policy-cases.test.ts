// Runs every case table in this folder with the repository's parameter files: program cases
// against the engine, rule cases (files with `rules: true`) against the procedure rules.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ParameterIndex } from '../engine/parameters.ts';
import { readParameterFiles } from '../policy.files.ts';
import { RULES } from '../rules/index.ts';
import { compare, compareRule, loadCaseFiles, loadRuleCases, runCase, runRuleCase } from './case-file.ts';

const index = new ParameterIndex(readParameterFiles());
const cases = loadCaseFiles();
const ruleCases = loadRuleCases();

test('case tables exist for the programs', () => {
  assert.ok(cases.length > 0);
});

for (const c of cases) {
  test(`${c.file} · ${c.name}`, () => {
    const d = runCase(c, index);
    const diff = compare(d, c.expect);
    const trace = (d.trace ?? []).map((x) => `  ${x.pass === null ? '?' : x.pass ? '✓' : '✗'} ${x.zh}`).join('\n');
    assert.equal(diff, '', `${diff}\n${trace}`);
  });
}

test('case tables cover the procedure edge cases, at least 2 cases per rule', () => {
  const digests = new Set(ruleCases.map((c) => c.digest));
  for (const n of [3, 4, 5, 8, 9, 15, 18, 25, 26]) assert.ok(digests.has(n), `no rule case for edge case ${n}`);
  const perRule = new Map<string, number>();
  for (const c of ruleCases) perRule.set(c.rule, (perRule.get(c.rule) ?? 0) + 1);
  for (const rule of Object.keys(RULES)) assert.ok((perRule.get(rule) ?? 0) >= 2, `rule ${rule} has ${perRule.get(rule) ?? 0} case(s)`);
});

for (const c of ruleCases) {
  test(`${c.file} · ${c.rule} · ${c.name}`, () => {
    const out = runRuleCase(c, index);
    const diff = compareRule(out, c.expect);
    const reason = (out['reason'] as { zh?: string } | undefined)?.zh;
    assert.equal(diff, '', `${diff}${reason ? `\n  ${reason}` : ''}`);
  });
}
