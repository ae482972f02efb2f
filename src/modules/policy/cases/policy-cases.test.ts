// Runs every case table in this folder against the engine with the repository's parameter files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ParameterIndex } from '../engine/parameters.ts';
import { readParameterFiles } from '../policy.files.ts';
import { compare, loadCaseFiles, runCase } from './case-file.ts';

const index = new ParameterIndex(readParameterFiles());
const cases = loadCaseFiles();

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
