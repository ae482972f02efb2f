// A person's name as entered (registry, household account holders, callers, investigators, users'
// display names): NFC, trimmed of spaces and invisible characters at the ends, and refused when
// nothing visible is left or when it carries characters that make one name look like another —
// text-direction controls (U+202E turns "张三" into a name displayed backwards), zero-width and
// other invisible format characters inside, line breaks and other control characters. Pure;
// browser-safe; the zod field is in person-name.schema.ts, the import's column parser uses this.

export type NameProblem = 'invisible_only' | 'bidi_control' | 'invisible' | 'control';

export const NAME_PROBLEM_MESSAGES: Record<NameProblem, { en: string; zh: string }> = {
  invisible_only: { en: 'must contain visible characters (not only zero-width or other invisible ones)', zh: '须包含可见字符（不能只有零宽字符等不可见字符）' },
  bidi_control: { en: 'must not contain text-direction control characters (such as U+202E)', zh: '不能包含文字方向控制字符（如 U+202E）' },
  invisible: { en: 'must not contain invisible characters (such as zero-width spaces)', zh: '不能包含零宽字符等不可见字符' },
  control: { en: 'must not contain line breaks, tabs or other control characters', zh: '不能包含换行、制表符等控制字符' },
};

/** Embeddings, overrides, isolates and the direction marks (LRM, RLM, ALM). */
const BIDI_CONTROL = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/u;
/**
 * Format characters (zero-width space/joiners, word joiner, BOM, soft hyphen, tags…): invisible.
 * The Mongolian vowel separator (U+180E) is a letter's business in Mongolian script, so allowed.
 */
const INVISIBLE = /(?!\u180e)\p{Cf}/u;
const CONTROL = /\p{Cc}/u;
/** Spaces and zero-width characters at either end are dropped, as a clerk would expect. */
const EDGES = /^[\s\u200b-\u200d\u2060\ufeff\u180e\u00ad]+|[\s\u200b-\u200d\u2060\ufeff\u180e\u00ad]+$/gu;

export type CleanName = { ok: true; value: string } | { ok: false; problem: NameProblem };

/**
 * The name as stored, or why it is refused. An empty or blank name is returned as '' (the
 * caller's schema decides whether a name is required).
 */
export function cleanPersonName(raw: string): CleanName {
  const value = raw.normalize('NFC').replace(EDGES, '');
  if (BIDI_CONTROL.test(value)) return { ok: false, problem: 'bidi_control' };
  if (CONTROL.test(value)) return { ok: false, problem: 'control' };
  if (INVISIBLE.test(value)) return { ok: false, problem: 'invisible' };
  if (value === '' && INVISIBLE.test(raw)) return { ok: false, problem: 'invisible_only' };
  return { ok: true, value };
}
