// The benefit ledger of a household or person (B2): government payments from the payment ledger
// and charity deliveries from distributions, with the policy parameter that marks a household
// whose aid for one cause passed a set amount. Staff only, inside their jurisdiction.
import { sql } from 'drizzle-orm';
import { queryRows } from '../../platform/db/client.ts';
import { notFound } from '../../platform/errors.ts';
import { withinScope } from '../../platform/db/scope.ts';
import type { PolicyService } from '../policy/index.ts';
import { benefitLedger, governmentRow, type LedgerRow } from './benefits.ledger.ts';
import type { Caller, CharityDeps } from './context.ts';

type Subject = { householdId: number } | { personId: number };

export function createBenefitsService(deps: CharityDeps & { policy: PolicyService }) {
  const { db, policy } = deps;

  async function rows(subject: Subject, fromYear: number, toYear: number): Promise<LedgerRow[]> {
    const pay = 'householdId' in subject ? sql`p.household_id = ${subject.householdId}` : sql`p.payee_person_id = ${subject.personId}`;
    const got = 'householdId' in subject ? sql`r.household_id = ${subject.householdId}` : sql`r.person_id = ${subject.personId}`;
    const gov = await queryRows<{ program: string; year: number; amount: number; n: number }>(db, sql`
      select p.program, left(p.month, 4)::int as year, sum(p.amount_fen)::bigint as amount, count(*)::int as n
      from payments p where ${pay} and p.status = 'paid' and left(p.month, 4)::int between ${fromYear} and ${toYear}
      group by 1, 2`);
    const charity = await queryRows<{ org: string; program: string; cause: string; year: number; amount: number; n: number }>(db, sql`
      select o.name as org, coalesce(cp.name, d.name) as program, d.cause, extract(year from r.delivered_on)::int as year, sum(r.value_fen)::bigint as amount, count(*)::int as n
      from distribution_recipients r
      join distributions d on d.id = r.distribution_id
      join organisations o on o.id = d.organisation_id
      left join charity_projects cp on cp.id = d.project_id
      where ${got} and r.status = 'delivered' and extract(year from r.delivered_on)::int between ${fromYear} and ${toYear}
      group by 1, 2, 3, 4`);
    return [
      ...gov.map((g) => governmentRow(g.program, Number(g.year), Number(g.amount), Number(g.n))),
      ...charity.map((c) => ({ source: 'charity' as const, sourceName: c.org, program: c.program, cause: c.cause, year: Number(c.year), amountFen: Number(c.amount), items: Number(c.n) })),
    ];
  }

  async function ledger(householdId: number, place: string, subject: Subject, q: { fromYear?: number | undefined; toYear?: number | undefined }) {
    const toYear = q.toYear ?? 2100;
    const fromYear = q.fromYear ?? 1990;
    const params = await policy.index();
    // The mark line in force at the end of each year, where the household lives.
    const thresholdOf = (year: number) => (params.resolve(place, `${year}-12-31`).values['aid.cause_mark_fen'] as number | undefined) ?? null;
    return benefitLedger(householdId, await rows(subject, fromYear, toYear), thresholdOf);
  }

  return {
    async household(caller: Caller, id: number, q: { fromYear?: number | undefined; toYear?: number | undefined }) {
      const [h] = await queryRows<{ id: number; jurisdiction_code: string }>(db, sql`select id, jurisdiction_code from households where id = ${id} and ${withinScope(sql`jurisdiction_code`, caller.scope)}`);
      if (!h) throw notFound('Household', '该家庭');
      return ledger(Number(h.id), h.jurisdiction_code, { householdId: Number(h.id) }, q);
    },

    /** A person's own lines: payments to them and deliveries signed for by their household in their name. */
    async person(caller: Caller, id: number, q: { fromYear?: number | undefined; toYear?: number | undefined }) {
      const [p] = await queryRows<{ id: number; jurisdiction_code: string; household_id: number | null }>(db, sql`
        select p.id, p.jurisdiction_code, (select m.household_id from household_members m where m.person_id = p.id and m.left_at is null limit 1) as household_id
        from persons p where p.id = ${id} and ${withinScope(sql`p.jurisdiction_code`, caller.scope)}`);
      if (!p) throw notFound('Person', '该人员');
      return ledger(Number(p.household_id ?? 0), p.jurisdiction_code, { personId: Number(p.id) }, q);
    },
  };
}
