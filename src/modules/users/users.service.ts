// User administration inside the caller's jurisdiction. Every change is audited in the same
// transaction; phone numbers are stored encrypted and shown masked unless revealed (audited).
import type { Db } from '../../platform/db/client.ts';
import { AppError, notFound, validationFailed } from '../../platform/errors.ts';
import { UNIQUE_VIOLATION, isReferenceViolation, sqlState } from '../../platform/db/pg-error.ts';
import type { SensitiveFields } from '../../platform/crypto/sensitive.ts';
import { allPermissions } from '../../platform/authz.ts';
import { isWithin } from '../../lib/division-code.ts';
import { maskPhone } from '../../lib/masking.ts';
import { hashPassword } from '../../lib/password.ts';
import { hashToken, type AuthService } from '../auth/auth.service.ts';
import * as authStore from '../auth/auth.store.ts';
import { forgetAccount } from '../auth/throttle.store.ts';
import { ROLE_LABELS } from '../auth/roles.ts';
import { diffChanges, type Actor, type AuditService } from '../audit/audit.service.ts';
import { ROLE_NAMES, type CreateUserBody, type RoleInfo, type SessionInfo, type UserSummary } from './users.schema.ts';
import * as store from './users.store.ts';

type Caller = { id: number; scope: string; kind: 'user' | 'token' };
type Deps = { db: Db; audit: AuditService; auth: AuthService; sensitive: SensitiveFields; now?: () => Date };

const NOT_FOUND = () => notFound('User', '该用户');

export type UsersService = ReturnType<typeof createUsersService>;

export function createUsersService(deps: Deps) {
  const { db, audit, sensitive } = deps;
  const now = deps.now ?? (() => new Date());

  function present(row: store.UserWithPlace): UserSummary {
    return {
      id: row.id,
      username: row.username,
      displayName: row.displayName,
      jurisdictionCode: row.jurisdictionCode ?? '',
      jurisdictionName: row.jurisdictionName ?? '全部辖区',
      roles: row.roles,
      disabled: row.disabled,
      mustChangePassword: row.mustChangePassword,
      phoneMasked: sensitive.masked('phone', row.phoneEnc),
      lockedUntil: row.lockedUntil && row.lockedUntil > now() ? row.lockedUntil.toISOString() : null,
      lastLoginAt: row.lastLoginAt?.toISOString() ?? null,
      createdAt: row.createdAt.toISOString(),
    };
  }

  /** What the audit log keeps of a user: the administered fields only, phone masked. Picked field
   *  by field, never spread, so secrets such as the password hash can never slip in. */
  function auditView(row: { displayName: string; jurisdictionCode: string | null; roles: string[]; disabled: boolean; phone: string | null }) {
    return {
      displayName: row.displayName,
      jurisdictionCode: row.jurisdictionCode,
      roles: row.roles,
      disabled: row.disabled,
      phone: row.phone ? maskPhone(row.phone) : null,
    };
  }

  async function assertAssignable(caller: Caller, code: string): Promise<void> {
    const inScope = isWithin(code, caller.scope);
    if (!inScope || (code !== '' && !(await authStore.findJurisdictionName(db, code)))) {
      throw validationFailed([
        { field: 'jurisdictionCode', message: 'must be an existing jurisdiction inside yours', messageZh: '须为本辖区内已存在的区划' },
      ]);
    }
  }

  async function getRow(caller: Caller, id: number): Promise<store.UserWithPlace> {
    const row = await store.findInScope(db, id, caller.scope);
    if (!row) throw NOT_FOUND();
    return row;
  }

  return {
    async list(caller: Caller, q: { q?: string; role?: string; under?: string; limit: number; offset: number }) {
      const { items, total } = await store.list(db, {
        scope: caller.scope,
        ...(q.q ? { q: q.q } : {}),
        ...(q.role ? { role: q.role } : {}),
        ...(q.under ? { under: q.under } : {}),
        limit: q.limit,
        offset: q.offset,
      });
      return { items: items.map(present), total };
    },

    get: async (caller: Caller, id: number) => present(await getRow(caller, id)),

    async create(caller: Caller, input: Omit<CreateUserBody, 'jurisdictionCode'> & { jurisdictionCode: string }, actor: Actor) {
      await assertAssignable(caller, input.jurisdictionCode);
      deps.auth.assertPasswordPolicy(input.password, input.username, 'password');
      try {
        const id = await db.transaction(async (tx) => {
          const row = await deps.auth.createUser(
            {
              username: input.username,
              displayName: input.displayName,
              password: input.password,
              jurisdictionCode: input.jurisdictionCode || null,
              roles: input.roles,
              mustChangePassword: true, // a password set by someone else is changed at first login
              phoneEnc: sensitive.encrypt(input.phone),
            },
            tx,
          );
          await audit.record(tx, actor, {
            action: 'create',
            entity: 'user',
            entityId: row.id,
            jurisdictionCode: row.jurisdictionCode,
            changes: diffChanges(null, { username: row.username, ...auditView({ ...row, phone: input.phone ?? null }) }),
          });
          return row.id;
        });
        return present(await getRow(caller, id));
      } catch (err) {
        if (sqlState(err) === UNIQUE_VIOLATION) {
          throw new AppError('already_exists', `Username ${input.username} is taken`, `用户名 ${input.username} 已被使用`, [
            { field: 'username', message: 'already taken', messageZh: '已被使用' },
          ]);
        }
        throw err;
      }
    },

    async update(
      caller: Caller,
      id: number,
      input: { displayName?: string | undefined; jurisdictionCode?: string | undefined; roles?: string[] | undefined; disabled?: boolean | undefined; phone?: string | null | undefined },
      actor: Actor,
    ) {
      if (input.jurisdictionCode !== undefined) await assertAssignable(caller, input.jurisdictionCode);
      if (id === caller.id && (input.disabled === true || (input.roles && !input.roles.includes('admin')))) {
        throw new AppError('conflict', 'You cannot disable yourself or remove your own admin role', '不能停用自己或取消自己的管理员角色');
      }
      await db.transaction(async (tx) => {
        const row = await store.findInScope(tx, id, caller.scope, true);
        if (!row) throw NOT_FOUND();
        const phoneBefore = sensitive.decrypt(row.phoneEnc);
        const next = {
          displayName: input.displayName ?? row.displayName,
          jurisdictionCode: input.jurisdictionCode === undefined ? row.jurisdictionCode : input.jurisdictionCode || null,
          roles: input.roles ?? row.roles,
          disabled: input.disabled ?? row.disabled,
          phone: input.phone === undefined ? phoneBefore : input.phone,
        };
        const changes = diffChanges(auditView({ ...row, phone: phoneBefore }), auditView(next));
        if (input.phone !== undefined && input.phone !== phoneBefore) changes.phone ??= { before: '***', after: '***' };
        await authStore.updateUser(tx, id, {
          displayName: next.displayName,
          jurisdictionCode: next.jurisdictionCode,
          roles: next.roles,
          disabled: next.disabled,
          ...(input.phone !== undefined ? { phoneEnc: sensitive.encrypt(input.phone) } : {}),
        });
        if (next.disabled && !row.disabled) await authStore.deleteUserSessions(tx, id);
        await audit.record(tx, actor, { action: 'update', entity: 'user', entityId: id, jurisdictionCode: next.jurisdictionCode, changes });
      }).catch((err: unknown) => {
        if (isReferenceViolation(err)) throw validationFailed([{ field: 'jurisdictionCode', message: 'no such jurisdiction', messageZh: '区划不存在' }]);
        throw err;
      });
      deps.auth.forgetUser(id); // roles, area or disabling take effect on the next request
      return present(await getRow(caller, id));
    },

    async resetPassword(caller: Caller, id: number, newPassword: string, actor: Actor): Promise<void> {
      const row = await getRow(caller, id);
      deps.auth.assertPasswordPolicy(newPassword, row.username, 'newPassword');
      const passwordHash = await hashPassword(newPassword);
      await db.transaction(async (tx) => {
        // Back-off rows before the user row, the order a login takes them (else the two deadlock).
        await forgetAccount(tx, row.username);
        await authStore.updateUser(tx, id, { passwordHash, mustChangePassword: true, failedLogins: 0, lockedUntil: null, passwordChangedAt: now() });
        await authStore.deleteUserSessions(tx, id);
        await audit.record(tx, actor, { action: 'password_reset', entity: 'user', entityId: id, jurisdictionCode: row.jurisdictionCode });
      });
      deps.auth.forgetUser(id);
    },

    async unlock(caller: Caller, id: number, actor: Actor): Promise<void> {
      const row = await getRow(caller, id);
      await db.transaction(async (tx) => {
        // Back-off rows before the user row, the order a successful login takes them (else the two deadlock).
        await forgetAccount(tx, row.username); // slowed at no address any more
        await authStore.updateUser(tx, id, { failedLogins: 0, lockedUntil: null });
        await audit.record(tx, actor, { action: 'unlock', entity: 'user', entityId: id, jurisdictionCode: row.jurisdictionCode });
      });
    },

    /** The full value of a sensitive field, for a stated reason; the reveal itself is audited. */
    async reveal(caller: Caller, id: number, field: 'phone', reason: string, actor: Actor): Promise<{ field: string; value: string | null }> {
      return db.transaction(async (tx) => {
        const row = await store.findInScope(tx, id, caller.scope);
        if (!row) throw NOT_FOUND();
        await audit.record(tx, actor, { action: 'reveal', entity: 'user', entityId: id, jurisdictionCode: row.jurisdictionCode, changes: { [field]: { before: null, after: '(revealed)' } }, reason });
        return { field, value: sensitive.decrypt(row.phoneEnc) };
      });
    },

    async sessions(caller: Caller, id: number, currentToken: string | null): Promise<SessionInfo[]> {
      await getRow(caller, id);
      const current = currentToken ? hashToken(currentToken) : null;
      return (await authStore.listSessions(db, id, now())).map((s) => ({
        id: s.tokenHash.slice(0, 8),
        createdAt: s.createdAt.toISOString(),
        expiresAt: s.expiresAt.toISOString(),
        ip: s.ip,
        userAgent: s.userAgent,
        current: s.tokenHash === current,
      }));
    },

    async revokeSessions(caller: Caller, id: number, actor: Actor): Promise<number> {
      const row = await getRow(caller, id);
      const n = await db.transaction(async (tx) => {
        const n = await authStore.deleteUserSessions(tx, id);
        await audit.record(tx, actor, { action: 'revoke', entity: 'session', entityId: id, jurisdictionCode: row.jurisdictionCode, reason: `${n} session(s)` });
        return n;
      });
      deps.auth.forgetUser(id);
      return n;
    },

    roles(): RoleInfo[] {
      const permissions = allPermissions();
      return ROLE_NAMES.map((role) => ({
        role,
        nameZh: ROLE_LABELS[role].zh,
        nameEn: ROLE_LABELS[role].en,
        permissions: permissions.filter(([, spec]) => spec.roles.includes(role)).map(([name]) => name),
      }));
    },
  };
}
