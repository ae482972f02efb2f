// Is a password one attackers try first? A password is guessable when, after undoing the usual
// disguises — case, leetspeak (P@ssw0rd), digits, symbols and years around a word (Qwerty@12345,
// Dragon#2026) — it is on the list of common passwords (zxcvbn-ts's 'passwords-common', MIT,
// kept up to date by that project) or a published one, or when it is made of keyboard walks and
// sequences (1qaz2wsx, asdf!@#$1234, abcd123456). Server-side only: the set is built once.
import { dictionary } from '@zxcvbn-ts/language-common';

let common: Set<string> | undefined;

/** The common-password list, loaded on first use (49,233 entries, ~2 ms). */
function commonPasswords(): Set<string> {
  common ??= new Set(dictionary['passwords-common'].map((word) => word.toLowerCase()));
  return common;
}

const LEET: Record<string, string> = { '@': 'a', '4': 'a', '8': 'b', '(': 'c', '3': 'e', '6': 'g', '9': 'g', '#': 'h', '!': 'i', '0': 'o', '$': 's', '5': 's', '7': 't', '+': 't', '2': 'z' };
const isLetter = (c: string) => c >= 'a' && c <= 'z';

/** The forms a password is looked up in: as typed (lower case), its word core without the digits and symbols around it, de-leeted, without inner symbols. */
export function lookupForms(password: string): Set<string> {
  const lower = password.normalize('NFKC').toLowerCase();
  const forms = new Set<string>([lower]);
  const first = [...lower].findIndex(isLetter);
  if (first >= 0) {
    let last = lower.length - 1;
    while (!isLetter(lower[last]!)) last--;
    const core = lower.slice(first, last + 1);
    for (const one of ['i', 'l']) {
      // Leetspeak inside the word only (a trailing year is a year, not "zozg").
      const plain = [...core].map((c) => (c === '1' ? one : (LEET[c] ?? c))).join('');
      forms.add(plain);
      forms.add(plain.replace(/[^a-z0-9]/g, ''));
    }
    forms.add(core);
    forms.add(core.replace(/[^a-z0-9]/g, ''));
  }
  forms.add(lower.replace(/[^a-z0-9]/g, ''));
  return new Set([...forms].filter((f) => f.length >= 4));
}

// Key positions on a US/Chinese QWERTY keyboard (rows staggered as on the keyboard), with the
// shifted symbols on their keys: '!' is the 1 key.
const ROWS = ['`1234567890-=', 'qwertyuiop[]\\', "asdfghjkl;'", 'zxcvbnm,./'];
const ROW_OFFSET = [0, 0.5, 0.75, 1.25];
const SHIFTED = '~!@#$%^&*()_+{}|:"<>?';
const UNSHIFTED = '`1234567890-=[]\\;\',./';
const KEY = new Map<string, { row: number; col: number }>();
ROWS.forEach((row, r) => [...row].forEach((c, i) => KEY.set(c, { row: r, col: i + ROW_OFFSET[r]! })));

function key(c: string): string {
  const i = SHIFTED.indexOf(c);
  return i >= 0 ? UNSHIFTED[i]! : c;
}

/** Next to each other on the keyboard, the same key, or next in the alphabet or digits (abc, 987). */
function follows(a: string, b: string): boolean {
  const ka = key(a), kb = key(b);
  if (ka === kb || Math.abs(ka.charCodeAt(0) - kb.charCodeAt(0)) === 1) return true;
  const pa = KEY.get(ka), pb = KEY.get(kb);
  if (!pa || !pb) return false;
  const dr = Math.abs(pa.row - pb.row), dc = Math.abs(pa.col - pb.col);
  return (dr === 0 && dc === 1) || (dr === 1 && dc <= 1);
}

/**
 * Made of at most three runs of keys that follow each other, each at least three long, give or
 * take one or two characters at either end: qwerty12345, 1qaz2wsx, Qazwsxedc!, asdf!@#$1234,
 * abcd123456 — patterns, not secrets.
 */
export function isKeyboardPattern(password: string): boolean {
  const s = [...password.normalize('NFKC').toLowerCase()];
  const runs: number[] = [1];
  for (let i = 1; i < s.length; i++) {
    if (follows(s[i - 1]!, s[i]!)) runs[runs.length - 1]!++;
    else runs.push(1);
  }
  if (runs.length > 1 && runs[0]! < 3) runs.shift();
  if (runs.length > 1 && runs.at(-1)! < 3) runs.pop();
  return runs.length <= 3 && runs.every((n) => n >= 3) && runs.reduce((a, b) => a + b, 0) >= 6;
}

/** Why a password is guessable (common or published, or a keyboard pattern), or null. */
export function guessable(password: string, published: readonly string[] = []): 'common' | 'published' | 'pattern' | null {
  const forms = lookupForms(password);
  const list = commonPasswords();
  if ([...forms].some((f) => list.has(f))) return 'common';
  const publishedForms = new Set(published.flatMap((p) => [...lookupForms(p)]));
  if ([...forms].some((f) => publishedForms.has(f))) return 'published';
  if (isKeyboardPattern(password)) return 'pattern';
  return null;
}
