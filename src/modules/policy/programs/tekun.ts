// 特困人员救助供养. 《社会救助暂行办法》Art. 14–19; 《特困人员认定办法》（民发〔2021〕43号）;
// policy-digest §2. An elderly, disabled or minor person who meets all three conditions: (1) no
// work capacity, (2) no source of living (counted per-capita income below the 低保 standard and
// property within the rule), (3) no legal supporter able to support them. Benefit = 基本生活标准
// (a multiple of the 低保 standard) + 照料护理标准 (a share of the minimum wage by self-care
// ability and by form: at home 分散 or in an institution 集中).
import { decision, yuan, yuanEn, type Decision, type Tracer } from '../engine/decision.ts';
import type { DisabilityCategory, HouseholdFacts } from '../engine/facts.ts';
import { countedIncome, countedMembers, dibaoStandard, propertyPasses, standardKey } from '../engine/household.ts';
import { applyBp, type Rounding } from '../engine/money.ts';
import { ageAt } from '../engine/dates.ts';
import type { ParameterKey } from '../engine/parameters.catalog.ts';
import type { Program, ProgramContext } from '../engine/program.ts';

const BASIS = '《社会救助暂行办法》第十四至十九条；《特困人员认定办法》（民发〔2021〕43号）';
const BASIS_CAPACITY = '《特困人员认定办法》（民发〔2021〕43号）无劳动能力的认定';
const BASIS_LIVING = '《特困人员认定办法》（民发〔2021〕43号）无生活来源的认定';
const BASIS_SUPPORT = '《特困人员认定办法》（民发〔2021〕43号）法定义务人无履行义务能力的认定';
const BASIS_MINOR = '《特困人员认定办法》（民发〔2021〕43号）未成年人继续享受救助供养待遇';
const BASIS_CARE = '《社会救助暂行办法》第十五条；《特困人员认定办法》（民发〔2021〕43号）生活自理能力评估';
const BASIS_CHILD = '《特困人员认定办法》（民发〔2021〕43号）；《关于进一步加强事实无人抚养儿童保障工作的意见》（民发〔2019〕62号）';
/** 未成年人: under 18 (《民法典》第十七条) — national civil law, not a local parameter. */
const ADULT_AGE = 18;

type CareLevel = 'self' | 'semi' | 'full';
type Form = 'dispersed' | 'institution';

const CARE_KEYS = {
  dispersed: { self: 'tekun.care.dispersed.self_bp', semi: 'tekun.care.dispersed.semi_bp', full: 'tekun.care.dispersed.full_bp' },
  institution: { self: 'tekun.care.institution.self_bp', semi: 'tekun.care.institution.semi_bp', full: 'tekun.care.institution.full_bp' },
} as const satisfies Record<Form, Record<CareLevel, ParameterKey>>;
const CATEGORIES = {
  dispersed: { self: 'dispersed_self', semi: 'dispersed_semi', full: 'dispersed_full' },
  institution: { self: 'institution_self', semi: 'institution_semi', full: 'institution_full' },
} as const satisfies Record<Form, Record<CareLevel, string>>;
const CARE_ZH: Record<CareLevel, string> = { self: '全自理', semi: '半护理', full: '全护理' };
const CARE_EN: Record<CareLevel, string> = { self: 'self-reliant', semi: 'partly dependent', full: 'fully dependent' };
const FORM_ZH: Record<Form, string> = { dispersed: '分散供养', institution: '集中供养' };
const FORM_EN: Record<Form, string> = { dispersed: 'at home', institution: 'in an institution' };
const CATEGORY_ZH: Record<DisabilityCategory, string> = {
  visual: '视力', hearing: '听力', speech: '言语', physical: '肢体', intellectual: '智力', mental: '精神', multiple: '多重',
};

/**
 * The worst grade of a category that an incapable-disability list counts ('intellectual:3' → 3:
 * grades 1–3 count), or 0 when the category is not listed. Reads the strings in place (no
 * allocation): entries are 'category:digit'.
 */
export function listedWorstGrade(list: readonly string[], category: string): number {
  const n = category.length;
  for (let i = 0; i < list.length; i++) {
    const e = list[i]!;
    if (e.length === n + 2 && e.charCodeAt(n) === 58 /* ':' */ && e.startsWith(category)) {
      const grade = e.charCodeAt(n + 1) - 48;
      if (grade >= 1 && grade <= 4) return grade;
    }
  }
  return 0;
}

/** 重度残疾 for a supporter: 一/二级 of any category, or 三级 intellectual or mental. */
function severelyDisabled(category: DisabilityCategory | undefined, grade: number | undefined): boolean {
  if (grade === undefined) return false;
  return grade <= 2 || (grade === 3 && (category === 'intellectual' || category === 'mental'));
}

/** Self-care level from the number of the 6 items failed: 0 → 全自理, 1–3 → 半护理, ≥4 → 全护理. */
export function careLevel(failed: number): CareLevel {
  return failed <= 0 ? 'self' : failed <= 3 ? 'semi' : 'full';
}

/** Not (or no longer) 特困: for a current recipient this is a termination. */
function ineligible(subject: number, current: boolean, nearMiss: boolean, t: Tracer | null): Decision {
  return decision('tekun', 'ineligible', { subject, nearMiss, category: current ? 'terminate' : null, trace: t?.conditions ?? null });
}

type Supporter = NonNullable<HouseholdFacts['supporters']>[number];
type SupporterResult = 'tekun' | 'incompetent' | 'missing' | 'imprisoned' | 'dibao_age' | 'elderly_low' | 'disabled_low' | 'able' | 'unknown';

/** Why a supporter cannot support (or 'able' / 'unknown'); pushes the facts needed when unknown. */
function supporterStatus(s: Supporter, i: number, dispFen: number | undefined, dispMissing: string, ctx: ProgramContext, missing: string[]): SupporterResult {
  if (s.tekun) return 'tekun';
  if (s.incompetent) return 'incompetent';
  if (s.missing) return 'missing';
  if (s.imprisoned) return 'imprisoned';
  const p = ctx.p;
  const age = s.birth === undefined ? -1 : ageAt(s.birth, ctx.date);
  let needBirth = false;
  if (s.dibao) {
    if (age < 0) needBirth = true;
    else if (age >= p['tekun.supporter_dibao_age']!) return 'dibao_age';
  }
  const severe = severelyDisabled(s.disabilityCategory, s.disabilityGrade);
  if (age < 0 && !severe) needBirth = true;
  const elderly = age >= 0 && age >= p['tekun.supporter_elderly_age']!;
  if (elderly || severe) {
    // Own income below the previous-year per-capita disposable income, and property within the rule.
    const incomeLow = s.annualIncomeFen === undefined || dispFen === undefined ? null : s.annualIncomeFen < dispFen;
    const property = s.propertyPasses ?? null;
    if (incomeLow === true && property === true) return elderly ? 'elderly_low' : 'disabled_low';
    if (incomeLow !== false && property !== false) {
      if (dispFen === undefined) {
        if (!missing.includes(dispMissing)) missing.push(dispMissing);
      }
      else if (s.annualIncomeFen === undefined) missing.push(`supporters.${i}.annualIncomeFen`);
      if (property === null) missing.push(`supporters.${i}.propertyPasses`);
      if (needBirth) missing.push(`supporters.${i}.birth`);
      return 'unknown';
    }
  }
  if (needBirth) {
    missing.push(`supporters.${i}.birth`);
    return 'unknown';
  }
  return 'able';
}

function supporterText(s: Supporter, i: number, r: SupporterResult, dispFen: number | undefined, dispKey: ParameterKey, t: Tracer, date: number): { zh: string; en: string; parameters: ParameterKey[] } {
  const who = s.name ? `法定义务人 ${i + 1}（${s.name}）` : `法定义务人 ${i + 1}`;
  const whoEn = s.name ? `Supporter ${i + 1} (${s.name})` : `Supporter ${i + 1}`;
  const age = s.birth === undefined ? null : ageAt(s.birth, date);
  const ageZh = age === null ? '' : `（${age} 岁）`;
  const ageEn = age === null ? '' : ` (aged ${age})`;
  const incomeZh = s.annualIncomeFen === undefined ? '本人年收入未知' : `本人年收入 ${yuan(s.annualIncomeFen)}`;
  const incomeEn = s.annualIncomeFen === undefined ? 'own yearly income unknown' : `own yearly income ${yuanEn(s.annualIncomeFen)}`;
  const disp = t.param(dispKey);
  switch (r) {
    case 'tekun': return { zh: `${who}${ageZh}本人是特困人员，无履行义务能力`, en: `${whoEn}${ageEn} is a tekun recipient: unable to support`, parameters: [] };
    case 'incompetent': return { zh: `${who}${ageZh}无民事行为能力，无履行义务能力`, en: `${whoEn}${ageEn} lacks legal capacity: unable to support`, parameters: [] };
    case 'missing': return { zh: `${who}被宣告失踪，无履行义务能力`, en: `${whoEn} has been declared missing: unable to support`, parameters: [] };
    case 'imprisoned': return { zh: `${who}${ageZh}在监狱服刑，无履行义务能力`, en: `${whoEn}${ageEn} is in prison: unable to support`, parameters: [] };
    case 'dibao_age': {
      const a = t.param('tekun.supporter_dibao_age');
      return { zh: `${who}${ageZh}享受低保，且达到${a.zh}，无履行义务能力`, en: `${whoEn}${ageEn} is on dibao and has reached the ${a.en}: unable to support`, parameters: ['tekun.supporter_dibao_age'] };
    }
    case 'elderly_low': {
      const a = t.param('tekun.supporter_elderly_age');
      return { zh: `${who}${ageZh}达到${a.zh}，${incomeZh}，低于${disp.zh}，且财产符合规定，无履行义务能力`, en: `${whoEn}${ageEn} has reached the ${a.en}, ${incomeEn} is below the ${disp.en} and property passes: unable to support`, parameters: ['tekun.supporter_elderly_age', dispKey] };
    }
    case 'disabled_low': {
      const d = `${CATEGORY_ZH[s.disabilityCategory ?? 'multiple']}残疾 ${s.disabilityGrade} 级`;
      return { zh: `${who}${ageZh}为重度残疾人（${d}），${incomeZh}，低于${disp.zh}，且财产符合规定，无履行义务能力`, en: `${whoEn}${ageEn} is severely disabled (${s.disabilityCategory} grade ${s.disabilityGrade}), ${incomeEn} is below the ${disp.en} and property passes: unable to support`, parameters: [dispKey] };
    }
    case 'unknown':
      return { zh: `${who}${ageZh}是否有履行义务能力无法确定（${age === null ? '出生日期' : '本人收入或财产状况'}未知）`, en: `${whoEn}${ageEn}: ability to support cannot be decided (${age === null ? 'birth date' : 'own income or property'} unknown)`, parameters: ['tekun.supporter_dibao_age', 'tekun.supporter_elderly_age', dispKey] };
    case 'able': {
      const elderly = age !== null && age >= (t.params.values['tekun.supporter_elderly_age'] ?? Infinity);
      const severe = severelyDisabled(s.disabilityCategory, s.disabilityGrade);
      if ((elderly || severe) && s.annualIncomeFen !== undefined && dispFen !== undefined && s.annualIncomeFen >= dispFen) {
        return { zh: `${who}${ageZh}${incomeZh}，不低于${disp.zh}，有履行义务能力`, en: `${whoEn}${ageEn}: ${incomeEn} is not below the ${disp.en}: able to support`, parameters: ['tekun.supporter_elderly_age', dispKey] };
      }
      if (elderly || severe) {
        return { zh: `${who}${ageZh}财产不符合低收入家庭财产状况规定，有履行义务能力`, en: `${whoEn}${ageEn}: property above the low-income rule: able to support`, parameters: ['tekun.supporter_elderly_age', dispKey] };
      }
      return { zh: `${who}${ageZh}不属于特困人员、60 周岁以上低保对象、低收入老年人或重度残疾人，也未失踪、服刑或丧失民事行为能力，有履行义务能力`, en: `${whoEn}${ageEn} meets none of the conditions of inability: able to support`, parameters: ['tekun.supporter_dibao_age', 'tekun.supporter_elderly_age'] };
    }
  }
}

export const tekun: Program = {
  id: 'tekun',
  zh: '特困人员救助供养',
  en: 'Support for persons in extreme poverty (tekun)',
  basis: BASIS,
  level: 'person',
  applyAt: { zh: '户籍所在地乡镇人民政府（街道办事处）', en: 'the township government or street office where the person is registered' },
  // Required always; the others (keep_until_age, supporter ages, disposable income, the 低保
  // standard, minimum wage, care rates) are read when a case needs them and named as missing then.
  parameters: ['tekun.elderly_age', 'tekun.minor_age', 'tekun.incapable_disabilities', 'tekun.basic_multiple_bp', 'tekun.excluded_incomes'],

  evaluate(f, ctx): Decision {
    const t = ctx.t;
    const p = ctx.p;
    const subject = f.subject ?? 0;
    const m = f.members[subject];
    const current = f.current?.tekun === true || m?.currentTekun === true;
    if (!m) return decision('tekun', 'needs_information', { missing: [`members.${subject}`], subject, trace: t?.conditions ?? null });
    const missing: string[] = [];
    const age = m.birth === undefined ? -1 : ageAt(m.birth, ctx.date);

    // A minor on the 孤儿 / 事实无人抚养儿童 track is not 特困.
    if (f.prefersChildTrack === true && age >= 0 && age < ADULT_AGE) {
      if (t) t.check('tekun.child_track', false, { zh: `申请人 ${age} 岁，已选择按孤儿或事实无人抚养儿童保障，不纳入特困人员救助供养`, en: `The applicant (aged ${age}) chose the orphan / children-without-care track: not tekun` }, { age }, [], BASIS_CHILD);
      return ineligible(subject, current, false, t);
    }

    // (1) 无劳动能力.
    const elderlyAge = p['tekun.elderly_age']!;
    const minorAge = p['tekun.minor_age']!;
    const keepUntil = p['tekun.keep_until_age'];
    const list = p['tekun.incapable_disabilities']!;
    const worst = m.disabilityCategory === undefined ? 0 : listedWorstGrade(list, m.disabilityCategory);
    const disabled = m.disabilityGrade !== undefined && m.disabilityGrade <= worst;
    let capacity: boolean | null;
    if (disabled) {
      capacity = true;
      if (t) t.check('tekun.capacity', true, { zh: `${CATEGORY_ZH[m.disabilityCategory!]}残疾 ${m.disabilityGrade} 级，属于${t.param('tekun.incapable_disabilities').zh}，视为无劳动能力`, en: `${m.disabilityCategory} disability grade ${m.disabilityGrade} is listed (${t.param('tekun.incapable_disabilities').en}): no work capacity` }, { disabilityCategory: m.disabilityCategory!, disabilityGrade: m.disabilityGrade! }, ['tekun.incapable_disabilities'], BASIS_CAPACITY);
    } else if (age < 0) {
      capacity = null;
      missing.push(`members.${subject}.birth`);
      if (t) t.check('tekun.capacity', null, { zh: '出生日期未知，无法判断是否无劳动能力', en: 'Birth date unknown: work capacity cannot be decided' }, {}, ['tekun.elderly_age', 'tekun.minor_age', 'tekun.incapable_disabilities'], BASIS_CAPACITY);
    } else if (age >= elderlyAge) {
      capacity = true;
      if (t) t.check('tekun.capacity', true, { zh: `年满 ${age} 周岁，达到${t.param('tekun.elderly_age').zh}，视为无劳动能力`, en: `Aged ${age}, at or above the ${t.param('tekun.elderly_age').en}: no work capacity` }, { age }, ['tekun.elderly_age'], BASIS_CAPACITY);
    } else if (age < minorAge) {
      capacity = true;
      if (t) t.check('tekun.capacity', true, { zh: `${age} 周岁，未满${t.param('tekun.minor_age').zh}，视为无劳动能力`, en: `Aged ${age}, under the ${t.param('tekun.minor_age').en}: no work capacity` }, { age }, ['tekun.minor_age'], BASIS_CAPACITY);
    } else if (current && keepUntil === undefined) {
      capacity = null;
      missing.push('param:tekun.keep_until_age');
      if (t) t.check('tekun.capacity', null, { zh: `${age} 周岁的特困人员能否继续享受救助供养：${t.param('tekun.keep_until_age').zh}`, en: `Whether a recipient aged ${age} keeps support: ${t.param('tekun.keep_until_age').en}` }, { age }, ['tekun.keep_until_age'], BASIS_MINOR);
    } else if (current && age < keepUntil!) {
      capacity = true;
      if (t) t.check('tekun.capacity', true, { zh: `特困人员中的未成年人（${age} 岁），可继续享受救助供养至${t.param('tekun.keep_until_age').zh}`, en: `A minor recipient (aged ${age}) keeps support until the ${t.param('tekun.keep_until_age').en}` }, { age }, ['tekun.keep_until_age'], BASIS_MINOR);
    } else if (current && m.inSchool === true) {
      capacity = true;
      if (t) t.check('tekun.capacity', true, { zh: `已满${t.param('tekun.keep_until_age').zh}（${age} 岁）但仍在校就读，可继续享受救助供养`, en: `Past the ${t.param('tekun.keep_until_age').en} (aged ${age}) but still in school: support continues` }, { age, inSchool: true }, ['tekun.keep_until_age'], BASIS_MINOR);
    } else if (current && m.inSchool === undefined) {
      capacity = null;
      missing.push(`members.${subject}.inSchool`);
      if (t) t.check('tekun.capacity', null, { zh: `已满${t.param('tekun.keep_until_age').zh}（${age} 岁），是否仍在校就读未知`, en: `Past the ${t.param('tekun.keep_until_age').en} (aged ${age}); whether still in school is unknown` }, { age }, ['tekun.keep_until_age'], BASIS_MINOR);
    } else {
      capacity = false;
      if (t) {
        if (current) t.check('tekun.capacity', false, { zh: `已满${t.param('tekun.keep_until_age').zh}（${age} 岁）且已不在校就读，不再符合无劳动能力条件；经 7 天公示后自次月起终止救助供养，并核查是否符合低保或临时救助`, en: `Past the ${t.param('tekun.keep_until_age').en} (aged ${age}) and no longer in school: support ends from the next month after a 7-day notice; check dibao and temporary assistance` }, { age, inSchool: false }, ['tekun.keep_until_age'], BASIS_MINOR);
        else t.check('tekun.capacity', false, { zh: `${age} 周岁，既未达到${t.param('tekun.elderly_age').zh}，也不低于${t.param('tekun.minor_age').zh}，且无${t.param('tekun.incapable_disabilities').zh}所列残疾，不属于无劳动能力`, en: `Aged ${age}: neither at the ${t.param('tekun.elderly_age').en} nor under the ${t.param('tekun.minor_age').en}, and no disability listed in the ${t.param('tekun.incapable_disabilities').en}: has work capacity` }, { age, disabilityCategory: m.disabilityCategory ?? null, disabilityGrade: m.disabilityGrade ?? null }, ['tekun.elderly_age', 'tekun.minor_age', 'tekun.incapable_disabilities'], BASIS_CAPACITY);
      }
    }
    if (capacity === false) return ineligible(subject, current, false, t);

    // (2) 无生活来源: counted per-capita income below the 低保 standard, property within the rule.
    const standardFen = dibaoStandard(f, ctx);
    const sKey = standardKey(f);
    if (standardFen === undefined) missing.push(f.area === undefined ? 'area' : `param:${sKey}`);
    if (f.incomes === undefined) missing.push('incomes');
    let nearMiss = false;
    if (standardFen !== undefined && f.incomes !== undefined) {
      const counted = countedMembers(f, ctx, missing);
      if (counted !== null && counted.length === 0) missing.push('members');
      else if (counted !== null) {
        const incomeFen = countedIncome(f, counted, p['tekun.excluded_incomes']!, standardFen, ctx);
        const perCapitaFen = Math.floor(incomeFen / counted.length);
        const incomeOk = perCapitaFen < standardFen;
        if (t) {
          t.check('tekun.income', incomeOk, incomeOk
            ? { zh: `家庭人均收入 ${yuan(perCapitaFen)}，低于${t.param(sKey).zh}`, en: `Per-capita income ${yuanEn(perCapitaFen)} is below the ${t.param(sKey).en}` }
            : { zh: `家庭人均收入 ${yuan(perCapitaFen)}，不低于${t.param(sKey).zh}，不属于无生活来源`, en: `Per-capita income ${yuanEn(perCapitaFen)} is not below the ${t.param(sKey).en}: has a source of living` },
          { perCapitaFen, standardFen, members: counted.length }, [sKey, 'tekun.excluded_incomes'], BASIS_LIVING);
        }
        if (!incomeOk) {
          nearMiss = perCapitaFen - standardFen < applyBp(standardFen, p['near_miss_bp'] ?? 1000, 'floor');
          return ineligible(subject, current, nearMiss, t);
        }
        const property = propertyPasses(f, counted.length, standardFen, ctx, missing);
        if (t && property !== null) t.check('tekun.property', property, property ? { zh: '财产状况符合规定', en: 'Property within the rule' } : { zh: '财产状况不符合规定，不属于无生活来源', en: 'Property above the rule: has a source of living' }, {}, [], BASIS_LIVING);
        if (property === false) return ineligible(subject, current, false, t);
      }
    }

    // (3) No legal supporter able to support.
    const supporters = f.supporters ?? m.supporters;
    if (supporters === undefined) {
      missing.push('supporters');
      if (t) t.check('tekun.supporters', null, { zh: '法定赡养、抚养、扶养义务人情况未知', en: 'Legal supporters unknown' }, {}, [], BASIS_SUPPORT);
    } else if (supporters.length > 0 && (p['tekun.supporter_dibao_age'] === undefined || p['tekun.supporter_elderly_age'] === undefined)) {
      if (p['tekun.supporter_dibao_age'] === undefined) missing.push('param:tekun.supporter_dibao_age');
      if (p['tekun.supporter_elderly_age'] === undefined) missing.push('param:tekun.supporter_elderly_age');
      if (t) t.check('tekun.supporters', null, { zh: '认定法定义务人履行义务能力的参数未设置', en: 'Parameters for supporters’ ability are not set' }, {}, ['tekun.supporter_dibao_age', 'tekun.supporter_elderly_age'], BASIS_SUPPORT);
    } else if (supporters.length === 0) {
      if (t) t.check('tekun.supporters', true, { zh: '无法定赡养、抚养、扶养义务人', en: 'No legal supporter' }, { supporters: 0 }, [], BASIS_SUPPORT);
    } else {
      const dispKey: ParameterKey = f.area === 'rural' ? 'disposable_income.rural' : 'disposable_income.urban';
      const dispFen = f.area === undefined ? undefined : p[dispKey];
      const dispMissing = f.area === undefined ? 'area' : f.area === 'rural' ? 'param:disposable_income.rural' : 'param:disposable_income.urban';
      let able = -1;
      for (let i = 0; i < supporters.length; i++) {
        const s = supporters[i]!;
        const r = supporterStatus(s, i, dispFen, dispMissing, ctx, missing);
        if (t) {
          const text = supporterText(s, i, r, dispFen, dispKey, t, ctx.date);
          t.check(`tekun.supporter_${i}`, r === 'unknown' ? null : r !== 'able', text, { supporter: i, annualIncomeFen: s.annualIncomeFen ?? null }, text.parameters, BASIS_SUPPORT);
        }
        if (r === 'able') {
          able = i;
          break;
        }
      }
      if (able >= 0) return ineligible(subject, current, false, t);
    }

    // Amount: 基本生活标准 + 照料护理标准.
    if (m.selfCareFailed === undefined) missing.push(`members.${subject}.selfCareFailed`);
    const form: Form = f.tekunInstitution === true ? 'institution' : 'dispersed';
    const minWage = p['min_wage.monthly'];
    if (minWage === undefined) missing.push('param:min_wage.monthly');
    const level = careLevel(m.selfCareFailed ?? 0);
    const careKey = CARE_KEYS[form][level];
    const careBp = p[careKey];
    if (careBp === undefined) missing.push(`param:${careKey}`);
    if (missing.length > 0 || standardFen === undefined || minWage === undefined || careBp === undefined) {
      return decision('tekun', 'needs_information', { missing, subject, trace: t?.conditions ?? null });
    }
    const rounding = (p['amount.rounding'] ?? 'half_up') as Rounding;
    const basicFen = applyBp(standardFen, p['tekun.basic_multiple_bp']!, rounding);
    const careFen = applyBp(minWage, careBp, rounding);
    const amountFen = basicFen + careFen;
    if (t) {
      t.check('tekun.basic', true, { zh: `基本生活标准 ${yuan(basicFen)}（${t.param(sKey).zh} × ${t.param('tekun.basic_multiple_bp').zh}）`, en: `Basic living standard ${yuanEn(basicFen)} (${t.param(sKey).en} × ${t.param('tekun.basic_multiple_bp').en})` }, { basicFen, standardFen }, [sKey, 'tekun.basic_multiple_bp', 'amount.rounding'], '《社会救助暂行办法》第十五条');
      t.check('tekun.care', true, { zh: `生活自理能力 6 项中 ${m.selfCareFailed} 项不能自理，为${CARE_ZH[level]}；${FORM_ZH[form]}照料护理标准 ${yuan(careFen)}（${t.param('min_wage.monthly').zh} × ${t.param(careKey).zh}）`, en: `${m.selfCareFailed} of 6 self-care items failed: ${CARE_EN[level]}; care standard ${FORM_EN[form]} ${yuanEn(careFen)} (${t.param('min_wage.monthly').en} × ${t.param(careKey).en})` }, { selfCareFailed: m.selfCareFailed!, careFen, minWageFen: minWage }, ['min_wage.monthly', careKey, 'amount.rounding'], BASIS_CARE);
      t.check('tekun.amount', true, { zh: `救助供养标准：${yuan(basicFen)} + ${yuan(careFen)} = ${yuan(amountFen)}/月`, en: `Support: ${yuanEn(basicFen)} + ${yuanEn(careFen)} = ${yuanEn(amountFen)} a month` }, { amountFen }, [], BASIS);
    }
    return decision('tekun', 'eligible', { amountFen, period: 'monthly', category: CATEGORIES[form][level], subject, trace: t?.conditions ?? null });
  },
};
