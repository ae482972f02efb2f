// Scans the log files of a test run for plaintext personal data used by the tests.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SAMPLE_ADDRESSES, SAMPLE_CARD_NUMBERS, SAMPLE_ID_NUMBERS, SAMPLE_NAMES, SAMPLE_PHONES } from './sensitive-samples.ts';

export type ScanResult = { ok: boolean; lines: number; bytes: number; hits: string[] };

export function scanLogs(dir: string, minLines = 100): ScanResult {
  const needles = [...SAMPLE_ID_NUMBERS, ...SAMPLE_ID_NUMBERS.map((s) => s.toLowerCase()), ...SAMPLE_PHONES, ...SAMPLE_NAMES, ...SAMPLE_ADDRESSES, ...SAMPLE_CARD_NUMBERS];
  // Not inside the fraction of a decimal number: a responseTime of 0.7713800000001356 once
  // "contained" a sample phone number.
  const patterns = needles.map((n) => [n, new RegExp(`(?<!\\.\\d*)${n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`)] as const);
  let lines = 0;
  let bytes = 0;
  const hits: string[] = [];
  for (const file of readdirSync(dir)) {
    const text = readFileSync(join(dir, file), 'utf8');
    bytes += text.length;
    for (const line of text.split('\n')) {
      if (!line) continue;
      lines++;
      const found = patterns.find(([n, re]) => line.includes(n) && re.test(line))?.[0];
      if (found) hits.push(`${file}: ${found} in ${line.slice(0, 300)}`);
    }
  }
  // An empty log would pass vacuously: require that the apps did log their requests.
  const ok = hits.length === 0 && lines >= minLines;
  if (lines < minLines) hits.push(`only ${lines} log lines were written; the scan proves nothing`);
  return { ok, lines, bytes, hits };
}
