// The zod field for a person's name wherever one is entered (see person-name.ts for the rules).
// Browser-safe: the web's forms use the same field.
import { z } from 'zod';
import { bi } from './bilingual.ts';
import { cleanPersonName, NAME_PROBLEM_MESSAGES } from './person-name.ts';

/**
 * A name of at most `max` characters, stored cleaned (NFC, trimmed); `allowEmpty` for optional
 * fields where a form may send '' (a caller who gave no name).
 */
export function personName(max: number, { allowEmpty = false }: { allowEmpty?: boolean } = {}) {
  return z
    .string()
    .check((ctx) => {
      const cleaned = cleanPersonName(ctx.value);
      if (cleaned.ok) return;
      const m = NAME_PROBLEM_MESSAGES[cleaned.problem];
      ctx.issues.push({ code: 'custom', message: bi(m.en, m.zh), input: ctx.value, continue: false });
    })
    .overwrite((raw) => {
      const cleaned = cleanPersonName(raw);
      return cleaned.ok ? cleaned.value : raw;
    })
    .min(allowEmpty ? 0 : 1)
    .max(max);
}

/** Persons' names (姓名): as on the ID card, up to 50 characters. */
export const PersonName = personName(50);
