// The charity module's figures (figures module: defined once, the rows behind each): what
// distributions delivered, dated by the day a household signed for it (final once signed), so a
// past month does not move. Goods count at the estimated value they left the store with.
import { sql } from 'drizzle-orm';
import { defineFigures, type SourceParams } from '../figures/figure.ts';

/** One row per delivery signed for in the period: its value (goods) plus its money. */
const delivered = (p: SourceParams) => sql`
  select 'dr-' || r.id as ref, r.jurisdiction_code as code, r.delivered_on as on_date, d.cause as cat,
         (r.value_fen + r.amount_fen)::bigint as amount_fen, null::boolean as hit, r.person_id, r.household_id, d.name as note
    from distribution_recipients r join distributions d on d.id = r.distribution_id
   where r.status = 'delivered' and r.delivered_on between ${p.from} and ${p.to} and ${p.place(sql`r.jurisdiction_code`)}`;

/** One row per household that signed for at least one delivery in the period, with their total. */
const households = (p: SourceParams) => sql`
  select 'dh-' || x.household_id as ref, x.code, x.on_date, null::text as cat, x.amount_fen, null::boolean as hit,
         x.person_id, x.household_id, x.n || '次' as note
    from (select r.household_id, max(r.jurisdiction_code) as code, max(r.delivered_on) as on_date,
                 sum(r.value_fen + r.amount_fen)::bigint as amount_fen, max(r.person_id) as person_id, count(*) as n
            from distribution_recipients r
           where r.status = 'delivered' and r.delivered_on between ${p.from} and ${p.to} and ${p.place(sql`r.jurisdiction_code`)}
           group by r.household_id) x`;

export const charityFigures = defineFigures([
  {
    id: 'charity.aid_value', module: 'charity', unit: '元', measure: 'sum', timing: 'period', dimensions: ['place', 'month', 'category'],
    nameZh: '慈善物资和资金发放额（已签收）', nameEn: 'Charity aid delivered (signed for)',
    meaningZh: '统计期内住户签收的慈善发放：物资按出库时的估值，加上资金，按签收日期计入。',
    meaningEn: 'Charity distributions households signed for in the period: goods at the value they left the store with, plus money, by the day signed.',
    category: { nameZh: '救助事由', nameEn: 'Cause' },
    source: delivered,
  },
  {
    id: 'charity.households', module: 'charity', unit: '户', measure: 'count', timing: 'period', dimensions: ['place', 'month'],
    nameZh: '获慈善帮扶户数（已签收）', nameEn: 'Households helped by charity (signed for)',
    meaningZh: '统计期内至少签收一次慈善发放的住户数，每户计一次，金额为期内签收合计。',
    meaningEn: 'Households that signed for at least one charity distribution in the period, each once, with the total they received.',
    source: households,
  },
]);
