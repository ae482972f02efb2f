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
      // node:test wraps the thrown error; show it and every cause below it (e.g. the SQL error).
      const chain: string[] = [];
      let e: unknown = (data.details.error as { cause?: unknown } | undefined)?.cause ?? data.details.error;
      for (let depth = 0; e && depth < 4; depth++, e = (e as { cause?: unknown }).cause) {
        chain.push(depth === 0 ? String((e as Error).stack ?? e) : `caused by: ${String((e as Error).message ?? e)}`);
      }
      const detail = `✖ ${data.name}${data.file ? `  [${data.file}]` : ''}\n${chain.join('\n')}\n`;
      failures.push(detail);
      yield `✖ ${data.name} (${ms} ms)\n`;
    }
  }
  if (failures.length > 0) yield `\nFailures:\n${failures.join('\n')}\n`;
  yield `\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`;
}
