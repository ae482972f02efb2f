// Contracts of the figures API (browser-safe: the web imports them).
import { z } from 'zod';
import { bi } from '../../lib/bilingual.ts';

const Period = z.string().max(40).optional().describe('a month YYYY-MM, or a range YYYY-MM..YYYY-MM or YYYY-MM-DD..YYYY-MM-DD; default: this month (up to today)');
const Under = z.string().regex(/^\d{0,15}$/, { message: bi('a division code (digits)', '应为区划代码（数字）') }).optional().describe('the place to count under (its code); default: your own area');
const Category = z.string().min(1).max(80).optional().describe('only rows of this category value (a program id, a step, a request category)');

export const FigureIdParams = z.object({ id: z.string().min(1).max(60) });
export const FigureQuery = z.object({ period: Period, under: Under, category: Category, by: z.enum(['place', 'month', 'category']).optional().describe('the breakdown: the next level of places, each month, or each category value') });
export const FigureRowsQuery = z.object({
  period: Period, under: Under, category: Category,
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
  reveal: z.enum(['true', 'false']).default('false').describe('full names and ID numbers: needs persons.reveal, audited'),
});
export const FigureExportQuery = FigureRowsQuery.omit({ limit: true, offset: true });

export const FigureSummary = z.object({
  id: z.string(), module: z.string(), nameZh: z.string(), nameEn: z.string(), meaningZh: z.string(), meaningEn: z.string(),
  unit: z.string(), measure: z.enum(['count', 'sum', 'ratio']), timing: z.enum(['period', 'now']),
  dimensions: z.array(z.enum(['place', 'month', 'category'])),
  category: z.object({ nameZh: z.string(), nameEn: z.string() }).nullable(),
});
export const FigureCatalogue = z.object({ items: z.array(FigureSummary) });

export const FigureValue = z.object({
  value: z.number().nullable().describe('the figure: a count; for money (unit 元) the sum in 分; for % the share of rows that hit, 1 decimal (null with no rows)'),
  count: z.number().int().describe('rows behind the figure'),
  amountFen: z.number().int().describe('sum of the rows’ amounts, 分'),
  hits: z.number().int().describe('rows that hit (ratio figures)'),
});
const Place = z.object({ code: z.string(), name: z.string() });
const PeriodOut = z.object({ from: z.string(), to: z.string() }).nullable();

export const FigureResult = z.object({
  figure: FigureSummary,
  period: PeriodOut,
  under: Place,
  total: FigureValue,
  by: z.enum(['place', 'month', 'category']).nullable(),
  breakdown: z.array(z.object({ key: z.string(), labelZh: z.string(), labelEn: z.string(), value: FigureValue })),
});

export const FigureRow = z.object({
  ref: z.string(), jurisdictionCode: z.string(), placeName: z.string().nullable(), onDate: z.string().nullable(), category: z.string().nullable(),
  amountFen: z.number().int().nullable(), hit: z.boolean().nullable(), personId: z.number().int().nullable(), householdId: z.number().int().nullable(),
  name: z.string().nullable().describe('masked unless revealed'), idNumber: z.string().nullable().describe('masked unless revealed'), note: z.string().nullable(),
});
export const FigureRows = z.object({
  figure: FigureSummary, period: PeriodOut, under: Place, total: FigureValue, revealed: z.boolean(),
  limit: z.number().int(), offset: z.number().int(), items: z.array(FigureRow),
});

export type FigureQuery = z.infer<typeof FigureQuery>;
export type FigureRowsQuery = z.infer<typeof FigureRowsQuery>;
export type FigureValue = z.infer<typeof FigureValue>;
