// What the review interval depends on (reviewIntervalMonths): members able to work and irregular
// income in the household, read from the registry on the approval date.
import { sql } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../../platform/db/client.ts';
import { addMonths } from '../policy/rules/procedures.ts';
import type { CaseRow } from './cases.store.ts';

/** Working age 16–59, not unable to work, not a full-time student, not 一/二级 disabled, alive. */
export async function reviewSummary(tx: DbOrTx, row: Pick<CaseRow, 'householdId'>, date: string): Promise<{ membersAbleToWork: number; irregularIncome: boolean }> {
  if (row.householdId === null) return { membersAbleToWork: 0, irregularIncome: false };
  const since = addMonths(date, -12).slice(0, 7);
  const [r] = await queryRows<{ able: number; irregular: boolean }>(tx, sql`
    select (select count(*)::int from household_members m join persons p on p.id = m.person_id
             where m.household_id = ${row.householdId} and m.left_at is null
               and (p.death_date is null or p.death_date > ${date}::date)
               and p.birth_date is not null and date_part('year', age(${date}::date, p.birth_date)) between 16 and 59
               and coalesce(p.work_capacity, 'full') <> 'none'
               and not coalesce((m.flags ->> 'fullTimeStudent')::boolean, false)
               and coalesce(p.disability_grade, 9) > 2) as able,
           exists (select 1 from household_incomes i where i.household_id = ${row.householdId}
                    and i.subtype in ('flexible_work', 'farming', 'business_net') and i.month >= ${since}) as irregular`);
  return { membersAbleToWork: r!.able, irregularIncome: r!.irregular };
}
