// 统一社会信用代码 (GB 32100-2015): 18 characters from a 31-character alphabet (no I, O, Z, S, V):
// 登记管理部门码 (1), 机构类别码 (1), 登记管理机关行政区划码 (6 digits), 主体标识码 (9, the
// organisation code of GB 11714) and a check character computed over the first 17. Plain
// function, no I/O: the server's schemas and the web's forms use the same check.

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
// Weight of position i is 3^i mod 31.
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
// The registration authority (1 机构编制, 5 民政, 9 工商/市场监管, Y 其他 …) — letters A–G are reserved for others.
const AUTHORITIES = '123456789ABCDEFGY';

export type CreditCodeProblem = 'length' | 'characters' | 'authority' | 'division' | 'check';

/** The check character for the first 17 characters (undefined when one is outside the alphabet). */
export function creditCodeCheckCharacter(first17: string): string | undefined {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = ALPHABET.indexOf(first17[i] ?? '');
    if (value < 0) return undefined;
    sum += value * WEIGHTS[i]!;
  }
  return ALPHABET[(31 - (sum % 31)) % 31];
}

/** Upper case, without spaces: the stored form. */
export function normaliseCreditCode(input: string): string {
  return input.replace(/[\s-]/g, '').toUpperCase();
}

/** Why a (normalised) code is not a valid 统一社会信用代码, or undefined when it is. */
export function creditCodeProblem(code: string): CreditCodeProblem | undefined {
  if (code.length !== 18) return 'length';
  for (const c of code) if (!ALPHABET.includes(c)) return 'characters';
  if (!AUTHORITIES.includes(code[0]!)) return 'authority';
  if (!/^\d{6}$/.test(code.slice(2, 8))) return 'division';
  if (creditCodeCheckCharacter(code.slice(0, 17)) !== code[17]) return 'check';
  return undefined;
}

export function isCreditCode(code: string): boolean {
  return creditCodeProblem(code) === undefined;
}

export const CREDIT_CODE_MESSAGES: Record<CreditCodeProblem, { en: string; zh: string }> = {
  length: { en: 'a unified social credit code has 18 characters', zh: '统一社会信用代码应为 18 位' },
  characters: { en: 'only digits and the capital letters of GB 32100 (no I, O, Z, S, V)', zh: '只能含数字和大写字母（不含 I、O、Z、S、V）' },
  authority: { en: 'the first character (registration authority) is not a known one', zh: '第 1 位登记管理部门码无效' },
  division: { en: 'characters 3–8 must be the digits of an administrative division', zh: '第 3–8 位应为行政区划代码' },
  check: { en: 'the check character (18th) is wrong: the code is mistyped', zh: '校验码（第 18 位）不符，代码有误' },
};
