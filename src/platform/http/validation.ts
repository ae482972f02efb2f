// Request validation with zod that names each bad field in English and Chinese. Replaces the
// type provider's validatorCompiler so the error is our AppError, mapped like any other.
import { safeParse, type $ZodIssue, type $ZodType } from 'zod/v4/core';
import { en, zhCN } from 'zod/locales';
import type { FastifySchemaCompiler } from 'fastify';
import { splitBilingual } from '../../lib/bilingual.ts';
import { validationFailed, type FieldProblem } from '../errors.ts';

const english = en().localeError;
const chinese = zhCN().localeError;

function localise(issue: $ZodIssue, fn: typeof english): string {
  const out = fn(issue as never);
  return typeof out === 'string' ? out : (out?.message ?? issue.message);
}

export function describeIssue(issue: $ZodIssue, prefix = ''): FieldProblem {
  const field = [prefix, ...issue.path.map(String)].filter(Boolean).join('.') || '(root)';
  const custom = splitBilingual(issue.message);
  if (custom) return { field, message: custom.en, messageZh: custom.zh };
  const defaultEn = localise(issue, english);
  // A schema's own single-language message wins over the default in both languages.
  if (issue.message && issue.message !== defaultEn) return { field, message: issue.message, messageZh: issue.message };
  return { field, message: defaultEn, messageZh: localise(issue, chinese) };
}

const PART_PREFIX: Record<string, string> = { body: '', querystring: '', params: '', headers: 'header' };

export const zodValidatorCompiler: FastifySchemaCompiler<$ZodType> = ({ schema, httpPart }) => {
  const prefix = PART_PREFIX[httpPart ?? 'body'] ?? '';
  return (data: unknown) => {
    const result = safeParse(schema, data, { reportInput: true });
    if (result.success) return { value: result.data };
    return { error: validationFailed(result.error.issues.map((i) => describeIssue(i, prefix))) };
  };
};
