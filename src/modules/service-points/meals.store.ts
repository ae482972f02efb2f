// SQL for 幸福食堂 meals and their monthly settlements.
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../../platform/db/client.ts';
import { servicePointMealSettlements as settlements, servicePointMeals as meals } from './service-points.table.ts';

export type MealRow = typeof meals.$inferSelect;

export async function mealOn(db: DbOrTx, personId: number, servedOn: string): Promise<MealRow | undefined> {
  const [row] = await db.select().from(meals).where(and(eq(meals.personId, personId), eq(meals.servedOn, servedOn)));
  return row;
}

export async function insertMeal(db: DbOrTx, v: typeof meals.$inferInsert): Promise<MealRow> {
  const [row] = await db.insert(meals).values(v).returning();
  return row!;
}

const monthRange = (month: string) => sql`${meals.servedOn} >= ${`${month}-01`}::date and ${meals.servedOn} < (${`${month}-01`}::date + interval '1 month')`;

export async function mealsOfMonth(db: DbOrTx, pointId: number, month: string): Promise<MealRow[]> {
  return db.select().from(meals).where(and(eq(meals.pointId, pointId), monthRange(month))).orderBy(asc(meals.servedOn), asc(meals.id));
}

export async function settlementOf(db: DbOrTx, pointId: number, month: string) {
  const [row] = await db.select().from(settlements).where(and(eq(settlements.pointId, pointId), eq(settlements.month, month)));
  return row;
}

/** Settle the month's unsettled meals in one statement pair (the caller holds the point's lock). */
export async function settle(db: DbOrTx, v: { pointId: number; operatorId: number | null; month: string; createdBy: number | null; at: Date }) {
  const [sum] = await queryRows<{ meals: number; total: number }>(db, sql`select count(*)::int as meals, coalesce(sum(${meals.subsidyFen}), 0)::bigint as total from ${meals} where ${meals.pointId} = ${v.pointId} and ${monthRange(v.month)} and ${meals.settlementId} is null`);
  const [row] = await db.insert(settlements).values({ pointId: v.pointId, operatorId: v.operatorId, month: v.month, meals: Number(sum!.meals), totalFen: Number(sum!.total), createdBy: v.createdBy, createdAt: v.at }).returning();
  await db.update(meals).set({ settlementId: row!.id }).where(and(eq(meals.pointId, v.pointId), monthRange(v.month), isNull(meals.settlementId)));
  return row!;
}
