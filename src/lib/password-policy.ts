// Password policy (OWASP ASVS 2.1 in spirit): length first, some variety, nothing guessable —
// not a common or published password, even disguised (case, leetspeak, digits, symbols or a year
// around it), and not a keyboard pattern (guessable-password.ts). Returns the problems in both
// languages; empty means acceptable. Server-side only (it reads the list from disk).
import { guessable } from './guessable-password.ts';

export const MIN_PASSWORD_LENGTH = 10;

/** The demo accounts' password, printed in the README: refused everywhere but a demo installation. */
export const DEMO_PASSWORD = 'Lastmile@2026';

export type PolicyProblem = { message: string; messageZh: string };

/** `published`: passwords known to the world that must not be chosen (the demo one outside demo mode). */
export function passwordProblems(password: string, context: { username?: string; published?: readonly string[] } = {}): PolicyProblem[] {
  const problems: PolicyProblem[] = [];
  if ([...password].length < MIN_PASSWORD_LENGTH) {
    problems.push({ message: `at least ${MIN_PASSWORD_LENGTH} characters`, messageZh: `至少 ${MIN_PASSWORD_LENGTH} 个字符` });
  }
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  if (classes < 3) {
    problems.push({
      message: 'use at least three of: lower-case, upper-case, digits, symbols',
      messageZh: '需包含小写字母、大写字母、数字、符号中的至少三类',
    });
  }
  const lower = password.toLowerCase();
  if (context.username && context.username.length >= 3 && lower.includes(context.username.toLowerCase())) {
    problems.push({ message: 'must not contain the username', messageZh: '不能包含用户名' });
  }
  const why = /^(.)\1+$/.test(password) ? 'pattern' : guessable(password, context.published);
  if (why === 'common') {
    problems.push({ message: 'too common: it is (or is made from) a well-known password', messageZh: '过于常见：属于（或改写自）常见密码，容易被猜中' });
  } else if (why === 'published') {
    problems.push({ message: 'must not be a published password (such as the demo password) or a variant of it', messageZh: '不能使用已公开的密码（如演示密码）或其变体' });
  } else if (why === 'pattern') {
    problems.push({ message: 'too easy to guess: keyboard walks and sequences (qwerty, 1qaz2wsx, 123456)', messageZh: '过于简单：键盘连续排列或顺序字符（如 qwerty、1qaz2wsx、123456）容易被猜中' });
  }
  return problems;
}
