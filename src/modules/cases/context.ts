// What every part of the cases service shares: the database, audit, the policy parameters in
// force, the holiday calendar and the clock (injectable, so tests can stand on any date).
import type { Db } from '../../platform/db/client.ts';
import type { SensitiveFields } from '../../platform/crypto/sensitive.ts';
import { notFound } from '../../platform/errors.ts';
import { todayLocal } from '../../lib/local-date.ts';
import type { WorkCalendar } from '../../lib/workdays.ts';
import { defaultWorkCalendar } from '../../lib/workdays.data.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { AttachmentsService } from '../attachments/index.ts';
import type { NotificationsService } from '../notifications/index.ts';
import type { PolicyService } from '../policy/policy.service.ts';
import type { ParameterValues } from '../policy/engine/parameters.catalog.ts';
import * as store from './cases.store.ts';

export type CasesDeps = { db: Db; audit: AuditService; sensitive: SensitiveFields; policy: PolicyService; attachments: AttachmentsService; notifications?: NotificationsService; now?: () => Date; calendar?: WorkCalendar };

/** The caller of a service method: an authenticated user (AuthUser fits). */
export type Caller = { id: number | null; username: string; roles: readonly string[]; scope: string };

export type Ctx = {
  db: Db;
  audit: AuditService;
  sensitive: SensitiveFields;
  policy: PolicyService;
  attachments: AttachmentsService;
  notifications: NotificationsService | undefined;
  now: () => Date;
  today: () => string;
  readonly cal: WorkCalendar;
  /** The parameters in force for a place on a date. */
  params: (code: string, date: string) => Promise<ParameterValues>;
};

export function createContext(deps: CasesDeps): Ctx {
  const now = deps.now ?? (() => new Date());
  let cal = deps.calendar;
  return {
    db: deps.db,
    audit: deps.audit,
    sensitive: deps.sensitive,
    policy: deps.policy,
    attachments: deps.attachments,
    notifications: deps.notifications,
    now,
    today: () => todayLocal(now()),
    // Loaded on first use: the file is read and checked once per process.
    get cal() {
      cal ??= defaultWorkCalendar();
      return cal;
    },
    params: async (code, date) => (await deps.policy.index()).resolve(code, date).values,
  };
}

export const CASE_NOT_FOUND = () => notFound('Case', '该案件');

/** A case the caller may see, read outside any transaction (404 otherwise). */
export async function loadCase(ctx: Ctx, caller: Caller, id: number): Promise<store.CaseRow> {
  const row = await store.findInScope(ctx.db, id, caller.scope);
  if (!row) throw CASE_NOT_FOUND();
  return row;
}
