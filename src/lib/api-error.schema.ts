import { z } from 'zod';

/** The one error body every API failure returns (see src/platform/errors.ts). */
export const ApiErrorBody = z
  .object({
    error: z.string().describe('stable machine-readable code, e.g. validation_failed'),
    message: z.string().describe('English message'),
    messageZh: z.string().describe('中文提示'),
    requestId: z.string().optional(),
    fields: z
      .array(z.object({ field: z.string(), message: z.string(), messageZh: z.string() }))
      .optional()
      .describe('per-field problems for validation errors'),
  })
  .meta({ id: 'ApiError' });
export type ApiErrorBody = z.infer<typeof ApiErrorBody>;
