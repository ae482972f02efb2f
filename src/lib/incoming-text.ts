// One normalisation of every string that comes in (request bodies, query strings, path params,
// form posts, header values): NUL and lone UTF-16 surrogates are refused, naming where they are
// (PostgreSQL cannot store NUL in text, and a lone surrogate becomes U+FFFD on the way in, so the
// stored value would differ from the one hashed or audited); everything else is NFC, so "é" typed
// as e + U+0301 and as U+00E9 is one value for search, duplicates and uniqueness. Pure; browser-safe.
import { bi } from './bilingual.ts';

export type TextProblem = 'nul' | 'lone_surrogate';

/** Deeper input is refused rather than walked: no contract of ours nests this far. */
export const MAX_DEPTH = 64;

export const TEXT_PROBLEM_MESSAGES: Record<TextProblem | 'too_deep', { en: string; zh: string }> = {
  nul: { en: 'must not contain the NUL character (U+0000)', zh: '不能包含空字符（U+0000）' },
  lone_surrogate: { en: 'contains an invalid character (a lone UTF-16 surrogate)', zh: '含有无效字符（不成对的 UTF-16 代理项）' },
  too_deep: { en: `is nested too deeply (more than ${MAX_DEPTH} levels)`, zh: `嵌套层级过深（超过 ${MAX_DEPTH} 层）` },
};

export function textProblem(s: string): TextProblem | undefined {
  if (s.includes('\u0000')) return 'nul';
  if (!s.isWellFormed()) return 'lone_surrogate';
  return undefined;
}

/** A zod message for the problem, in both languages. */
export function textProblemMessage(problem: TextProblem | 'too_deep'): string {
  const m = TEXT_PROBLEM_MESSAGES[problem];
  return bi(m.en, m.zh);
}

export type IncomingProblem = { path: string; problem: TextProblem | 'too_deep' };

/**
 * Only strings with a character outside these ranges may change under NFC and need the (slower)
 * normalize call: Latin up to the combining marks, dashes and quotes, CJK punctuation (without the
 * tone marks U+302A–302F), CJK ideographs and full-width forms all leave NFC as they came, and none
 * of them combines with what precedes it (the test checks every one).
 */
export const NFC_STABLE = '\u0000-\u02ff\u2010-\u2027\u3000-\u3029\u3030-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef';
const MAY_CHANGE_UNDER_NFC = new RegExp(`[^${NFC_STABLE}]`);

function nfc(s: string): string {
  return MAY_CHANGE_UNDER_NFC.test(s) ? s.normalize('NFC') : s;
}

function isPlainContainer(value: unknown): value is Record<string, unknown> | unknown[] {
  if (value === null || typeof value !== 'object') return false;
  if (Array.isArray(value)) return true;
  // Raw upload bodies (Buffers, typed arrays) and streams are bytes, not text. Parsed query
  // strings are objects of a class with a null-prototype prototype, hence no prototype check.
  if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer) return false;
  if (typeof (value as { pipe?: unknown }).pipe === 'function') return false;
  return Object.prototype.toString.call(value) === '[object Object]';
}

const join = (path: string, key: string | number) => (path ? `${path}.${key}` : String(key));
/** A key with a bad character is named by its parent and the key with the character escaped. */
const printableKey = (key: string) => key.replace(/\u0000/g, '\\u0000').replace(/[\ud800-\udfff]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`);

/**
 * NFC-normalise every string (object keys included) of a parsed input in place and list every
 * NUL, lone surrogate or excessive nesting with its path (`members.0.name`). A string at the top
 * is returned normalised (strings are immutable); containers are changed in place.
 */
export function normaliseIncoming(value: unknown, prefix = ''): { value: unknown; problems: IncomingProblem[] } {
  const problems: IncomingProblem[] = [];
  const walk = (v: unknown, path: string, depth: number): unknown => {
    if (typeof v === 'string') {
      const problem = textProblem(v);
      if (problem) {
        problems.push({ path, problem });
        return v;
      }
      return nfc(v);
    }
    if (!isPlainContainer(v)) return v;
    if (depth >= MAX_DEPTH) {
      problems.push({ path, problem: 'too_deep' });
      return v;
    }
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) v[i] = walk(v[i], join(path, i), depth + 1);
      return v;
    }
    for (const key of Object.keys(v)) {
      const keyProblem = textProblem(key);
      if (keyProblem) {
        problems.push({ path: join(path, printableKey(key)), problem: keyProblem });
        continue;
      }
      const normalKey = nfc(key);
      const child = walk(v[key], join(path, normalKey), depth + 1);
      if (normalKey !== key) {
        delete v[key];
        Object.defineProperty(v, normalKey, { value: child, enumerable: true, writable: true, configurable: true });
      } else {
        v[key] = child;
      }
    }
    return v;
  };
  const out = walk(value, prefix, 0);
  return { value: out, problems };
}
