import { and, asc, count, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.ts';
import { underPrefix, withinScope } from '../../platform/db/scope.ts';
import { jurisdictions } from '../jurisdictions/jurisdictions.table.ts';
import { users } from '../auth/auth.table.ts';

export type UserWithPlace = typeof users.$inferSelect & { jurisdictionName: string | null };

const columns = {
  id: users.id,
  username: users.username,
  displayName: users.displayName,
  passwordHash: users.passwordHash,
  jurisdictionCode: users.jurisdictionCode,
  roles: users.roles,
  mustChangePassword: users.mustChangePassword,
  disabled: users.disabled,
  failedLogins: users.failedLogins,
  lockedUntil: users.lockedUntil,
  lastLoginAt: users.lastLoginAt,
  passwordChangedAt: users.passwordChangedAt,
  phoneEnc: users.phoneEnc,
  createdAt: users.createdAt,
  updatedAt: users.updatedAt,
  jurisdictionName: jurisdictions.name,
};

export type UserFilter = { scope: string; q?: string; role?: string; under?: string; limit: number; offset: number };

export async function list(db: DbOrTx, f: UserFilter): Promise<{ items: UserWithPlace[]; total: number }> {
  // A scoped caller never sees system-wide users (null jurisdiction): `null like 'x%'` is not true.
  const conditions: SQL[] = [withinScope(users.jurisdictionCode, f.scope)];
  if (f.under) conditions.push(underPrefix(users.jurisdictionCode, f.under));
  if (f.role) conditions.push(sql`${f.role} = any(${users.roles})`);
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, '\\$&')}%`;
    conditions.push(or(ilike(users.username, like), ilike(users.displayName, like))!);
  }
  const where = and(...conditions);
  const items = await db
    .select(columns)
    .from(users)
    .leftJoin(jurisdictions, eq(jurisdictions.code, users.jurisdictionCode))
    .where(where)
    .orderBy(asc(users.id))
    .limit(f.limit)
    .offset(f.offset);
  const [total] = await db.select({ n: count() }).from(users).where(where);
  return { items, total: total?.n ?? 0 };
}

/** A user inside the scope, optionally locked for update; undefined when missing or outside. */
export async function findInScope(db: DbOrTx, id: number, scope: string, lock = false): Promise<UserWithPlace | undefined> {
  const query = db
    .select(columns)
    .from(users)
    .leftJoin(jurisdictions, eq(jurisdictions.code, users.jurisdictionCode))
    .where(and(eq(users.id, id), withinScope(users.jurisdictionCode, scope)));
  const [row] = lock ? await query.for('update', { of: users }) : await query;
  return row;
}
