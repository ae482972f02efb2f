// 临时救助. 《社会救助暂行办法》Art. 47–49; 国发〔2014〕47号; 民发〔2018〕23号; policy-digest §3.
// 急难型 (fire, accident, sudden serious illness): no income test. 支出型 (medical or education
// spending beyond capacity): per-capita income below the previous-year local per-capita
// disposable income and property within the local 低保 rule. Local 户籍 or 居住证 applies at
// the 乡镇; others are helped to apply at the county 救助管理机构. One cause is helped once
// (一事一救) unless the county records an exception (一事一议), which also lifts the yearly caps.
// The amount is what was asked, within the per-case cap and the yearly caps per person and per
// household; the 乡镇 approves up to its delegated limit, the county above it.
import { decision, yuan, yuanEn, type Decision, type Tracer } from '../engine/decision.ts';
import type { HouseholdFacts } from '../engine/facts.ts';
import { applyBp } from '../engine/money.ts';
import type { ParameterKey, ParameterValues } from '../engine/parameters.catalog.ts';
import type { Program } from '../engine/program.ts';
import { dibaoFigures } from './dibao.ts';
import { ymdToIso } from '../engine/dates.ts';
import type { TemporaryCause } from '../engine/facts.ts';
import { CAUSE_KIND_LABELS, isCauseKind } from '../engine/cause-kinds.ts';
import { findSameCause, type SameBy } from '../rules/same-cause.ts';

/** "火灾，2023-05-20" — the cause as people read it (kind and event date, not the wording). */
function causeText(c: TemporaryCause): { zh: string; en: string } {
  const label = isCauseKind(c.kind) ? CAUSE_KIND_LABELS[c.kind] : { zh: c.kind, en: c.kind };
  const on = ymdToIso(c.eventOn);
  return { zh: `${label.zh}，${on}`, en: `${label.en.toLowerCase()} on ${on}` };
}

const SAME_BY: Record<SameBy, { zh: (days: number) => string; en: (days: number) => string }> = {
  reference: { zh: () => '事件编号相同', en: () => 'the same incident reference' },
  kind_and_date: { zh: (d) => `同类事由，事件日期相隔不超过 ${d} 天`, en: (d) => `the same kind, event dates at most ${d} days apart` },
  description: { zh: () => '事由说明相同', en: () => 'the same description' },
};

const BASIS = '《社会救助暂行办法》第四十七至四十九条；《国务院关于全面建立临时救助制度的通知》（国发〔2014〕47号）';

/**
 * The lower of a fixed limit and a limit in months of the urban 低保 standard (each 0 when not
 * set); null when neither is set. A months limit without a known standard counts as 0 (nothing):
 * a missing standard never loosens a limit.
 */
function limitFen(fixedFen: number, months: number, urbanFen: number | undefined): number | null {
  let out: number | null = fixedFen > 0 ? fixedFen : null;
  if (months > 0) {
    const byMonths = urbanFen === undefined ? 0 : months * urbanFen;
    out = out === null ? byMonths : Math.min(out, byMonths);
  }
  return out;
}

/** The parameters behind a limit, as phrases (only those set), for the trace. */
function limitText(t: Tracer, fixedKey: ParameterKey, monthsKey: ParameterKey, fixedFen: number, months: number): { zh: string; en: string } {
  if (fixedFen === 0 && months === 0) return t.param(fixedKey);
  const zh: string[] = [];
  const en: string[] = [];
  if (fixedFen > 0) { zh.push(t.param(fixedKey).zh); en.push(t.param(fixedKey).en); }
  if (months > 0) { zh.push(`${t.param(monthsKey).zh} × ${t.param('dibao.standard.urban').zh}`); en.push(`${t.param(monthsKey).en} × the ${t.param('dibao.standard.urban').en}`); }
  return { zh: zh.join('；'), en: en.join('; ') };
}

/** What is left of a yearly cap (0 = no cap → null); never below 0. */
function remainingFen(capFen: number, usedFen: number): number | null {
  return capFen > 0 ? Math.max(0, capFen - usedFen) : null;
}

export type TemporaryLimits = {
  /** The per-case cap (null: none). */
  perCaseCapFen: number | null;
  /** The most the 乡镇 may approve; 0 when nothing is delegated (the county approves everything). */
  townshipLimitFen: number;
  /** What is left this year of the cap per person / per household (null: no cap). */
  remainingPersonFen: number | null;
  remainingHouseholdFen: number | null;
};

/**
 * The 临时救助 limits that apply to a household's application (pure; used again at approval time,
 * when the year's approved amounts are re-read inside the approving transaction).
 */
export function temporaryLimits(f: HouseholdFacts, p: ParameterValues): TemporaryLimits {
  const urban = p['dibao.standard.urban'];
  const tmp = f.temporary;
  return {
    perCaseCapFen: limitFen(p['linshi.case_cap_fen'] ?? 0, p['linshi.case_cap_months'] ?? 0, urban),
    townshipLimitFen: limitFen(p['linshi.township_limit_fen'] ?? 0, p['linshi.township_limit_months'] ?? 0, urban) ?? 0,
    remainingPersonFen: remainingFen(p['linshi.yearly_cap_person_fen'] ?? 0, tmp?.approvedThisYearPersonFen ?? 0),
    remainingHouseholdFen: remainingFen(p['linshi.yearly_cap_household_fen'] ?? 0, tmp?.approvedThisYearHouseholdFen ?? 0),
  };
}

export const temporary: Program = {
  id: 'temporary',
  zh: '临时救助',
  en: 'Temporary assistance',
  basis: BASIS,
  level: 'household',
  applyAt: { zh: '户籍或居住证所在地乡镇人民政府（街道办事处）；其他人员到县级救助管理机构', en: 'the township government or street office of the hukou or residence permit; others at the county rescue-management agency' },
  parameters: [
    'linshi.case_cap_fen', 'linshi.case_cap_months', 'linshi.township_limit_fen', 'linshi.township_limit_months',
    'linshi.yearly_cap_person_fen', 'linshi.yearly_cap_household_fen', 'linshi.applications_per_year', 'linshi.same_cause_window_days',
  ],

  evaluate(f, ctx): Decision {
    const t = ctx.t;
    const p = ctx.p;
    const tmp = f.temporary;
    if (tmp === undefined) {
      if (t) t.check('temporary.application', null, { zh: '临时救助申请情况（类型、事由、金额、本年救助记录）未知', en: 'The application (kind, cause, amount, this year’s assistance) is unknown' }, {}, [], BASIS);
      return decision('temporary', 'needs_information', { missing: ['temporary'], period: 'once', trace: t?.conditions ?? null });
    }
    const missing: string[] = [];

    // Where: local 户籍 or 居住证 → the 乡镇; others → the county 救助管理机构.
    const local = f.localHukou;
    if (local === false) {
      if (t) t.check('temporary.hukou', false, { zh: '无本地户籍或居住证：协助其向县级救助管理机构申请', en: 'No local hukou or residence permit: helped to apply at the county rescue-management agency' }, { localHukou: false }, [], '国发〔2014〕47号');
      return decision('temporary', 'ineligible', { category: 'refer_rescue_station', period: 'once', trace: t?.conditions ?? null });
    }
    if (local === undefined) missing.push('localHukou');
    if (t) t.check('temporary.hukou', local === undefined ? null : true, local === undefined
      ? { zh: '是否有本地户籍或居住证未知', en: 'Local hukou or residence permit unknown' }
      : { zh: '有本地户籍或居住证，向乡镇（街道）申请', en: 'Local hukou or residence permit: applies at the township' },
    { localHukou: local ?? null }, [], '国发〔2014〕47号');

    if (tmp.requestedFen <= 0) {
      if (t) t.check('temporary.requested', false, { zh: `申请金额 ${yuan(tmp.requestedFen)}，无需救助`, en: `Amount asked ${yuanEn(tmp.requestedFen)}: nothing to grant` }, { requestedFen: tmp.requestedFen }, [], BASIS);
      return decision('temporary', 'ineligible', { period: 'once', trace: t?.conditions ?? null });
    }

    // 一事一救: the same cause (same reference, or same kind within the window) is helped once,
    // unless the county recorded an exception (一事一议).
    const exception = tmp.exception === true;
    const windowDays = p['linshi.same_cause_window_days'] ?? 0;
    const asRule = (c: TemporaryCause) => ({ ...c, eventOn: ymdToIso(c.eventOn) });
    const same = findSameCause(asRule(tmp.cause), tmp.previousCauses.map(asRule), windowDays);
    const repeat = same !== null;
    const what = causeText(tmp.cause);
    const params: ParameterKey[] = ['linshi.same_cause_window_days'];
    if (repeat && !exception) {
      if (t) t.check('temporary.cause', false, { zh: `已因同一事由（${what.zh}，${SAME_BY[same.by].zh(windowDays)}）获得过临时救助，不得重复申请（一事一救）`, en: `Already helped for the same cause (${what.en}; ${SAME_BY[same.by].en(windowDays)}): no second application` }, { kind: tmp.cause.kind, eventOn: tmp.cause.eventOn, by: same.by, exception: false }, params, '民发〔2018〕23号');
      return decision('temporary', 'ineligible', { category: 'same_cause', period: 'once', trace: t?.conditions ?? null });
    }
    if (t) t.check('temporary.cause', true, repeat
      ? { zh: `同一事由（${what.zh}）再次申请，县级已按一事一议作出决定`, en: `Same cause (${what.en}) again, allowed by a recorded county decision (case-by-case exception)` }
      : { zh: `此前未因该事由（${what.zh}）获得临时救助`, en: `Not helped before for this cause (${what.en})` },
    { kind: tmp.cause.kind, eventOn: tmp.cause.eventOn, exception }, params, '民发〔2018〕23号');

    const maxApplications = p['linshi.applications_per_year'] ?? 0;
    if (maxApplications > 0) {
      const ok = tmp.applicationsThisYear < maxApplications;
      if (t) {
        const limit = t.param('linshi.applications_per_year');
        t.check('temporary.applications', ok, ok
          ? { zh: `本年已申请 ${tmp.applicationsThisYear} 次，未达${limit.zh}`, en: `${tmp.applicationsThisYear} application(s) this year, within the ${limit.en}` }
          : { zh: `本年已申请 ${tmp.applicationsThisYear} 次，已达${limit.zh}`, en: `${tmp.applicationsThisYear} application(s) this year: the ${limit.en} is reached` },
        { applications: tmp.applicationsThisYear, limit: maxApplications }, ['linshi.applications_per_year'], '地方临时救助实施办法');
      }
      if (!ok) return decision('temporary', 'ineligible', { category: 'applications_limit', period: 'once', trace: t?.conditions ?? null });
    }

    // 支出型: income below the previous-year per-capita disposable income, property passes.
    if (tmp.kind === 'expenditure') {
      const fig = dibaoFigures(f, ctx, missing);
      if (fig) {
        const dKey = f.area === 'rural' ? 'disposable_income.rural' : 'disposable_income.urban';
        const annual = p[dKey];
        if (annual === undefined) missing.push(`param:${dKey}`);
        else {
          const monthlyFen = Math.floor(annual / 12);
          const incomeOk = fig.perCapitaFen < monthlyFen;
          if (t) {
            const d = t.param(dKey);
            t.check('temporary.income', incomeOk, incomeOk
              ? { zh: `支出型：家庭人均月收入 ${yuan(fig.perCapitaFen)}，低于${d.zh}折合每月 ${yuan(monthlyFen)}`, en: `Spending-type: per-capita monthly income ${yuanEn(fig.perCapitaFen)} is below the ${d.en}, ${yuanEn(monthlyFen)} a month` }
              : { zh: `支出型：家庭人均月收入 ${yuan(fig.perCapitaFen)}，不低于${d.zh}折合每月 ${yuan(monthlyFen)}，无论支出多少均不符合`, en: `Spending-type: per-capita monthly income ${yuanEn(fig.perCapitaFen)} is not below the ${d.en}, ${yuanEn(monthlyFen)} a month, however large the bills` },
            { perCapitaFen: fig.perCapitaFen, monthlyFen, annualFen: annual }, [dKey], '国发〔2014〕47号');
          }
          if (!incomeOk) {
            const nearMiss = fig.perCapitaFen - monthlyFen < applyBp(monthlyFen, p['near_miss_bp'] ?? 1000, 'floor');
            return decision('temporary', 'ineligible', { nearMiss, period: 'once', trace: t?.conditions ?? null });
          }
        }
        // propertyPasses (inside dibaoFigures) traced the rules and listed 'assets' when unknown.
        if (fig.property === false) return decision('temporary', 'ineligible', { period: 'once', trace: t?.conditions ?? null });
      }
    } else if (t) {
      t.check('temporary.kind', true, { zh: `急难型（${what.zh}）：不审查家庭收入，可先行救助`, en: `Emergency (${what.en}): no income test; may be helped at once` }, { kind: tmp.kind }, [], '国发〔2014〕47号');
    }

    // Yearly caps (lifted by 一事一议).
    const remainingPerson = remainingFen(p['linshi.yearly_cap_person_fen'] ?? 0, tmp.approvedThisYearPersonFen);
    const remainingHousehold = remainingFen(p['linshi.yearly_cap_household_fen'] ?? 0, tmp.approvedThisYearHouseholdFen);
    if (t) {
      if (remainingPerson !== null) t.check('temporary.cap_person', exception || remainingPerson > 0, { zh: `本人本年已获临时救助 ${yuan(tmp.approvedThisYearPersonFen)}，${t.param('linshi.yearly_cap_person_fen').zh}，尚余 ${yuan(remainingPerson)}${exception ? '（一事一议，可超出）' : ''}`, en: `Already granted to the person this year ${yuanEn(tmp.approvedThisYearPersonFen)}; ${t.param('linshi.yearly_cap_person_fen').en}; ${yuanEn(remainingPerson)} left${exception ? ' (case-by-case exception: may exceed)' : ''}` }, { approvedFen: tmp.approvedThisYearPersonFen, remainingFen: remainingPerson }, ['linshi.yearly_cap_person_fen'], '地方临时救助实施办法');
      if (remainingHousehold !== null) t.check('temporary.cap_household', exception || remainingHousehold > 0, { zh: `本户本年已获临时救助 ${yuan(tmp.approvedThisYearHouseholdFen)}，${t.param('linshi.yearly_cap_household_fen').zh}，尚余 ${yuan(remainingHousehold)}${exception ? '（一事一议，可超出）' : ''}`, en: `Already granted to the household this year ${yuanEn(tmp.approvedThisYearHouseholdFen)}; ${t.param('linshi.yearly_cap_household_fen').en}; ${yuanEn(remainingHousehold)} left${exception ? ' (case-by-case exception: may exceed)' : ''}` }, { approvedFen: tmp.approvedThisYearHouseholdFen, remainingFen: remainingHousehold }, ['linshi.yearly_cap_household_fen'], '地方临时救助实施办法');
    }
    if (!exception && (remainingPerson === 0 || remainingHousehold === 0)) {
      return decision('temporary', 'ineligible', { category: 'cap_reached', period: 'once', trace: t?.conditions ?? null });
    }

    const urban = p['dibao.standard.urban'];
    if (urban === undefined && ((p['linshi.case_cap_months'] ?? 0) > 0 || (p['linshi.township_limit_months'] ?? 0) > 0)) missing.push('param:dibao.standard.urban');
    if (missing.length > 0) return decision('temporary', 'needs_information', { missing, period: 'once', trace: t?.conditions ?? null });

    // The amount: what was asked, within the per-case cap, then within the yearly caps.
    const perCase = limitFen(p['linshi.case_cap_fen'] ?? 0, p['linshi.case_cap_months'] ?? 0, urban);
    let amountFen = tmp.requestedFen;
    if (perCase !== null && amountFen > perCase) amountFen = perCase;
    let beyondYearly = false;
    if (remainingPerson !== null && amountFen > remainingPerson) {
      if (exception) beyondYearly = true;
      else amountFen = remainingPerson;
    }
    if (remainingHousehold !== null && amountFen > remainingHousehold) {
      if (exception) beyondYearly = true;
      else amountFen = remainingHousehold;
    }
    if (t) {
      const cap = limitText(t, 'linshi.case_cap_fen', 'linshi.case_cap_months', p['linshi.case_cap_fen'] ?? 0, p['linshi.case_cap_months'] ?? 0);
      t.check('temporary.amount', true, {
        zh: `申请 ${yuan(tmp.requestedFen)}；单次上限 ${perCase === null ? '不设' : yuan(perCase)}（${cap.zh}）；本年剩余额度：个人 ${remainingPerson === null ? '不设上限' : yuan(remainingPerson)}、家庭 ${remainingHousehold === null ? '不设上限' : yuan(remainingHousehold)}${exception ? '（一事一议，不受年度上限限制）' : ''} → 救助 ${yuan(amountFen)}`,
        en: `Asked ${yuanEn(tmp.requestedFen)}; per-case cap ${perCase === null ? 'none' : yuanEn(perCase)} (${cap.en}); left this year: person ${remainingPerson === null ? 'no cap' : yuanEn(remainingPerson)}, household ${remainingHousehold === null ? 'no cap' : yuanEn(remainingHousehold)}${exception ? ' (case-by-case exception: yearly caps lifted)' : ''} → ${yuanEn(amountFen)}`,
      }, { requestedFen: tmp.requestedFen, perCaseCapFen: perCase, remainingPersonFen: remainingPerson, remainingHouseholdFen: remainingHousehold, amountFen }, ['linshi.case_cap_fen', 'linshi.case_cap_months', 'dibao.standard.urban', 'linshi.yearly_cap_person_fen', 'linshi.yearly_cap_household_fen'], '地方临时救助实施办法');
    }

    // Who approves: the 乡镇 up to its delegated limit; the county above it, and always when the
    // application relies on a 一事一议 decision (a county decision by definition).
    const township = limitFen(p['linshi.township_limit_fen'] ?? 0, p['linshi.township_limit_months'] ?? 0, urban) ?? 0;
    const byCounty = amountFen > township || (exception && (repeat || beyondYearly));
    if (t) {
      const lim = limitText(t, 'linshi.township_limit_fen', 'linshi.township_limit_months', p['linshi.township_limit_fen'] ?? 0, p['linshi.township_limit_months'] ?? 0);
      const text = !byCounty
        ? { zh: `救助金额 ${yuan(amountFen)}，不超过乡镇审批权限 ${yuan(township)}（${lim.zh}），由乡镇（街道）审批`, en: `${yuanEn(amountFen)} is within the township limit ${yuanEn(township)} (${lim.en}): the township approves` }
        : township === 0
          ? { zh: `乡镇无临时救助审批权限（${lim.zh}），${yuan(amountFen)} 报县级民政部门审批`, en: `No approval delegated to the township (${lim.en}): the county approves ${yuanEn(amountFen)}` }
          : amountFen > township
            ? { zh: `救助金额 ${yuan(amountFen)}，超过乡镇审批权限 ${yuan(township)}（${lim.zh}），报县级民政部门审批`, en: `${yuanEn(amountFen)} is above the township limit ${yuanEn(township)} (${lim.en}): the county approves` }
            : { zh: `救助金额 ${yuan(amountFen)} 依县级一事一议决定发放，由县级民政部门审批`, en: `${yuanEn(amountFen)} rests on a county case-by-case decision: the county approves` };
      t.check('temporary.approver', true, text, { amountFen, townshipLimitFen: township, county: byCounty }, ['linshi.township_limit_fen', 'linshi.township_limit_months', 'dibao.standard.urban'], '《社会救助暂行办法》第四十八条');
    }
    return decision('temporary', 'eligible', { amountFen, period: 'once', category: byCounty ? 'county' : 'township', trace: t?.conditions ?? null });
  },
};
