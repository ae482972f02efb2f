// node:test reporter: one line per test, failure details, and a last line `N passed, N failed`.
import type { TestEvent } from 'node:test/reporters';

export default async function* reporter(source: AsyncGenerator<TestEvent>): AsyncGenerator<string> {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  const failures: string[] = [];
  for await (const event of source) {
    if (event.type !== 'test:pass' && event.type !== 'test:fail') continue;
    const data = event.data as {
      name: string;
      file?: string;
      skip?: unknown;
      todo?: unknown;
      details: { type?: string; duration_ms: number; error?: Error };
    };
    if (data.details.type === 'suite') continue;
    const ms = Math.round(data.details.duration_ms);
    if (event.type === 'test:pass') {
      if (data.skip || data.todo) {
        skipped++;
        yield `- ${data.name} (skipped)\n`;
      } else {
        passed++;
        yield `✔ ${data.name} (${ms} ms)\n`;
      }
    } else {
      failed++;
      const err = data.details.error as (Error & { cause?: unknown }) | undefined;
      const cause = err?.cause instanceof Error ? err.cause : err;
      const detail = `✖ ${data.name}${data.file ? `  [${data.file}]` : ''}\n${String(cause?.stack ?? cause ?? err)}\n`;
      failures.push(detail);
      yield `✖ ${data.name} (${ms} ms)\n`;
    }
  }
  if (failures.length > 0) yield `\nFailures:\n${failures.join('\n')}\n`;
  yield `\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`;
}
