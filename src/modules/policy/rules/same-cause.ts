// 一事一救 by what the cause is, not how it was worded (民发〔2018〕23号: the same event is helped
// once). Two causes of one household (or person) are the same when they carry the same official
// reference (a fire-brigade or police report number, a hospital admission number), or are of the
// same kind with event dates at most `windowDays` apart (linshi.same_cause_window_days): "11月家中
// 厨房失火" and "11月厨房起火" are one fire. Kind 其他 says nothing about the event, so there only
// the reference or the same description (ignoring spaces, punctuation and width) counts. Pure.
import type { IsoDate } from './procedures.ts';

export type Cause = {
  kind: string;
  eventOn: IsoDate;
  reference?: string | null | undefined;
  description?: string | null | undefined;
};

export type SameBy = 'reference' | 'kind_and_date' | 'description';

/** A reference as compared: width-folded, upper case, without spaces and punctuation ("消火〔2025〕 12号" = "消火〔2025〕12号"). */
export function referenceKey(reference: string | null | undefined): string {
  return (reference ?? '').normalize('NFKC').toUpperCase().replace(/[\s\p{P}\p{S}]+/gu, '');
}

/** A description as compared: width-folded, lower case, without spaces and punctuation. */
export function descriptionKey(text: string | null | undefined): string {
  return (text ?? '').normalize('NFKC').toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, '');
}

function dayNumber(date: IsoDate): number {
  return Math.round(Date.parse(`${date}T00:00:00Z`) / 86_400_000);
}

/** Why `a` and `b` are one cause, or null when they are two. */
export function sameCauseBy(a: Cause, b: Cause, windowDays: number): SameBy | null {
  const ra = referenceKey(a.reference);
  if (ra !== '' && ra === referenceKey(b.reference)) return 'reference';
  if (a.kind !== b.kind) return null;
  if (a.kind === 'other') {
    const da = descriptionKey(a.description);
    return da !== '' && da === descriptionKey(b.description) ? 'description' : null;
  }
  return Math.abs(dayNumber(a.eventOn) - dayNumber(b.eventOn)) <= windowDays ? 'kind_and_date' : null;
}

/** The first of `earlier` that is the same cause as `cause`, and why; null when none is. */
export function findSameCause<T extends Cause>(cause: Cause, earlier: readonly T[], windowDays: number): { match: T; by: SameBy } | null {
  for (const e of earlier) {
    const by = sameCauseBy(cause, e, windowDays);
    if (by) return { match: e, by };
  }
  return null;
}
