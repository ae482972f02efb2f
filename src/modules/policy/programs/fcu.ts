// 事实无人抚养儿童基本生活保障. 《关于进一步加强事实无人抚养儿童保障工作的意见》（民发〔2019〕62号）;
// policy-digest §4. A child under 18 whose two parents are each 重残, 重病, detained (服刑在押,
// 强制隔离戒毒, other restriction of liberty) for long enough, or out of contact for long enough —
// or one parent dead or declared missing and the other in one of those situations (situations a
// locality adds, e.g. custody revoked or a deported foreign parent, count where listed). The
// allowance follows the local orphan standard (散居 or 集中); where the child already draws other
// benefits and the locality pays the difference, only the difference is paid.
import { decision, yuan, yuanEn, type Decision, type Tracer } from '../engine/decision.ts';
import type { DisabilityCategory, HouseholdFacts, ParentSituation } from '../engine/facts.ts';
import { ageAt, monthsBetween } from '../engine/dates.ts';
import type { ParameterKey } from '../engine/parameters.catalog.ts';
import type { Program, ProgramContext } from '../engine/program.ts';

const BASIS = '《关于进一步加强事实无人抚养儿童保障工作的意见》（民发〔2019〕62号）';
const BASIS_SCOPE = '民发〔2019〕62号 保障对象范围';
const BASIS_AMOUNT = '民发〔2019〕62号 参照孤儿基本生活保障标准';

type Parent = NonNullable<HouseholdFacts['parents']>[number];
/** A parent's state: absent (dead, declared missing), qualifies, does not, not yet (duration short), or unknown. */
type ParentState = 'absent' | 'qualifies' | 'not' | 'wait' | 'unknown';

const SITUATION_ZH: Record<ParentSituation, string> = {
  normal: '能正常履行抚养义务', dead: '死亡', missing_declared: '被宣告失踪', severe_disability: '残疾', serious_illness: '重病',
  imprisoned: '服刑在押', compulsory_rehab: '强制隔离戒毒', restricted: '被执行其他限制人身自由的措施', lost_contact: '失联',
  custody_revoked: '被撤销监护资格', deported: '被遣送（驱逐）出境',
};
const SITUATION_EN: Record<ParentSituation, string> = {
  normal: 'able to raise the child', dead: 'dead', missing_declared: 'declared missing', severe_disability: 'disabled', serious_illness: 'seriously ill',
  imprisoned: 'in prison', compulsory_rehab: 'in compulsory drug rehabilitation', restricted: 'otherwise deprived of liberty', lost_contact: 'out of contact',
  custody_revoked: 'custody revoked by a court', deported: 'deported',
};
const CATEGORY_ZH: Record<DisabilityCategory, string> = {
  visual: '视力', hearing: '听力', speech: '言语', physical: '肢体', intellectual: '智力', mental: '精神', multiple: '多重',
};

/** 重残: 一/二级 of any category, or 三/四级 mental or intellectual. */
export function parentSeverelyDisabled(category: DisabilityCategory | undefined, grade: number): boolean {
  return grade <= 2 || category === 'mental' || category === 'intellectual';
}

/** Months still to go before a duration situation qualifies (0 when it does); -1 when `since` is unknown. */
function monthsToGo(parent: Parent, needed: number, date: number): number {
  if (parent.since === undefined) return -1;
  const months = monthsBetween(parent.since, date);
  return months >= needed ? 0 : needed - months;
}

/** Months a duration situation must last (失联 or detention). */
function neededMonths(parent: Parent, ctx: ProgramContext): number {
  return parent.situation === 'lost_contact' ? ctx.p['fcu.lost_contact_months']! : ctx.p['fcu.detention_months']!;
}

/** A parent's state; pushes the facts needed when unknown. */
function parentState(parent: Parent, i: number, ctx: ProgramContext, missing: string[]): ParentState {
  const p = ctx.p;
  switch (parent.situation) {
    case 'dead':
    case 'missing_declared':
      return 'absent';
    case 'normal':
      return 'not';
    case 'serious_illness':
      return 'qualifies';
    case 'severe_disability': {
      const grade = parent.disabilityGrade;
      if (grade === undefined) {
        missing.push(`parents.${i}.disabilityGrade`);
        return 'unknown';
      }
      if (grade >= 3 && parent.disabilityCategory === undefined) {
        missing.push(`parents.${i}.disabilityCategory`);
        return 'unknown';
      }
      return parentSeverelyDisabled(parent.disabilityCategory, grade) ? 'qualifies' : 'not';
    }
    case 'imprisoned':
    case 'compulsory_rehab':
    case 'restricted':
    case 'lost_contact': {
      const togo = monthsToGo(parent, neededMonths(parent, ctx), ctx.date);
      if (togo < 0) {
        missing.push(`parents.${i}.since`);
        return 'unknown';
      }
      return togo === 0 ? 'qualifies' : 'wait';
    }
    default:
      // custody_revoked, deported: only where the locality lists them.
      return (p['fcu.extra_situations'] ?? []).includes(parent.situation) ? 'qualifies' : 'not';
  }
}

function parentText(parent: Parent, i: number, state: ParentState, togo: number, t: Tracer, date: number): { zh: string; en: string; parameters: ParameterKey[] } {
  const who = `父母一方（${i + 1}）`;
  const whoEn = `Parent ${i + 1}`;
  const what = SITUATION_ZH[parent.situation];
  const whatEn = SITUATION_EN[parent.situation];
  const months = parent.since === undefined ? null : monthsBetween(parent.since, date);
  switch (parent.situation) {
    case 'dead':
    case 'missing_declared':
      return { zh: `${who}${what}`, en: `${whoEn}: ${whatEn}`, parameters: [] };
    case 'normal':
      return { zh: `${who}${what}，不属于事实无人抚养情形`, en: `${whoEn} can raise the child: not a qualifying situation`, parameters: [] };
    case 'serious_illness':
      return { zh: `${who}患重病，符合条件`, en: `${whoEn} is seriously ill: qualifies`, parameters: [] };
    case 'severe_disability': {
      if (state === 'unknown') return { zh: `${who}残疾，残疾类别或等级未知`, en: `${whoEn} is disabled; category or grade unknown`, parameters: [] };
      const d = `${CATEGORY_ZH[parent.disabilityCategory ?? 'multiple']}残疾 ${parent.disabilityGrade} 级`;
      const dEn = `${parent.disabilityCategory ?? 'unspecified'} disability grade ${parent.disabilityGrade}`;
      return state === 'qualifies'
        ? { zh: `${who}${d}，属于重残（一、二级残疾或三、四级精神、智力残疾），符合条件`, en: `${whoEn}: ${dEn} counts as severe (grade 1–2, or grade 3–4 mental/intellectual): qualifies`, parameters: [] }
        : { zh: `${who}${d}，不属于重残（一、二级残疾或三、四级精神、智力残疾）`, en: `${whoEn}: ${dEn} is not severe (grade 1–2, or grade 3–4 mental/intellectual)`, parameters: [] };
    }
    case 'imprisoned':
    case 'compulsory_rehab':
    case 'restricted':
    case 'lost_contact': {
      const key: ParameterKey = parent.situation === 'lost_contact' ? 'fcu.lost_contact_months' : 'fcu.detention_months';
      const need = t.param(key);
      if (months === null) return { zh: `${who}${what}，起始日期未知，无法计算持续时间`, en: `${whoEn}: ${whatEn}, start date unknown`, parameters: [key] };
      if (state === 'qualifies') return { zh: `${who}${what}已 ${months} 个月，达到${need.zh}，符合条件`, en: `${whoEn}: ${whatEn} for ${months} months, at least the ${need.en}: qualifies`, parameters: [key] };
      return { zh: `${who}${what}仅 ${months} 个月，未达到${need.zh}，${togo} 个月后可复核`, en: `${whoEn}: ${whatEn} for only ${months} months, short of the ${need.en}; re-check in ${togo} months`, parameters: [key] };
    }
    default:
      return state === 'qualifies'
        ? { zh: `${who}${what}，属于${t.param('fcu.extra_situations').zh}，符合条件`, en: `${whoEn}: ${whatEn}, listed in the ${t.param('fcu.extra_situations').en}: qualifies`, parameters: ['fcu.extra_situations'] }
        : { zh: `${who}${what}，不在${t.param('fcu.extra_situations').zh}之列`, en: `${whoEn}: ${whatEn}, not among the ${t.param('fcu.extra_situations').en}`, parameters: ['fcu.extra_situations'] };
  }
}

export const fcu: Program = {
  id: 'fcu',
  zh: '事实无人抚养儿童基本生活保障',
  en: 'Allowance for children without de-facto care',
  basis: BASIS,
  level: 'person',
  applyAt: { zh: '儿童户籍所在地乡镇人民政府（街道办事处），由监护人提出申请', en: 'the township government or street office where the child is registered (the guardian applies)' },
  parameters: ['fcu.max_age', 'fcu.lost_contact_months', 'fcu.detention_months', 'fcu.extra_situations', 'fcu.top_up'],

  evaluate(f, ctx): Decision {
    const t = ctx.t;
    const p = ctx.p;
    const subject = f.subject ?? 0;
    const child = f.members[subject];
    if (!child) return decision('fcu', 'needs_information', { missing: [`members.${subject}`], subject, trace: t?.conditions ?? null });
    const missing: string[] = [];

    // Already supported as 特困 (and not choosing the child track): no second allowance.
    if ((f.current?.tekun === true || child.currentTekun === true) && f.prefersChildTrack !== true) {
      if (t) t.check('fcu.tekun', false, { zh: '儿童已纳入特困人员救助供养，且未选择按事实无人抚养儿童保障', en: 'The child is supported as tekun and has not chosen this track' }, {}, [], '《特困人员认定办法》（民发〔2021〕43号）');
      return decision('fcu', 'ineligible', { subject, category: 'tekun', trace: t?.conditions ?? null });
    }

    // Age.
    const maxAge = p['fcu.max_age']!;
    if (child.birth === undefined) {
      missing.push(`members.${subject}.birth`);
      if (t) t.check('fcu.age', null, { zh: '儿童出生日期未知', en: 'Child’s birth date unknown' }, {}, ['fcu.max_age'], BASIS_SCOPE);
    } else {
      const age = ageAt(child.birth, ctx.date);
      const ok = age < maxAge;
      if (t) t.check('fcu.age', ok, ok
        ? { zh: `儿童 ${age} 周岁，未满${t.param('fcu.max_age').zh}`, en: `The child is ${age}, under the ${t.param('fcu.max_age').en}` }
        : { zh: `儿童 ${age} 周岁，已达到${t.param('fcu.max_age').zh}`, en: `The child is ${age}, at or above the ${t.param('fcu.max_age').en}` },
      { age }, ['fcu.max_age'], BASIS_SCOPE);
      if (!ok) return decision('fcu', 'ineligible', { subject, trace: t?.conditions ?? null });
    }

    // Parents.
    const parents = f.parents ?? child.parents;
    if (parents === undefined) {
      missing.push('parents');
      if (t) t.check('fcu.parents', null, { zh: '父母情况未知', en: 'Parents’ situation unknown' }, {}, [], BASIS_SCOPE);
      return decision('fcu', 'needs_information', { missing, subject, trace: t?.conditions ?? null });
    }
    if (parents.length < 2) {
      for (let i = parents.length; i < 2; i++) missing.push(`parents.${i}`);
      if (t) t.check('fcu.parents', null, { zh: '父母双方的情况须分别登记', en: 'Both parents’ situations are needed' }, { parents: parents.length }, [], BASIS_SCOPE);
      return decision('fcu', 'needs_information', { missing, subject, trace: t?.conditions ?? null });
    }
    let recheck = 0;
    let absent = 0;
    let not = 0;
    let unknown = 0;
    let waiting = 0;
    for (let i = 0; i < 2; i++) {
      const parent = parents[i]!;
      const state = parentState(parent, i, ctx, missing);
      let togo = 0;
      if (state === 'absent') absent++;
      else if (state === 'not') not++;
      else if (state === 'unknown') unknown++;
      else if (state === 'wait') {
        waiting++;
        togo = monthsToGo(parent, neededMonths(parent, ctx), ctx.date);
        if (togo > recheck) recheck = togo;
      }
      if (t) {
        const text = parentText(parent, i, state, togo, t, ctx.date);
        t.check(`fcu.parent_${i}`, state === 'unknown' ? null : state === 'wait' ? false : state !== 'not', text, { situation: parent.situation, months: parent.since === undefined ? null : monthsBetween(parent.since, ctx.date) }, text.parameters, BASIS_SCOPE);
      }
    }
    if (not > 0) {
      if (t) t.check('fcu.scope', false, { zh: '父母中有一方不属于死亡、失踪、重残、重病、服刑在押、强制隔离戒毒、失联等情形，不属于事实无人抚养儿童', en: 'One parent is in none of the qualifying situations: not a child without de-facto care' }, {}, [], BASIS_SCOPE);
      return decision('fcu', 'ineligible', { subject, trace: t?.conditions ?? null });
    }
    if (absent === 2) {
      if (t) t.check('fcu.scope', false, { zh: '父母双方均死亡或被宣告失踪，属于孤儿，应按孤儿基本生活保障申请', en: 'Both parents dead or declared missing: an orphan, who applies for the orphan allowance instead' }, {}, [], BASIS_SCOPE);
      return decision('fcu', 'ineligible', { subject, category: 'orphan', trace: t?.conditions ?? null });
    }
    if (unknown > 0 || missing.length > 0) return decision('fcu', 'needs_information', { missing, subject, trace: t?.conditions ?? null });
    if (waiting > 0) {
      if (t) t.check('fcu.scope', false, { zh: `情形持续时间尚未达到规定月数，暂不符合条件，${recheck} 个月后复核`, en: `A situation has not lasted long enough yet: re-check in ${recheck} months` }, { recheckMonths: recheck }, ['fcu.detention_months', 'fcu.lost_contact_months'], BASIS_SCOPE);
      // Not yet: a near miss, so screening keeps it for the re-check.
      return decision('fcu', 'ineligible', { subject, category: 'recheck', durationMonths: recheck, nearMiss: true, trace: t?.conditions ?? null });
    }
    if (t) t.check('fcu.scope', true, { zh: absent === 1 ? '父母一方死亡或失踪，另一方符合规定情形，属于事实无人抚养儿童' : '父母双方均符合规定情形，属于事实无人抚养儿童', en: absent === 1 ? 'One parent dead or missing and the other qualifies: a child without de-facto care' : 'Both parents qualify: a child without de-facto care' }, { absent }, [], BASIS_SCOPE);

    // Amount: the orphan standard, or the difference over benefits already drawn.
    const institution = f.childInstitution === true;
    const standardKey: ParameterKey = institution ? 'fcu.orphan_standard.institution' : 'fcu.orphan_standard.dispersed';
    const standardFen = p[standardKey];
    if (standardFen === undefined) missing.push(institution ? 'param:fcu.orphan_standard.institution' : 'param:fcu.orphan_standard.dispersed');
    const difference = p['fcu.top_up'] === 'difference';
    const other = child.otherChildBenefitFen;
    if (difference && other === undefined) missing.push(`members.${subject}.otherChildBenefitFen`);
    if (standardFen === undefined || (difference && other === undefined)) return decision('fcu', 'needs_information', { missing, subject, trace: t?.conditions ?? null });
    if (!difference || !other) {
      if (t) t.check('fcu.amount', true, { zh: `按${t.param(standardKey).zh}发放，每月 ${yuan(standardFen)}`, en: `Paid at the ${t.param(standardKey).en}: ${yuanEn(standardFen)} a month` }, { amountFen: standardFen }, [standardKey, 'fcu.top_up'], BASIS_AMOUNT);
      return decision('fcu', 'eligible', { amountFen: standardFen, period: 'monthly', category: 'full', subject, trace: t?.conditions ?? null });
    }
    const amountFen = other >= standardFen ? 0 : standardFen - other;
    if (t) t.check('fcu.amount', true, amountFen > 0
      ? { zh: `已享受其他救助每月 ${yuan(other)}，按差额发放：${yuan(standardFen)} − ${yuan(other)} = ${yuan(amountFen)}/月（${t.param(standardKey).zh}）`, en: `Already draws ${yuanEn(other)} a month: the difference ${yuanEn(standardFen)} − ${yuanEn(other)} = ${yuanEn(amountFen)} a month (${t.param(standardKey).en})` }
      : { zh: `已享受其他救助每月 ${yuan(other)}，不低于${t.param(standardKey).zh}，无需补差`, en: `Already draws ${yuanEn(other)} a month, not below the ${t.param(standardKey).en}: no difference to pay` },
    { standardFen, otherFen: other, amountFen }, [standardKey, 'fcu.top_up'], BASIS_AMOUNT);
    return decision('fcu', 'eligible', { amountFen, period: 'monthly', category: amountFen > 0 ? 'difference' : 'covered_by_other', subject, trace: t?.conditions ?? null });
  },
};
