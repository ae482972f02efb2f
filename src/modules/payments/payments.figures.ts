// The payments module's figures: money PAID (by the bank's paid date, never approved amounts),
// recipients paid per program, and payments that failed or were re-issued. Rows are dated by
// `paid_on` (final once paid), so a past month's figures do not move when later months arrive.
import { sql, type SQL } from 'drizzle-orm';
import { defineFigures, type FigureDefinition, type SourceParams, type Unit } from '../figures/figure.ts';
import { PROGRAM_LABELS, PROGRAMS } from '../cases/workflow/states.ts';

const program = { nameZh: '救助项目', nameEn: 'Program', labels: PROGRAM_LABELS };

/** Payments paid in the period (the rows behind every money figure). */
const paidIn = (p: SourceParams, extra: SQL = sql`true`) => sql`
  select 'pay-' || pay.id as ref, pay.jurisdiction_code as code, pay.paid_on as on_date, pay.program as cat,
         pay.amount_fen, null::boolean as hit, pay.payee_person_id as person_id, pay.household_id, pay.kind || ' ' || pay.month as note
    from payments pay
   where pay.status = 'paid' and pay.paid_on between ${p.from} and ${p.to} and ${p.place(sql`pay.jurisdiction_code`)} and ${extra}`;

/** Per-household programs count households; per-person ones (特困, 事实无人抚养) the person helped. */
const PER_PERSON = new Set(['tekun', 'fcu']);
export const RECIPIENT_UNIT = (prog: string): Unit => (PER_PERSON.has(prog) ? '人' : '户');
const RECIPIENT_WORD: Record<string, { zh: string; en: string }> = {
  dibao: { zh: '户', en: 'households' }, temporary: { zh: '户', en: 'households' }, tekun: { zh: '人', en: 'persons' }, fcu: { zh: '人', en: 'children' },
};

/** One row per household (or person) paid under a program in the period, with the money paid to it. */
const recipientsPaid = (prog: string) => (p: SourceParams) => {
  const who = PER_PERSON.has(prog) ? sql`coalesce(c.beneficiary_person_id, pay.payee_person_id)` : sql`coalesce(pay.household_id, -pay.payee_person_id)`;
  return sql`
  select ${prog}::text || '-' || x.who as ref, x.code, x.on_date, ${prog}::text as cat, x.amount_fen, null::boolean as hit, x.person_id, x.household_id, x.n || '笔' as note
    from (select ${who} as who, max(pay.jurisdiction_code) as code, max(pay.paid_on) as on_date, sum(pay.amount_fen)::bigint as amount_fen,
                 max(${PER_PERSON.has(prog) ? sql`coalesce(c.beneficiary_person_id, pay.payee_person_id)` : sql`coalesce(h.head_person_id, pay.payee_person_id)`}) as person_id,
                 max(pay.household_id) as household_id, count(*) as n
            from payments pay join assistance_cases c on c.id = pay.case_id left join households h on h.id = pay.household_id
           where pay.program = ${prog} and pay.status = 'paid' and pay.paid_on between ${p.from} and ${p.to} and ${p.place(sql`pay.jurisdiction_code`)}
           group by 1) x`;
};

/** Members, as of the period's end, of the households paid 低保 in the period. */
const dibaoPersons = (p: SourceParams) => sql`
  select 'dibao-m-' || m.person_id as ref, x.code, x.on_date, 'dibao'::text as cat, null::bigint as amount_fen, null::boolean as hit,
         m.person_id, x.household_id, m.relationship as note
    from (select pay.household_id, max(pay.jurisdiction_code) as code, max(pay.paid_on) as on_date
            from payments pay
           where pay.program = 'dibao' and pay.status = 'paid' and pay.household_id is not null
             and pay.paid_on between ${p.from} and ${p.to} and ${p.place(sql`pay.jurisdiction_code`)}
           group by 1) x
    join lateral (select distinct on (hm.person_id) hm.person_id, hm.relationship from household_members hm
                   where hm.household_id = x.household_id and hm.joined_at <= ${p.to} and (hm.left_at is null or hm.left_at > ${p.to})) m on true`;

function perProgram(prog: (typeof PROGRAMS)[number]): FigureDefinition[] {
  const label = PROGRAM_LABELS[prog];
  const word = RECIPIENT_WORD[prog]!;
  const defs: FigureDefinition[] = [
    {
      id: `${prog}.recipients`, module: 'payments', unit: RECIPIENT_UNIT(prog), measure: 'count', timing: 'period', dimensions: ['place', 'month'],
      nameZh: `${label.zh}${word.zh}数（已发放）`, nameEn: `${label.en}: ${word.en} paid`,
      meaningZh: `统计期内实际发放（银行已确认）${label.zh}资金的${word.zh}数，每${word.zh}计一次，金额为期内发放合计。`,
      meaningEn: `${word.en} with at least one ${label.en} payment confirmed paid by the bank in the period, each once, with the total paid.`,
      source: recipientsPaid(prog),
    },
    {
      id: `${prog}.paid`, module: 'payments', unit: '元', measure: 'sum', timing: 'period', dimensions: ['place', 'month'],
      nameZh: `${label.zh}发放金额`, nameEn: `${label.en}: money paid`,
      meaningZh: `统计期内银行确认已发放的${label.zh}资金（按发放日期），不含已批未发。`,
      meaningEn: `${label.en} money confirmed paid by the bank in the period (by paid date); approved but unpaid money is not counted.`,
      source: (p) => paidIn(p, sql`pay.program = ${prog}`),
    },
  ];
  if (prog === 'dibao') {
    defs.push({
      id: 'dibao.persons', module: 'payments', unit: '人', measure: 'count', timing: 'period', dimensions: ['place', 'month'],
      nameZh: '最低生活保障人数（已发放）', nameEn: 'Dibao: persons in households paid',
      meaningZh: '统计期内已发放低保的家庭，在期末的家庭成员人数。', meaningEn: 'Members, as of the period’s end, of the households paid dibao in the period.',
      source: dibaoPersons,
    });
  }
  return defs;
}

export const paymentFigures = defineFigures([
  ...PROGRAMS.flatMap(perProgram),
  {
    id: 'payments.paid', module: 'payments', unit: '元', measure: 'sum', timing: 'period', dimensions: ['place', 'month', 'category'], category: program,
    nameZh: '救助资金发放金额', nameEn: 'Assistance money paid',
    meaningZh: '统计期内银行确认已发放的各项救助资金（按发放日期）。', meaningEn: 'Money of every program confirmed paid by the bank in the period (by paid date).',
    source: (p) => paidIn(p),
  },
  {
    id: 'payments.paid_count', module: 'payments', unit: '人次', measure: 'count', timing: 'period', dimensions: ['place', 'month', 'category'], category: program,
    nameZh: '救助资金发放人次', nameEn: 'Payments made (person-times)',
    meaningZh: '统计期内银行确认已发放的救助资金笔数（人次）。', meaningEn: 'Payments confirmed paid by the bank in the period, one per payee and payment.',
    source: (p) => paidIn(p),
  },
  {
    id: 'payments.failed', module: 'payments', unit: '笔', measure: 'count', timing: 'period', dimensions: ['place', 'month', 'category'], category: program,
    nameZh: '发放失败笔数', nameEn: 'Payments failed',
    meaningZh: '所属月份在统计期内、银行退回（发放失败）的明细，含其后已重发的。', meaningEn: 'Payments for months in the period that the bank returned as failed, including those re-issued since.',
    source: (p) => sql`
      select 'pay-' || pay.id as ref, pay.jurisdiction_code as code, (pay.month || '-01')::date as on_date, pay.program as cat, pay.amount_fen,
             null::boolean as hit, pay.payee_person_id as person_id, pay.household_id, pay.failure_reason as note
        from payments pay
       where pay.status in ('failed', 'reissued') and (pay.month || '-01')::date between date_trunc('month', ${p.from}::date)::date and ${p.to}
         and ${p.place(sql`pay.jurisdiction_code`)}`,
  },
  {
    id: 'payments.reissued', module: 'payments', unit: '笔', measure: 'count', timing: 'period', dimensions: ['place', 'month', 'category'], category: program,
    nameZh: '重新发放笔数', nameEn: 'Payments re-issued',
    meaningZh: '所属月份在统计期内、发放失败后重新发放的明细（不含已取消的）。', meaningEn: 'Re-issues of failed payments for months in the period (cancelled ones left out).',
    source: (p) => sql`
      select 'pay-' || pay.id as ref, pay.jurisdiction_code as code, (pay.month || '-01')::date as on_date, pay.program as cat, pay.amount_fen,
             null::boolean as hit, pay.payee_person_id as person_id, pay.household_id, pay.status as note
        from payments pay
       where pay.kind = 'reissue' and pay.status <> 'cancelled' and (pay.month || '-01')::date between date_trunc('month', ${p.from}::date)::date and ${p.to}
         and ${p.place(sql`pay.jurisdiction_code`)}`,
  },
]);
