// The rows that serialise money decisions about one household: its row (or the person's, when
// there is no household) locked FOR UPDATE, then the year's 临时救助 re-read, so two racing
// approvals or advance payments see each other (policy-digest edge 18). Also the township
// reserve fund (备用金), locked the same way. These reads are not scoped: a cap counts every
// 临时救助 of the household whoever handled it; only sums leave this file.
import { sql } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../../platform/db/client.ts';
import type { YearApproval } from '../policy/rules/procedures.ts';

export type Subject = { id: number; householdId: number | null; personKey: number };

/** Lock the household row, or the person row when the case has no household. */
export async function lockSubject(tx: DbOrTx, s: Pick<Subject, 'householdId' | 'personKey'>): Promise<void> {
  if (s.householdId !== null) await tx.execute(sql`select id from households where id = ${s.householdId} for update`);
  else await tx.execute(sql`select id from persons where id = ${s.personKey} for update`);
}

/** Cases of the same household (or the same person when there is none). */
function sameSubject(s: Pick<Subject, 'householdId' | 'personKey'>) {
  return s.householdId !== null
    ? sql`household_id = ${s.householdId}`
    : sql`household_id is null and coalesce(beneficiary_person_id, applicant_person_id) = ${s.personKey}`;
}

/**
 * What was paid or approved as 临时救助 in `year`, case by case (the case itself excluded): an
 * approved case counts the larger of its approved amount and its advance payment, an undecided
 * or refused one its advance payment (money already out of the reserve fund).
 */
export async function yearUsage(tx: DbOrTx, s: Subject, year: number): Promise<YearApproval[]> {
  const rows = await queryRows<{ person: number; amount: number }>(tx, sql`
    select coalesce(beneficiary_person_id, applicant_person_id) as person,
           (case when state in ('approved', 'closed') then greatest(coalesce(approved_fen, 0), prepaid_fen) else prepaid_fen end)::bigint as amount
      from assistance_cases
     where program = 'temporary' and kind = 'application' and id <> ${s.id} and ${sameSubject(s)}
       and (state in ('approved', 'closed') or prepaid_fen > 0)
       and extract(year from coalesce(approved_on, prepaid_on)) = ${year}`);
  return rows.map((r) => ({ person: String(r.person), amountFen: Number(r.amount) }));
}

/** 临时救助 applications of the year (for linshi.applications_per_year), the case itself excluded. */
export async function applicationsThisYear(tx: DbOrTx, s: Subject, year: number): Promise<number> {
  const [row] = await queryRows<{ n: number }>(tx, sql`
    select count(*)::int as n from assistance_cases
     where program = 'temporary' and kind = 'application' and id <> ${s.id} and ${sameSubject(s)}
       and state not in ('refused', 'withdrawn') and extract(year from received_on) = ${year}`);
  return row!.n;
}

export type EarlierCause = { id: number; caseNo: string; kind: string; eventOn: string; reference: string | null; description: string | null };

/**
 * 一事一救: the causes of the household's (or person's) other 临时救助 applications, for the pure
 * rule (policy/rules/same-cause.ts) to compare. At intake any case that is not refused or
 * withdrawn counts; at approval and for the engine only one that was actually helped (approved or
 * paid in advance), so two applications for one cause cannot block each other.
 */
export async function earlierCauses(tx: DbOrTx, s: Subject, helpedOnly: boolean): Promise<EarlierCause[]> {
  return queryRows<EarlierCause>(tx, sql`
    select id, case_no as "caseNo", cause_kind as kind, cause_event_on::text as "eventOn", cause_reference as reference, cause as description
      from assistance_cases
     where program = 'temporary' and kind = 'application' and id <> ${s.id} and ${sameSubject(s)} and cause_kind is not null and cause_event_on is not null
       and ${helpedOnly ? sql`(state in ('approved', 'closed') or prepaid_fen > 0)` : sql`state not in ('refused', 'withdrawn')`}
     order by id`);
}

export type ReserveFund = { townshipCode: string; year: number; allocatedFen: number; spentFen: number };

/** The township's reserve fund for the year, created from the parameter on first use, locked. */
export async function lockReserve(tx: DbOrTx, townshipCode: string, year: number, allocatedFen: number): Promise<ReserveFund> {
  await tx.execute(sql`insert into reserve_funds (township_code, year, allocated_fen) values (${townshipCode}, ${year}, ${allocatedFen}) on conflict do nothing`);
  const [row] = await queryRows<ReserveFund>(tx, sql`
    select township_code as "townshipCode", year, allocated_fen as "allocatedFen", spent_fen as "spentFen"
      from reserve_funds where township_code = ${townshipCode} and year = ${year} for update`);
  return { ...row!, allocatedFen: Number(row!.allocatedFen), spentFen: Number(row!.spentFen) };
}

export async function spendReserve(tx: DbOrTx, townshipCode: string, year: number, amountFen: number): Promise<void> {
  await tx.execute(sql`update reserve_funds set spent_fen = spent_fen + ${amountFen}, updated_at = now() where township_code = ${townshipCode} and year = ${year}`);
}
