// Reads the versioned parameter files (policy/parameters/*.yaml): validated against the catalogue,
// each problem named with its file, key and date.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { AppError } from '../../platform/errors.ts';
import { checkParameterValue } from './engine/parameters.validate.ts';
import type { ParameterEntry } from './engine/parameters.ts';
import type { ParameterKey } from './engine/parameters.catalog.ts';

export const PARAMETERS_DIR = resolve(import.meta.dirname, '../../../policy/parameters');

const EntryRow = z.object({
  from: z.iso.date(),
  value: z.unknown(),
  tag: z.enum(['C', 'L', 'R', 'demo']),
  source: z.string().min(1),
});
const ParameterFile = z.object({
  jurisdiction: z.string().regex(/^(\d{2}|\d{4}|\d{6}|\d{9}|\d{12})?$/),
  name: z.string(),
  values: z.record(z.string(), z.array(EntryRow).min(1)),
});

export function parseParameterFile(text: string, fileName: string): ParameterEntry[] {
  const parsed = ParameterFile.safeParse(parse(text));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new AppError('validation_failed', `${fileName}: ${issue.path.join('.')}: ${issue.message}`, `${fileName}：${issue.path.join('.')}：${issue.message}`);
  }
  const out: ParameterEntry[] = [];
  for (const [key, rows] of Object.entries(parsed.data.values)) {
    for (const row of rows) {
      const problems = checkParameterValue(key, row.value);
      if (problems.length > 0) {
        throw new AppError('validation_failed', `${fileName}: ${key} from ${row.from}: ${problems[0]!.message}`, `${fileName}：${key}（${row.from} 起）：${problems[0]!.messageZh}`);
      }
      out.push({ key: key as ParameterKey, jurisdiction: parsed.data.jurisdiction, from: row.from, value: row.value, tag: row.tag, source: row.source });
    }
  }
  return out;
}

/** Every entry of every file in the folder. */
export function readParameterFiles(dir = PARAMETERS_DIR): ParameterEntry[] {
  const files = readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort();
  return files.flatMap((f) => parseParameterFile(readFileSync(join(dir, f), 'utf8'), f));
}
