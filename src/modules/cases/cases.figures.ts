// The cases module's figures: new approvals and ended benefits per program, cases open at the
// period's end by step (from the timeline, not the current state), and overdue cases now.
// Dated rows only (approved_on, case_events.on_date, plans' last month), so a past month's figures
// stay as they were when later steps are taken.
import { sql } from 'drizzle-orm';
import { defineFigures, type FigureDefinition } from '../figures/figure.ts';
import { OPEN_STATES, PROGRAM_LABELS, PROGRAMS, STATE_LABELS } from './workflow/states.ts';
import { EFFECTIVE_DUE } from './cases.store.ts';
import { RECIPIENT_UNIT } from '../payments/payments.figures.ts';

const OPEN = sql.join(OPEN_STATES.map((s) => sql`${s}`), sql`, `);
const step = { nameZh: '办理环节', nameEn: 'Step', labels: STATE_LABELS };
const program = { nameZh: '救助项目', nameEn: 'Program', labels: PROGRAM_LABELS };

function perProgram(prog: (typeof PROGRAMS)[number]): FigureDefinition[] {
  const label = PROGRAM_LABELS[prog];
  const unit = RECIPIENT_UNIT(prog);
  const defs: FigureDefinition[] = [
    {
      id: `${prog}.new`, module: 'cases', unit, measure: 'count', timing: 'period', dimensions: ['place', 'month'],
      nameZh: `新增${label.zh}${unit}数`, nameEn: `${label.en}: newly approved`,
      meaningZh: `统计期内批准的${label.zh}申请（按批准日期，不含复核），金额为批准金额。`, meaningEn: `${label.en} applications approved in the period (by approval date; reviews left out), with the amount approved.`,
      source: (p) => sql`
        select c.case_no as ref, c.jurisdiction_code as code, c.approved_on as on_date, c.program as cat, c.approved_fen as amount_fen, null::boolean as hit,
               coalesce(c.beneficiary_person_id, c.applicant_person_id) as person_id, c.household_id, c.case_no as note
          from assistance_cases c
         where c.kind = 'application' and c.program = ${prog} and c.approved_on between ${p.from} and ${p.to} and ${p.place(sql`c.jurisdiction_code`)}`,
    },
  ];
  if (prog !== 'temporary') {
    // A monthly benefit ends when its plan's last month falls in the period and no later plan of
    // the same case continues it (an adjustment ends one plan and starts the next).
    defs.push({
      id: `${prog}.ended`, module: 'cases', unit, measure: 'count', timing: 'period', dimensions: ['place', 'month'],
      nameZh: `${label.zh}退出${unit}数`, nameEn: `${label.en}: benefits ended`,
      meaningZh: `最后发放月份在统计期内且未再续发的${label.zh}（停发、终止），金额为最后月发放标准。`, meaningEn: `${label.en} benefits whose last month falls in the period and that no later plan continues, with the last monthly amount.`,
      source: (p) => sql`
        select 'plan-' || pp.id as ref, pp.jurisdiction_code as code, ((pp.to_month || '-01')::date + interval '1 month' - interval '1 day')::date as on_date,
               pp.program as cat, pp.amount_fen, null::boolean as hit, coalesce(c.beneficiary_person_id, pp.payee_person_id) as person_id, pp.household_id,
               c.case_no || ' ' || coalesce(pp.status_reason, '') as note
          from payment_plans pp join assistance_cases c on c.id = pp.case_id
         where pp.program = ${prog} and pp.period = 'monthly' and pp.to_month is not null and pp.status in ('stopped', 'ended')
           and ((pp.to_month || '-01')::date + interval '1 month' - interval '1 day')::date between ${p.from} and ${p.to}
           and not exists (select 1 from payment_plans q where q.case_id = pp.case_id and q.id <> pp.id and q.from_month > pp.to_month)
           and ${p.place(sql`pp.jurisdiction_code`)}`,
    });
  }
  return defs;
}

export const caseFigures = defineFigures([
  ...PROGRAMS.flatMap(perProgram),
  {
    id: 'cases.open', module: 'cases', unit: '件', measure: 'count', timing: 'period', dimensions: ['place', 'category'], category: step,
    nameZh: '在办救助案件（按环节）', nameEn: 'Cases open, by step',
    meaningZh: '统计期末尚未办结的救助案件，按期末所处环节（取自办理记录）。', meaningEn: 'Assistance cases not finished at the period’s end, by the step they were in then (from the timeline).',
    source: (p) => sql`
      select c.case_no as ref, c.jurisdiction_code as code, s.on_date, s.state as cat, null::bigint as amount_fen, null::boolean as hit,
             coalesce(c.beneficiary_person_id, c.applicant_person_id) as person_id, c.household_id, c.program as note
        from assistance_cases c
        cross join lateral (select e.to_state as state, e.on_date from case_events e
                             where e.case_id = c.id and e.to_state is not null and e.on_date <= ${p.to}
                             order by e.on_date desc, e.id desc limit 1) s
       where c.received_on <= ${p.to} and s.state in (${OPEN}) and ${p.place(sql`c.jurisdiction_code`)}
         -- Only a case open now or changed after the period's end can have been open then (every
         -- step bumps updated_at, cases.store.ts): the timeline is read for those alone.
         and (c.state in (${OPEN}) or c.updated_at >= ((${p.to}::date + 1)::timestamp at time zone 'Asia/Shanghai'))`,
  },
  {
    id: 'cases.overdue', module: 'cases', unit: '件', measure: 'count', timing: 'now', dimensions: ['place', 'category'], category: step,
    nameZh: '超期案件', nameEn: 'Cases overdue',
    meaningZh: '当前在办且已超过本环节或总办理时限的案件（实时，不随统计期变化）。', meaningEn: 'Cases open now and past their step’s or the procedure’s deadline (live; the period does not apply).',
    source: (p) => sql`
      select assistance_cases.case_no as ref, assistance_cases.jurisdiction_code as code, ${EFFECTIVE_DUE} as on_date, assistance_cases.state as cat,
             null::bigint as amount_fen, null::boolean as hit, coalesce(assistance_cases.beneficiary_person_id, assistance_cases.applicant_person_id) as person_id,
             assistance_cases.household_id, assistance_cases.program as note
        from assistance_cases
       where assistance_cases.state in (${OPEN}) and ${EFFECTIVE_DUE} < ${p.today}::date and ${p.place(sql`assistance_cases.jurisdiction_code`)}`,
  },
  {
    id: 'cases.received', module: 'cases', unit: '件', measure: 'count', timing: 'period', dimensions: ['place', 'month', 'category'], category: program,
    nameZh: '受理救助申请', nameEn: 'Applications received',
    meaningZh: '统计期内受理的救助申请（按受理日期，不含复核）。', meaningEn: 'Applications for assistance received in the period (by date received; reviews left out).',
    source: (p) => sql`
      select c.case_no as ref, c.jurisdiction_code as code, c.received_on as on_date, c.program as cat, c.requested_fen as amount_fen, null::boolean as hit,
             coalesce(c.beneficiary_person_id, c.applicant_person_id) as person_id, c.household_id, c.channel as note
        from assistance_cases c
       where c.kind = 'application' and c.received_on between ${p.from} and ${p.to} and ${p.place(sql`c.jurisdiction_code`)}`,
  },
]);
