// Household-level computations shared by programs: who counts as 共同生活的家庭成员, counted
// income with exclusions and deductions, the applicable standard and the property test.
// Policy-digest §1; 民发〔2021〕57号 Art. 6–7.
import type { HouseholdFacts, MemberFacts } from './facts.ts';
import type { ProgramContext } from './program.ts';
import { ageAt } from './dates.ts';
import { applyBp, scaleFen } from './money.ts';
import { yuan, yuanEn } from './decision.ts';

const STUDY_ORDER = { school: 0, vocational: 1, undergraduate: 2, postgraduate: 3 } as const;
const RELATION_ZH: Record<MemberFacts['relationship'], string> = {
  head: '户主', spouse: '配偶', child: '子女', parent: '父母', grandparent: '祖父母', grandchild: '孙子女', sibling: '兄弟姐妹', other: '其他亲属',
};

/** Why a member is not counted, or null when they are. `undefined` when a needed fact is missing. */
export function exclusionReason(m: MemberFacts, ctx: ProgramContext): { zh: string; en: string } | null | undefined {
  if (m.dead) return { zh: '已去世', en: 'deceased' };
  if (m.servingSentence) return { zh: '服刑人员', en: 'serving a sentence' };
  if (m.clergyApartSince !== undefined) {
    const years = ctx.p['dibao.clergy_years'] ?? 3;
    if (ageAt(m.clergyApartSince, ctx.date) >= years) return { zh: `宗教教职人员在宗教场所居住满 ${years} 年`, en: `clergy living apart for ${years}+ years` };
  }
  const rel = m.relationship;
  if (rel === 'head' || rel === 'spouse') return null;
  if (rel === 'child') {
    if (m.birth === undefined) return undefined;
    if (ageAt(m.birth, ctx.date) < 18) return null;
    if (m.ableToLiveIndependently === false) return null;
    if (m.fullTimeStudent) {
      const max = ctx.p['dibao.max_study_level'] ?? 'undergraduate';
      if (m.studyLevel === undefined) return undefined;
      return STUDY_ORDER[m.studyLevel] <= STUDY_ORDER[max as keyof typeof STUDY_ORDER] ? null : { zh: '研究生及以上在校生', en: 'student beyond the counted level' };
    }
    // A capable adult child counts when living with the family (a duty to support the parents).
    return m.livingTogether === false ? { zh: '成年子女、不共同生活', en: 'adult child living apart' } : null;
  }
  if (rel === 'parent' || rel === 'grandparent' || rel === 'grandchild' || rel === 'sibling') {
    return m.livingTogether === false ? { zh: `${RELATION_ZH[rel]}不共同生活`, en: `${rel} living apart` } : null;
  }
  // 'other': only with a legal support duty and living together long-term.
  if (m.legalSupportDuty && m.livingTogether !== false) return null;
  return { zh: '无法定赡养、扶养、抚养义务', en: 'no legal duty of support' };
}

/**
 * Indexes of the members who count. Returns null (and lists the member in `missing`) when a
 * member's status cannot be decided from the facts.
 */
export function countedMembers(f: HouseholdFacts, ctx: ProgramContext, missing: string[]): number[] | null {
  const out: number[] = [];
  let unknown = false;
  for (let i = 0; i < f.members.length; i++) {
    const m = f.members[i]!;
    const reason = exclusionReason(m, ctx);
    if (reason === undefined) {
      unknown = true;
      missing.push(m.fullTimeStudent ? `members.${i}.studyLevel` : `members.${i}.birth`);
      continue;
    }
    if (reason === null) out.push(i);
    else if (ctx.t) ctx.t.check(`household.member_${i}`, true, { zh: `成员 ${i + 1}（${RELATION_ZH[m.relationship]}）不计入家庭成员：${reason.zh}`, en: `Member ${i + 1} (${m.relationship}) not counted: ${reason.en}` }, { member: i }, ['dibao.clergy_years'], '民发〔2021〕57号 第七条');
  }
  if (unknown) return null;
  if (ctx.t) ctx.t.check('household.members', true, { zh: `计入共同生活的家庭成员 ${out.length} 人`, en: `${out.length} members count as living together` }, { counted: out.length }, [], '民发〔2021〕57号 第六条');
  return out;
}

/** Monthly income counted for the household (分): exclusions by subtype, employment-cost deduction per working member. */
export function countedIncome(
  f: HouseholdFacts,
  counted: readonly number[],
  excluded: readonly string[],
  standardFen: number,
  ctx: ProgramContext,
): number {
  const incomes = f.incomes ?? [];
  const countedSet = counted.length === f.members.length ? null : new Set(counted);
  let total = 0;
  let excludedTotal = 0;
  const deductionBp = ctx.p['dibao.work_cost_deduction_bp'] ?? 0;
  const wageByMember = deductionBp > 0 ? new Map<number, number>() : null;
  for (const inc of incomes) {
    if (inc.memberIndex !== undefined && countedSet && !countedSet.has(inc.memberIndex)) continue;
    if (excluded.includes(inc.subtype)) {
      excludedTotal += inc.monthlyFen;
      continue;
    }
    total += inc.monthlyFen;
    if (wageByMember && inc.memberIndex !== undefined && (inc.subtype === 'salary' || inc.subtype === 'flexible_work')) {
      wageByMember.set(inc.memberIndex, (wageByMember.get(inc.memberIndex) ?? 0) + inc.monthlyFen);
    }
  }
  let deduction = 0;
  if (wageByMember) {
    const each = applyBp(standardFen, deductionBp, 'floor');
    for (const wage of wageByMember.values()) deduction += Math.min(wage, each);
  }
  if (ctx.t) {
    if (excludedTotal > 0) ctx.t.check('income.excluded', true, { zh: `不计入收入的项目每月 ${yuan(excludedTotal)}`, en: `Income not counted: ${yuanEn(excludedTotal)} a month` }, { excludedFen: excludedTotal }, ['dibao.excluded_incomes'], '民发〔2021〕57号');
    if (deduction > 0) ctx.t.check('income.deduction', true, { zh: `扣减就业成本每月 ${yuan(deduction)}`, en: `Employment costs deducted: ${yuanEn(deduction)} a month` }, { deductionFen: deduction }, ['dibao.work_cost_deduction_bp']);
  }
  return Math.max(0, total - deduction);
}

/** The 低保 standard that applies (urban or rural), or undefined when the area is unknown. */
export function dibaoStandard(f: HouseholdFacts, ctx: ProgramContext): number | undefined {
  if (f.area === undefined) return undefined;
  return f.area === 'urban' ? ctx.p['dibao.standard.urban'] : ctx.p['dibao.standard.rural'];
}

export const standardKey = (f: HouseholdFacts): 'dibao.standard.rural' | 'dibao.standard.urban' => (f.area === 'rural' ? 'dibao.standard.rural' : 'dibao.standard.urban');

/** The 低保 property test (local rules as parameters). null when the assets are not known. */
export function propertyPasses(f: HouseholdFacts, counted: number, standardFen: number, ctx: ProgramContext, missing: string[]): boolean | null {
  const a = f.assets;
  if (!a) {
    missing.push('assets');
    if (ctx.t) ctx.t.check('property', null, { zh: '家庭财产状况未知', en: 'Household property unknown' });
    return null;
  }
  const p = ctx.p;
  const depositLimit = scaleFen(standardFen, (p['dibao.deposit_limit_months'] ?? 0) * Math.max(counted, 1), 1, 'floor');
  const depositsOk = (p['dibao.deposit_limit_months'] ?? 0) === 0 || a.depositsFen <= depositLimit;
  const vehiclesOk = a.vehicles <= (p['dibao.vehicles_allowed'] ?? 0);
  const housesOk = a.houses <= (p['dibao.houses_allowed'] ?? 1) ||
    (a.floorAreaPerCapitaCm2 !== undefined && p['dibao.avg_floor_area_cm2'] !== undefined && a.floorAreaPerCapitaCm2 < p['dibao.avg_floor_area_cm2']);
  const businessesOk = a.businesses <= (p['dibao.businesses_allowed'] ?? 0);
  const pass = depositsOk && vehiclesOk && housesOk && businessesOk;
  if (ctx.t) {
    const t = ctx.t;
    t.check('property.deposits', depositsOk, depositsOk
      ? { zh: `存款 ${yuan(a.depositsFen)}，未超过 ${yuan(depositLimit)}（人均 ${p['dibao.deposit_limit_months']} 个月标准）`, en: `Deposits ${yuanEn(a.depositsFen)} within ${yuanEn(depositLimit)}` }
      : { zh: `存款 ${yuan(a.depositsFen)}，超过 ${yuan(depositLimit)}（人均 ${p['dibao.deposit_limit_months']} 个月标准）`, en: `Deposits ${yuanEn(a.depositsFen)} above ${yuanEn(depositLimit)}` },
    { depositsFen: a.depositsFen, limitFen: depositLimit }, ['dibao.deposit_limit_months'], '地方低保财产认定规则');
    t.check('property.vehicles', vehiclesOk, { zh: `机动车 ${a.vehicles} 辆（允许 ${p['dibao.vehicles_allowed'] ?? 0} 辆，残疾人代步车除外）`, en: `${a.vehicles} vehicle(s), ${p['dibao.vehicles_allowed'] ?? 0} allowed` }, { vehicles: a.vehicles }, ['dibao.vehicles_allowed']);
    t.check('property.houses', housesOk, { zh: `住房 ${a.houses} 套${housesOk ? '' : '，超过允许套数且人均面积不低于当地平均'}`, en: `${a.houses} home(s)${housesOk ? '' : ', more than allowed and not below average floor area'}` }, { houses: a.houses }, ['dibao.houses_allowed', 'dibao.avg_floor_area_cm2']);
    t.check('property.businesses', businessesOk, { zh: `经营实体 ${a.businesses} 个`, en: `${a.businesses} business(es)` }, { businesses: a.businesses }, ['dibao.businesses_allowed']);
  }
  return pass;
}
