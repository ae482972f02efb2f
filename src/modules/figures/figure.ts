// A figure (统计指标) is defined once: its names, meaning and unit, the dimensions it can be cut by,
// and ONE SQL source yielding the rows behind it. The number is always an aggregate over exactly
// those rows (count, sum of amounts, or share of rows that hit), so the list a leader drills down
// to adds up to the figure by construction. Modules contribute definitions (`<module>.figures.ts`);
// the composition root hands them all to the figures service.
import type { SQL } from 'drizzle-orm';

export const UNITS = ['人', '户', '人次', '件', '笔', '元', '%'] as const;
export type Unit = (typeof UNITS)[number];

/**
 * count: the number of rows; sum: the sum of `amount_fen` (money, in 分, shown in 元);
 * ratio: rows whose `hit` is true as a percentage of all rows (SLA met, satisfied, closed).
 */
export type Measure = 'count' | 'sum' | 'ratio';

/** What the figure can be cut by: place (next level down), month, and the row's own category. */
export type Dimension = 'place' | 'month' | 'category';

/** The parameters a source is built with: the period's bounds as SQL dates and the place filter. */
export type SourceParams = {
  /** The first day counted (a SQL date expression: a literal, or a month's first day in a by-month pass). */
  from: SQL;
  /** The last day counted, inclusive: figures are as of this day's end. */
  to: SQL;
  /** Today, for figures about the present (overdue): the caller's clock, not the database's. */
  today: string;
  /** Restricts a jurisdiction column to the caller's scope and the place asked for; sources apply it on their base table. */
  place: (column: SQL) => SQL;
};

/**
 * The row contract every source selects, in this order of meaning (extra columns are ignored):
 *   ref text            a stable key of the row (a payment id, a case number), unique in the source
 *   code varchar        the jurisdiction code the row counts for (drill-down and scope)
 *   on_date date        the local date the row counts on
 *   cat text            the category value (program, step, request category) or null
 *   amount_fen bigint   money in 分 or null
 *   hit boolean         for ratio figures: whether the row counts towards the numerator
 *   person_id bigint    the person the row names (shown masked) or null
 *   household_id bigint the household or null
 *   note text           a short label (case number, state) or null
 */
export type FigureSource = (p: SourceParams) => SQL;

export type FigureDefinition = {
  /** Stable id, `<module>.<name>` (used in URLs and reports). */
  id: string;
  module: string;
  nameZh: string;
  nameEn: string;
  meaningZh: string;
  meaningEn: string;
  unit: Unit;
  measure: Measure;
  /** 'period': counted over the period (as of its end); 'now': a live figure (the period is ignored). */
  timing: 'period' | 'now';
  dimensions: readonly Dimension[];
  /** What the category column means and its labels (program, step, request category). */
  category?: { nameZh: string; nameEn: string; labels?: Readonly<Record<string, { zh: string; en: string }>> };
  source: FigureSource;
};

/** Identity helper: type-checks a module's list of definitions. */
export function defineFigures(defs: FigureDefinition[]): FigureDefinition[] {
  return defs;
}
