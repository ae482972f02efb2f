// The one query that reads what the engine needs about households, shaped as one row each
// (members, incomes summed by person and subtype over the 12 months before the date, assets,
// rigid spending). Used for one household (eligibility) and in id-ordered pages (screening).
import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.ts';
import { queryRows } from '../../platform/db/client.ts';
import { financePeriod } from '../households/finances.ts';
import { addDays } from '../../lib/local-date.ts';
import type { RegistryFactsRow } from './registry-facts.ts';

/**
 * The select, with its dates as literals (checked to be dates): the same text serves a bound query
 * and `COPY (…) TO STDOUT`, the baseline the screening benchmark compares against.
 */
export function factsSelect(date: string): SQL {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new Error(`not a date: ${date}`);
  const { from: fromMonth, to: toMonth } = financePeriod(date);
  const from = sql.raw(`'${fromMonth}'`);
  const to = sql.raw(`'${toMonth}'`);
  const expensesFrom = sql.raw(`'${fromMonth}-01'::date`);
  const expensesTo = sql.raw(`'${addDays(`${date.slice(0, 7)}-01`, -1)}'::date`);
  const day = sql.raw(`'${date}'::date`);
  // Monthly plans paying in the date's month (payment_plans_household_idx serves the household's).
  const activePlan = sql.raw(`pp.status = 'active' and pp.period = 'monthly' and pp.from_month <= '${date.slice(0, 7)}' and (pp.to_month is null or pp.to_month >= '${date.slice(0, 7)}')`);
  return sql`select h.id, h.jurisdiction_code as "jurisdictionCode",
  (select json_agg(json_build_array(p.id, m.relationship, p.birth_date, m.flags, p.disability_category, p.disability_grade,
      p.serious_illnesses, p.self_care, p.death_date, p.hukou_code, p.name,
      -- The registry facts about this member (facts.table.ts), rows not retired; see registry-facts.ts.
      (select json_agg(json_build_array(s.relation, coalesce(sp.birth_date, s.birth_date),
          coalesce(s.monthly_income_fen * 12, (select sum(i.amount_fen) from household_incomes i
             where i.person_id = sp.id and i.household_id = (select hm.household_id from household_members hm where hm.person_id = sp.id and hm.left_at is null)
               and i.month between ${from} and ${to})),
          s.property_within_rule, coalesce(sp.disability_category, s.disability_category), coalesce(sp.disability_grade, s.disability_grade),
          s.situations, sp.death_date, coalesce(sp.name, s.name),
          (select json_agg(distinct pp.program) from payment_plans pp join assistance_cases c on c.id = pp.case_id
            where ${activePlan} and (c.beneficiary_person_id = sp.id
              or (pp.program = 'dibao' and pp.household_id = (select hm.household_id from household_members hm where hm.person_id = sp.id and hm.left_at is null)))))
          order by s.id)
         from person_supporters s left join persons sp on sp.id = s.supporter_person_id
        where s.person_id = p.id and s.retired_at is null),
      (select json_agg(json_build_array(ps.parent, ps.situation, ps.began_on, ps.ended_on, ps.disability_category, ps.disability_grade) order by ps.id)
         from person_parent_situations ps
        where ps.person_id = p.id and ps.retired_at is null and (ps.began_on is null or ps.began_on <= ${day})),
      (select json_build_array(u.contribution_months, u.separation_on, u.separation_reason, u.registered_on, u.unused_months, u.subsidy_received, u.reemployed_on)
         from person_unemployment u
        where u.person_id = p.id and u.retired_at is null and u.separation_on <= ${day}
        order by u.separation_on desc, u.id desc limit 1),
      (select json_agg(json_build_array(j.kind, j.on_date, j.placement_kind) order by j.on_date, j.id)
         from person_job_events j
        where j.person_id = p.id and j.retired_at is null and j.on_date <= ${day}))
      order by m.relationship <> 'head', p.id)
     from household_members m join persons p on p.id = m.person_id
    where m.household_id = h.id and m.left_at is null) as members,
  (select json_agg(json_build_array(pp.program, pp.amount_fen, (select min(p2.from_month) from payment_plans p2 where p2.case_id = pp.case_id),
      (select max(pm.month) from payments pm where pm.case_id = pp.case_id and pm.status = 'paid'), c.beneficiary_person_id, c.people_covered) order by pp.id)
     from payment_plans pp join assistance_cases c on c.id = pp.case_id
    where pp.household_id = h.id and ${activePlan}) as benefits,
  (select json_agg(json_build_array(i.person_id, i.subtype, i.total))
     from (select person_id, subtype, sum(amount_fen) as total from household_incomes
            where household_id = h.id and month between ${from} and ${to} group by person_id, subtype) i) as incomes,
  (select json_build_array(coalesce(sum(value_fen) filter (where kind in ('deposit', 'securities')), 0),
      count(*) filter (where kind = 'house'), coalesce(sum(floor_area_cm2) filter (where kind = 'house'), 0),
      count(*) filter (where kind = 'vehicle'), count(*) filter (where kind = 'business'))
     from household_assets where household_id = h.id) as assets,
  (select coalesce(sum(amount_fen), 0) from household_expenses
    where household_id = h.id and kind in ('medical', 'education', 'rehabilitation') and date between ${expensesFrom} and ${expensesTo})::bigint as "rigidFen"
from households h`;
}

function normalise(row: RegistryFactsRow): RegistryFactsRow {
  // json numbers above 2^31 arrive as numbers on both drivers; bigint sums inside json are numbers too.
  return { ...row, rigidFen: Number(row.rigidFen) };
}

/**
 * Runs the select with JIT off: the planner's cost for the correlated subqueries is high enough
 * that PostgreSQL JIT-compiles every page (measured: ~0.45 s of a 0.55 s page of 2,000 households
 * at 1M), and a page is never big enough for the compiled code to pay that back.
 */
async function withoutJit<T>(db: DbOrTx, query: SQL): Promise<T[]> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local jit = off`);
    return queryRows<T>(tx, query);
  });
}

export async function factsRowById(db: DbOrTx, id: number, date: string): Promise<RegistryFactsRow | undefined> {
  const rows = await withoutJit<RegistryFactsRow>(db, sql`${factsSelect(date)} where h.id = ${id}`);
  return rows[0] ? normalise(rows[0]) : undefined;
}

/** One page of households in id order under a code prefix, after `afterId`. */
export async function factsPage(db: DbOrTx, prefix: string, afterId: number, limit: number, date: string): Promise<RegistryFactsRow[]> {
  const rows = await withoutJit<RegistryFactsRow>(db, sql`${factsSelect(date)}
    where h.id > ${afterId} and h.jurisdiction_code like ${`${prefix}%`}
    order by h.id limit ${limit}`);
  return rows.map(normalise);
}
