// 一事一救 for a case: its structured cause compared with the household's earlier ones by the pure
// rule (policy/rules/same-cause.ts), and the refusal, in both languages, naming the earlier case
// and why the two are one cause. Used at intake and again inside the approving transaction.
import { AppError, type FieldProblem } from '../../platform/errors.ts';
import { CAUSE_KIND_LABELS, isCauseKind } from '../policy/engine/cause-kinds.ts';
import type { ParameterValues } from '../policy/engine/parameters.catalog.ts';
import { findSameCause, type Cause, type SameBy } from '../policy/rules/same-cause.ts';
import type { EarlierCause } from './caps.store.ts';

export type CaseCause = { kind: string; eventOn: string; reference: string | null; description: string | null };

/** The case's cause, or null for a case without one (not 临时救助, or an old row the migration could not place). */
export function causeOf(row: { causeKind: string | null; causeEventOn: string | null; causeReference: string | null; cause: string | null }): CaseCause | null {
  if (!row.causeKind || !row.causeEventOn) return null;
  return { kind: row.causeKind, eventOn: row.causeEventOn, reference: row.causeReference, description: row.cause };
}

export function sameCauseIn(cause: Cause, earlier: readonly EarlierCause[], p: ParameterValues): { match: EarlierCause; by: SameBy } | null {
  return findSameCause(cause, earlier, p['linshi.same_cause_window_days'] ?? 0);
}

function label(kind: string) {
  return isCauseKind(kind) ? CAUSE_KIND_LABELS[kind] : { zh: kind, en: kind };
}

const WHY: Record<SameBy, { en: (e: EarlierCause, days: number) => string; zh: (e: EarlierCause, days: number) => string; field: string }> = {
  reference: { en: (e) => `the same incident reference ${e.reference}`, zh: (e) => `事件编号相同（${e.reference}）`, field: 'causeReference' },
  kind_and_date: {
    en: (e, days) => `the same kind (${label(e.kind).en.toLowerCase()}) with event dates at most ${days} days apart (earlier: ${e.eventOn})`,
    zh: (e, days) => `同为${label(e.kind).zh}且事件日期相隔不超过 ${days} 天（前案 ${e.eventOn}）`,
    field: 'causeEventOn',
  },
  description: { en: () => 'the same description', zh: () => '事由说明相同', field: 'cause' },
};

/** 409: the same cause as an earlier case. `stage`: intake (applied) or approval (already helped). */
export function sameCauseConflict(found: { match: EarlierCause; by: SameBy }, p: ParameterValues, stage: 'intake' | 'approval'): AppError {
  const { match, by } = found;
  const days = p['linshi.same_cause_window_days'] ?? 0;
  const why = WHY[by];
  const field: FieldProblem = { field: why.field, message: `same cause as case ${match.caseNo}`, messageZh: `与案件 ${match.caseNo} 为同一事由` };
  return stage === 'intake'
    ? new AppError('conflict',
      `The household already applied for this cause in case ${match.caseNo} (${why.en(match, days)}): the same cause is helped once (一事一救)`,
      `该户已就同一事由申请临时救助（案件 ${match.caseNo}，${why.zh(match, days)}），同一事由不得重复申请（一事一救）`, [field])
    : new AppError('conflict',
      `The household was already helped for this cause in case ${match.caseNo} (${why.en(match, days)}): the same cause is helped once (一事一救) unless the county decides otherwise (一事一议)`,
      `该户已因同一事由获得临时救助（案件 ${match.caseNo}，${why.zh(match, days)}），同一事由不得重复救助（一事一救），如确需救助须县级一事一议`, [field]);
}
