// The anchor file: one anchor per line, appended (never rewritten), mode 0600. Keep a copy
// elsewhere (ship the file or the log lines), or a rewrite of the database and this file together
// goes unseen.
import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Anchor } from './audit-anchor.ts';

export function appendAnchor(file: string, anchor: Anchor): void {
  mkdirSync(dirname(file), { recursive: true });
  appendFileSync(file, `${JSON.stringify(anchor)}\n`, { mode: 0o600 });
}

/** The file's lines; none when there is no file yet. */
export function readAnchorLines(file: string): string[] {
  return existsSync(file) ? readFileSync(file, 'utf8').split('\n') : [];
}
