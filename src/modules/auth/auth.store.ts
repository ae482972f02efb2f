import { and, desc, eq, gt, isNull, lt, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.ts';
import { jurisdictions } from '../jurisdictions/jurisdictions.table.ts';
import { apiTokens, sessions, users } from './auth.table.ts';

export type UserRow = typeof users.$inferSelect;
export type SessionRow = typeof sessions.$inferSelect;
export type TokenRow = typeof apiTokens.$inferSelect;

export async function findUserByUsername(db: DbOrTx, username: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.username, username)).limit(1);
  return row;
}

export async function findUserById(db: DbOrTx, id: number, lock = false): Promise<UserRow | undefined> {
  const query = db.select().from(users).where(eq(users.id, id));
  const [row] = lock ? await query.for('update') : await query;
  return row;
}

export async function findJurisdictionName(db: DbOrTx, code: string | null): Promise<string | null> {
  if (code === null) return null;
  const [row] = await db.select({ name: jurisdictions.name }).from(jurisdictions).where(eq(jurisdictions.code, code));
  return row?.name ?? null;
}

export async function updateUser(db: DbOrTx, id: number, values: Partial<typeof users.$inferInsert>): Promise<void> {
  await db.update(users).set({ ...values, updatedAt: new Date() }).where(eq(users.id, id));
}

/** Count a failed login (shown to administrators; reset by a success or an unlock). */
export async function countFailedLogin(db: DbOrTx, id: number): Promise<void> {
  await db.update(users).set({ failedLogins: sql`${users.failedLogins} + 1` }).where(eq(users.id, id));
}

export async function insertSession(
  db: DbOrTx,
  values: { tokenHash: string; userId: number; csrfToken: string; expiresAt: Date; ip: string | null; userAgent: string | null },
): Promise<void> {
  await db.insert(sessions).values(values);
}

/** The caller behind a session: only what a request needs (not the password hash), in one statement. */
export type SessionUser = Pick<UserRow, 'id' | 'username' | 'displayName' | 'jurisdictionCode' | 'roles' | 'mustChangePassword'>;

export async function findLiveSession(
  db: DbOrTx,
  tokenHash: string,
  now: Date,
): Promise<{ user: SessionUser; jurisdictionName: string | null; csrfToken: string; expiresAt: Date } | undefined> {
  const [row] = await db
    .select({
      user: { id: users.id, username: users.username, displayName: users.displayName, jurisdictionCode: users.jurisdictionCode, roles: users.roles, mustChangePassword: users.mustChangePassword },
      jurisdictionName: jurisdictions.name,
      csrfToken: sessions.csrfToken,
      expiresAt: sessions.expiresAt,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(jurisdictions, eq(jurisdictions.code, users.jurisdictionCode))
    .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, now), eq(users.disabled, false)))
    .limit(1);
  return row;
}

export async function listSessions(db: DbOrTx, userId: number, now: Date): Promise<SessionRow[]> {
  return db
    .select()
    .from(sessions)
    .where(and(eq(sessions.userId, userId), gt(sessions.expiresAt, now)))
    .orderBy(desc(sessions.createdAt));
}

export async function deleteSession(db: DbOrTx, tokenHash: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}

export async function deleteUserSessions(db: DbOrTx, userId: number, exceptTokenHash?: string): Promise<number> {
  const where = exceptTokenHash
    ? and(eq(sessions.userId, userId), sql`${sessions.tokenHash} <> ${exceptTokenHash}`)
    : eq(sessions.userId, userId);
  return (await db.delete(sessions).where(where).returning({ t: sessions.tokenHash })).length;
}

export async function deleteExpiredSessions(db: DbOrTx, now: Date): Promise<number> {
  const deleted = await db.delete(sessions).where(lt(sessions.expiresAt, now)).returning({ t: sessions.tokenHash });
  return deleted.length;
}

export async function insertUser(db: DbOrTx, values: typeof users.$inferInsert): Promise<UserRow> {
  const [row] = await db.insert(users).values(values).returning();
  return row!;
}

export async function countUsers(db: DbOrTx): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)` }).from(users);
  return Number(row?.n ?? 0);
}

export async function insertToken(db: DbOrTx, values: typeof apiTokens.$inferInsert): Promise<TokenRow> {
  const [row] = await db.insert(apiTokens).values(values).returning();
  return row!;
}

export async function findLiveToken(
  db: DbOrTx,
  tokenHash: string,
  now: Date,
): Promise<{ token: TokenRow; jurisdictionName: string | null } | undefined> {
  const [row] = await db
    .select({ token: apiTokens, jurisdictionName: jurisdictions.name })
    .from(apiTokens)
    .leftJoin(jurisdictions, eq(jurisdictions.code, apiTokens.jurisdictionCode))
    .where(
      and(
        eq(apiTokens.tokenHash, tokenHash),
        isNull(apiTokens.revokedAt),
        or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, now)),
      ),
    );
  return row;
}

export async function touchToken(db: DbOrTx, id: number, now: Date): Promise<void> {
  await db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, id));
}
