import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { placePath } from '../jurisdictions/place-path.ts';
import { queryRows, type DbOrTx } from '../../platform/db/client.ts';
import { withinScope } from '../../platform/db/scope.ts';
import { jurisdictions } from '../jurisdictions/jurisdictions.table.ts';
import { persons } from '../persons/persons.table.ts';
import { householdAssets, householdExpenses, householdIncomes, householdMembers, households } from './households.table.ts';

export type HouseholdRow = typeof households.$inferSelect;
export type MemberRow = typeof householdMembers.$inferSelect;
export type IncomeRow = typeof householdIncomes.$inferSelect;
export type AssetRow = typeof householdAssets.$inferSelect;
export type ExpenseRow = typeof householdExpenses.$inferSelect;

/** The stored aggregate: what a version snapshot holds. */
export type Aggregate = { household: HouseholdRow; members: MemberRow[]; incomes: IncomeRow[]; assets: AssetRow[]; expenses: ExpenseRow[] };

export async function findInScope(db: DbOrTx, id: number, scope: string, lock = false): Promise<HouseholdRow | undefined> {
  const query = db.select().from(households).where(and(eq(households.id, id), withinScope(households.jurisdictionCode, scope)));
  const [row] = lock ? await query.for('update') : await query;
  return row;
}

export async function findByExternalKey(db: DbOrTx, key: string): Promise<HouseholdRow | undefined> {
  const [row] = await db.select().from(households).where(eq(households.externalKey, key));
  return row;
}

export async function loadAggregate(db: DbOrTx, household: HouseholdRow): Promise<Aggregate> {
  const id = household.id;
  const [members, incomes, assets, expenses] = await Promise.all([
    db.select().from(householdMembers).where(and(eq(householdMembers.householdId, id), isNull(householdMembers.leftAt))).orderBy(asc(householdMembers.joinedAt), asc(householdMembers.personId)),
    db.select().from(householdIncomes).where(eq(householdIncomes.householdId, id)).orderBy(asc(householdIncomes.month), asc(householdIncomes.id)),
    db.select().from(householdAssets).where(eq(householdAssets.householdId, id)).orderBy(asc(householdAssets.id)),
    db.select().from(householdExpenses).where(eq(householdExpenses.householdId, id)).orderBy(asc(householdExpenses.date), asc(householdExpenses.id)),
  ]);
  return { household, members, incomes, assets, expenses };
}

export async function personsByIds(db: DbOrTx, ids: number[]) {
  if (ids.length === 0) return [];
  return db.select().from(persons).where(sql`${persons.id} = any(${sql.raw(`array[${ids.map(Number).join(',')}]::bigint[]`)})`);
}

export async function jurisdictionName(db: DbOrTx, code: string): Promise<string | null> {
  const [row] = await queryRows<{ name: string | null }>(db, sql`select ${placePath(sql`${code}::varchar`)} as name`);
  return row?.name ?? null;
}

export async function insertHousehold(db: DbOrTx, values: typeof households.$inferInsert): Promise<HouseholdRow> {
  const [row] = await db.insert(households).values(values).returning();
  return row!;
}

export async function bumpVersion(db: DbOrTx, id: number, values: Partial<typeof households.$inferInsert> = {}): Promise<HouseholdRow> {
  const [row] = await db
    .update(households)
    .set({ ...values, version: sql`${households.version} + 1`, updatedAt: new Date() })
    .where(eq(households.id, id))
    .returning();
  return row!;
}

export async function currentMembership(db: DbOrTx, personId: number): Promise<MemberRow | undefined> {
  const [row] = await db.select().from(householdMembers).where(and(eq(householdMembers.personId, personId), isNull(householdMembers.leftAt)));
  return row;
}

export async function insertMember(db: DbOrTx, values: typeof householdMembers.$inferInsert): Promise<void> {
  await db.insert(householdMembers).values(values);
}

export async function updateMember(db: DbOrTx, householdId: number, personId: number, values: Partial<typeof householdMembers.$inferInsert>): Promise<void> {
  await db
    .update(householdMembers)
    .set(values)
    .where(and(eq(householdMembers.householdId, householdId), eq(householdMembers.personId, personId), isNull(householdMembers.leftAt)));
}

export const itemTables = { incomes: householdIncomes, assets: householdAssets, expenses: householdExpenses } as const;
export type ItemKind = keyof typeof itemTables;

export async function insertItem(db: DbOrTx, kind: ItemKind, values: Record<string, unknown>): Promise<number> {
  const table = itemTables[kind];
  const [row] = await db.insert(table).values(values as never).returning({ id: table.id });
  return row!.id;
}

export async function deleteItem(db: DbOrTx, kind: ItemKind, householdId: number, itemId: number): Promise<boolean> {
  const table = itemTables[kind];
  const rows = await db.delete(table).where(and(eq(table.id, itemId), eq(table.householdId, householdId))).returning({ id: table.id });
  return rows.length === 1;
}
