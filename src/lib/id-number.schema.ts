// zod fields for 公民身份号码: validate (GB 11643) with the reason in both languages. Browser-safe;
// every module that takes an ID number uses these.
import { z } from 'zod';
import { bi } from './bilingual.ts';
import { parseIdNumber } from './id-number.ts';

type ParsedOk = Extract<ReturnType<typeof parseIdNumber>, { ok: true }>;

/** The full parse: normalised value, birth date, sex, region, whether it was a 15-digit number. */
export const IdNumberParsed = z.string().transform((value, ctx): ParsedOk => {
  const parsed = parseIdNumber(value);
  if (!parsed.ok) {
    ctx.addIssue({ code: 'custom', message: bi(`ID number: ${parsed.message}`, `身份证号码${parsed.messageZh}`) });
    return z.NEVER;
  }
  return parsed;
});

/** Just the normalised 18-digit value. */
export const IdNumberField = IdNumberParsed.transform((parsed) => parsed.value);
