// The kinds of value a policy parameter can hold, each with its zod schema. Money is integer 分,
// rates are integer basis points (10000 = 100%): no floating point reaches a parameter.
import { z } from 'zod';
import { bi } from '../../../lib/bilingual.ts';
import { LocalDate } from '../../../lib/date.schema.ts';

const Fen = z.number().int(bi('whole 分 (integer)', '须为整数（分）')).min(0).max(1e12);
const Bp = z.number().int(bi('basis points (integer, 10000 = 100%)', '须为整数基点（10000 = 100%）')).min(0).max(1_000_000);

export const PARAMETER_KINDS = {
  fen: Fen,
  bp: Bp,
  int: z.number().int().min(0).max(1_000_000),
  bool: z.boolean(),
  date: LocalDate,
  enum: z.string().min(1),
  list: z.array(z.string().min(1)).max(200),
  /** 分档 低保: pay `payBp` of the standard when the gap (standard − per-capita income) is at least `gapAtLeastBp` of it. */
  tiers: z.array(z.object({ gapAtLeastBp: Bp, payBp: Bp })).min(1).max(20),
  /** Entitlement by contribution years: at least `years` → `months`. */
  durations: z.array(z.object({ years: z.number().int().min(0).max(60), months: z.number().int().min(0).max(120) })).min(1).max(20),
} as const;

export type ParameterKind = keyof typeof PARAMETER_KINDS;
export type ParameterValueOf<K extends ParameterKind> = z.infer<(typeof PARAMETER_KINDS)[K]>;
