// The organisations registry every social-force module reuses (donations, stock, distributions,
// service points, employers). Staff register organisations inside their area; a user of the
// `organisation` role is linked to one organisation and acts for it only. Knows nothing of HTTP.
import type { Db, DbOrTx } from '../../platform/db/client.ts';
import { AppError, notFound, validationFailed } from '../../platform/errors.ts';
import { UNIQUE_VIOLATION, isReferenceViolation, sqlState } from '../../platform/db/pg-error.ts';
import type { SensitiveFields } from '../../platform/crypto/sensitive.ts';
import { isWithin } from '../../lib/division-code.ts';
import { maskPhone } from '../../lib/masking.ts';
import { diffChanges, type Actor, type AuditService } from '../audit/audit.service.ts';
import type { AuthUser } from '../auth/auth.service.ts';
import * as store from './organisations.store.ts';
import { CHARITY_STATUSES, ORGANISATION_KINDS, type OrganisationKind } from './organisations.kinds.ts';
import { registrationProblems } from './organisations.rules.ts';
import type { CreateOrganisationBody, ListOrganisationsQuery, Organisation, UpdateOrganisationBody } from './organisations.schema.ts';

export type Caller = Pick<AuthUser, 'id' | 'kind' | 'scope' | 'roles'>;
export type Viewer = store.Viewer;

const NOT_FOUND = () => notFound('Organisation', '该组织');

/** A caller whose only role is `organisation` sees and does only what concerns its organisation. */
export function isOrganisationOnly(caller: Pick<AuthUser, 'roles'>): boolean {
  return caller.roles.length > 0 && caller.roles.every((r) => r === 'organisation');
}

export type OrganisationsService = ReturnType<typeof createOrganisationsService>;

export function createOrganisationsService(deps: { db: Db; audit: AuditService; sensitive: SensitiveFields }) {
  const { db, audit, sensitive } = deps;

  /** The caller as the registry sees them (one lookup of their organisation link). */
  async function viewerOf(caller: Caller, tx: DbOrTx = db): Promise<Viewer> {
    const organisationId = caller.kind === 'user' && caller.id !== null ? await store.organisationOfUser(tx, caller.id) : null;
    return { scope: caller.scope, organisationId, organisationOnly: isOrganisationOnly(caller) };
  }

  const canManage = (viewer: Viewer, row: { jurisdictionCode: string }) => !viewer.organisationOnly && isWithin(row.jurisdictionCode, viewer.scope);

  function present(row: store.OrganisationWithPlace, viewer: Viewer): Organisation {
    const kind = ORGANISATION_KINDS[row.kind as OrganisationKind];
    return {
      id: row.id,
      kind: row.kind as Organisation['kind'],
      kindZh: kind.zh,
      kindEn: kind.en,
      name: row.name,
      creditCode: row.creditCode,
      jurisdictionCode: row.jurisdictionCode,
      jurisdictionName: row.jurisdictionName,
      registrationAuthority: row.registrationAuthority,
      registeredOn: row.registeredOn,
      charityStatus: row.charityStatus as Organisation['charityStatus'],
      charitySince: row.charitySince,
      publicFundraising: row.publicFundraising,
      publicFundraisingSince: row.publicFundraisingSince,
      address: row.address,
      contactName: row.contactName,
      contactPhoneMasked: sensitive.masked('phone', row.contactPhoneEnc),
      contactEmail: row.contactEmail,
      active: row.active,
      canManage: canManage(viewer, row),
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
    };
  }

  /** What the audit log keeps: the registered facts, the phone masked. */
  function auditView(row: Omit<store.OrganisationRow, 'id' | 'createdAt' | 'updatedAt' | 'contactPhoneEnc'> & { contactPhone: string | null }) {
    return {
      kind: row.kind,
      name: row.name,
      creditCode: row.creditCode,
      jurisdictionCode: row.jurisdictionCode,
      registrationAuthority: row.registrationAuthority,
      registeredOn: row.registeredOn,
      charityStatus: row.charityStatus,
      charitySince: row.charitySince,
      publicFundraising: row.publicFundraising,
      publicFundraisingSince: row.publicFundraisingSince,
      address: row.address,
      contactName: row.contactName,
      contactPhone: row.contactPhone ? maskPhone(row.contactPhone) : null,
      contactEmail: row.contactEmail,
      active: row.active,
    };
  }

  function assertPlace(viewer: Viewer, code: string) {
    if (viewer.organisationOnly || !isWithin(code, viewer.scope)) {
      throw validationFailed([{ field: 'jurisdictionCode', message: 'must be an area inside your jurisdiction', messageZh: '须为本辖区内的区划' }]);
    }
  }

  /** Database refusals as answers naming the field. */
  function translate(err: unknown): never {
    if (sqlState(err) === UNIQUE_VIOLATION) {
      throw new AppError('already_exists', 'An organisation with this unified social credit code is already registered', '该统一社会信用代码的组织已登记', [
        { field: 'creditCode', message: 'already registered', messageZh: '已被登记' },
      ]);
    }
    if (isReferenceViolation(err)) throw validationFailed([{ field: 'jurisdictionCode', message: 'no such jurisdiction', messageZh: '区划不存在' }]);
    throw err;
  }

  async function getVisible(caller: Caller, id: number, tx: DbOrTx = db, lock = false) {
    const viewer = await viewerOf(caller, tx);
    const row = await store.find(tx, id, viewer, lock);
    if (!row) throw NOT_FOUND();
    return { viewer, row };
  }

  return {
    viewerOf,

    /**
     * The organisation a caller acts for in another module's step: an organisation-only caller
     * always acts for their own (403 when not linked to one), staff for any organisation they can
     * see (404 otherwise). Returns the row (locked with `lock` in the caller's transaction).
     */
    async actingFor(tx: DbOrTx, caller: Caller, requestedId: number | undefined, opts: { lock?: boolean; field?: string } = {}) {
      const viewer = await viewerOf(caller, tx);
      if (viewer.organisationOnly && viewer.organisationId === null) {
        throw new AppError('forbidden', 'Your account is not linked to an organisation', '您的账号尚未关联组织');
      }
      const id = viewer.organisationOnly ? viewer.organisationId! : requestedId;
      if (id === undefined) throw validationFailed([{ field: opts.field ?? 'organisationId', message: 'required', messageZh: '必填' }]);
      if (viewer.organisationOnly && requestedId !== undefined && requestedId !== id) throw NOT_FOUND();
      const row = await store.find(tx, id, viewer, opts.lock ?? false);
      if (!row) throw NOT_FOUND();
      return { viewer, organisation: row };
    },

    kinds() {
      return {
        kinds: Object.entries(ORGANISATION_KINDS).map(([code, l]) => ({ code: code as OrganisationKind, zh: l.zh, en: l.en })),
        charityStatuses: Object.entries(CHARITY_STATUSES).map(([code, l]) => ({ code: code as keyof typeof CHARITY_STATUSES, zh: l.zh, en: l.en })),
      };
    },

    async list(caller: Caller, q: ListOrganisationsQuery) {
      const viewer = await viewerOf(caller);
      const { items, total } = await store.list(db, viewer, { q: q.q, kind: q.kind, under: q.under, active: q.active === undefined ? undefined : q.active === 'true', limit: q.limit, offset: q.offset });
      return { items: items.map((r) => present(r, viewer)), total };
    },

    async get(caller: Caller, id: number): Promise<Organisation> {
      const { viewer, row } = await getVisible(caller, id);
      return present(row, viewer);
    },

    async create(caller: Caller, body: CreateOrganisationBody, actor: Actor): Promise<Organisation> {
      const viewer = await viewerOf(caller);
      assertPlace(viewer, body.jurisdictionCode);
      const values = {
        kind: body.kind,
        name: body.name,
        creditCode: body.creditCode,
        jurisdictionCode: body.jurisdictionCode,
        registrationAuthority: body.registrationAuthority ?? null,
        registeredOn: body.registeredOn ?? null,
        charityStatus: body.charityStatus,
        charitySince: body.charitySince ?? null,
        publicFundraising: body.publicFundraising,
        publicFundraisingSince: body.publicFundraisingSince ?? null,
        address: body.address ?? null,
        contactName: body.contactName ?? null,
        contactEmail: body.contactEmail ?? null,
        active: true,
      };
      const problems = registrationProblems(values);
      if (problems.length) throw validationFailed(problems);
      const id = await db
        .transaction(async (tx) => {
          const row = await store.insert(tx, { ...values, contactPhoneEnc: sensitive.encrypt(body.contactPhone ?? null) });
          await audit.record(tx, actor, { action: 'create', entity: 'organisation', entityId: row.id, jurisdictionCode: row.jurisdictionCode, changes: diffChanges(null, auditView({ ...values, contactPhone: body.contactPhone ?? null })) });
          return row.id;
        })
        .catch(translate);
      return this.get(caller, id);
    },

    async update(caller: Caller, id: number, body: UpdateOrganisationBody, actor: Actor): Promise<Organisation> {
      await db
        .transaction(async (tx) => {
          const { viewer, row } = await getVisible(caller, id, tx, true);
          if (!canManage(viewer, row)) throw new AppError('forbidden', 'Only staff of an area covering the organisation may change it', '仅该组织所在辖区及上级的工作人员可修改');
          if (body.jurisdictionCode !== undefined) assertPlace(viewer, body.jurisdictionCode);
          const phoneBefore = sensitive.decrypt(row.contactPhoneEnc);
          const pick = <K extends keyof UpdateOrganisationBody>(k: K, current: unknown) => (body[k] === undefined ? current : body[k]);
          const next = {
            kind: pick('kind', row.kind) as string,
            name: pick('name', row.name) as string,
            creditCode: pick('creditCode', row.creditCode) as string,
            jurisdictionCode: pick('jurisdictionCode', row.jurisdictionCode) as string,
            registrationAuthority: pick('registrationAuthority', row.registrationAuthority) as string | null,
            registeredOn: pick('registeredOn', row.registeredOn) as string | null,
            charityStatus: pick('charityStatus', row.charityStatus) as string,
            charitySince: pick('charitySince', row.charitySince) as string | null,
            publicFundraising: pick('publicFundraising', row.publicFundraising) as boolean,
            publicFundraisingSince: pick('publicFundraisingSince', row.publicFundraisingSince) as string | null,
            address: pick('address', row.address) as string | null,
            contactName: pick('contactName', row.contactName) as string | null,
            contactEmail: pick('contactEmail', row.contactEmail) as string | null,
            active: pick('active', row.active) as boolean,
          };
          const problems = registrationProblems(next);
          if (problems.length) throw validationFailed(problems);
          const phoneAfter = body.contactPhone === undefined ? phoneBefore : body.contactPhone;
          const changes = diffChanges(auditView({ ...row, contactPhone: phoneBefore }), auditView({ ...next, contactPhone: phoneAfter }));
          if (Object.keys(changes).length === 0) return;
          await store.update(tx, id, { ...next, ...(body.contactPhone !== undefined ? { contactPhoneEnc: sensitive.encrypt(body.contactPhone) } : {}) });
          await audit.record(tx, actor, { action: 'update', entity: 'organisation', entityId: id, jurisdictionCode: next.jurisdictionCode, changes });
        })
        .catch(translate);
      return this.get(caller, id);
    },

    async members(caller: Caller, id: number) {
      const { row } = await getVisible(caller, id);
      const rows = await store.members(db, row.id);
      return { items: rows.map((m) => ({ ...m, since: m.since.toISOString() })) };
    },

    /** Link a user of the organisation role to this organisation (moving them from another one). */
    async addMember(caller: Caller, id: number, userId: number, actor: Actor) {
      await db.transaction(async (tx) => {
        const { viewer, row } = await getVisible(caller, id, tx, true);
        if (!canManage(viewer, row)) throw new AppError('forbidden', 'Only staff of an area covering the organisation may link its users', '仅该组织所在辖区及上级的管理员可关联其用户');
        const user = await store.findUser(tx, userId, caller.scope);
        if (!user) throw notFound('User', '该用户');
        if (!user.roles.includes('organisation')) throw validationFailed([{ field: 'userId', message: 'the user does not hold the organisation role', messageZh: '该用户不具有“社会组织”角色' }]);
        const before = await store.link(tx, userId, id);
        if (before === id) return;
        await audit.record(tx, actor, { action: 'member.add', entity: 'organisation', entityId: id, jurisdictionCode: row.jurisdictionCode, changes: { userId: { before: null, after: userId }, ...(before !== null ? { movedFrom: { before, after: id } } : {}) } });
      });
      return this.members(caller, id);
    },

    async removeMember(caller: Caller, id: number, userId: number, actor: Actor) {
      await db.transaction(async (tx) => {
        const { viewer, row } = await getVisible(caller, id, tx, true);
        if (!canManage(viewer, row)) throw new AppError('forbidden', 'Only staff of an area covering the organisation may unlink its users', '仅该组织所在辖区及上级的管理员可解除其用户');
        if (!(await store.unlink(tx, userId, id))) throw notFound('Member', '该组织用户');
        await audit.record(tx, actor, { action: 'member.remove', entity: 'organisation', entityId: id, jurisdictionCode: row.jurisdictionCode, changes: { userId: { before: userId, after: null } } });
      });
      return this.members(caller, id);
    },
  };
}
