// Who approves (审批权限): 临时救助 by amount against the township's delegated limit and the
// yearly caps (approveWithinCaps); 低保/特困 by the county unless the county delegated them
// (procedure.township_approves.*); 事实无人抚养 by the county. Enforced on the server: a
// township can never approve what belongs to the county.
import { AppError } from '../../platform/errors.ts';
import { formatYuan } from '../policy/engine/money.ts';
import type { ParameterValues } from '../policy/engine/parameters.catalog.ts';
import { temporaryCaps } from '../policy/rules/procedures.ts';
import type { Caller } from './context.ts';

export type Level = 'township' | 'county';

/** The level a monthly program's approval belongs to. */
export function monthlyLevel(program: string, p: ParameterValues): Level {
  if (program === 'dibao') return p['procedure.township_approves.dibao'] === true ? 'township' : 'county';
  if (program === 'tekun') return p['procedure.township_approves.tekun'] === true ? 'township' : 'county';
  return 'county';
}

export function mayApproveAt(caller: Pick<Caller, 'roles'>, level: Level): boolean {
  return caller.roles.includes('admin') || caller.roles.includes('county_approver') || (level === 'township' && caller.roles.includes('township_reviewer'));
}

/**
 * The refusal a township reviewer gets for what the county approves, saying why. The township
 * approves up to and including its limit (approveWithinCaps: county only when the amount is
 * above it); an amount within the limit goes to the county only beyond a yearly cap (used up, or
 * lifted by a county 一事一议), and the message says that instead of "above the limit".
 */
export function beyondTownship(program: string, amountFen: number | null, p: ParameterValues, exception = false): AppError {
  if (program === 'temporary') {
    const limit = temporaryCaps(p).townshipLimitFen;
    if (limit === 0) return new AppError('beyond_authority', 'No 临时救助 approval is delegated to the township here: the county approves', '本地未授权乡镇（街道）审批临时救助，须报县级民政部门审批');
    const amount = amountFen ?? 0;
    if (amount > limit) {
      return new AppError(
        'beyond_authority',
        `The amount ¥${formatYuan(amount)} is above the township’s approval limit of ¥${formatYuan(limit)}: only the county may approve it`,
        `救助金额 ${formatYuan(amount)} 元超过乡镇（街道）审批权限 ${formatYuan(limit)} 元，须报县级民政部门审批`,
      );
    }
    return new AppError(
      'beyond_authority',
      `The amount ¥${formatYuan(amount)} is within the township’s approval limit of ¥${formatYuan(limit)}, but goes beyond this year’s cap${exception ? ' (on a county case-by-case decision, 一事一议)' : ''}: only the county may approve it`,
      `救助金额 ${formatYuan(amount)} 元未超过乡镇（街道）审批权限 ${formatYuan(limit)} 元，但超出本年度临时救助累计上限${exception ? '（依县级一事一议）' : ''}，须报县级民政部门审批`,
    );
  }
  const zh = program === 'dibao' ? '低保' : program === 'tekun' ? '特困人员认定' : '事实无人抚养儿童认定';
  return new AppError('beyond_authority', `Approval of ${program} is not delegated to the township: the county approves`, `${zh}未委托乡镇（街道）审批，由县级民政部门审批确认`);
}
