import { z } from 'zod';

export const ImportCounts = z.object({ total: z.number().int(), ok: z.number().int(), error: z.number().int(), duplicate: z.number().int(), skipped: z.number().int() });
export type ImportCounts = z.infer<typeof ImportCounts>;

export const ImportJob = z
  .object({
    id: z.number().int(),
    kind: z.literal('persons'),
    fileName: z.string(),
    status: z.enum(['validating', 'validated', 'committing', 'done', 'failed']),
    progress: z.object({ done: z.number().int(), total: z.number().int() }).nullable(),
    counts: ImportCounts.nullable(),
    committed: z.object({ households: z.number().int(), persons: z.number().int() }).nullable(),
    error: z.string().nullable(),
    createdAt: z.string(),
    createdBy: z.string(),
  })
  .meta({ id: 'ImportJob' });
export type ImportJob = z.infer<typeof ImportJob>;

export const ImportIdParams = z.object({ id: z.coerce.number().int().positive() });
