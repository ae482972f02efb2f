// The layers import downwards only: lib ← platform ← modules ← app (composition root) ← cli/seed.
// platform/ and lib/ must never reach a module, the composition root, the CLI or the seed data,
// or platform and modules become one import circle again.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const SRC = fileURLToPath(new URL('../src', import.meta.url));

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? tsFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

/** Every relative specifier a file imports or re-exports, statically or with import(). */
export function importedPaths(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specs = [...text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)['"](\.[^'"]+)['"]/gm)].map((m) => m[1]!);
  return specs.map((s) => resolve(dirname(file), s));
}

const FORBIDDEN: Record<string, string[]> = {
  platform: ['modules', 'app', 'cli', 'seed'],
  lib: ['modules', 'app', 'cli', 'seed', 'platform'],
};

for (const [layer, forbidden] of Object.entries(FORBIDDEN)) {
  test(`src/${layer} imports nothing from ${forbidden.join(', ')}`, () => {
    const offences: string[] = [];
    for (const file of tsFiles(join(SRC, layer))) {
      for (const target of importedPaths(file)) {
        const top = relative(SRC, target).split('/')[0]!;
        if (forbidden.includes(top)) offences.push(`${relative(SRC, file)} → ${relative(SRC, target)}`);
      }
    }
    assert.deepEqual(offences, []);
  });
}

test('the import scanner sees static, re-export and dynamic imports', () => {
  // A scanner that found nothing would pass the checks above vacuously.
  const paths = importedPaths(join(SRC, 'app', 'http.ts')).map((p) => relative(SRC, p));
  assert.ok(paths.includes('modules/auth/index.ts'));
  assert.ok(paths.includes('platform/http/server.ts'));
  const dyn = importedPaths(fileURLToPath(new URL('../src/modules/imports/person-import.test.ts', import.meta.url))).map((p) => relative(SRC, p));
  assert.ok(dyn.includes('app/services.ts'), 'dynamic import() found');
});
