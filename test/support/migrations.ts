// A copy of migrations/ that stops after a chosen migration, for tests that write rows of an
// older shape and then apply the rest (the real folder) over them.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MIGRATIONS_FOLDER } from '../../src/platform/db/migrate.ts';

export function migrationsUpTo(lastTag: string): string {
  const journal = JSON.parse(readFileSync(join(MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8')) as { entries: { tag: string }[] };
  const end = journal.entries.findIndex((e) => e.tag === lastTag);
  if (end < 0) throw new Error(`no migration ${lastTag}`);
  const dir = mkdtempSync(join(process.env.LASTMILE_TEST_TMP ?? tmpdir(), 'migrations-'));
  mkdirSync(join(dir, 'meta'));
  const entries = journal.entries.slice(0, end + 1);
  writeFileSync(join(dir, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries }));
  for (const e of entries) copyFileSync(join(MIGRATIONS_FOLDER, `${e.tag}.sql`), join(dir, `${e.tag}.sql`));
  return dir;
}

/** A copy of migrations/ with everything before the migration whose tag is `tag` (e.g. `0011_audit_chains`). */
export function migrationsBefore(tag: string): string {
  const journal = JSON.parse(readFileSync(join(MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8')) as { entries: { tag: string }[] };
  const at = journal.entries.findIndex((e) => e.tag === tag);
  if (at < 1) throw new Error(`no migration before ${tag}`);
  return migrationsUpTo(journal.entries[at - 1]!.tag);
}
