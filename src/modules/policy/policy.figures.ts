// The policy module's figures: 应保尽保 — households the latest screening (as of the period's end)
// found eligible that no payment plan covers in the period's last month, and the near-misses.
// A result counts from the latest finished run, as of the period's end, that screened its place
// for its program, so a later run replaces an earlier one and a past month keeps its own.
import { sql, type SQL } from 'drizzle-orm';
import { defineFigures, type SourceParams } from '../figures/figure.ts';
import { PROGRAM_LABELS } from '../cases/workflow/states.ts';

const program = { nameZh: '救助项目', nameEn: 'Program', labels: PROGRAM_LABELS };

const latestResults = (p: SourceParams, which: SQL) => sql`
  select distinct on (sr.household_id, sr.program)
         'screen-' || sr.run_id || '-' || sr.household_id || '-' || sr.program as ref, sr.jurisdiction_code as code, r.as_of as on_date, sr.program as cat,
         sr.amount_fen, null::boolean as hit, h.head_person_id as person_id, sr.household_id, coalesce(sr.category, sr.status) as note
    from screening_results sr
    join screening_runs r on r.id = sr.run_id and r.status = 'done' and r.as_of <= ${p.to}
    left join households h on h.id = sr.household_id
   where ${which} and ${p.place(sql`sr.jurisdiction_code`)}
     and not exists (select 1 from screening_runs r2
                      where r2.status = 'done' and r2.as_of <= ${p.to} and (r2.as_of, r2.id) > (r.as_of, r.id)
                        and sr.program = any(r2.programs) and sr.jurisdiction_code like r2.jurisdiction_code || '%')
     and not exists (select 1 from payment_plans pp
                      where pp.household_id = sr.household_id and pp.program = sr.program
                        and pp.from_month <= to_char(${p.to}::date, 'YYYY-MM') and (pp.to_month is null or pp.to_month >= to_char(${p.to}::date, 'YYYY-MM')))
   order by sr.household_id, sr.program, sr.subject`;

export const policyFigures = defineFigures([
  {
    id: 'coverage.gap', module: 'policy', unit: '户', measure: 'count', timing: 'period', dimensions: ['place', 'category'], category: program,
    nameZh: '应保未保', nameEn: 'Eligible but not covered',
    meaningZh: '期末最近一次批量筛查判为符合条件、但期末月份没有发放计划的家庭（应保尽保缺口），金额为测算金额。',
    meaningEn: 'Households the latest screening by the period’s end found eligible that no payment plan covers in the period’s last month (the 应保尽保 gap), with the estimated amount.',
    source: (p) => latestResults(p, sql`sr.status = 'eligible'`),
  },
  {
    id: 'coverage.near_miss', module: 'policy', unit: '户', measure: 'count', timing: 'period', dimensions: ['place', 'category'], category: program,
    nameZh: '临界家庭（差一点符合）', nameEn: 'Near-misses',
    meaningZh: '期末最近一次批量筛查判为接近条件（临界）、且未纳入保障的家庭，供主动发现。', meaningEn: 'Households the latest screening found just outside the conditions and not covered: for proactive outreach.',
    source: (p) => latestResults(p, sql`sr.near_miss and sr.status <> 'eligible'`),
  },
]);
