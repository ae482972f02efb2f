// Categories with their time limits, and routing rules. Categories are the same everywhere;
// routing rules belong to a place (or everywhere) and are seen and changed inside one's area.
import { and, asc, eq, isNull, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.ts';
import { withinScope } from '../../platform/db/scope.ts';
import { placePath } from '../jurisdictions/place-path.ts';
import { requestCategories as categories, requestRoutes as routes } from './requests.table.ts';

export type CategoryRow = typeof categories.$inferSelect;
export type RouteRow = typeof routes.$inferSelect & { jurisdictionName: string | null };

/** The categories a new installation starts with (生活求助 … 其他) and their time limits in hours. */
export const DEFAULT_CATEGORIES: readonly Omit<typeof categories.$inferInsert, 'updatedAt'>[] = [
  { code: 'living_help', nameZh: '生活求助', nameEn: 'Help with daily living', descriptionZh: '独居老人、困难家庭的生活难题：燃气、水电、就医、购物', responseHours: 2, resolutionHours: 48, sortOrder: 10 },
  { code: 'facility_repair', nameZh: '设施报修', nameEn: 'Facility repair', descriptionZh: '路灯、消防栓、屋顶漏水、管道堵塞等公共设施', responseHours: 4, resolutionHours: 72, sortOrder: 20 },
  { code: 'mediation', nameZh: '矛盾调解', nameEn: 'Dispute mediation', descriptionZh: '邻里噪音、物业纠纷等', responseHours: 24, resolutionHours: 168, sortOrder: 30 },
  { code: 'policy_consult', nameZh: '政策咨询', nameEn: 'Policy question', descriptionZh: '救助、社保、医保、就业政策', responseHours: 24, resolutionHours: 72, sortOrder: 40 },
  { code: 'errand', nameZh: '代办帮办', nameEn: 'Errands done for residents', descriptionZh: '代购车票、养老保险资格认证、证件办理', responseHours: 24, resolutionHours: 120, sortOrder: 50 },
  { code: 'safety_hazard', nameZh: '安全隐患', nameEn: 'Safety hazard', descriptionZh: '裸露电线、燃气泄漏、危房等', responseHours: 1, resolutionHours: 24, sortOrder: 60 },
  { code: 'other', nameZh: '其他', nameEn: 'Other', descriptionZh: null, responseHours: 24, resolutionHours: 168, sortOrder: 90 },
];

export async function ensureDefaults(db: DbOrTx): Promise<void> {
  await db.insert(categories).values([...DEFAULT_CATEGORIES]).onConflictDoNothing();
}

export function listCategories(db: DbOrTx, activeOnly = false): Promise<CategoryRow[]> {
  return db.select().from(categories).where(activeOnly ? eq(categories.active, true) : undefined).orderBy(asc(categories.sortOrder), asc(categories.code));
}

export async function findCategory(db: DbOrTx, code: string): Promise<CategoryRow | undefined> {
  const [row] = await db.select().from(categories).where(eq(categories.code, code));
  return row;
}

export async function upsertCategory(db: DbOrTx, values: Omit<typeof categories.$inferInsert, 'updatedAt'>, at: Date): Promise<{ before: CategoryRow | undefined; after: CategoryRow }> {
  const before = await findCategory(db, values.code);
  const [after] = await db
    .insert(categories)
    .values({ ...values, updatedAt: at })
    .onConflictDoUpdate({ target: categories.code, set: { ...values, updatedAt: at } })
    .returning();
  return { before, after: after! };
}

const selectRoutes = (db: DbOrTx) => db.select({ route: routes, jurisdictionName: placePath(routes.jurisdictionCode) }).from(routes);
const flatten = (x: { route: typeof routes.$inferSelect; jurisdictionName: string | null }): RouteRow => ({ ...x.route, jurisdictionName: x.jurisdictionName });

/** Rules that can apply to a place: everywhere, or at the place or above it. */
export async function rulesFor(db: DbOrTx, place: string): Promise<RouteRow[]> {
  const prefixes: string[] = [];
  for (let i = 2; i <= place.length; i++) prefixes.push(place.slice(0, i));
  return (await selectRoutes(db).where(or(isNull(routes.jurisdictionCode), sql`${routes.jurisdictionCode} = any(${sql.param(prefixes)}::varchar[])`))).map(flatten);
}

/** Rules one may see: everywhere-rules and rules inside one's area. */
export async function listRules(db: DbOrTx, scope: string): Promise<RouteRow[]> {
  const where = scope === '' ? undefined : or(isNull(routes.jurisdictionCode), withinScope(routes.jurisdictionCode, scope));
  return (await selectRoutes(db).where(where).orderBy(asc(routes.jurisdictionCode), asc(routes.categoryCode), asc(routes.id))).map(flatten);
}

/** A rule one may see: inside one's area, or for everywhere (whose change the service keeps to the whole system's admin). */
export async function findRuleInScope(db: DbOrTx, id: number, scope: string): Promise<RouteRow | undefined> {
  const where = scope === '' ? eq(routes.id, id) : and(eq(routes.id, id), or(isNull(routes.jurisdictionCode), withinScope(routes.jurisdictionCode, scope)));
  const [row] = await selectRoutes(db).where(where);
  return row && flatten(row);
}

/** Insert or replace the rule for (category, place); returns its id. */
export async function upsertRule(db: DbOrTx, values: Omit<typeof routes.$inferInsert, 'id' | 'updatedAt'>, at: Date): Promise<number> {
  const same = and(
    sql`${routes.categoryCode} is not distinct from ${values.categoryCode ?? null}`,
    sql`${routes.jurisdictionCode} is not distinct from ${values.jurisdictionCode ?? null}`,
  );
  const [existing] = await db.select({ id: routes.id }).from(routes).where(same).for('update');
  if (existing) {
    await db.update(routes).set({ handlerLevel: values.handlerLevel, handlerRole: values.handlerRole, department: values.department, updatedBy: values.updatedBy, updatedAt: at }).where(eq(routes.id, existing.id));
    return existing.id;
  }
  const [row] = await db.insert(routes).values({ ...values, updatedAt: at }).returning({ id: routes.id });
  return row!.id;
}

export async function deleteRule(db: DbOrTx, id: number): Promise<void> {
  await db.delete(routes).where(eq(routes.id, id));
}
