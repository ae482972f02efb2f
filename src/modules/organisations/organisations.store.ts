// SQL of the organisations registry. Visibility: staff see organisations serving inside their area
// or over it (a city charity is seen in each of its counties); an organisation user sees only its own.
import { and, eq, sql, type SQL } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../../platform/db/client.ts';
import { underPrefix, withinScope } from '../../platform/db/scope.ts';
import { placePath } from '../jurisdictions/place-path.ts';
import { users } from '../auth/auth.table.ts';
import { organisations, organisationUsers } from './organisations.table.ts';

export type OrganisationRow = typeof organisations.$inferSelect;
export type OrganisationWithPlace = OrganisationRow & { jurisdictionName: string | null };

/** Who is looking: their scope, and the organisation they act for when they hold the organisation role. */
export type Viewer = { scope: string; organisationId: number | null; organisationOnly: boolean };

export function visibleTo(v: Viewer): SQL {
  if (v.organisationOnly) return v.organisationId === null ? sql`false` : eq(organisations.id, v.organisationId);
  return v.scope === '' ? sql`true` : sql`(${withinScope(organisations.jurisdictionCode, v.scope)} or starts_with(${v.scope}, ${organisations.jurisdictionCode}))`;
}

export async function insert(db: DbOrTx, values: typeof organisations.$inferInsert): Promise<OrganisationRow> {
  const [row] = await db.insert(organisations).values(values).returning();
  return row!;
}

export async function update(db: DbOrTx, id: number, values: Partial<typeof organisations.$inferInsert>): Promise<void> {
  await db.update(organisations).set({ ...values, updatedAt: new Date() }).where(eq(organisations.id, id));
}

export async function find(db: DbOrTx, id: number, viewer: Viewer, lock = false): Promise<OrganisationWithPlace | undefined> {
  const query = db
    .select({ o: organisations, jurisdictionName: placePath(organisations.jurisdictionCode) })
    .from(organisations)
    .where(and(eq(organisations.id, id), visibleTo(viewer)));
  const [row] = lock ? await query.for('update', { of: organisations }) : await query;
  return row && { ...row.o, jurisdictionName: row.jurisdictionName };
}

export async function list(db: DbOrTx, viewer: Viewer, f: { q?: string | undefined; kind?: string | undefined; under?: string | undefined; active?: boolean | undefined; limit: number; offset: number }) {
  const conditions: SQL[] = [visibleTo(viewer)];
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, '\\$&')}%`;
    conditions.push(sql`(${organisations.name} like ${like} or ${organisations.creditCode} = ${f.q.toUpperCase()})`);
  }
  if (f.kind) conditions.push(eq(organisations.kind, f.kind));
  if (f.under) conditions.push(underPrefix(organisations.jurisdictionCode, f.under));
  if (f.active !== undefined) conditions.push(eq(organisations.active, f.active));
  const where = and(...conditions);
  const rows = await db
    .select({ o: organisations, jurisdictionName: placePath(organisations.jurisdictionCode) })
    .from(organisations)
    .where(where)
    .orderBy(organisations.name, organisations.id)
    .limit(f.limit)
    .offset(f.offset);
  const [counted] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from ${organisations} where ${where}`);
  return { items: rows.map((r) => ({ ...r.o, jurisdictionName: r.jurisdictionName })), total: counted?.n ?? 0 };
}

/** The organisation a user acts for, if any. */
export async function organisationOfUser(db: DbOrTx, userId: number): Promise<number | null> {
  const [row] = await db.select({ id: organisationUsers.organisationId }).from(organisationUsers).where(eq(organisationUsers.userId, userId));
  return row?.id ?? null;
}

export async function members(db: DbOrTx, organisationId: number) {
  return db
    .select({ userId: users.id, username: users.username, displayName: users.displayName, disabled: users.disabled, since: organisationUsers.createdAt })
    .from(organisationUsers)
    .innerJoin(users, eq(users.id, organisationUsers.userId))
    .where(eq(organisationUsers.organisationId, organisationId))
    .orderBy(users.username);
}

export async function findUser(db: DbOrTx, userId: number, scope: string) {
  const [row] = await db
    .select({ id: users.id, username: users.username, roles: users.roles, jurisdictionCode: users.jurisdictionCode })
    .from(users)
    .where(and(eq(users.id, userId), scope === '' ? sql`true` : withinScope(users.jurisdictionCode, scope)));
  return row;
}

/** Links (or moves) a user to an organisation; returns the organisation it acted for before. */
export async function link(db: DbOrTx, userId: number, organisationId: number): Promise<number | null> {
  const before = await organisationOfUser(db, userId);
  await db
    .insert(organisationUsers)
    .values({ userId, organisationId })
    .onConflictDoUpdate({ target: organisationUsers.userId, set: { organisationId, createdAt: new Date() } });
  return before;
}

export async function unlink(db: DbOrTx, userId: number, organisationId: number): Promise<boolean> {
  const rows = await db.delete(organisationUsers).where(and(eq(organisationUsers.userId, userId), eq(organisationUsers.organisationId, organisationId))).returning({ id: organisationUsers.userId });
  return rows.length > 0;
}
