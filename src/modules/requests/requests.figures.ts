// The requests module's figures: requests received by category, the share resolved within the
// category's time limit, and the share of rated requests whose caller was satisfied. Dated by the
// instants recorded on the request (in Asia/Shanghai), which do not change once set.
import { sql } from 'drizzle-orm';
import { defineFigures } from '../figures/figure.ts';

const category = { nameZh: '诉求类别', nameEn: 'Category' };
const local = (column: string) => sql.raw(`(${column} at time zone 'Asia/Shanghai')::date`);

export const requestFigures = defineFigures([
  {
    id: 'requests.received', module: 'requests', unit: '件', measure: 'count', timing: 'period', dimensions: ['place', 'month', 'category'], category,
    nameZh: '受理群众诉求', nameEn: 'Help requests received',
    meaningZh: '统计期内登记的群众诉求（含后来合并的重复诉求），按类别。', meaningEn: 'Help requests registered in the period (duplicates merged later included), by category.',
    source: (p) => sql`
      select r.tracking_code as ref, r.jurisdiction_code as code, ${local('r.created_at')} as on_date, r.category_code as cat, null::bigint as amount_fen,
             null::boolean as hit, r.person_id, null::bigint as household_id, r.channel as note
        from help_requests r
       where ${local('r.created_at')} between ${p.from} and ${p.to} and ${p.place(sql`r.jurisdiction_code`)}`,
  },
  {
    id: 'requests.sla_met', module: 'requests', unit: '%', measure: 'ratio', timing: 'period', dimensions: ['place', 'month', 'category'], category,
    nameZh: '诉求按时办结率', nameEn: 'Requests resolved on time',
    meaningZh: '统计期内办结的诉求中，在类别规定时限内办结的比例。', meaningEn: 'Of the requests resolved in the period, the share resolved within their category’s time limit.',
    source: (p) => sql`
      select r.tracking_code as ref, r.jurisdiction_code as code, ${local('r.resolved_at')} as on_date, r.category_code as cat, null::bigint as amount_fen,
             (r.resolved_at <= r.resolution_due_at) as hit, r.person_id, null::bigint as household_id, r.state as note
        from help_requests r
       where r.resolved_at is not null and ${local('r.resolved_at')} between ${p.from} and ${p.to} and ${p.place(sql`r.jurisdiction_code`)}`,
  },
  {
    id: 'requests.satisfied', module: 'requests', unit: '%', measure: 'ratio', timing: 'period', dimensions: ['place', 'month', 'category'], category,
    nameZh: '诉求满意率', nameEn: 'Callers satisfied',
    meaningZh: '统计期内回访评价的诉求中，评价为满意或非常满意（4–5 分）的比例。', meaningEn: 'Of the requests rated in the period, the share rated satisfied or very satisfied (4–5).',
    source: (p) => sql`
      select r.tracking_code as ref, r.jurisdiction_code as code, ${local('coalesce(r.visited_at, r.closed_at, r.resolved_at)')} as on_date, r.category_code as cat,
             null::bigint as amount_fen, (r.satisfaction >= 4) as hit, r.person_id, null::bigint as household_id, r.satisfaction::text as note
        from help_requests r
       where r.satisfaction is not null and ${local('coalesce(r.visited_at, r.closed_at, r.resolved_at)')} between ${p.from} and ${p.to}
         and ${p.place(sql`r.jurisdiction_code`)}`,
  },
]);
