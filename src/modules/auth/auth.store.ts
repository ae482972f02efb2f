import { and, eq, gt, lt, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.ts';
import { jurisdictions } from '../jurisdictions/jurisdictions.table.ts';
import { sessions, users } from './auth.table.ts';

export type UserRow = typeof users.$inferSelect;
export type SessionUserRow = {
  user: UserRow;
  jurisdictionName: string | null;
  csrfToken: string;
  expiresAt: Date;
};

export async function findUserByUsername(db: DbOrTx, username: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.username, username)).limit(1);
  return row;
}

export async function findJurisdictionName(db: DbOrTx, code: string | null): Promise<string | null> {
  if (code === null) return null;
  const [row] = await db.select({ name: jurisdictions.name }).from(jurisdictions).where(eq(jurisdictions.code, code));
  return row?.name ?? null;
}

export async function insertSession(
  db: DbOrTx,
  values: { tokenHash: string; userId: number; csrfToken: string; expiresAt: Date; ip: string | null; userAgent: string | null },
): Promise<void> {
  await db.insert(sessions).values(values);
}

export async function findLiveSession(db: DbOrTx, tokenHash: string, now: Date): Promise<SessionUserRow | undefined> {
  const [row] = await db
    .select({ user: users, jurisdictionName: jurisdictions.name, csrfToken: sessions.csrfToken, expiresAt: sessions.expiresAt })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(jurisdictions, eq(jurisdictions.code, users.jurisdictionCode))
    .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, now), eq(users.disabled, false)))
    .limit(1);
  return row;
}

export async function deleteSession(db: DbOrTx, tokenHash: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
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
