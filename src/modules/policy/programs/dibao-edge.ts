// 低保边缘家庭. 民发〔2021〕57号; 国办发〔2023〕39号; policy-digest §1, §8.
// Not 低保 (per-capita counted income not below the standard), per-capita income below the
// edge multiple of the standard (1.5×, some places 2×), property within the local 低保 rule.
// A classification: no amount; it opens 专项救助 and 单人保 for some members (see dibao.ts).
import { decision, yuan, yuanEn, type Decision } from '../engine/decision.ts';
import { standardKey } from '../engine/household.ts';
import { applyBp } from '../engine/money.ts';
import type { Program, ProgramContext } from '../engine/program.ts';
import { dibaoFigures } from './dibao.ts';
import { AT_TOWNSHIP_OF_HUKOU } from './apply-at.ts';

const BASIS = '《最低生活保障审核确认办法》（民发〔2021〕57号）；国办发〔2023〕39号';

/**
 * The 低保边缘 income line: standard × the edge multiple, rounded down as in dibao.ts (单人保),
 * so that both programs draw the same line.
 */
export function edgeLineFen(standardFen: number, ctx: ProgramContext): number {
  return applyBp(standardFen, ctx.p['dibao.edge_multiple_bp'] ?? 15000, 'floor');
}

export const dibaoEdge: Program = {
  id: 'dibao_edge',
  zh: '低保边缘家庭',
  en: 'Near-dibao household (dibao edge)',
  basis: BASIS,
  level: 'household',
  applyAt: AT_TOWNSHIP_OF_HUKOU,
  parameters: ['dibao.standard.urban', 'dibao.standard.rural', 'dibao.excluded_incomes', 'dibao.edge_multiple_bp'],

  evaluate(f, ctx): Decision {
    const t = ctx.t;
    const cur = f.current;
    if (cur !== undefined && (cur.tekun === true || cur.dibao === true)) {
      if (t) t.check('dibao_edge.current', false, cur.tekun === true
        ? { zh: '已是特困供养人员，不再认定为低保边缘家庭', en: 'Already supported as tekun: not classed as a near-dibao household' }
        : { zh: '已享受低保，不再认定为低保边缘家庭', en: 'Already on dibao: not classed as a near-dibao household' },
      { tekun: cur.tekun === true, dibao: cur.dibao === true }, [], BASIS);
      return decision('dibao_edge', 'ineligible', { trace: t?.conditions ?? null });
    }

    const missing: string[] = [];
    const fig = dibaoFigures(f, ctx, missing);
    if (!fig) return decision('dibao_edge', 'needs_information', { missing, trace: t?.conditions ?? null });
    const { standardFen, perCapitaFen, property } = fig;
    const sKey = standardKey(f);

    const notDibao = perCapitaFen >= standardFen;
    if (t) t.check('dibao_edge.not_dibao', notDibao, notDibao
      ? { zh: `家庭人均收入 ${yuan(perCapitaFen)}，不低于${t.param(sKey).zh}，不属于低保对象`, en: `Per-capita income ${yuanEn(perCapitaFen)} is not below the ${t.param(sKey).en}: not a dibao household` }
      : { zh: `家庭人均收入 ${yuan(perCapitaFen)}，低于${t.param(sKey).zh}，应按低保审核而非低保边缘`, en: `Per-capita income ${yuanEn(perCapitaFen)} is below the ${t.param(sKey).en}: a dibao case, not near-dibao` },
    { perCapitaFen, standardFen }, [sKey], '民发〔2021〕57号');
    if (!notDibao) return decision('dibao_edge', 'ineligible', { trace: t?.conditions ?? null });

    const lineFen = edgeLineFen(standardFen, ctx);
    const belowLine = perCapitaFen < lineFen;
    if (t) {
      const multiple = t.param('dibao.edge_multiple_bp');
      t.check('dibao_edge.income', belowLine, belowLine
        ? { zh: `家庭人均收入 ${yuan(perCapitaFen)}，低于低保边缘线 ${yuan(lineFen)}（${multiple.zh} × 低保标准 ${yuan(standardFen)}）`, en: `Per-capita income ${yuanEn(perCapitaFen)} is below the near-dibao line ${yuanEn(lineFen)} (${multiple.en} × standard ${yuanEn(standardFen)})` }
        : { zh: `家庭人均收入 ${yuan(perCapitaFen)}，不低于低保边缘线 ${yuan(lineFen)}（${multiple.zh} × 低保标准 ${yuan(standardFen)}）`, en: `Per-capita income ${yuanEn(perCapitaFen)} is not below the near-dibao line ${yuanEn(lineFen)} (${multiple.en} × standard ${yuanEn(standardFen)})` },
      { perCapitaFen, lineFen, standardFen }, ['dibao.edge_multiple_bp', sKey], BASIS);
    }
    if (!belowLine) {
      const nearMiss = perCapitaFen - lineFen < applyBp(lineFen, ctx.p['near_miss_bp'] ?? 1000, 'floor');
      return decision('dibao_edge', 'ineligible', { nearMiss, trace: t?.conditions ?? null });
    }
    // propertyPasses (inside dibaoFigures) has traced each property rule.
    if (property === false) return decision('dibao_edge', 'ineligible', { trace: t?.conditions ?? null });
    if (property === null) return decision('dibao_edge', 'needs_information', { missing, trace: t?.conditions ?? null });
    return decision('dibao_edge', 'eligible', { trace: t?.conditions ?? null });
  },
};
