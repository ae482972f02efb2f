// 刚性支出困难家庭. 国办发〔2023〕39号; policy-digest §8.
// Not 低保, 特困 or 低保边缘; per-capita income below the previous-year local per-capita
// disposable income; property within the local rule; and in the 12 months before, rigid spending
// (living, medical, education, rehabilitation) above a local share of total household income.
// Recognised for a limited time (≤ 12 months); no imputed income. A classification: no amount.
import { decision, yuan, yuanEn, type Decision } from '../engine/decision.ts';
import { standardKey } from '../engine/household.ts';
import { BP, formatBp, scaleFen } from '../engine/money.ts';
import type { Program } from '../engine/program.ts';
import { dibaoFigures } from './dibao.ts';
import { edgeLineFen } from './dibao-edge.ts';
import { AT_TOWNSHIP_OF_HUKOU } from './apply-at.ts';

const BASIS = '国办发〔2023〕39号《关于加强低收入人口动态监测做好分层分类社会救助工作的意见》';

export const rigidExpense: Program = {
  id: 'rigid_expense',
  zh: '刚性支出困难家庭',
  en: 'Household in hardship from rigid spending',
  basis: BASIS,
  level: 'household',
  applyAt: AT_TOWNSHIP_OF_HUKOU,
  parameters: [
    'dibao.standard.urban', 'dibao.standard.rural', 'dibao.excluded_incomes', 'dibao.edge_multiple_bp',
    'disposable_income.urban', 'disposable_income.rural', 'rigid.ratio_bp', 'rigid.recognition_months',
  ],

  evaluate(f, ctx): Decision {
    const t = ctx.t;
    const p = ctx.p;
    const cur = f.current;
    if (cur !== undefined && (cur.tekun === true || cur.dibao === true)) {
      if (t) t.check('rigid.current', false, cur.tekun === true
        ? { zh: '已是特困供养人员，不再认定为刚性支出困难家庭', en: 'Already supported as tekun: not classed as a rigid-spending household' }
        : { zh: '已享受低保，不再认定为刚性支出困难家庭', en: 'Already on dibao: not classed as a rigid-spending household' },
      { tekun: cur.tekun === true, dibao: cur.dibao === true }, [], BASIS);
      return decision('rigid_expense', 'ineligible', { trace: t?.conditions ?? null });
    }

    const missing: string[] = [];
    let failed = false;
    let nearMiss = false;

    // Rigid spending / total income over the 12 months before, compared without division:
    // spending × 10000 > income × ratio.
    const spending = f.rigidSpending12mFen;
    const total = f.income12mFen;
    const ratioBp = p['rigid.ratio_bp'] ?? 0;
    if (spending === undefined) missing.push('rigidSpending12mFen');
    if (total === undefined) missing.push('income12mFen');
    if (spending !== undefined && total !== undefined) {
      const ratioOk = spending * BP > total * ratioBp;
      if (!ratioOk) {
        failed = true;
        nearMiss = spending * BP > total * (ratioBp - (p['near_miss_bp'] ?? 1000));
      }
      if (t) {
        const share = total > 0 ? formatBp(scaleFen(spending, BP, total, 'floor')) : '—';
        const ratio = t.param('rigid.ratio_bp');
        t.check('rigid.ratio', ratioOk, ratioOk
          ? { zh: `前 12 个月刚性支出 ${yuan(spending)}，占家庭总收入 ${yuan(total)} 的 ${share}，超过${ratio.zh}`, en: `Rigid spending over the 12 months before, ${yuanEn(spending)}, is ${share} of total income ${yuanEn(total)}: above the ${ratio.en}` }
          : { zh: `前 12 个月刚性支出 ${yuan(spending)}，占家庭总收入 ${yuan(total)} 的 ${share}，未超过${ratio.zh}`, en: `Rigid spending over the 12 months before, ${yuanEn(spending)}, is ${share} of total income ${yuanEn(total)}: not above the ${ratio.en}` },
        { spendingFen: spending, incomeFen: total, ratioBp }, ['rigid.ratio_bp'], BASIS);
      }
    } else if (t) {
      t.check('rigid.ratio', null, { zh: '前 12 个月刚性支出或家庭总收入未知', en: 'Rigid spending or total income over the 12 months before unknown' }, {}, ['rigid.ratio_bp'], BASIS);
    }

    const fig = dibaoFigures(f, ctx, missing);
    if (fig) {
      const { standardFen, perCapitaFen } = fig;
      // Not 低保 and not 边缘: per-capita income at or above the 边缘 line. Below it the household is
      // 低保 or 边缘 when its property passes, and fails this program too when it does not.
      const lineFen = edgeLineFen(standardFen, ctx);
      const aboveEdge = perCapitaFen >= lineFen;
      if (!aboveEdge) failed = true;
      if (t) {
        const sKey = standardKey(f);
        const multiple = t.param('dibao.edge_multiple_bp');
        t.check('rigid.not_edge', aboveEdge, aboveEdge
          ? { zh: `家庭人均收入 ${yuan(perCapitaFen)}，不低于低保边缘线 ${yuan(lineFen)}（${multiple.zh} × ${t.param(sKey).zh}），不属于低保或低保边缘家庭`, en: `Per-capita income ${yuanEn(perCapitaFen)} is not below the near-dibao line ${yuanEn(lineFen)} (${multiple.en} × the ${t.param(sKey).en}): neither dibao nor near-dibao` }
          : { zh: `家庭人均收入 ${yuan(perCapitaFen)}，低于低保边缘线 ${yuan(lineFen)}（${multiple.zh} × ${t.param(sKey).zh}），应按低保或低保边缘认定`, en: `Per-capita income ${yuanEn(perCapitaFen)} is below the near-dibao line ${yuanEn(lineFen)} (${multiple.en} × the ${t.param(sKey).en}): a dibao or near-dibao case` },
        { perCapitaFen, lineFen, standardFen }, ['dibao.edge_multiple_bp', sKey], BASIS);
      }

      const dKey = f.area === 'rural' ? 'disposable_income.rural' : 'disposable_income.urban';
      const annual = p[dKey];
      if (annual === undefined) missing.push(`param:${dKey}`);
      else {
        const monthlyFen = Math.floor(annual / 12);
        const incomeOk = perCapitaFen < monthlyFen;
        if (!incomeOk) failed = true;
        if (t) {
          const d = t.param(dKey);
          t.check('rigid.income', incomeOk, incomeOk
            ? { zh: `家庭人均月收入 ${yuan(perCapitaFen)}，低于${d.zh}折合每月 ${yuan(monthlyFen)}`, en: `Per-capita monthly income ${yuanEn(perCapitaFen)} is below the ${d.en}, ${yuanEn(monthlyFen)} a month` }
            : { zh: `家庭人均月收入 ${yuan(perCapitaFen)}，不低于${d.zh}折合每月 ${yuan(monthlyFen)}`, en: `Per-capita monthly income ${yuanEn(perCapitaFen)} is not below the ${d.en}, ${yuanEn(monthlyFen)} a month` },
          { perCapitaFen, monthlyFen, annualFen: annual }, [dKey], BASIS);
        }
      }
      // propertyPasses (inside dibaoFigures) traced the rules and listed 'assets' when unknown.
      if (fig.property === false) failed = true;
    }

    if (failed) return decision('rigid_expense', 'ineligible', { nearMiss, trace: t?.conditions ?? null });
    if (missing.length > 0) return decision('rigid_expense', 'needs_information', { missing, trace: t?.conditions ?? null });
    const months = p['rigid.recognition_months'] ?? 12;
    if (t) t.check('rigid.period', true, { zh: `认定为刚性支出困难家庭，有效期 ${months} 个月（${t.param('rigid.recognition_months').zh}）`, en: `Recognised as a rigid-spending household for ${months} months (${t.param('rigid.recognition_months').en})` }, { months }, ['rigid.recognition_months'], BASIS);
    return decision('rigid_expense', 'eligible', { durationMonths: months, trace: t?.conditions ?? null });
  },
};
