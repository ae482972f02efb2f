// 受理: register an application (依申请, 主动发现, or referred from a help request or an alert).
// Fixes the procedure, the materials checklist with its one-time notice, 单独登记备案 for
// relatives of staff, the overall deadline, and refuses a second application for a cause the
// household already applied for (一事一救) in the same transaction that creates the case.
import { AppError, validationFailed, type FieldProblem } from '../../platform/errors.ts';
import { ageOn } from '../../lib/age.ts';
import type { Actor } from '../audit/audit.service.ts';
import * as households from '../households/households.store.ts';
import * as persons from '../persons/persons.store.ts';
import { separateRegistration } from '../policy/rules/procedures.ts';
import { earlierCauses, lockSubject } from './caps.store.ts';
import { sameCauseConflict, sameCauseIn } from './cause.ts';
import * as store from './cases.store.ts';
import type { CreateCaseBody } from './cases.schema.ts';
import type { Caller, Ctx } from './context.ts';
import { overallDue } from './deadlines.ts';
import { markReceived, materialsFor, materialsNotice } from './materials.ts';
import { subjectOf } from './steps.ts';
import { paymentPeriodOf, procedureFor, type CaseProgram } from './workflow/states.ts';

const CASE_NO_PREFIX: Record<CaseProgram, string> = { dibao: 'DB', tekun: 'TK', temporary: 'LS', fcu: 'ET' };

/** 救助案件编号: program, year, county, the case id — e.g. LS-2025-140107-000042 (复核: LS-FH-…). */
export function caseNumber(program: CaseProgram, kind: 'application' | 'review', date: string, code: string, id: number): string {
  return `${CASE_NO_PREFIX[program]}${kind === 'review' ? '-FH' : ''}-${date.slice(0, 4)}-${code.slice(0, 6)}-${String(id).padStart(6, '0')}`;
}

const fieldError = (field: string, en: string, zh: string): FieldProblem => ({ field, message: en, messageZh: zh });

export async function registerCase(ctx: Ctx, caller: Caller, body: CreateCaseBody, actor: Actor): Promise<number> {
  const isOnly = (role: string) => caller.roles.length > 0 && caller.roles.every((r) => r === role);
  // Grid workers find people (主动发现, or through a help request they hold); applications at the
  // counter are taken by the station.
  if (isOnly('grid_worker') && body.channel !== 'proactive' && body.channel !== 'help_request') {
    throw new AppError('beyond_authority', 'Grid workers register applications they found (channel "proactive" or "help_request")', '网格员只能登记主动发现或求助转办的救助申请');
  }
  const today = ctx.today();
  const receivedOn = body.receivedOn ?? today;
  if (receivedOn > today) throw validationFailed([fieldError('receivedOn', 'cannot be in the future', '不能晚于今天')]);

  const problems: FieldProblem[] = [];
  const applicant = await persons.findInScope(ctx.db, body.applicantPersonId, caller.scope);
  if (!applicant || applicant.mergedInto) problems.push(fieldError('applicantPersonId', 'no such person in your jurisdiction', '本辖区内无此人员'));
  const program = body.program;
  const personLevel = program === 'tekun' || program === 'fcu' || program === 'temporary';
  if (program === 'fcu' && !body.beneficiaryPersonId) problems.push(fieldError('beneficiaryPersonId', 'name the child', '请选择儿童'));
  const beneficiaryId = personLevel ? (body.beneficiaryPersonId ?? body.applicantPersonId) : (body.beneficiaryPersonId ?? null);
  const beneficiary = beneficiaryId !== null && beneficiaryId !== body.applicantPersonId ? await persons.findInScope(ctx.db, beneficiaryId, caller.scope) : applicant;
  if (beneficiaryId !== null && (!beneficiary || beneficiary.mergedInto)) problems.push(fieldError('beneficiaryPersonId', 'no such person in your jurisdiction', '本辖区内无此人员'));
  if (problems.length) throw validationFailed(problems);

  // The household: as given, else the beneficiary's (or applicant's) current one.
  const member = beneficiary ?? applicant!;
  const householdId = body.householdId ?? member.householdId ?? null;
  let jurisdictionCode = member.jurisdictionCode;
  if (householdId !== null) {
    const household = await households.findInScope(ctx.db, householdId, caller.scope);
    if (!household) throw validationFailed([fieldError('householdId', 'no such household in your jurisdiction', '本辖区内无此户')]);
    const membership = await households.currentMembership(ctx.db, member.id);
    if (!membership || membership.householdId !== householdId) throw validationFailed([fieldError('householdId', `${member.name} is not a member of this household`, `${member.name}不是该户成员`)]);
    jurisdictionCode = household.jurisdictionCode;
  }

  const p = await ctx.params(jurisdictionCode, receivedOn);
  const category = program === 'temporary' ? (body.category ?? null) : null;
  const minor = beneficiary?.birthDate ? ageOn(beneficiary.birthDate, receivedOn) < 18 : false;
  const procedure = procedureFor({ program, category, beneficiaryIsMinor: minor });
  const checklist = materialsFor(program, category);
  const unknown = body.materialsReceived.filter((code) => !checklist.some((m) => m.code === code));
  if (unknown.length) throw validationFailed([fieldError('materialsReceived', `not on the ${program} list: ${unknown.join(', ')}`, `不在材料清单中：${unknown.join('、')}`)]);
  const materials = markReceived(checklist, body.materialsReceived);
  const separate = body.ties.length > 0 ? separateRegistration({ ties: body.ties }, p) : null;
  const cause = program === 'temporary' && body.causeKind && body.causeEventOn
    ? { kind: body.causeKind, eventOn: body.causeEventOn, reference: body.causeReference ?? null, description: body.cause ?? null }
    : null;
  if (cause && cause.eventOn > receivedOn) throw validationFailed([fieldError('causeEventOn', 'cannot be after the application was received', '不能晚于受理日期')]);
  const overallDueOn = overallDue(ctx.cal, receivedOn, p, false);
  const notice = materialsNotice(materials, body);

  return ctx.db.transaction(async (tx) => {
    const subject = subjectOf({ id: 0, householdId, beneficiaryPersonId: beneficiaryId, applicantPersonId: body.applicantPersonId });
    if (cause) {
      // Serialise with other applications of the household, then look for the same cause.
      await lockSubject(tx, subject);
      const same = sameCauseIn(cause, await earlierCauses(tx, subject, false), p);
      if (same) throw sameCauseConflict(same, p, 'intake');
    }
    const id = await store.reserveId(tx);
    await store.insertCase(tx, {
      id,
      caseNo: caseNumber(program, 'application', receivedOn, jurisdictionCode, id),
      program, kind: 'application', procedure, state: 'accepted',
      householdId, applicantPersonId: body.applicantPersonId, beneficiaryPersonId: beneficiaryId, jurisdictionCode,
      channel: body.channel, sourceRef: body.sourceRef ?? null, category, cause: program === 'temporary' ? (body.cause ?? null) : null, causeKind: cause?.kind ?? null, causeEventOn: cause?.eventOn ?? null, causeReference: cause?.reference ?? null,
      requestedFen: body.requestedFen ?? null, paymentPeriod: paymentPeriodOf(program), peopleCovered: body.peopleCovered ?? null,
      promiseSigned: body.promiseSigned, dataCheckAuthorised: body.dataCheckAuthorised, materials,
      separatelyRegistered: separate?.separateRegistration ?? false, separateNote: separate?.separateRegistration ? separate.reason.zh : null,
      stepStartedOn: receivedOn, dueOn: overallDueOn, overallDueOn, receivedOn, createdBy: caller.id,
    });
    const event = { caseId: id, onDate: receivedOn, actorUserId: caller.id, actorName: actor.name };
    await store.insertEvent(tx, { ...event, action: 'register', fromState: null, toState: 'accepted', note: null, data: { channel: body.channel, sourceRef: body.sourceRef ?? null, procedure, separateRegistration: separate } });
    // 一次性告知: everything missing, once, on the timeline.
    if (notice) await store.insertEvent(tx, { ...event, action: 'materials_notice', fromState: null, toState: null, note: notice.zh, data: notice });
    await ctx.audit.record(tx, actor, { action: 'case.register', entity: 'assistance_case', entityId: id, jurisdictionCode, changes: { program: { before: null, after: program }, procedure: { before: null, after: procedure } } });
    return id;
  });
}
