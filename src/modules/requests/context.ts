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
import { createTtlCache } from '../../lib/ttl-cache.ts';

// Reference data every intake and detail reads (issue #23: the category was read twice and the
// place name three times per request). Categories change here (settings.ts clears the cache at
// once) and rarely; places change in the jurisdictions module, so another process or module's
// change shows within the TTL. Both are documented in docs/performance.md.
const CATEGORY_TTL_MS = 10_000;
const PLACE_TTL_MS = 60_000;

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
  /** A category by code, cached (see CATEGORY_TTL_MS); `forgetCategories` after a change commits.
   *  `db`: the open transaction when there is one (PGlite has one connection: a read beside it waits forever). */
  category(code: string, db?: DbOrTx): Promise<categories.CategoryRow | undefined>;
  forgetCategories(): void;
  /** A place's name with its township and village ("… / … / 第一网格") and whether it exists, cached. */
  place(code: string, db?: DbOrTx): Promise<{ name: string | null; exists: boolean }>;
};

export function createContext(deps: RequestsDeps): Ctx {
  let seeded: Promise<void> | undefined;
  const now = deps.now ?? (() => new Date());
  // The caches run on the real clock: tests move the service clock by days.
  const categoryCache = createTtlCache<string, categories.CategoryRow | undefined>({ ttlMs: CATEGORY_TTL_MS });
  const placeCache = createTtlCache<string, { name: string | null; exists: boolean }>({ ttlMs: PLACE_TTL_MS });
  return {
    db: deps.db,
    audit: deps.audit,
    sensitive: deps.sensitive,
    attachments: deps.attachments,
    notifications: deps.notifications,
    cases: deps.cases,
    now,
    ready() {
      seeded ??= categories.ensureDefaults(deps.db).catch((err: unknown) => {
        seeded = undefined;
        throw err;
      });
      return seeded;
    },
    category: (code, db = deps.db) => categoryCache.get(code, () => categories.findCategory(db, code)),
    forgetCategories: () => categoryCache.clear(),
    place: (code, db = deps.db) => placeCache.get(code, () => store.place(db, code)),
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
