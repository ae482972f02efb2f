// Request/response contracts of the jurisdictions module; browser-safe (zod only).
import { z } from 'zod';
import { LEVELS, canonicalCode } from '../../lib/division-code.ts';
import { bi } from '../../lib/bilingual.ts';

export const Level = z.enum(LEVELS);

/** A code in either form (prefix or full 12-digit), normalised to the canonical prefix. */
export const CodeParam = z
  .string()
  .trim()
  .transform((value, ctx) => {
    const code = canonicalCode(value);
    if (!code) {
      ctx.addIssue({ code: 'custom', message: bi('not a valid division code (2/4/6/9/12 digits, 15 for a grid)', '不是有效的区划代码（2/4/6/9/12 位，网格 15 位）') });
      return z.NEVER;
    }
    return code;
  });

export const Jurisdiction = z
  .object({
    code: z.string().describe('canonical prefix code: 2/4/6/9/12 digits, 15 for a grid'),
    divisionCode: z.string().describe('12-digit 统计用区划代码'),
    name: z.string(),
    level: Level,
    parentCode: z.string().nullable(),
    childCount: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Jurisdiction' });
export type Jurisdiction = z.infer<typeof Jurisdiction>;

export const JurisdictionWithPath = Jurisdiction.extend({
  path: z.array(z.object({ code: z.string(), name: z.string(), level: Level })).describe('ancestors, root first'),
}).meta({ id: 'JurisdictionWithPath' });
export type JurisdictionWithPath = z.infer<typeof JurisdictionWithPath>;

export const ListJurisdictionsQuery = z.object({
  parent: CodeParam.optional().describe('list the children of this node; omit for the roots you can see'),
  under: CodeParam.optional().describe('list every node under this code (descendants)'),
  level: Level.optional(),
  q: z.string().trim().max(50).optional().describe('name contains'),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
  offset: z.coerce.number().int().min(0).default(0),
});
export type ListJurisdictionsQuery = z.input<typeof ListJurisdictionsQuery>;

export const JurisdictionList = z.object({ items: z.array(Jurisdiction), total: z.number().int() });
export type JurisdictionList = z.infer<typeof JurisdictionList>;

export const CreateJurisdictionBody = z.object({
  code: CodeParam,
  name: z.string().trim().min(1).max(100),
});
export type CreateJurisdictionBody = z.input<typeof CreateJurisdictionBody>;

export const UpdateJurisdictionBody = z.object({ name: z.string().trim().min(1).max(100) });
export type UpdateJurisdictionBody = z.input<typeof UpdateJurisdictionBody>;

export const CodePathParams = z.object({ code: CodeParam });

export const LevelCounts = z.object({
  scope: z.string(),
  counts: z.record(z.string(), z.number().int()),
});
export type LevelCounts = z.infer<typeof LevelCounts>;
