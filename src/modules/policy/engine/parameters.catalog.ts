// Every policy parameter lastmile knows: its kind, unit and labels. Values live apart, as dated
// data per jurisdiction (policy/parameters/*.yaml → the policy_parameters table), so a policy
// change is a data change. A program reads only parameters declared here.
import type { ParameterKind, ParameterValueOf } from './parameter-kinds.ts';

type Def<K extends ParameterKind> = {
  kind: K;
  zh: string;
  en: string;
  /** How the value reads: 元/人/月, 个月, 倍 … */
  unit?: string;
  /** For enums: the allowed values. */
  options?: readonly string[];
};

const def = <K extends ParameterKind>(kind: K, zh: string, en: string, extra: Omit<Def<K>, 'kind' | 'zh' | 'en'> = {}): Def<K> => ({ kind, zh, en, ...extra });

export const PARAMETERS = {
  // general
  'amount.rounding': def('enum', '计算金额的舍入规则', 'Rounding of computed amounts', { options: ['half_up', 'floor', 'ceil'] }),
  'min_wage.monthly': def('fen', '月最低工资标准', 'Monthly minimum wage', { unit: '元/月' }),
  'min_wage.hourly': def('fen', '小时最低工资标准', 'Hourly minimum wage', { unit: '元/小时' }),
  'disposable_income.urban': def('fen', '上年度城镇居民人均可支配收入', 'Previous-year urban per-capita disposable income', { unit: '元/年' }),
  'disposable_income.rural': def('fen', '上年度农村居民人均可支配收入', 'Previous-year rural per-capita disposable income', { unit: '元/年' }),
  'near_miss_bp': def('bp', '"接近条件"的提示范围', 'Near-miss margin', { unit: '%' }),

  // 低保
  'dibao.standard.urban': def('fen', '城市低保标准', 'Urban dibao standard', { unit: '元/人/月' }),
  'dibao.standard.rural': def('fen', '农村低保标准', 'Rural dibao standard', { unit: '元/人/月' }),
  'dibao.mode': def('enum', '低保金计算方式', 'How the dibao amount is computed', { options: ['gap', 'tiers'] }),
  'dibao.tiers': def('tiers', '分档发放档次', 'Payment tiers'),
  'dibao.min_payment_bp': def('bp', '最低发放额（占标准比例）', 'Minimum payment (share of the standard)', { unit: '%' }),
  'dibao.single_floor_bp': def('bp', '单人保最低发放比例', 'Single-person dibao floor (share of the standard)', { unit: '%' }),
  'dibao.edge_multiple_bp': def('bp', '低保边缘收入倍数', 'Near-dibao income multiple', { unit: '%' }),
  'dibao.excluded_incomes': def('list', '不计入家庭收入的项目', 'Income not counted'),
  'dibao.work_cost_deduction_bp': def('bp', '就业成本扣减（占标准比例/人）', 'Employment cost deduction per working member (share of the standard)', { unit: '%' }),
  'dibao.deposit_limit_months': def('int', '人均存款上限（标准的月数）', 'Deposits per counted member: limit in months of the standard', { unit: '个月' }),
  'dibao.vehicles_allowed': def('int', '允许拥有的机动车数（残疾人代步车除外）', 'Vehicles allowed (disability vehicles aside)', { unit: '辆' }),
  'dibao.houses_allowed': def('int', '允许拥有的住房套数', 'Homes allowed', { unit: '套' }),
  'dibao.avg_floor_area_cm2': def('int', '当地人均住房面积（多套住房例外线）', 'Local average floor area per person (exception for several homes)', { unit: 'cm²' }),
  'dibao.businesses_allowed': def('int', '允许经营的企业/个体户数', 'Businesses allowed', { unit: '个' }),
  'dibao.serious_illnesses': def('list', '重特大疾病目录', 'Serious illness list'),
  'dibao.clergy_years': def('int', '宗教教职人员在宗教场所居住年限', 'Years a clergy member lives apart', { unit: '年' }),
  'dibao.max_study_level': def('enum', '计入家庭成员的在校生最高学历', 'Highest study level of a full-time student still counted', { options: ['school', 'vocational', 'undergraduate', 'postgraduate'] }),
  'dibao.job_refusal_limit': def('int', '连续拒绝推荐工作次数（停发本人份额）', 'Job referrals refused in a row before the member’s share stops', { unit: '次' }),
  'dibao.phase_out.graduate': def('int', '渐退期：毕业生就业', 'Phase-out months: graduate employed', { unit: '个月' }),
  'dibao.phase_out.hard_to_employ': def('int', '渐退期：就业困难人员安置', 'Phase-out months: hard-to-employ placement', { unit: '个月' }),
  'dibao.phase_out.disabled_placement': def('int', '渐退期：残疾人安置', 'Phase-out months: disabled placement', { unit: '个月' }),
  'dibao.phase_out.other': def('int', '渐退期：其他就业', 'Phase-out months: other work', { unit: '个月' }),

  // 特困
  'tekun.elderly_age': def('int', '特困：老年人年龄', 'Tekun: elderly age', { unit: '周岁' }),
  'tekun.minor_age': def('int', '特困：未成年人无劳动能力年龄上限', 'Tekun: minors under this age cannot work', { unit: '周岁' }),
  'tekun.incapable_disabilities': def('list', '特困：视为无劳动能力的残疾类别与等级（类别:最低等级）', 'Tekun: disabilities that mean no work capacity (category:worst grade counted)'),
  'tekun.keep_until_age': def('int', '特困未成年人保留供养至', 'Tekun minors keep support until', { unit: '周岁' }),
  'tekun.basic_multiple_bp': def('bp', '基本生活标准（低保标准倍数）', 'Basic living standard (multiple of the dibao standard)', { unit: '%' }),
  'tekun.care.institution.self_bp': def('bp', '集中供养全自理照料标准（最低工资比例）', 'Care rate, institution, self-reliant (share of minimum wage)', { unit: '%' }),
  'tekun.care.institution.semi_bp': def('bp', '集中供养半护理照料标准', 'Care rate, institution, partly dependent', { unit: '%' }),
  'tekun.care.institution.full_bp': def('bp', '集中供养全护理照料标准', 'Care rate, institution, fully dependent', { unit: '%' }),
  'tekun.care.dispersed.self_bp': def('bp', '分散供养全自理照料标准', 'Care rate, at home, self-reliant', { unit: '%' }),
  'tekun.care.dispersed.semi_bp': def('bp', '分散供养半护理照料标准', 'Care rate, at home, partly dependent', { unit: '%' }),
  'tekun.care.dispersed.full_bp': def('bp', '分散供养全护理照料标准', 'Care rate, at home, fully dependent', { unit: '%' }),
  'tekun.excluded_incomes': def('list', '特困：不计入收入的项目', 'Tekun: income not counted'),
  'tekun.supporter_dibao_age': def('int', '赡养人享受低保且达到此年龄视为无能力', 'Supporter on dibao at this age is unable to support', { unit: '周岁' }),
  'tekun.supporter_elderly_age': def('int', '赡养人达到此年龄且收入低于上年人均可支配收入视为无能力', 'Supporter at this age with low income is unable to support', { unit: '周岁' }),

  // 幸福食堂 meal subsidies (per subsidised meal, one a day per person; service-points module)
  'meal.subsidy.age80_fen': def('fen', '幸福食堂助餐补贴：80 周岁以上老年人', 'Canteen meal subsidy: people aged 80 and over', { unit: '元/餐' }),
  'meal.subsidy.dibao_fen': def('fen', '幸福食堂助餐补贴：低保对象', 'Canteen meal subsidy: dibao recipients', { unit: '元/餐' }),
  'meal.subsidy.tekun_fen': def('fen', '幸福食堂助餐补贴：特困人员', 'Canteen meal subsidy: tekun (extreme poverty) recipients', { unit: '元/餐' }),

  // 临时救助
  'linshi.case_cap_fen': def('fen', '临时救助单次上限（0 表示不设）', 'Temporary assistance: per-case cap (0 = none)', { unit: '元' }),
  'linshi.case_cap_months': def('int', '临时救助单次上限（城市低保标准月数，0 表示不设）', 'Per-case cap in months of the urban standard (0 = none)', { unit: '个月' }),
  'linshi.township_limit_fen': def('fen', '乡镇审批权限（0 表示不设）', 'Township approval limit (0 = none)', { unit: '元' }),
  'linshi.township_limit_months': def('int', '乡镇审批权限（城市低保标准月数，0 表示不设）', 'Township approval limit in months of the urban standard (0 = none)', { unit: '个月' }),
  'linshi.yearly_cap_person_fen': def('fen', '每人每年累计上限（0 表示不设）', 'Yearly cap per person (0 = none)', { unit: '元' }),
  'linshi.yearly_cap_household_fen': def('fen', '每户每年累计上限（0 表示不设）', 'Yearly cap per household (0 = none)', { unit: '元' }),
  'linshi.applications_per_year': def('int', '每年申请次数上限（0 表示不设）', 'Applications a year (0 = no limit)', { unit: '次' }),
  'linshi.reserve_fund_fen': def('fen', '乡镇临时救助备用金', 'Township reserve fund', { unit: '元/年' }),
  // 一事一救: two events of one kind at most this many days apart are one cause (rules/same-cause.ts).
  'linshi.same_cause_window_days': def('int', '一事一救同类事由时间窗口', 'same-cause window', { unit: '天' }),

  // 事实无人抚养儿童
  'fcu.orphan_standard.dispersed': def('fen', '散居孤儿基本生活保障标准', 'Orphan allowance, living dispersed', { unit: '元/人/月' }),
  'fcu.orphan_standard.institution': def('fen', '集中供养孤儿基本生活保障标准', 'Orphan allowance, in an institution', { unit: '元/人/月' }),
  'fcu.top_up': def('enum', '已享受其他救助时的发放方式', 'Payment when other benefits are drawn', { options: ['full', 'difference'] }),
  'fcu.max_age': def('int', '事实无人抚养儿童年龄上限（不含）', 'Age limit (exclusive)', { unit: '周岁' }),
  'fcu.lost_contact_months': def('int', '失联认定月数', 'Months without contact to count as lost', { unit: '个月' }),
  'fcu.detention_months': def('int', '服刑/强制隔离戒毒等认定月数', 'Months of detention that count', { unit: '个月' }),
  'fcu.extra_situations': def('list', '地方增加的情形', 'Situations a locality adds'),

  // 一户受助台账（政府与慈善）
  'aid.cause_mark_fen': def('fen', '同一事由各来源年度救助合计提示线（标记，不拦截）', 'Aid for one cause from all sources in a year: amount above which a household is marked (never blocked)', { unit: '元/户/年' }),

  // 失业保险金 / 失业补助金
  'unemp.benefit_fen': def('fen', '失业保险金标准', 'Unemployment insurance benefit', { unit: '元/月' }),
  'unemp.min_contribution_months': def('int', '最低缴费月数', 'Minimum contribution months', { unit: '个月' }),
  'unemp.durations': def('durations', '领取期限（按缴费年限）', 'Benefit months by contribution years'),
  'unemp.max_months': def('int', '累计领取期限上限', 'Cap on carried-over months', { unit: '个月' }),
  'unemp.refused_renewal_involuntary': def('bool', '单位不续签是否视为非本人意愿', 'Employer not renewing counts as involuntary'),
  'unemp.subsidy.rate_bp': def('bp', '失业补助金：失业保险金标准比例', 'Unemployment subsidy: share of the benefit', { unit: '%' }),
  'unemp.subsidy.months': def('int', '失业补助金发放月数', 'Unemployment subsidy months', { unit: '个月' }),
  'unemp.subsidy.window_from': def('date', '失业补助金：劳动关系终止时间窗口起', 'Subsidy window: labour relation ended from'),
  'unemp.subsidy.window_to': def('date', '失业补助金：劳动关系终止时间窗口止', 'Subsidy window: labour relation ended until'),
  'unemp.subsidy.voluntary_qualifies': def('bool', '失业补助金：主动离职可领取', 'Subsidy: voluntary leavers qualify'),

  // 刚性支出困难 / 医疗救助
  'rigid.ratio_bp': def('bp', '刚性支出占家庭总收入比例', 'Rigid spending to total income ratio', { unit: '%' }),
  'rigid.recognition_months': def('int', '刚性支出困难家庭认定有效期', 'Recognition period', { unit: '个月' }),
  'medical.fcu_in_tier1': def('bool', '事实无人抚养儿童纳入第一类医疗救助对象', 'Children without de-facto care in medical-aid tier 1'),

  // Procedure rules the workflows call (rules/procedures.ts)
  'procedure.publicity_days': def('int', '公示期天数', 'Days of public notice (公示)', { unit: '天' }),
  'procedure.close_relatives': def('list', '近亲属范围（须单独登记备案）', 'Close relatives (registered separately)'),
  // Deadlines of an assistance case (cases module), in working days on the holiday calendar.
  'procedure.investigate_days': def('int', '调查核实期限', 'Investigation to be done within', { unit: '工作日' }),
  'procedure.decision_days': def('int', '县级审批确认期限', 'County decision within', { unit: '工作日' }),
  'procedure.refusal_notice_days': def('int', '不予批准书面通知期限', 'Written refusal notice within', { unit: '工作日' }),
  'procedure.total_days': def('int', '办理总时限', 'Whole procedure within', { unit: '工作日' }),
  'procedure.total_days_extended': def('int', '办理总时限（特殊情况延长后）', 'Whole procedure within, when extended', { unit: '工作日' }),
  // 审批权下放: the county may entrust the 乡镇 with approving 低保 / 特困 (临时救助: linshi.township_limit_*).
  'procedure.township_approves.dibao': def('bool', '低保由乡镇（街道）审批确认（县级委托）', 'The township approves dibao (delegated by the county)'),
  'procedure.township_approves.tekun': def('bool', '特困由乡镇（街道）审批确认（县级委托）', 'The township approves tekun (delegated by the county)'),
  'dibao.review_months.stable': def('int', '低保复核周期：收入稳定家庭', 'Dibao review interval: stable households', { unit: '个月' }),
  'dibao.review_months.irregular': def('int', '低保复核周期：收入不固定或有劳动能力成员的家庭', 'Dibao review interval: irregular income or members able to work', { unit: '个月' }),
  'fraud.fine_min_multiple': def('int', '骗取救助罚款下限（骗取金额倍数）', 'Fraud fine: lowest multiple of the amount obtained', { unit: '倍' }),
  'fraud.fine_max_multiple': def('int', '骗取救助罚款上限（骗取金额倍数）', 'Fraud fine: highest multiple of the amount obtained', { unit: '倍' }),
  'linshi.paperwork_days': def('int', '先行救助后补齐手续期限', 'Days to complete the paperwork after an advance payment', { unit: '天' }),
  'jobs.urban.max_years': def('int', '城镇公益性岗位安置期限', 'Urban public-welfare post: longest term', { unit: '年' }),
  'jobs.urban.retire_within_years': def('int', '距法定退休年龄不足此年数可延长至退休', 'Within this many years of retirement the post may run to retirement', { unit: '年' }),
  'jobs.urban.max_placements': def('int', '城镇公益性岗位安置次数上限', 'Urban public-welfare post: most placements', { unit: '次' }),
  'rescue.max_stay_days': def('int', '救助站救助期限（一般不超过）', 'Rescue station: usual longest stay', { unit: '天' }),
  'rescue.tracing_notice_hours': def('int', '身份不明人员发布寻亲公告时限', 'Tracing notice for an unidentified person within', { unit: '小时' }),
  'rescue.dna_days': def('int', '身份不明人员采集 DNA 时限', 'DNA sample for an unidentified person within', { unit: '天' }),
} as const satisfies Record<string, Def<ParameterKind>>;

export type ParameterKey = keyof typeof PARAMETERS;
export type ParameterValue<P extends ParameterKey> = ParameterValueOf<(typeof PARAMETERS)[P]['kind']>;
export type ParameterValues = { [P in ParameterKey]?: ParameterValue<P> };

export function isParameterKey(key: string): key is ParameterKey {
  return Object.hasOwn(PARAMETERS, key);
}
