// Login, logout, sessions, API tokens and one's own password. Knows nothing of HTTP.
import { createHash, randomBytes } from 'node:crypto';
import type { Db, DbOrTx } from '../../platform/db/client.ts';
import { AppError, validationFailed } from '../../platform/errors.ts';
import { DUMMY_HASH_PROMISE, hashPassword, verifyPassword } from '../../lib/password.ts';
import { DEMO_PASSWORD, passwordProblems } from '../../lib/password-policy.ts';
import type { AuditService, Actor } from '../audit/audit.service.ts';
import * as store from './auth.store.ts';
import type { CurrentUser } from './auth.schema.ts';

/** The caller of a request. `scope` is the jurisdiction prefix every people query filters by. */
export type AuthUser = CurrentUser & { scope: string; kind: 'user' | 'token' };

export type LoginResult = { user: AuthUser; token: string; csrfToken: string; expiresAt: Date };

export const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');

export function toAuthUser(user: store.UserRow, jurisdictionName: string | null): AuthUser {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    jurisdictionCode: user.jurisdictionCode ?? '',
    jurisdictionName: jurisdictionName ?? '全部辖区',
    roles: user.roles,
    mustChangePassword: user.mustChangePassword,
    scope: user.jurisdictionCode ?? '',
    kind: 'user',
  };
}

/**
 * Throws validation_failed naming `field` when the password breaks the policy. Outside a demo
 * installation the published demo password (and its variants) is refused too.
 */
export function assertPasswordPolicy(password: string, username: string, field: string, demoMode: boolean): void {
  const problems = passwordProblems(password, { username, published: demoMode ? [] : [DEMO_PASSWORD] });
  if (problems.length > 0) validationFailedFrom(field, problems);
}

function validationFailedFrom(field: string, problems: { message: string; messageZh: string }[]): never {
  throw validationFailed([
    { field, message: problems.map((p) => p.message).join('; '), messageZh: problems.map((p) => p.messageZh).join('；') },
  ]);
}

export type AuthServiceDeps = {
  db: Db;
  audit: AuditService;
  sessionHours: number;
  login: { maxFailures: number; lockMinutes: number };
  /** A demo installation (demo data loaded): the published demo password is allowed there. */
  demoMode: boolean;
  now?: () => Date;
};

export type AuthService = ReturnType<typeof createAuthService>;

export function createAuthService(deps: AuthServiceDeps) {
  const { db, audit } = deps;
  const now = deps.now ?? (() => new Date());
  const invalid = () => new AppError('invalid_credentials', 'Wrong username or password', '用户名或密码错误');

  return {
    async login(input: { username: string; password: string; ip: string | null; userAgent: string | null }): Promise<LoginResult> {
      const user = await store.findUserByUsername(db, input.username);
      const attempt: Actor = { kind: 'user', id: user?.id ?? null, name: input.username.slice(0, 64), ip: input.ip };
      if (!user || user.disabled) {
        await verifyPassword(input.password, await DUMMY_HASH_PROMISE); // same time as a real check
        await db.transaction((tx) => audit.record(tx, attempt, { action: 'login_failed', entity: 'session', reason: user ? 'disabled' : 'unknown user' }));
        throw invalid();
      }
      const at = now();
      if (user.lockedUntil && user.lockedUntil > at) {
        const minutes = Math.ceil((user.lockedUntil.getTime() - at.getTime()) / 60_000);
        throw new AppError(
          'account_locked',
          `Too many failed logins; try again in ${minutes} minute(s) or ask an administrator to unlock`,
          `登录失败次数过多，账号已锁定，请 ${minutes} 分钟后再试或联系管理员解锁`,
        );
      }
      if (!(await verifyPassword(input.password, user.passwordHash))) {
        await db.transaction(async (tx) => {
          const lockUntil = new Date(at.getTime() + deps.login.lockMinutes * 60_000);
          const after = await store.recordFailedLogin(tx, user.id, deps.login.maxFailures, lockUntil);
          const locked = after.lockedUntil !== null && after.lockedUntil > at;
          await audit.record(tx, attempt, {
            action: 'login_failed',
            entity: 'session',
            entityId: user.id,
            jurisdictionCode: user.jurisdictionCode,
            reason: locked ? `wrong password; locked after ${after.failedLogins} failures` : 'wrong password',
          });
        });
        throw invalid();
      }
      const token = randomBytes(32).toString('base64url');
      const csrfToken = randomBytes(24).toString('base64url');
      const expiresAt = new Date(at.getTime() + deps.sessionHours * 3_600_000);
      await db.transaction(async (tx) => {
        await store.insertSession(tx, {
          tokenHash: hashToken(token),
          userId: user.id,
          csrfToken,
          expiresAt,
          ip: input.ip,
          userAgent: input.userAgent?.slice(0, 300) ?? null,
        });
        await store.updateUser(tx, user.id, { failedLogins: 0, lockedUntil: null, lastLoginAt: at });
        await audit.record(tx, attempt, { action: 'login', entity: 'session', entityId: user.id, jurisdictionCode: user.jurisdictionCode });
      });
      const jurisdictionName = await store.findJurisdictionName(db, user.jurisdictionCode);
      return { user: toAuthUser(user, jurisdictionName), token, csrfToken, expiresAt };
    },

    async authenticate(token: string): Promise<{ user: AuthUser; csrfToken: string } | undefined> {
      const row = await store.findLiveSession(db, hashToken(token), now());
      return row && { user: toAuthUser(row.user, row.jurisdictionName), csrfToken: row.csrfToken };
    },

    /** A bearer API token acts as a user with the token's one role and jurisdiction. */
    async authenticateToken(token: string): Promise<AuthUser | undefined> {
      const row = await store.findLiveToken(db, hashToken(token), now());
      if (!row) return undefined;
      await store.touchToken(db, row.token.id, now());
      const t = row.token;
      return {
        id: t.id,
        username: `token:${t.name}`,
        displayName: t.name,
        jurisdictionCode: t.jurisdictionCode ?? '',
        jurisdictionName: row.jurisdictionName ?? '全部辖区',
        roles: [t.role],
        mustChangePassword: false,
        scope: t.jurisdictionCode ?? '',
        kind: 'token',
      };
    },

    async logout(token: string, actor: Actor): Promise<void> {
      await db.transaction(async (tx) => {
        await store.deleteSession(tx, hashToken(token));
        await audit.record(tx, actor, { action: 'logout', entity: 'session', entityId: actor.id });
      });
    },

    async changeOwnPassword(
      caller: AuthUser,
      input: { currentPassword: string; newPassword: string; sessionToken: string | null },
      actor: Actor,
    ): Promise<void> {
      if (caller.kind !== 'user') throw new AppError('forbidden', 'API tokens have no password', '接口令牌没有密码');
      const user = await store.findUserById(db, caller.id);
      if (!user || !(await verifyPassword(input.currentPassword, user.passwordHash))) {
        throw validationFailed([{ field: 'currentPassword', message: 'current password is wrong', messageZh: '当前密码不正确' }]);
      }
      if (input.newPassword === input.currentPassword) {
        throw validationFailed([{ field: 'newPassword', message: 'must differ from the current password', messageZh: '新密码不能与当前密码相同' }]);
      }
      assertPasswordPolicy(input.newPassword, user.username, 'newPassword', deps.demoMode);
      const passwordHash = await hashPassword(input.newPassword);
      await db.transaction(async (tx) => {
        await store.updateUser(tx, user.id, { passwordHash, mustChangePassword: false, passwordChangedAt: now() });
        // Other sessions end: whoever knew the old password is logged out.
        await store.deleteUserSessions(tx, user.id, input.sessionToken ? hashToken(input.sessionToken) : undefined);
        await audit.record(tx, actor, { action: 'password_change', entity: 'user', entityId: user.id, jurisdictionCode: user.jurisdictionCode });
      });
    },

    async createUser(
      input: {
        username: string;
        displayName: string;
        password: string;
        jurisdictionCode: string | null;
        roles: string[];
        mustChangePassword?: boolean;
        phoneEnc?: string | null;
      },
      tx: DbOrTx = db,
    ): Promise<store.UserRow> {
      return store.insertUser(tx, {
        username: input.username,
        displayName: input.displayName,
        passwordHash: await hashPassword(input.password),
        jurisdictionCode: input.jurisdictionCode,
        roles: input.roles,
        mustChangePassword: input.mustChangePassword ?? false,
        phoneEnc: input.phoneEnc ?? null,
        passwordChangedAt: now(),
      });
    },

    /** The policy as this installation applies it (users set by an admin pass the same check). */
    assertPasswordPolicy: (password: string, username: string, field: string) => assertPasswordPolicy(password, username, field, deps.demoMode),

    purgeExpiredSessions: () => store.deleteExpiredSessions(db, now()),
  };
}
