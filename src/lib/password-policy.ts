// Password policy (OWASP ASVS 2.1 in spirit): length first, some variety, nothing guessable.
// Returns the problems in both languages; empty means acceptable.
export const MIN_PASSWORD_LENGTH = 10;

const COMMON = new Set([
  'password123', 'password1234', 'qwerty12345', '1234567890', '12345678910', 'admin12345', 'admin123456',
  'abc1234567', 'iloveyou123', 'woaini1314', 'a123456789', 'qq12345678', 'lastmile123',
]);

export type PolicyProblem = { message: string; messageZh: string };

export function passwordProblems(password: string, context: { username?: string } = {}): PolicyProblem[] {
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
  if (COMMON.has(lower) || /^(.)\1+$/.test(password)) {
    problems.push({ message: 'too common', messageZh: '过于常见，容易被猜中' });
  }
  return problems;
}
