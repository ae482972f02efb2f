// The campaigns module's figures: progress (the share of targets struck off by the period's end)
// and visits made. Dated by the target's closed_on and the visit's date, never the current status.
import { sql } from 'drizzle-orm';
import { defineFigures } from '../figures/figure.ts';

const campaign = { nameZh: '专项行动', nameEn: 'Campaign' };
const created = sql.raw(`(t.created_at at time zone 'Asia/Shanghai')::date`);

export const campaignFigures = defineFigures([
  {
    id: 'campaigns.progress', module: 'campaigns', unit: '%', measure: 'ratio', timing: 'period', dimensions: ['place', 'category'], category: campaign,
    nameZh: '专项行动销号率', nameEn: 'Campaign targets struck off',
    meaningZh: '统计期内进行中的专项行动，期末已销号的对象占名单的比例（按行动分列）。', meaningEn: 'For campaigns running in the period, the share of listed people struck off by the period’s end (by campaign).',
    source: (p) => sql`
      select 'target-' || t.id as ref, t.jurisdiction_code as code, coalesce(t.closed_on, ${created}) as on_date, c.name as cat, null::bigint as amount_fen,
             (t.closed_on is not null and t.closed_on <= ${p.to}) as hit, t.person_id, null::bigint as household_id, t.status as note
        from campaign_targets t join campaigns c on c.id = t.campaign_id
       where c.starts_on <= ${p.to} and c.ends_on >= ${p.from} and ${created} <= ${p.to} and ${p.place(sql`t.jurisdiction_code`)}`,
  },
  {
    id: 'campaigns.visits', module: 'campaigns', unit: '人次', measure: 'count', timing: 'period', dimensions: ['place', 'month', 'category'], category: campaign,
    nameZh: '专项行动走访人次', nameEn: 'Campaign visits',
    meaningZh: '统计期内登记的专项行动走访人次。', meaningEn: 'Campaign visits recorded in the period.',
    source: (p) => sql`
      select 'visit-' || v.id as ref, t.jurisdiction_code as code, v.visited_on as on_date, c.name as cat, null::bigint as amount_fen, null::boolean as hit,
             t.person_id, null::bigint as household_id, v.result as note
        from campaign_visits v join campaign_targets t on t.id = v.target_id join campaigns c on c.id = v.campaign_id
       where v.visited_on between ${p.from} and ${p.to} and ${p.place(sql`t.jurisdiction_code`)}`,
  },
]);
