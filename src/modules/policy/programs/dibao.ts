// 最低生活保障 (低保). 《社会救助暂行办法》Art. 9–13; 民发〔2021〕57号; policy-digest §1.
// Per-capita counted income below the local standard and property within the local rule →
// 补差 (standard − per-capita income) × people covered, or 分档 tiers; 单人保 for the members
// who qualify alone in a 低保边缘 household; 渐退期 keeps the amount for a while after work
// lifts income above the standard.
import { decision, yuan, yuanEn, type Decision } from '../engine/decision.ts';
import type { HouseholdFacts, MemberFacts } from '../engine/facts.ts';
import { countedIncome, countedMembers, dibaoStandard, propertyPasses, standardKey } from '../engine/household.ts';
import { applyBp, BP, scaleFen } from '../engine/money.ts';
import { monthsBetween } from '../engine/dates.ts';
import type { Program, ProgramContext } from '../engine/program.ts';
import { AT_TOWNSHIP_OF_HUKOU } from './apply-at.ts';

const BASIS = '《社会救助暂行办法》第九至十三条；《最低生活保障审核确认办法》（民发〔2021〕57号）';

export type DibaoFigures = {
  counted: number[];
  standardFen: number;
  incomeFen: number;
  perCapitaFen: number;
  property: boolean | null;
};

/** The figures 低保, 边缘, 刚性支出 and sorting share; null when facts are missing (listed in `missing`). */
export function dibaoFigures(f: HouseholdFacts, ctx: ProgramContext, missing: string[]): DibaoFigures | null {
  const shared = ctx.shared;
  if (shared) {
    const hit = shared.dibao;
    if (hit) {
      for (const m of hit.missing) missing.push(m);
      return hit.figures as DibaoFigures | null;
    }
    const own: string[] = [];
    const figures = computeDibaoFigures(f, ctx, own);
    shared.dibao = { figures, missing: own };
    for (const m of own) missing.push(m);
    return figures;
  }
  return computeDibaoFigures(f, ctx, missing);
}

function computeDibaoFigures(f: HouseholdFacts, ctx: ProgramContext, missing: string[]): DibaoFigures | null {
  const counted = countedMembers(f, ctx, missing);
  const standardFen = dibaoStandard(f, ctx);
  if (standardFen === undefined) missing.push(f.area === undefined ? 'area' : `param:${standardKey(f)}`);
  if (f.incomes === undefined) missing.push('incomes');
  if (counted === null || standardFen === undefined || f.incomes === undefined) return null;
  if (counted.length === 0) {
    missing.push('members');
    return null;
  }
  const incomeFen = countedIncome(f, counted, ctx.p['dibao.excluded_incomes'] ?? [], standardFen, ctx);
  const perCapitaFen = Math.floor(incomeFen / counted.length);
  const property = propertyPasses(f, counted.length, standardFen, ctx, missing);
  return { counted, standardFen, incomeFen, perCapitaFen, property };
}

/** A member who may get 单人保 in a 低保边缘 household (一/二级 disability, 三级 intellectual/mental, listed serious illness, clergy). */
export function singlePersonReason(m: MemberFacts, illnessList: readonly string[]): string | null {
  if (m.disabilityGrade !== undefined && m.disabilityGrade <= 2) return '一、二级残疾';
  if (m.disabilityGrade === 3 && (m.disabilityCategory === 'intellectual' || m.disabilityCategory === 'mental')) return '三级智力或精神残疾';
  if (m.illnesses && m.illnesses.some((c) => illnessList.includes(c))) return '患当地重特大疾病';
  if (m.clergyApartSince !== undefined) return '宗教教职人员';
  return null;
}

function perPersonAmount(standardFen: number, perCapitaFen: number, ctx: ProgramContext): { fen: number; category: string } {
  const gap = standardFen - perCapitaFen;
  if (ctx.p['dibao.mode'] === 'tiers') {
    const tiers = ctx.p['dibao.tiers'] ?? [];
    const gapBp = scaleFen(gap, BP, standardFen, 'floor');
    let payBp = 0;
    for (const tier of tiers) if (gapBp >= tier.gapAtLeastBp && tier.payBp > payBp) payBp = tier.payBp;
    return { fen: applyBp(standardFen, payBp, ctx.p['amount.rounding'] === 'floor' ? 'floor' : 'half_up'), category: 'tiers' };
  }
  const floor = applyBp(standardFen, ctx.p['dibao.min_payment_bp'] ?? 0, 'half_up');
  return gap >= floor ? { fen: gap, category: 'gap' } : { fen: floor, category: 'minimum' };
}

export const dibao: Program = {
  id: 'dibao',
  zh: '最低生活保障',
  en: 'Minimum living allowance (dibao)',
  basis: BASIS,
  level: 'household',
  applyAt: AT_TOWNSHIP_OF_HUKOU,
  parameters: ['dibao.standard.urban', 'dibao.standard.rural', 'dibao.excluded_incomes', 'dibao.edge_multiple_bp'],

  evaluate(f, ctx): Decision {
    const t = ctx.t;
    const missing: string[] = [];
    const fig = dibaoFigures(f, ctx, missing);
    if (!fig) return decision('dibao', 'needs_information', { missing, trace: t?.conditions ?? null });
    const { counted, standardFen, perCapitaFen, property } = fig;
    const sKey = standardKey(f);
    const incomeOk = perCapitaFen < standardFen;
    if (t) {
      t.check('dibao.income', incomeOk, incomeOk
        ? { zh: `家庭人均收入 ${yuan(perCapitaFen)}，低于${t.param(sKey).zh}`, en: `Per-capita income ${yuanEn(perCapitaFen)} is below the ${t.param(sKey).en}` }
        : { zh: `家庭人均收入 ${yuan(perCapitaFen)}，不低于${t.param(sKey).zh}`, en: `Per-capita income ${yuanEn(perCapitaFen)} is not below the ${t.param(sKey).en}` },
      { perCapitaFen, standardFen, members: counted.length }, [sKey], '《社会救助暂行办法》第九条');
    }
    const nearMissBp = ctx.p['near_miss_bp'] ?? 1000;
    const nearMiss = !incomeOk && perCapitaFen - standardFen < applyBp(standardFen, nearMissBp, 'floor');

    if (incomeOk && property === true) {
      const limit = ctx.p['dibao.job_refusal_limit'] ?? 3;
      let covered = 0;
      for (const i of counted) {
        if ((f.members[i]!.jobReferralsRefused ?? 0) >= limit) {
          if (t) t.check(`dibao.sanction_${i}`, false, { zh: `成员 ${i + 1} 连续 ${limit} 次拒绝推荐的适当工作，停发本人份额`, en: `Member ${i + 1} refused ${limit} suitable jobs in a row: their share stops` }, { member: i }, ['dibao.job_refusal_limit'], '《社会救助暂行办法》第四十五条');
        } else covered++;
      }
      const each = perPersonAmount(standardFen, perCapitaFen, ctx);
      const amountFen = each.fen * covered;
      if (t) t.check('dibao.amount', covered > 0, each.category === 'tiers'
        ? { zh: `按分档发放：每人 ${yuan(each.fen)} × ${covered} 人 = ${yuan(amountFen)}/月`, en: `Tier payment ${yuanEn(each.fen)} × ${covered} = ${yuanEn(amountFen)} a month` }
        : { zh: `补差：(${yuan(standardFen)} − ${yuan(perCapitaFen)}) × ${covered} 人 = ${yuan(amountFen)}/月${each.category === 'minimum' ? '（按最低发放额）' : ''}`, en: `Gap: (${yuanEn(standardFen)} − ${yuanEn(perCapitaFen)}) × ${covered} = ${yuanEn(amountFen)} a month${each.category === 'minimum' ? ' (minimum payment)' : ''}` },
      { perPersonFen: each.fen, covered, amountFen }, ['dibao.mode', 'dibao.min_payment_bp'], '《社会救助暂行办法》第十二条');
      if (covered > 0) return decision('dibao', 'eligible', { amountFen, period: 'monthly', category: each.category, trace: t?.conditions ?? null });
      // Nobody covered (every counted member sanctioned): someone may still qualify alone below.
    }

    // 渐退期: a current recipient whose income rose above the standard through work.
    const phase = f.current?.phaseOut;
    if (!incomeOk && f.current?.dibao && phase) {
      const months = ctx.p[`dibao.phase_out.${phase.kind}`] ?? 0;
      const used = monthsBetween(phase.since, ctx.date);
      const inPhase = used < months;
      if (t) t.check('dibao.phase_out', inPhase, { zh: `就业后收入超过标准已 ${used} 个月，渐退期 ${months} 个月`, en: `Income above the standard through work for ${used} months; phase-out lasts ${months}` }, { used, months }, [`dibao.phase_out.${phase.kind}`], '地方渐退政策');
      if (inPhase) {
        if (f.current.dibaoAmountFen === undefined) return decision('dibao', 'needs_information', { missing: ['current.dibaoAmountFen'], trace: t?.conditions ?? null });
        return decision('dibao', 'eligible', { amountFen: f.current.dibaoAmountFen, period: 'monthly', durationMonths: months - used, category: 'phase_out', trace: t?.conditions ?? null });
      }
    }

    // 单人保: in a 低保边缘 household, members who qualify alone.
    const edgeLimit = applyBp(standardFen, ctx.p['dibao.edge_multiple_bp'] ?? 15000, 'floor');
    if (perCapitaFen < edgeLimit && property !== false) {
      const list = ctx.p['dibao.serious_illnesses'] ?? [];
      const refusalLimit = ctx.p['dibao.job_refusal_limit'] ?? 3;
      let first = -1;
      let count = 0;
      for (let i = 0; i < f.members.length; i++) {
        // A member whose own share stopped (Art. 45) does not get it back by applying alone.
        if ((f.members[i]!.jobReferralsRefused ?? 0) >= refusalLimit) continue;
        const reason = singlePersonReason(f.members[i]!, list);
        if (!reason) continue;
        if (first < 0) first = i;
        count++;
        if (t) t.check(`dibao.single_${i}`, true, { zh: `成员 ${i + 1}：${reason}，可单独提出申请（单人保）`, en: `Member ${i + 1} may apply alone (single-person dibao)` }, { member: i }, ['dibao.serious_illnesses'], '民发〔2021〕57号 第十条');
      }
      if (count > 0) {
        if (property === null) return decision('dibao', 'needs_information', { missing, subject: first, trace: t?.conditions ?? null });
        const each = applyBp(standardFen, ctx.p['dibao.single_floor_bp'] ?? 0, 'half_up');
        if (t) t.check('dibao.single_amount', true, { zh: `单人保：每人 ${yuan(each)}（标准的 ${(ctx.p['dibao.single_floor_bp'] ?? 0) / 100}%）× ${count} 人`, en: `Single-person dibao ${yuanEn(each)} × ${count}` }, { perPersonFen: each, count }, ['dibao.single_floor_bp', 'dibao.edge_multiple_bp']);
        return decision('dibao', 'eligible', { amountFen: each * count, period: 'monthly', category: 'single_person', subject: first, trace: t?.conditions ?? null });
      }
    }

    if (!incomeOk || property === false) return decision('dibao', 'ineligible', { nearMiss, trace: t?.conditions ?? null });
    return decision('dibao', 'needs_information', { missing, trace: t?.conditions ?? null });
  },
};
