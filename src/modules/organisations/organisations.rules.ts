// Consistency of an organisation's registration facts, as a plain function: the service checks the
// merged record before it writes, so create and update refuse the same things.
import type { FieldProblem } from '../../platform/errors.ts';

export type RegistrationFacts = {
  kind: string;
  charityStatus: string;
  charitySince: string | null;
  publicFundraising: boolean;
  publicFundraisingSince: string | null;
  registeredOn: string | null;
};

export function registrationProblems(f: RegistrationFacts): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const notCharity = f.charityStatus === 'none';
  if (notCharity && f.charitySince) problems.push({ field: 'charitySince', message: 'only a registered or recognised charitable organisation has a charity date', messageZh: '非慈善组织不应填写登记/认定日期' });
  // Charity Law art. 22: only a charitable organisation may hold 公开募捐资格.
  if (notCharity && f.publicFundraising) problems.push({ field: 'publicFundraising', message: 'only a charitable organisation can hold the public-fundraising qualification', messageZh: '只有慈善组织可以具有公开募捐资格' });
  if (!f.publicFundraising && f.publicFundraisingSince) problems.push({ field: 'publicFundraisingSince', message: 'no public-fundraising qualification to date', messageZh: '未具有公开募捐资格，不应填写取得日期' });
  if (f.kind === 'enterprise' && !notCharity) problems.push({ field: 'charityStatus', message: 'an enterprise cannot be a charitable organisation', messageZh: '企业不能登记或认定为慈善组织' });
  if (f.registeredOn && f.charitySince && f.charitySince < f.registeredOn) problems.push({ field: 'charitySince', message: 'before the registration date', messageZh: '早于成立登记日期' });
  if (f.charitySince && f.publicFundraisingSince && f.publicFundraisingSince < f.charitySince) problems.push({ field: 'publicFundraisingSince', message: 'before it became a charitable organisation', messageZh: '早于登记/认定为慈善组织的日期' });
  return problems;
}
