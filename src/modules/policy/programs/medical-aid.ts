// 医疗救助: which tier of medical-aid recipient a household is. 《社会救助暂行办法》Art. 27–31;
// 国办发〔2021〕42号; policy-digest §9.
// (1) 特困 (and, where the locality says so, 事实无人抚养儿童); (2) 低保; (3) 低保边缘 (computed
// here from the household's figures); (4) 因病致贫重病患者. The first tier that holds decides; a
// classification only (the deductible, rate and cap by tier are applied to each bill elsewhere).
// When a lower tier holds but a higher one cannot be decided, the lower tier is returned and the
// facts that could raise it are listed in `missing`.
import { decision, type Decision } from '../engine/decision.ts';
import type { Program } from '../engine/program.ts';
import { dibaoEdge } from './dibao-edge.ts';
import { fcu } from './fcu.ts';

const BASIS = '《社会救助暂行办法》第二十七至三十一条；《国务院办公厅关于健全重特大疾病医疗保险和救助制度的意见》（国办发〔2021〕42号）';

export const medicalAid: Program = {
  id: 'medical_aid',
  zh: '医疗救助（救助对象类别）',
  en: 'Medical aid (recipient tier)',
  basis: BASIS,
  level: 'household',
  applyAt: { zh: '户籍所在地乡镇人民政府（街道办事处）或医保经办机构', en: 'the township government or street office, or the medical insurance office' },
  parameters: ['medical.fcu_in_tier1'],

  evaluate(f, ctx): Decision {
    const t = ctx.t;
    const p = ctx.p;
    const cur = f.current;
    const missing: string[] = [];

    // Tier 1: 特困; 事实无人抚养儿童 where the locality puts them here.
    if (cur?.tekun === true) {
      if (t) t.check('medical.tier1', true, { zh: '特困供养人员：第一类医疗救助对象', en: 'Supported as tekun: medical-aid tier 1' }, { tier: 1 }, [], '国办发〔2021〕42号');
      return decision('medical_aid', 'eligible', { category: 'tier1', trace: t?.conditions ?? null });
    }
    const fcuInTier1 = p['medical.fcu_in_tier1'] === true;
    // The 事实无人抚养 track is in play only where a child's parents are recorded (facts.parents).
    if (fcuInTier1 && f.parents !== undefined) {
      let paramsOk = true;
      for (const key of fcu.parameters) {
        if (p[key] === undefined) {
          missing.push(`param:${key}`);
          paramsOk = false;
        }
      }
      if (paramsOk) {
        const d = fcu.evaluate(f, ctx);
        if (t) t.check('medical.tier1', d.status === 'eligible' ? true : d.status === 'ineligible' ? false : null, d.status === 'eligible'
          ? { zh: `成员 ${(d.subject ?? 0) + 1} 为事实无人抚养儿童，${t.param('medical.fcu_in_tier1').zh}：第一类医疗救助对象`, en: `Member ${(d.subject ?? 0) + 1} is a child without de-facto care; ${t.param('medical.fcu_in_tier1').en}: tier 1` }
          : d.status === 'ineligible'
            ? { zh: '不是特困供养人员或事实无人抚养儿童：不属于第一类', en: 'Neither tekun nor a child without de-facto care: not tier 1' }
            : { zh: '是否为事实无人抚养儿童尚不能确定', en: 'Whether the child lacks de-facto care cannot yet be decided' },
        { tier: 1 }, ['medical.fcu_in_tier1'], '国办发〔2021〕42号');
        if (d.status === 'eligible') return decision('medical_aid', 'eligible', { category: 'tier1', subject: d.subject, trace: t?.conditions ?? null });
        if (d.status === 'needs_information') for (const m of d.missing) missing.push(m);
      }
    } else if (t) {
      t.check('medical.tier1', false, fcuInTier1
        ? { zh: '不是特困供养人员，也未登记事实无人抚养儿童的父母情况：不属于第一类', en: 'Not tekun, and no child’s parents recorded: not tier 1' }
        : { zh: `不是特困供养人员（${t.param('medical.fcu_in_tier1').zh}）：不属于第一类`, en: `Not tekun (${t.param('medical.fcu_in_tier1').en}): not tier 1` },
      { tier: 1 }, ['medical.fcu_in_tier1'], '国办发〔2021〕42号');
    }

    // Tier 2: 低保.
    if (cur?.dibao === true) {
      if (t) t.check('medical.tier2', true, { zh: '低保对象：第二类医疗救助对象', en: 'On dibao: medical-aid tier 2' }, { tier: 2 }, [], '国办发〔2021〕42号');
      return decision('medical_aid', 'eligible', { category: 'tier2', missing, trace: t?.conditions ?? null });
    }
    if (t) t.check('medical.tier2', false, { zh: '不是低保对象：不属于第二类', en: 'Not on dibao: not tier 2' }, { tier: 2 }, [], '国办发〔2021〕42号');

    // Tier 3: 低保边缘, computed from the household's figures.
    let edgeParamsOk = true;
    for (const key of dibaoEdge.parameters) {
      if (p[key] === undefined) {
        missing.push(`param:${key}`);
        edgeParamsOk = false;
      }
    }
    if (edgeParamsOk) {
      const d = dibaoEdge.evaluate(f, ctx);
      if (t) t.check('medical.tier3', d.status === 'eligible' ? true : d.status === 'ineligible' ? false : null, d.status === 'eligible'
        ? { zh: '低保边缘家庭：第三类医疗救助对象', en: 'Near-dibao household: medical-aid tier 3' }
        : d.status === 'ineligible'
          ? { zh: '不是低保边缘家庭：不属于第三类', en: 'Not a near-dibao household: not tier 3' }
          : { zh: '是否为低保边缘家庭尚不能确定', en: 'Whether the household is near-dibao cannot yet be decided' },
      { tier: 3 }, ['dibao.edge_multiple_bp'], '国办发〔2021〕42号');
      if (d.status === 'eligible') return decision('medical_aid', 'eligible', { category: 'tier3', missing, trace: t?.conditions ?? null });
      if (d.status === 'needs_information') for (const m of d.missing) missing.push(m);
    }

    // Tier 4: 因病致贫重病患者.
    const illness = cur?.illnessPoverty === true;
    if (t) t.check('medical.tier4', illness, illness
      ? { zh: '因病致贫重病患者：第四类医疗救助对象', en: 'Impoverished by serious illness: medical-aid tier 4' }
      : { zh: '未认定为因病致贫重病患者：不属于第四类', en: 'Not recognised as impoverished by serious illness: not tier 4' },
    { tier: 4 }, [], '国办发〔2021〕42号');
    if (illness) return decision('medical_aid', 'eligible', { category: 'tier4', missing, trace: t?.conditions ?? null });

    if (missing.length > 0) return decision('medical_aid', 'needs_information', { missing, trace: t?.conditions ?? null });
    return decision('medical_aid', 'ineligible', { trace: t?.conditions ?? null });
  },
};
