import { z } from 'zod';

export const Health = z.object({
  status: z.literal('ok'),
  version: z.string(),
  database: z.enum(['pglite', 'postgres']),
  uptimeSeconds: z.number(),
});
export type Health = z.infer<typeof Health>;

export const IdNumberCheckResponse = z.object({
  normalised: z.string().describe('masked 18-digit form'),
  birthDate: z.string(),
  sex: z.enum(['male', 'female']),
  regionCode: z.string(),
  convertedFrom15: z.boolean(),
});
