// Checks of one parameter value (its kind) and of a resolved set (rules across parameters, e.g.
// a 失业保险金 standard must lie between the urban 低保 standard and the minimum wage).
import { PARAMETER_KINDS } from './parameter-kinds.ts';
import { PARAMETERS, type ParameterKey, type ParameterValues } from './parameters.catalog.ts';
import { formatYuan } from './money.ts';

export type ParameterProblem = { key: ParameterKey | string; message: string; messageZh: string };

/** Validates one value against its parameter's kind and options; returns problems (empty when fine). */
export function checkParameterValue(key: string, value: unknown): ParameterProblem[] {
  if (!Object.hasOwn(PARAMETERS, key)) return [{ key, message: `unknown parameter ${key}`, messageZh: `未知参数 ${key}` }];
  const def = PARAMETERS[key as ParameterKey] as { kind: keyof typeof PARAMETER_KINDS; zh: string; en: string; options?: readonly string[] };
  const parsed = PARAMETER_KINDS[def.kind].safeParse(value);
  if (!parsed.success) {
    const kindZh = { fen: '整数（分）', bp: '整数基点', int: '非负整数', bool: '是/否', date: '日期 YYYY-MM-DD', enum: '选项', list: '文字列表', tiers: '分档表', durations: '期限表' }[def.kind];
    return [{ key, message: `${def.en}: expected ${def.kind}`, messageZh: `${def.zh}：应为${kindZh}` }];
  }
  if (def.options && !def.options.includes(value as string)) {
    return [{ key, message: `${def.en}: one of ${def.options.join(', ')}`, messageZh: `${def.zh}：应为 ${def.options.join('、')} 之一` }];
  }
  return [];
}

const SHARES: ParameterKey[] = ['dibao.min_payment_bp', 'dibao.single_floor_bp', 'unemp.subsidy.rate_bp', 'near_miss_bp', 'rigid.ratio_bp'];

/** Rules across parameters, checked on the set in force for a jurisdiction and date. */
export function checkParameterSet(v: ParameterValues): ParameterProblem[] {
  const out: ParameterProblem[] = [];
  const benefit = v['unemp.benefit_fen'];
  const wage = v['min_wage.monthly'];
  const urban = v['dibao.standard.urban'];
  if (benefit !== undefined && wage !== undefined && benefit >= wage) {
    out.push({ key: 'unemp.benefit_fen', message: `the unemployment benefit (¥${formatYuan(benefit)}) must be below the minimum wage (¥${formatYuan(wage)})`, messageZh: `失业保险金标准（${formatYuan(benefit)} 元）须低于最低工资标准（${formatYuan(wage)} 元）` });
  }
  if (benefit !== undefined && urban !== undefined && benefit <= urban) {
    out.push({ key: 'unemp.benefit_fen', message: `the unemployment benefit (¥${formatYuan(benefit)}) must be above the urban dibao standard (¥${formatYuan(urban)})`, messageZh: `失业保险金标准（${formatYuan(benefit)} 元）须高于城市低保标准（${formatYuan(urban)} 元）` });
  }
  const edge = v['dibao.edge_multiple_bp'];
  if (edge !== undefined && edge <= 10000) out.push({ key: 'dibao.edge_multiple_bp', message: 'the near-dibao multiple must be above 100%', messageZh: '低保边缘收入倍数须大于 100%' });
  for (const key of SHARES) {
    const value = v[key] as number | undefined;
    if (value !== undefined && value > 10000) out.push({ key, message: `${PARAMETERS[key].en} cannot exceed 100%`, messageZh: `${PARAMETERS[key].zh}不能超过 100%` });
  }
  const tiers = v['dibao.tiers'];
  if (tiers && tiers.some((t) => t.payBp > 10000)) out.push({ key: 'dibao.tiers', message: 'a tier cannot pay more than the standard', messageZh: '分档发放额不能超过低保标准' });
  const from = v['unemp.subsidy.window_from'];
  const to = v['unemp.subsidy.window_to'];
  if (from && to && from > to) out.push({ key: 'unemp.subsidy.window_to', message: 'the subsidy window ends before it starts', messageZh: '失业补助金时间窗口的截止日期早于起始日期' });
  const durations = v['unemp.durations'];
  const max = v['unemp.max_months'];
  if (durations && max !== undefined && durations.some((d) => d.months > max)) out.push({ key: 'unemp.durations', message: 'a duration exceeds the cap on months', messageZh: '领取期限超过累计上限' });
  const fineMin = v['fraud.fine_min_multiple'];
  const fineMax = v['fraud.fine_max_multiple'];
  if (fineMin !== undefined && fineMax !== undefined && fineMin > fineMax) out.push({ key: 'fraud.fine_max_multiple', message: 'the highest fine multiple is below the lowest', messageZh: '罚款最高倍数低于最低倍数' });
  return out;
}
