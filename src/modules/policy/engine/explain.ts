// Plain-language summaries of decisions. Staff see the whole trace; the public sees this summary
// and the reasons (the conditions that failed, or the main ones that passed).
import type { Decision } from './decision.ts';
import type { Program } from './program.ts';
import { formatYuan } from './money.ts';

type Text = { zh: string; en: string };

const MISSING_LABELS: Record<string, Text> = {
  assets: { zh: '家庭财产', en: 'household property' },
  incomes: { zh: '家庭收入', en: 'household income' },
  area: { zh: '城镇或农村', en: 'urban or rural' },
  members: { zh: '家庭成员', en: 'household members' },
  supporters: { zh: '赡养（抚养、扶养）义务人情况', en: 'legal supporters' },
  parents: { zh: '父母情况', en: 'the parents’ situation' },
  temporary: { zh: '临时救助申请事由', en: 'the emergency or expense' },
  unemployment: { zh: '失业与参保缴费情况', en: 'unemployment and contributions' },
  rigidSpending12mFen: { zh: '近 12 个月刚性支出', en: 'rigid spending over 12 months' },
  income12mFen: { zh: '近 12 个月家庭总收入', en: 'total income over 12 months' },
};

const MEMBER_FIELDS: Record<string, Text> = {
  birth: { zh: '出生日期', en: 'date of birth' },
  studyLevel: { zh: '就读学历', en: 'level of study' },
  selfCareFailed: { zh: '生活自理能力评估（6 项）', en: 'self-care assessment (6 items)' },
  inSchool: { zh: '是否在校就读', en: 'whether in school' },
  disabilityGrade: { zh: '残疾等级', en: 'disability grade' },
  disabilityCategory: { zh: '残疾类别', en: 'disability category' },
  otherChildBenefitFen: { zh: '已享受的其他救助金额', en: 'other benefits received' },
};

export function missingLabel(path: string): Text {
  if (path.startsWith('param:')) return { zh: `当地参数 ${path.slice(6)} 未设置`, en: `local parameter ${path.slice(6)} is not set` };
  const head = path.split('.')[0]!;
  const member = /^members\.(\d+)\.(\w+)/.exec(path);
  if (member) {
    const field = MEMBER_FIELDS[member[2]!] ?? { zh: member[2]!, en: member[2]! };
    return { zh: `成员 ${Number(member[1]) + 1} 的${field.zh}`, en: `member ${Number(member[1]) + 1}: ${field.en}` };
  }
  return MISSING_LABELS[head] ?? { zh: path, en: path };
}

function amountText(d: Decision): Text | null {
  if (d.amountFen === null) return null;
  const y = formatYuan(d.amountFen);
  if (d.period === 'monthly') return { zh: `${y} 元/月${d.durationMonths ? `，${d.durationMonths} 个月` : ''}`, en: `¥${y} a month${d.durationMonths ? ` for ${d.durationMonths} months` : ''}` };
  return { zh: `一次性 ${y} 元`, en: `¥${y} once` };
}

/** One or two sentences a resident understands. */
export function summarize(d: Decision, program: Program): Text {
  const amount = amountText(d);
  if (d.status === 'eligible') {
    return {
      zh: `可能符合${program.zh}${amount ? `，约 ${amount.zh}` : ''}。请到${program.applyAt.zh}申请，以审核确认结果为准。`,
      en: `You may qualify for ${program.en}${amount ? `: about ${amount.en}` : ''}. Apply at ${program.applyAt.en}; the review decides.`,
    };
  }
  if (d.status === 'needs_information') {
    const labels = d.missing.map(missingLabel);
    return {
      zh: `还需要以下信息才能判断是否符合${program.zh}：${labels.map((l) => l.zh).join('、')}。`,
      en: `To tell whether you qualify for ${program.en} we also need: ${labels.map((l) => l.en).join(', ')}.`,
    };
  }
  return {
    zh: `暂不符合${program.zh}${d.nearMiss ? '（接近条件，建议咨询）' : ''}。`,
    en: `You do not appear to qualify for ${program.en}${d.nearMiss ? ' (close to the line: worth asking)' : ''}.`,
  };
}

/** The reasons worth telling: failed conditions when not eligible, the passed ones when eligible. */
export function reasons(d: Decision): Text[] {
  const trace = d.trace ?? [];
  const wanted = d.status === 'eligible' ? trace.filter((c) => c.pass === true) : trace.filter((c) => c.pass === false || c.pass === null);
  return wanted.filter((c) => !c.id.startsWith('household.member_')).slice(0, 6).map((c) => ({ zh: c.zh, en: c.en }));
}
