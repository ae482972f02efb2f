// Login, logout, sessions, API tokens and one's own password. Knows nothing of HTTP.
import { createHash, randomBytes } from 'node:crypto';
import type { Db, DbOrTx } from '../../platform/db/client.ts';
import { AppError, validationFailed } from '../../platform/errors.ts';
import { DUMMY_HASH_PROMISE, hashPassword, verifyPassword } from '../../lib/password.ts';
import { DEMO_PASSWORD, passwordProblems } from '../../lib/password-policy.ts';
import type { AuditService, Actor } from '../audit/audit.service.ts';
import * as store from './auth.store.ts';
import * as throttleStore from './throttle.store.ts';
import { countedFailures, throttlePolicy, waitAfter, type ThrottleKind } from './login-throttle.ts';
import { waitText } from '../../lib/wait-time.ts';
import type { CurrentUser } from './auth.schema.ts';
import { createSessionCache } from './session-cache.ts';

/** The caller of a request. `scope` is the jurisdiction prefix every people query filters by. */
export type AuthUser = CurrentUser & { scope: string; kind: 'user' | 'token' };

export type LoginResult = { user: AuthUser; token: string; csrfToken: string; expiresAt: Date };

export const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');

export function toAuthUser(user: store.SessionUser, jurisdictionName: string | null): AuthUser {
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
  /** Back-off per account and address (login-throttle.ts). */
  login: { maxFailures: number; lockMinutes: number; accountLockAddresses: number };
  /** A demo installation (demo data loaded): the published demo password is allowed there. */
  demoMode: boolean;
  /** How long a looked-up session is reused in this process (session-cache.ts); 0: never. */
  sessionCacheMs?: number;
  now?: () => Date;
};

export type AuthService = ReturnType<typeof createAuthService>;

export function createAuthService(deps: AuthServiceDeps) {
  const { db, audit } = deps;
  const now = deps.now ?? (() => new Date());
  const invalid = () => new AppError('invalid_credentials', 'Wrong username or password', '用户名或密码错误');
  type Authenticated = { user: AuthUser; csrfToken: string; userId: number };
  const sessionCache = createSessionCache<Authenticated>({ ttlMs: deps.sessionCacheMs ?? 5_000, now: () => now().getTime() });
  const policy = throttlePolicy({ maxFailures: deps.login.maxFailures, lockMinutes: deps.login.lockMinutes, accountLockAddresses: deps.login.accountLockAddresses });

  type Counted = { key: throttleStore.ThrottleKey; before: throttleStore.ThrottleRow; failures: number };
  type Gate = { refused: { kind: ThrottleKind; until: Date } | null; counted: Counted[]; waitUntil: Date | null };

  /** Refuse when the account-at-address or the address must wait; else count this attempt as a failure in both. */
  async function throttleGate(username: string, address: string, at: Date): Promise<Gate> {
    return db.transaction(async (tx) => {
      const keys: throttleStore.ThrottleKey[] = [{ kind: 'pair', username, address }, { kind: 'address', username: '', address }];
      const rows = [];
      for (const key of keys) rows.push(await throttleStore.lockRow(tx, key, at));
      const waiting = rows.map((r, i) => ({ kind: keys[i]!.kind, until: r.blockedUntil })).filter((w): w is { kind: ThrottleKind; until: Date } => w.until !== null && w.until > at);
      if (waiting.length > 0) return { refused: waiting.reduce((a, b) => (b.until > a.until ? b : a)), counted: [], waitUntil: null };
      const counted: Counted[] = [];
      let waitUntil: Date | null = null;
      for (const [i, key] of keys.entries()) {
        const failures = countedFailures(rows[i], at, policy.forgetMs) + 1;
        const blockedUntil = waitAfter(failures, at, policy[key.kind]);
        await throttleStore.saveRow(tx, key, { failures, lastFailureAt: at, blockedUntil });
        counted.push({ key, before: rows[i]!, failures });
        if (blockedUntil && (!waitUntil || blockedUntil > waitUntil)) waitUntil = blockedUntil;
      }
      return { refused: null, counted, waitUntil };
    });
  }

  /** A success: the account at this address starts again from nothing; the address gets back the failure counted at the gate. */
  async function undoGate(tx: DbOrTx, gate: Gate, username: string, address: string): Promise<void> {
    await throttleStore.forgetPair(tx, username, address);
    const counted = gate.counted.find((c) => c.key.kind === 'address');
    if (!counted) return;
    const row = await throttleStore.lockRow(tx, counted.key, counted.before.lastFailureAt);
    // Restore the address as it was before this attempt, unless other attempts came since.
    if (row.failures === counted.failures) await throttleStore.saveRow(tx, counted.key, { failures: counted.before.failures, lastFailureAt: counted.before.lastFailureAt, blockedUntil: counted.before.blockedUntil });
    else await throttleStore.saveRow(tx, counted.key, { failures: Math.max(0, row.failures - 1), lastFailureAt: row.lastFailureAt, blockedUntil: row.blockedUntil });
  }

  function throttled(kind: ThrottleKind, waitMs: number): AppError {
    const wait = waitText(waitMs);
    return kind === 'pair'
      ? new AppError('login_throttled', `Too many failed logins to this account from your address; try again in ${wait.en}`, `该账号在您所在地址的登录失败次数过多，请 ${wait.zh}后再试`)
      : new AppError('login_throttled', `Too many failed logins from your address; try again in ${wait.en}`, `您所在地址的登录失败次数过多，请 ${wait.zh}后再试`);
  }

  return {
    async login(input: { username: string; password: string; ip: string | null; userAgent: string | null }): Promise<LoginResult> {
      const at = now();
      const username = input.username.slice(0, 64);
      const address = (input.ip ?? 'unknown').slice(0, 64);
      const user = await store.findUserByUsername(db, input.username);
      const attempt: Actor = { kind: 'user', id: user?.id ?? null, name: username, ip: input.ip };
      // An account locked by failures from many addresses (or by the old single counter).
      if (user && !user.disabled && user.lockedUntil && user.lockedUntil > at) {
        const wait = waitText(user.lockedUntil.getTime() - at.getTime());
        throw new AppError(
          'account_locked',
          `Too many failed logins from many addresses: the account is locked; try again in ${wait.en} or ask an administrator to unlock it`,
          `该账号在多个地址登录失败次数过多，已锁定，请 ${wait.zh}后再试或联系管理员解锁`,
        );
      }
      // The gate: an address that must wait is refused without a password check; otherwise this
      // attempt counts as a failure until it succeeds (so parallel guesses cannot slip past).
      const gate = await throttleGate(username, address, at);
      if (gate.refused) throw throttled(gate.refused.kind, gate.refused.until.getTime() - at.getTime());

      const known = user && !user.disabled;
      // Unknown and disabled users cost the same time as a real check.
      const passwordOk = await verifyPassword(input.password, known ? user.passwordHash : await DUMMY_HASH_PROMISE);
      if (!known || !passwordOk) {
        const locked = await db.transaction(async (tx) => {
          let lockedNow = false;
          if (known) {
            await store.countFailedLogin(tx, user.id);
            // Many addresses failing on this account: lock it for a while (an admin can lift it).
            const addresses = await throttleStore.failingAddresses(tx, username, new Date(at.getTime() - policy.forgetMs));
            if (addresses >= policy.accountLockAddresses) {
              await store.updateUser(tx, user.id, { lockedUntil: new Date(at.getTime() + policy.lockMs) });
              lockedNow = true;
            }
          }
          const reason = !user ? 'unknown user' : user.disabled ? 'disabled' : lockedNow ? `wrong password; account locked: failures from ${policy.accountLockAddresses}+ addresses` : 'wrong password';
          await audit.record(tx, attempt, { action: 'login_failed', entity: 'session', entityId: user?.id ?? null, jurisdictionCode: user?.jurisdictionCode ?? null, reason });
          return lockedNow;
        });
        if (locked) throw new AppError('account_locked', 'Too many failed logins from many addresses: the account is locked; ask an administrator to unlock it', '该账号在多个地址登录失败次数过多，已锁定，请联系管理员解锁');
        if (gate.waitUntil) {
          const wait = waitText(gate.waitUntil.getTime() - at.getTime());
          throw new AppError('invalid_credentials', `Wrong username or password; try again in ${wait.en}`, `用户名或密码错误，请 ${wait.zh}后再试`);
        }
        throw invalid();
      }
      const token = randomBytes(32).toString('base64url');
      const csrfToken = randomBytes(24).toString('base64url');
      const expiresAt = new Date(at.getTime() + deps.sessionHours * 3_600_000);
      await db.transaction(async (tx) => {
        await undoGate(tx, gate, username, address);
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
      const tokenHash = hashToken(token);
      const cached = sessionCache.get(tokenHash);
      if (cached) return cached;
      const started = sessionCache.epoch();
      const row = await store.findLiveSession(db, tokenHash, now());
      if (!row) return undefined;
      const found = { user: toAuthUser(row.user, row.jurisdictionName), csrfToken: row.csrfToken, userId: row.user.id };
      sessionCache.put(tokenHash, found, row.expiresAt.getTime(), started);
      return found;
    },

    /** A user's sessions must be looked up again (after a change to the user or their sessions commits). */
    forgetUser: (userId: number) => sessionCache.forgetUser(userId),

    /** A bearer API token acts as a user with the token's one role and jurisdiction. */
    async authenticateToken(token: string): Promise<AuthUser | undefined> {
      const row = await store.findLiveToken(db, hashToken(token), now());
      if (!row) return undefined;
      // "Last used" to the minute: a read does not write on every request.
      const at = now();
      if (!row.token.lastUsedAt || at.getTime() - row.token.lastUsedAt.getTime() >= 60_000) await store.touchToken(db, row.token.id, at);
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
      sessionCache.forgetToken(hashToken(token));
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
      sessionCache.forgetUser(user.id);
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

    purgeExpiredSessions: () => store.deleteExpiredSessions(db, now()), // expired ones are never served from the cache
    /** Back-off counters quiet for a day and waiting for nothing. */
    purgeLoginThrottles: () => throttleStore.purge(db, new Date(now().getTime() - policy.forgetMs), now()),
  };
}
