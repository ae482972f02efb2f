// Login, logout and turning a session cookie back into the caller. Knows nothing of HTTP.
import { createHash, randomBytes } from 'node:crypto';
import type { Db, DbOrTx } from '../../platform/db/client.ts';
import { AppError } from '../../platform/errors.ts';
import { DUMMY_HASH_PROMISE, hashPassword, verifyPassword } from '../../lib/password.ts';
import * as store from './auth.store.ts';
import type { CurrentUser } from './auth.schema.ts';

/** The caller of a request. `scope` is the jurisdiction prefix every people query filters by. */
export type AuthUser = CurrentUser & { scope: string };

export type LoginResult = { user: AuthUser; token: string; csrfToken: string; expiresAt: Date };

const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');

function toAuthUser(user: store.UserRow, jurisdictionName: string | null): AuthUser {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    jurisdictionCode: user.jurisdictionCode ?? '',
    jurisdictionName: jurisdictionName ?? '全部辖区',
    roles: user.roles,
    mustChangePassword: user.mustChangePassword,
    scope: user.jurisdictionCode ?? '',
  };
}

export type AuthService = ReturnType<typeof createAuthService>;

export function createAuthService(deps: { db: Db; sessionHours: number; now?: () => Date }) {
  const now = deps.now ?? (() => new Date());
  const invalid = () =>
    new AppError('invalid_credentials', 'Wrong username or password', '用户名或密码错误');

  return {
    async login(input: { username: string; password: string; ip: string | null; userAgent: string | null }): Promise<LoginResult> {
      const user = await store.findUserByUsername(deps.db, input.username);
      if (!user || user.disabled) {
        await verifyPassword(input.password, await DUMMY_HASH_PROMISE); // same time as a real check
        throw invalid();
      }
      if (!(await verifyPassword(input.password, user.passwordHash))) throw invalid();
      const token = randomBytes(32).toString('base64url');
      const csrfToken = randomBytes(24).toString('base64url');
      const expiresAt = new Date(now().getTime() + deps.sessionHours * 3_600_000);
      await store.insertSession(deps.db, {
        tokenHash: hashToken(token),
        userId: user.id,
        csrfToken,
        expiresAt,
        ip: input.ip,
        userAgent: input.userAgent?.slice(0, 300) ?? null,
      });
      const jurisdictionName = await store.findJurisdictionName(deps.db, user.jurisdictionCode);
      return { user: toAuthUser(user, jurisdictionName), token, csrfToken, expiresAt };
    },

    async authenticate(token: string): Promise<{ user: AuthUser; csrfToken: string } | undefined> {
      const row = await store.findLiveSession(deps.db, hashToken(token), now());
      return row && { user: toAuthUser(row.user, row.jurisdictionName), csrfToken: row.csrfToken };
    },

    async logout(token: string): Promise<void> {
      await store.deleteSession(deps.db, hashToken(token));
    },

    async createUser(input: {
      username: string;
      displayName: string;
      password: string;
      jurisdictionCode: string | null;
      roles: string[];
      mustChangePassword?: boolean;
    }, tx: DbOrTx = deps.db): Promise<store.UserRow> {
      return store.insertUser(tx, {
        username: input.username,
        displayName: input.displayName,
        passwordHash: await hashPassword(input.password),
        jurisdictionCode: input.jurisdictionCode,
        roles: input.roles,
        mustChangePassword: input.mustChangePassword ?? false,
      });
    },

    purgeExpiredSessions: () => store.deleteExpiredSessions(deps.db, now()),
  };
}
