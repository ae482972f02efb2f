// Helpers for the payment tests (not a *.test.ts file, so the runner does not run it on its own):
// a household with a bank account, and an approved assistance case inserted directly, so the
// ledger can be tested without the case workflow.
import { makeIdNumber } from '../../lib/id-number.ts';
import type { Db, DbOrTx } from '../../platform/db/client.ts';
import type { Services } from '../../app/services.ts';
import { SYSTEM_ACTOR, type AuditRecorder } from '../audit/audit.service.ts';
import { assistanceCases } from '../cases/cases.table.ts';
import { startPlan, type PlanStart } from './plans.ts';

let seq = 0;

export type Family = { personId: number; householdId: number; idNumber: string; bankAccount: string };

/** A head of household with a bank account, living in `place` (a village or grid code). */
export async function family(services: Services, place: string, name: string, bank?: { name: string; account: string }): Promise<Family> {
  const n = ++seq;
  bank ??= { name: '中国农业银行', account: `62284800${String(10_000_000_000 + n).slice(1)}` };
  const idNumber = makeIdNumber(place.slice(0, 6), `1960-03-${String((n % 28) + 1).padStart(2, '0')}`, 500 + n);
  const person = await services.persons.create({ scope: '' }, { name, idNumber, jurisdictionCode: place }, SYSTEM_ACTOR);
  const household = await services.households.create({ scope: '' }, { jurisdictionCode: place, headPersonId: person.id, bankName: bank.name, bankAccount: bank.account, accountHolder: name }, SYSTEM_ACTOR);
  return { personId: person.id, householdId: household.id, idNumber, bankAccount: bank.account };
}

/** An approved case of a family, inserted as the case workflow would leave it. */
export async function approvedCase(db: DbOrTx, f: Family, place: string, program = 'dibao', approvedOn = '2025-03-15'): Promise<number> {
  const [row] = await db
    .insert(assistanceCases)
    .values({
      caseNo: `TEST-${program}-${place}-${++seq}`,
      program,
      procedure: 'general',
      state: 'approved',
      householdId: f.householdId,
      applicantPersonId: f.personId,
      beneficiaryPersonId: f.personId,
      jurisdictionCode: place,
      channel: 'application',
      stepStartedOn: approvedOn,
      receivedOn: approvedOn,
      approvedOn,
    })
    .returning({ id: assistanceCases.id });
  return row!.id;
}

/** A case with its plan started inside one transaction, as the approving step does. */
export async function caseWithPlan(db: Db, audit: AuditRecorder, f: Family, place: string, plan: Pick<PlanStart, 'amountFen' | 'fromMonth'> & Partial<PlanStart>): Promise<{ caseId: number; planId: number }> {
  return db.transaction(async (tx) => {
    const caseId = await approvedCase(tx, f, place, plan.program ?? 'dibao');
    const { planId } = await startPlan(audit, tx, { caseId, householdId: f.householdId, payeePersonId: f.personId, jurisdictionCode: place, program: 'dibao', period: 'monthly', createdBy: null, ...plan });
    return { caseId, planId };
  });
}
