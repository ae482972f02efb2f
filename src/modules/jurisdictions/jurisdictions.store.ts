import { and, asc, eq, ilike, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../../platform/db/client.ts';
import { underPrefix, withinScope } from '../../platform/db/scope.ts';
import { jurisdictions } from './jurisdictions.table.ts';
import type { Level } from '../../lib/division-code.ts';

export type JurisdictionRow = typeof jurisdictions.$inferSelect & { childCount: number };

// Qualified by hand: drizzle renders a bare "code" in select lists, which the subquery would bind to c.
const childCount = sql<number>`(select count(*) from jurisdictions c where c.parent_code = jurisdictions.code)`.mapWith(Number);

const rowColumns = {
  code: jurisdictions.code,
  name: jurisdictions.name,
  level: jurisdictions.level,
  parentCode: jurisdictions.parentCode,
  createdAt: jurisdictions.createdAt,
  updatedAt: jurisdictions.updatedAt,
  childCount,
};

export type ListFilter = {
  scope: string;
  parent?: string;
  under?: string;
  rootsOnly?: boolean;
  level?: Level;
  nameContains?: string;
  limit: number;
  offset: number;
};

function whereOf(f: ListFilter): SQL | undefined {
  const conditions: SQL[] = [withinScope(jurisdictions.code, f.scope)];
  if (f.parent !== undefined) conditions.push(eq(jurisdictions.parentCode, f.parent));
  if (f.under !== undefined) conditions.push(underPrefix(jurisdictions.code, f.under));
  if (f.rootsOnly) conditions.push(isNull(jurisdictions.parentCode));
  if (f.level) conditions.push(eq(jurisdictions.level, f.level));
  if (f.nameContains) conditions.push(ilike(jurisdictions.name, `%${f.nameContains.replace(/[\\%_]/g, '\\$&')}%`));
  return and(...conditions);
}

export async function list(db: DbOrTx, f: ListFilter): Promise<{ items: JurisdictionRow[]; total: number }> {
  const where = whereOf(f);
  const items = await db
    .select(rowColumns)
    .from(jurisdictions)
    .where(where)
    .orderBy(asc(jurisdictions.code))
    .limit(f.limit)
    .offset(f.offset);
  const [count] = await db.select({ n: sql<number>`count(*)` }).from(jurisdictions).where(where);
  return { items, total: count?.n ?? 0 };
}

/** A node by code, or undefined when it does not exist or lies outside the scope. */
export async function findInScope(db: DbOrTx, code: string, scope: string): Promise<JurisdictionRow | undefined> {
  const [row] = await db
    .select(rowColumns)
    .from(jurisdictions)
    .where(and(eq(jurisdictions.code, code), withinScope(jurisdictions.code, scope)));
  return row;
}

/** Names of given codes (ancestors of a visible node: names only, so they are not scoped). */
export async function namesOf(db: DbOrTx, codes: string[]): Promise<{ code: string; name: string; level: string }[]> {
  if (codes.length === 0) return [];
  return db
    .select({ code: jurisdictions.code, name: jurisdictions.name, level: jurisdictions.level })
    .from(jurisdictions)
    .where(inArray(jurisdictions.code, codes))
    .orderBy(asc(jurisdictions.code));
}

export async function exists(db: DbOrTx, code: string): Promise<boolean> {
  const [row] = await db.select({ code: jurisdictions.code }).from(jurisdictions).where(eq(jurisdictions.code, code));
  return row !== undefined;
}

export async function insert(
  db: DbOrTx,
  values: { code: string; name: string; level: Level; parentCode: string | null },
): Promise<void> {
  await db.insert(jurisdictions).values(values);
}

/** Insert many nodes, skipping codes that already exist (idempotent seeding and imports). */
export async function insertManyIgnoringExisting(
  db: DbOrTx,
  values: { code: string; name: string; level: Level; parentCode: string | null }[],
): Promise<number> {
  if (values.length === 0) return 0;
  const inserted = await db.insert(jurisdictions).values(values).onConflictDoNothing().returning({ code: jurisdictions.code });
  return inserted.length;
}

export async function rename(db: DbOrTx, code: string, name: string): Promise<void> {
  await db.update(jurisdictions).set({ name, updatedAt: new Date() }).where(eq(jurisdictions.code, code));
}

export async function remove(db: DbOrTx, code: string): Promise<void> {
  await db.delete(jurisdictions).where(eq(jurisdictions.code, code));
}

export async function countByLevel(db: DbOrTx, scope: string, under?: string): Promise<Record<string, number>> {
  const conditions = [withinScope(jurisdictions.code, scope)];
  if (under !== undefined) conditions.push(underPrefix(jurisdictions.code, under));
  const rows = await db
    .select({ level: jurisdictions.level, n: sql<number>`count(*)` })
    .from(jurisdictions)
    .where(and(...conditions))
    .groupBy(jurisdictions.level);
  return Object.fromEntries(rows.map((r) => [r.level, r.n]));
}

/** Every county (6-digit code) with its city's name: public place names for the self-check. */
export async function countiesWithParents(db: DbOrTx): Promise<{ code: string; name: string; parentName: string }[]> {
  return queryRows<{ code: string; name: string; parentName: string }>(db, sql`
    select c.code, c.name, coalesce(p.name, '') as "parentName"
      from jurisdictions c left join jurisdictions p on p.code = left(c.code, 4)
     where length(c.code) = 6 order by c.code`);
}
