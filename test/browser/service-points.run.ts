// Runs only the service-point browser steps (test/browser/service-points.steps.ts) on a fresh
// server, like run.ts does for the whole suite. Prints `N passed, N failed` last.
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { startServer } from './server.ts';
import { servicePointSteps } from './service-points.steps.ts';

const ARTIFACTS = new URL('../artifacts/', import.meta.url).pathname;
mkdirSync(ARTIFACTS, { recursive: true });
const server = await startServer({ LASTMILE_DATA_DIR: mkdtempSync(join(tmpdir(), 'lastmile-browser-')), LOG_LEVEL: 'warn' });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'] });
let passed = 0;
let failed = 0;
const consoleErrors: string[] = [];
const step = async (name: string, fn: () => Promise<void>) => {
  const started = performance.now();
  try {
    await fn();
    passed++;
    console.log(`✔ ${name} (${Math.round(performance.now() - started)} ms)`);
  } catch (err) {
    failed++;
    console.log(`✖ ${name}\n${(err as Error).stack}`);
  }
};
try {
  await servicePointSteps({ browser, url: server.url, step, artifacts: ARTIFACTS, consoleErrors });
  await step('no uncaught errors in the page', async () => {
    if (consoleErrors.length > 0) throw new Error(consoleErrors.join('\n'));
  });
} finally {
  await browser.close();
  await server.stop();
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
