// The parameter files are valid for every place and year, and the published list is current.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { checkFiles, parametersMarkdown, parseParameterFile, readParameterFiles } from './policy.files.ts';

test('every place’s parameters are consistent in every year', () => {
  assert.deepEqual(checkFiles(), []);
});

test('docs/policy-parameters.md lists every file value (regenerate with `lastmile policy list --all`)', () => {
  const doc = readFileSync(resolve(import.meta.dirname, '../../../docs/policy-parameters.md'), 'utf8');
  assert.equal(doc, parametersMarkdown(readParameterFiles()));
});

test('a bad value in a file is refused naming the file, key and date', () => {
  const yaml = "jurisdiction: '14'\nname: 山西省\nvalues:\n  dibao.standard.urban:\n    - { from: 2022-01-01, value: 750.5, tag: demo, source: x }\n";
  const zh = (fn: () => unknown) => {
    try { fn(); } catch (err) { return (err as { messageZh: string }).messageZh; }
    return '';
  };
  assert.equal(zh(() => parseParameterFile(yaml, '14-test.yaml')), '14-test.yaml：dibao.standard.urban（2022-01-01 起）：城市低保标准：应为整数（分）');
  assert.match(zh(() => parseParameterFile(yaml.replace('dibao.standard.urban', 'dibao.no_such'), 'x.yaml')), /未知参数 dibao\.no_such/);
});
