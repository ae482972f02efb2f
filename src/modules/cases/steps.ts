// Runs one action on a case in one transaction: lock (the household first when money is
// decided, then the case), check the state machine, apply the change, compute the new step's
// deadline, and write the timeline event and the audit entry — all committed together.
import { AppError } from '../../platform/errors.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import type { Actor, Changes } from '../audit/audit.service.ts';
import type { ParameterValues } from '../policy/engine/parameters.catalog.ts';
import { lockSubject } from './caps.store.ts';
import * as store from './cases.store.ts';
import { CASE_NOT_FOUND, loadCase, type Caller, type Ctx } from './context.ts';
import { stepDue } from './deadlines.ts';
import { noticeOfStep } from './notices.ts';
import { missingRequired, type Material } from './materials.ts';
import type { Procedure, State } from './workflow/states.ts';
import { check, type Action, type Snapshot, type Verdict } from './workflow/transitions.ts';

export type StepResult = {
  patch?: Partial<store.CaseInsert>;
  note?: string | null;
  data?: Record<string, unknown> | null;
  /** Audit changes; by default the state change. */
  changes?: Changes;
};

export type StepOptions = {
  action: Action;
  /** The reopen target and the like. */
  option?: string;
  /** Lock the household (or person) row before the case: every money decision does. */
  lockSubject?: boolean;
  /** The event's name when it differs from the action (e.g. 'county_visit'). */
  eventAction?: string;
  /** A clearer refusal than "your role may not" for this action (approval limits). */
  roleError?: (row: store.CaseRow, p: ParameterValues) => AppError | null;
};

export type StepFn = (tx: DbOrTx, row: store.CaseRow, ctx: { snap: Snapshot; to: State | null; p: ParameterValues; today: string }) => Promise<StepResult>;

/** The person a 临时救助 counts against, and the household whose row serialises money decisions. */
export function subjectOf(row: Pick<store.CaseRow, 'id' | 'householdId' | 'beneficiaryPersonId' | 'applicantPersonId'>) {
  return { id: row.id, householdId: row.householdId, personKey: row.beneficiaryPersonId ?? row.applicantPersonId };
}

/**
 * 家庭经济状况调查 done: a home visit (or the county's) by at least two investigators, signed by
 * the family; for 事实无人抚养 and reviews an information check or any visit will do.
 */
export function investigationDone(program: string, procedure: string, visits: readonly Pick<store.VisitRow, 'kind' | 'investigators' | 'familyConfirmed'>[]): boolean {
  if (program === 'fcu' || procedure === 'review') return visits.length > 0;
  return visits.some((v) => (v.kind === 'home_visit' || v.kind === 'county_visit') && (v.investigators as unknown[]).length >= 2 && v.familyConfirmed);
}

export function snapshotOf(row: store.CaseRow, visits: readonly Pick<store.VisitRow, 'kind' | 'investigators' | 'familyConfirmed'>[], today: string): Snapshot {
  return {
    state: row.state as State,
    procedure: row.procedure as Procedure,
    approvalLevel: (row.approvalLevel as 'township' | 'county' | null) ?? null,
    materialsMissing: missingRequired(row.materials as Material[]).length,
    promiseSigned: row.promiseSigned,
    dataCheckAuthorised: row.dataCheckAuthorised,
    investigationDone: investigationDone(row.program, row.procedure, visits),
    separatelyRegistered: row.separatelyRegistered,
    countyVisitDone: row.countyVisitDone,
    publicityTo: row.publicityTo,
    noticeServed: row.noticeServedOn !== null,
    prepaidFen: row.prepaidFen,
    today,
  };
}

export function verdictError(v: Exclude<Verdict, { ok: true }>): AppError {
  return new AppError(v.why === 'role' ? 'beyond_authority' : 'conflict', v.en, v.zh);
}

export async function runStep(ctx: Ctx, caller: Caller, actor: Actor, id: number, opts: StepOptions, fn: StepFn): Promise<store.CaseRow> {
  // Read first (scoped, 404) to resolve the place's parameters before the transaction: PGlite
  // has one connection, so nothing may query outside the transaction while it is open.
  const pre = await loadCase(ctx, caller, id);
  const today = ctx.today();
  const p = await ctx.params(pre.jurisdictionCode, today);
  return ctx.db.transaction(async (tx) => {
    if (opts.lockSubject) await lockSubject(tx, subjectOf(pre));
    const row = await store.findInScope(tx, id, caller.scope, true);
    if (!row) throw CASE_NOT_FOUND();
    const snap = snapshotOf(row, await store.visitsOf(tx, id), today);
    const verdict = check(opts.action, snap, caller.roles, opts.option);
    if (!verdict.ok) throw (verdict.why === 'role' ? opts.roleError?.(row, p) : null) ?? verdictError(verdict);
    const to = verdict.to;
    const result = await fn(tx, row, { snap, to, p, today });
    const patch: Partial<store.CaseInsert> = { ...result.patch };
    if (to !== null && to !== row.state) {
      patch.state = to;
      patch.stepStartedOn = today;
      if (!('dueOn' in patch)) {
        patch.dueOn = stepDue(ctx.cal, to, today, p, {
          overallDueOn: patch.overallDueOn !== undefined ? patch.overallDueOn : row.overallDueOn,
          publicityTo: patch.publicityTo !== undefined ? patch.publicityTo : row.publicityTo,
          noticeDueOn: patch.noticeDueOn !== undefined ? patch.noticeDueOn : row.noticeDueOn,
        });
      }
    }
    const updated = await store.update(tx, id, patch);
    const eventAction = opts.eventAction ?? opts.action;
    await store.insertEvent(tx, {
      caseId: id, onDate: today, actorUserId: caller.id, actorName: actor.name, action: eventAction,
      fromState: row.state, toState: to, note: result.note ?? null, data: result.data ?? null,
    });
    await ctx.audit.record(tx, actor, {
      action: `case.${eventAction}`, entity: 'assistance_case', entityId: id, jurisdictionCode: row.jurisdictionCode,
      changes: result.changes ?? (to !== null && to !== row.state ? { state: { before: row.state, after: to } } : null),
      reason: result.note ?? null,
    });
    await noticeOfStep(ctx.notifications, tx, eventAction, updated, caller.id);
    return updated;
  });
}
