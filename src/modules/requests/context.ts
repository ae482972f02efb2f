// What every part of the help-requests service shares: the database, audit, the sensitive-field
// service, the cases service (a request can open a case), and the clock (injectable: SLA and
// escalation tests stand on chosen instants).
import type { Db, DbOrTx } from '../../platform/db/client.ts';
import type { SensitiveFields } from '../../platform/crypto/sensitive.ts';
import { notFound } from '../../platform/errors.ts';
import type { Actor, AuditService } from '../audit/audit.service.ts';
import type { CasesService } from '../cases/index.ts';
import type { AttachmentsService } from '../attachments/index.ts';
import type { NotificationsService } from '../notifications/index.ts';
import * as categories from './categories.store.ts';
import * as store from './requests.store.ts';

export type RequestsDeps = { db: Db; audit: AuditService; sensitive: SensitiveFields; attachments: AttachmentsService; notifications?: NotificationsService; cases?: CasesService; now?: () => Date };

/** The caller of a service method: an authenticated user or API token (AuthUser fits). */
export type Caller = { id: number | null; username?: string; displayName?: string; roles: readonly string[]; scope: string; jurisdictionCode?: string; kind?: 'user' | 'token' };

export type Ctx = {
  db: Db;
  audit: AuditService;
  sensitive: SensitiveFields;
  attachments: AttachmentsService;
  notifications: NotificationsService | undefined;
  cases: CasesService | undefined;
  now: () => Date;
  /** Categories exist from the first call on (defaults inserted once per process, idempotently). */
  ready(): Promise<void>;
};

export function createContext(deps: RequestsDeps): Ctx {
  let seeded: Promise<void> | undefined;
  return {
    db: deps.db,
    audit: deps.audit,
    sensitive: deps.sensitive,
    attachments: deps.attachments,
    notifications: deps.notifications,
    cases: deps.cases,
    now: deps.now ?? (() => new Date()),
    ready() {
      seeded ??= categories.ensureDefaults(deps.db).catch((err: unknown) => {
        seeded = undefined;
        throw err;
      });
      return seeded;
    },
  };
}

export const REQUEST_NOT_FOUND = () => notFound('Request', '该诉求');

/** The owner kind of a request's files in the attachments module. */
export const REQUEST_OWNER = 'help_request';

/** The user id of a caller for foreign keys (API tokens are not users). */
export const userIdOf = (caller: Caller): number | null => (caller.kind === 'token' ? null : caller.id);

/** The name shown on the timeline: the display name when there is one. */
export const nameOf = (caller: Caller, actor: Actor): string => caller.displayName ?? actor.name;

export async function loadInScope(db: DbOrTx, caller: Caller, id: number, lock = false): Promise<store.RequestRow> {
  const row = await store.findInScope(db, id, caller.scope, lock);
  if (!row) throw REQUEST_NOT_FOUND();
  return row;
}
