// The policy engine's view of a case as of a date (attached at 审核 and to reviews): the program
// over the household's registry facts, with the 临时救助 application and the year's history.
// Runs outside any transaction (it reads with the policy service's own connection).
import type { DecisionView } from '../policy/policy.schema.ts';
import type { ProgramId } from '../policy/engine/decision.ts';
import { applicationsThisYear, earlierCauses, yearUsage } from './caps.store.ts';
import { causeOf, type CaseCause } from './cause.ts';
import { ymd } from '../policy/engine/dates.ts';
import type { TemporaryCause } from '../policy/engine/facts.ts';

const factsCause = (c: CaseCause): TemporaryCause => ({ kind: c.kind, eventOn: ymd(c.eventOn), reference: c.reference, description: c.description });
import type { CaseRow } from './cases.store.ts';
import type { Ctx } from './context.ts';
import { subjectOf } from './steps.ts';

export async function decisionFor(ctx: Ctx, row: CaseRow, date: string): Promise<DecisionView | null> {
  if (row.householdId === null) return null;
  let temporary;
  if (row.program === 'temporary') {
    const subject = subjectOf(row);
    const year = Number(date.slice(0, 4));
    const history = await yearUsage(ctx.db, subject, year);
    const person = String(subject.personKey);
    temporary = {
      kind: (row.category ?? 'emergency') as 'emergency' | 'expenditure',
      // An old row the migration could not date stands as 'other' on its received date.
      cause: factsCause(causeOf(row) ?? { kind: 'other', eventOn: row.receivedOn, reference: null, description: row.cause }),
      requestedFen: row.requestedFen ?? 0,
      approvedThisYearPersonFen: history.filter((h) => h.person === person).reduce((s, h) => s + h.amountFen, 0),
      approvedThisYearHouseholdFen: history.reduce((s, h) => s + h.amountFen, 0),
      applicationsThisYear: await applicationsThisYear(ctx.db, subject, year),
      previousCauses: (await earlierCauses(ctx.db, subject, true)).map(factsCause),
      exception: row.exceptionDecision !== null,
    };
  }
  return ctx.policy.decide({ householdId: row.householdId, program: row.program as ProgramId, date, subjectPersonId: row.beneficiaryPersonId, temporary });
}
