// 失业保险金 and 失业补助金 for the subject. 《失业保险条例》Art. 14–18; 《社会保险法》Art. 45–46;
// policy-digest §5.
// 失业保险金: contributions ≥ 1 year, non-voluntary job loss, registered as unemployed, not
// re-employed or drawing a pension; months by full contribution years (1 → 12, 5 → 18, 10 → 24),
// plus months left unused from an earlier entitlement, capped (24); the provincial standard.
// 失业补助金 (phased 2020–2022 policy): insured people who do not qualify for the insurance
// (contributions under the minimum, or a voluntary departure where the local notice allows) whose
// labour relation ended inside the policy window; a share (≤ 80%) of the standard for 6 months,
// once, never together with 失业保险金.
import { decision, yuan, yuanEn, type Decision } from '../engine/decision.ts';
import type { SeparationReason } from '../engine/facts.ts';
import { ymdToIso } from '../engine/dates.ts';
import { applyBp, type Rounding } from '../engine/money.ts';
import type { ParameterValues } from '../engine/parameters.catalog.ts';
import type { Program } from '../engine/program.ts';

const BASIS_INSURANCE = '《失业保险条例》第十四、十五、十七、十八条；《社会保险法》第四十五、四十六条';
const BASIS_SUBSIDY = '阶段性扩大失业保险保障范围政策（人社部发〔2020〕40号等，各地通知）';

const REASON: Record<SeparationReason, { zh: string; en: string }> = {
  involuntary: { zh: '非本人意愿中断就业（合同终止、被解除或协商解除）', en: 'lost the job not of their own will (contract ended, dismissed or mutual termination)' },
  employer_fault: { zh: '因用人单位未依法支付工资或缴纳社会保险费而解除劳动合同', en: 'resigned because the employer failed to pay wages or social insurance' },
  refused_renewal: { zh: '劳动合同期满用人单位不续订', en: 'the employer did not renew the contract at expiry' },
  voluntary: { zh: '本人主动辞职', en: 'resigned of their own will' },
};

const ROUNDING: Record<Rounding, { zh: string; en: string }> = {
  half_up: { zh: '按四舍五入计至分', en: 'rounded half up to the fen' },
  floor: { zh: '分以下舍去', en: 'rounded down to the fen' },
  ceil: { zh: '分以下进位', en: 'rounded up to the fen' },
};

/** Benefit months by contribution years, as people read them: 满 1 年 12 个月；满 5 年 18 个月 … */
function durationsText(durations: readonly { years: number; months: number }[]): { zh: string; en: string } {
  return {
    zh: durations.map((d) => `满 ${d.years} 年 ${d.months} 个月`).join('；'),
    en: durations.map((d) => `${d.years}+ years: ${d.months} months`).join('; '),
  };
}

/** Whether the separation counts as non-voluntary (Art. 14), refused renewal as the locality says. */
export function isInvoluntary(reason: SeparationReason, p: ParameterValues): boolean {
  return reason === 'involuntary' || reason === 'employer_fault' || (reason === 'refused_renewal' && p['unemp.refused_renewal_involuntary'] === true);
}

/** Benefit months earned by full contribution years: the highest bracket reached (0 below all). */
export function entitlementMonths(durations: readonly { years: number; months: number }[], contributionMonths: number): number {
  const years = Math.floor(contributionMonths / 12);
  let best = -1;
  let months = 0;
  for (const d of durations) {
    if (d.years <= years && d.years > best) {
      best = d.years;
      months = d.months;
    }
  }
  return months;
}

/** 'YYYY-MM-DD' (a validated parameter date) → yyyymmdd, without allocating. */
function isoToYmd(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) n = n * 10 + (c - 48);
  }
  return n;
}

export const unemploymentInsurance: Program = {
  id: 'unemployment_insurance',
  zh: '失业保险金',
  en: 'Unemployment insurance benefit',
  basis: BASIS_INSURANCE,
  level: 'person',
  applyAt: { zh: '参保地公共就业服务机构（失业保险经办机构）', en: 'the public employment service (unemployment insurance office) where insured' },
  parameters: ['unemp.benefit_fen', 'unemp.min_contribution_months', 'unemp.durations', 'unemp.max_months', 'unemp.refused_renewal_involuntary'],

  evaluate(f, ctx): Decision {
    const t = ctx.t;
    const p = ctx.p;
    const subject = f.subject ?? 0;
    const u = f.unemployment ?? f.members[subject]?.unemployment;
    if (u === undefined) {
      if (t) t.check('unemployment.facts', null, { zh: '缴费、离职原因和失业登记情况未知', en: 'Contributions, reason for leaving and registration unknown' }, {}, [], BASIS_INSURANCE);
      return decision('unemployment_insurance', 'needs_information', { missing: ['unemployment'], subject, trace: t?.conditions ?? null });
    }

    const minMonths = p['unemp.min_contribution_months'] ?? 12;
    const contributionsOk = u.contributionMonths >= minMonths;
    const involuntary = isInvoluntary(u.separation, p);
    const registered = u.registered === true;
    const notReemployed = u.reemployed !== true;
    const noPension = u.drawingPension !== true;
    if (t) {
      const min = t.param('unemp.min_contribution_months');
      t.check('unemployment.contributions', contributionsOk, contributionsOk
        ? { zh: `用人单位和本人已缴纳失业保险费 ${u.contributionMonths} 个月，达到${min.zh}`, en: `${u.contributionMonths} months of contributions: at least the ${min.en}` }
        : { zh: `用人单位和本人缴纳失业保险费 ${u.contributionMonths} 个月，不足${min.zh}`, en: `${u.contributionMonths} months of contributions: fewer than the ${min.en}` },
      { contributionMonths: u.contributionMonths, minMonths }, ['unemp.min_contribution_months'], '《失业保险条例》第十四条（一）');
      const reason = REASON[u.separation];
      const renewal = u.separation === 'refused_renewal' ? t.param('unemp.refused_renewal_involuntary') : null;
      t.check('unemployment.separation', involuntary, involuntary
        ? { zh: `离职原因：${reason.zh}，属于非因本人意愿中断就业${renewal ? `（${renewal.zh}）` : ''}`, en: `Reason: ${reason.en}; counts as not of their own will${renewal ? ` (${renewal.en})` : ''}` }
        : { zh: `离职原因：${reason.zh}，不属于非因本人意愿中断就业${renewal ? `（${renewal.zh}）` : ''}`, en: `Reason: ${reason.en}; not a non-voluntary job loss${renewal ? ` (${renewal.en})` : ''}` },
      { separation: u.separation }, ['unemp.refused_renewal_involuntary'], '《失业保险条例》第十四条（二）');
      t.check('unemployment.registered', registered, registered
        ? { zh: '已进行失业登记并有求职要求', en: 'Registered as unemployed and seeking work' }
        : { zh: '未进行失业登记：须先办理失业登记', en: 'Not registered as unemployed: registration comes first' },
      { registered }, [], '《失业保险条例》第十四条（三）');
      if (!notReemployed) t.check('unemployment.reemployed', false, { zh: '已重新就业，停止领取失业保险金', en: 'Re-employed: the benefit stops' }, { reemployed: true }, [], '《失业保险条例》第十五条');
      if (!noPension) t.check('unemployment.pension', false, { zh: '已享受基本养老保险待遇，停止领取失业保险金', en: 'Drawing a basic pension: the benefit stops' }, { drawingPension: true }, [], '《失业保险条例》第十五条');
    }
    if (!contributionsOk || !involuntary || !registered || !notReemployed || !noPension) {
      return decision('unemployment_insurance', 'ineligible', { subject, trace: t?.conditions ?? null });
    }

    const earned = entitlementMonths(p['unemp.durations'] ?? [], u.contributionMonths);
    const maxMonths = p['unemp.max_months'] ?? 24;
    const unused = u.unusedMonths > 0 ? u.unusedMonths : 0;
    const months = Math.min(earned + unused, maxMonths);
    if (t) {
      const durations = durationsText(p['unemp.durations'] ?? []);
      const cap = t.param('unemp.max_months');
      t.check('unemployment.months', months > 0, {
        zh: `累计缴费满 ${Math.floor(u.contributionMonths / 12)} 年，可领取 ${earned} 个月（领取期限按缴费年限：${durations.zh}）${unused > 0 ? `，加上此前未领取的 ${unused} 个月，合计 ${earned + unused} 个月` : ''}${earned + unused > maxMonths ? `，按${cap.zh}计为 ${months} 个月` : `（${cap.zh}）`}`,
        en: `${Math.floor(u.contributionMonths / 12)} full years of contributions earn ${earned} months (by contribution years: ${durations.en})${unused > 0 ? `; with ${unused} unused months from before, ${earned + unused}` : ''}${earned + unused > maxMonths ? `; capped at ${months} by the ${cap.en}` : ` (${cap.en})`}`,
      }, { contributionMonths: u.contributionMonths, earnedMonths: earned, unusedMonths: unused, months }, ['unemp.durations', 'unemp.max_months'], '《失业保险条例》第十七条');
    }
    if (months === 0) return decision('unemployment_insurance', 'ineligible', { subject, trace: t?.conditions ?? null });

    const amountFen = p['unemp.benefit_fen']!;
    if (t) t.check('unemployment.amount', true, { zh: `按${t.param('unemp.benefit_fen').zh}按月发放 ${yuan(amountFen)}，共 ${months} 个月`, en: `${yuanEn(amountFen)} a month (${t.param('unemp.benefit_fen').en}) for ${months} months` }, { amountFen, months }, ['unemp.benefit_fen'], '《失业保险条例》第十八条');
    return decision('unemployment_insurance', 'eligible', { amountFen, period: 'monthly', durationMonths: months, subject, trace: t?.conditions ?? null });
  },
};

export const unemploymentSubsidy: Program = {
  id: 'unemployment_subsidy',
  zh: '失业补助金',
  en: 'Unemployment subsidy',
  basis: BASIS_SUBSIDY,
  level: 'person',
  applyAt: { zh: '参保地失业保险经办机构（线上或线下）', en: 'the unemployment insurance office where insured (online or in person)' },
  parameters: [
    'unemp.benefit_fen', 'unemp.min_contribution_months', 'unemp.refused_renewal_involuntary', 'amount.rounding',
    'unemp.subsidy.rate_bp', 'unemp.subsidy.months', 'unemp.subsidy.window_from', 'unemp.subsidy.window_to', 'unemp.subsidy.voluntary_qualifies',
  ],

  evaluate(f, ctx): Decision {
    const t = ctx.t;
    const p = ctx.p;
    const subject = f.subject ?? 0;
    const u = f.unemployment ?? f.members[subject]?.unemployment;
    if (u === undefined) {
      if (t) t.check('unemployment.facts', null, { zh: '缴费、离职原因和离职日期未知', en: 'Contributions, reason and date of leaving unknown' }, {}, [], BASIS_SUBSIDY);
      return decision('unemployment_subsidy', 'needs_information', { missing: ['unemployment'], subject, trace: t?.conditions ?? null });
    }

    const insured = u.contributionMonths > 0;
    if (t) t.check('unemployment.insured', insured, insured
      ? { zh: `失业前参加失业保险，缴费 ${u.contributionMonths} 个月`, en: `Insured before losing the job: ${u.contributionMonths} months of contributions` }
      : { zh: '失业前未参加失业保险', en: 'Not insured before losing the job' },
    { contributionMonths: u.contributionMonths }, [], BASIS_SUBSIDY);
    if (!insured) return decision('unemployment_subsidy', 'ineligible', { subject, trace: t?.conditions ?? null });

    // Never together with 失业保险金: who meets its contribution and separation conditions takes it.
    const minMonths = p['unemp.min_contribution_months'] ?? 12;
    const contributionsOk = u.contributionMonths >= minMonths;
    const involuntary = isInvoluntary(u.separation, p);
    if (contributionsOk && involuntary) {
      if (t) t.check('unemployment.not_insurance', false, { zh: `缴费 ${u.contributionMonths} 个月（${t.param('unemp.min_contribution_months').zh}）且${REASON[u.separation].zh}，应申领失业保险金；失业补助金不与失业保险金同时享受`, en: `${u.contributionMonths} months of contributions (${t.param('unemp.min_contribution_months').en}) and ${REASON[u.separation].en}: the insurance benefit applies; the subsidy is never combined with it` }, { contributionMonths: u.contributionMonths, separation: u.separation }, ['unemp.min_contribution_months', 'unemp.refused_renewal_involuntary'], BASIS_SUBSIDY);
      return decision('unemployment_subsidy', 'ineligible', { category: 'insurance', subject, trace: t?.conditions ?? null });
    }
    const voluntaryOk = p['unemp.subsidy.voluntary_qualifies'] === true;
    const reasonOk = !contributionsOk || voluntaryOk;
    if (t) {
      const min = t.param('unemp.min_contribution_months');
      const vol = t.param('unemp.subsidy.voluntary_qualifies');
      t.check('unemployment.not_insurance', reasonOk, !contributionsOk
        ? { zh: `缴费 ${u.contributionMonths} 个月，不足${min.zh}，不能领取失业保险金`, en: `${u.contributionMonths} months of contributions, fewer than the ${min.en}: no insurance benefit` }
        : reasonOk
          ? { zh: `${REASON[u.separation].zh}，不能领取失业保险金；${vol.zh}`, en: `${REASON[u.separation].en}: no insurance benefit; ${vol.en}` }
          : { zh: `${REASON[u.separation].zh}，不能领取失业保险金；${vol.zh}，不能领取失业补助金`, en: `${REASON[u.separation].en}: no insurance benefit; ${vol.en}, so no subsidy` },
      { contributionMonths: u.contributionMonths, separation: u.separation }, ['unemp.min_contribution_months', 'unemp.subsidy.voluntary_qualifies'], BASIS_SUBSIDY);
    }

    const from = p['unemp.subsidy.window_from'];
    const to = p['unemp.subsidy.window_to'];
    const inWindow = from !== undefined && to !== undefined && u.separationDate >= isoToYmd(from) && u.separationDate <= isoToYmd(to);
    const notBefore = u.receivedSubsidyBefore !== true;
    const unemployed = u.reemployed !== true && u.drawingPension !== true;
    if (t) {
      const date = ymdToIso(u.separationDate);
      // Dates and rounding are written out here: the generic parameter phrase shows them raw.
      const window = `${from ?? '未设置'} 至 ${to ?? '未设置'}`;
      const windowEn = `${from ?? 'not set'} to ${to ?? 'not set'}`;
      t.check('unemployment.window', inWindow, inWindow
        ? { zh: `劳动关系于 ${date} 终止，在失业补助金政策期（劳动关系终止时间 ${window}）内`, en: `Labour relation ended ${date}, inside the subsidy window (${windowEn})` }
        : { zh: `劳动关系于 ${date} 终止，不在失业补助金政策期（劳动关系终止时间 ${window}）内`, en: `Labour relation ended ${date}, outside the subsidy window (${windowEn})` },
      { separationDate: date }, ['unemp.subsidy.window_from', 'unemp.subsidy.window_to'], BASIS_SUBSIDY);
      t.check('unemployment.once', notBefore, notBefore
        ? { zh: '此前未领取过失业补助金', en: 'No unemployment subsidy received before' }
        : { zh: '此前已领取过失业补助金，只能领取一次', en: 'An unemployment subsidy was received before: once only' },
      { receivedBefore: !notBefore }, [], BASIS_SUBSIDY);
      if (!unemployed) t.check('unemployment.status', false, u.reemployed === true
        ? { zh: '已重新就业，不属于失业人员', en: 'Re-employed: no longer unemployed' }
        : { zh: '已享受基本养老保险待遇', en: 'Drawing a basic pension' },
      { reemployed: u.reemployed === true, drawingPension: u.drawingPension === true }, [], BASIS_SUBSIDY);
    }
    if (!reasonOk || !inWindow || !notBefore || !unemployed) return decision('unemployment_subsidy', 'ineligible', { subject, trace: t?.conditions ?? null });

    const benefitFen = p['unemp.benefit_fen']!;
    const rateBp = p['unemp.subsidy.rate_bp']!;
    const months = p['unemp.subsidy.months']!;
    const rounding = (p['amount.rounding'] ?? 'half_up') as Rounding;
    const amountFen = applyBp(benefitFen, rateBp, rounding);
    if (t) t.check('unemployment.amount', true, {
      zh: `${t.param('unemp.benefit_fen').zh} × ${t.param('unemp.subsidy.rate_bp').zh} = 每月 ${yuan(amountFen)}（${ROUNDING[rounding].zh}），发放 ${months} 个月（${t.param('unemp.subsidy.months').zh}），合计 ${yuan(amountFen * months)}`,
      en: `${t.param('unemp.benefit_fen').en} × ${t.param('unemp.subsidy.rate_bp').en} = ${yuanEn(amountFen)} a month (${ROUNDING[rounding].en}) for ${months} months (${t.param('unemp.subsidy.months').en}), ${yuanEn(amountFen * months)} in all`,
    }, { benefitFen, rateBp, amountFen, months }, ['unemp.benefit_fen', 'unemp.subsidy.rate_bp', 'amount.rounding', 'unemp.subsidy.months'], BASIS_SUBSIDY);
    return decision('unemployment_subsidy', 'eligible', { amountFen, period: 'monthly', durationMonths: months, subject, trace: t?.conditions ?? null });
  },
};
