// SQL for service points. Staff reads and writes are scoped by the point's place (withinScope);
// the public directory reads every point that is not closed for good, by a bounding box on the
// (lat, lng) index (no PostGIS: PGlite has none), nearest first by a flat-earth distance that is
// exact enough to order candidates; the service measures the true distance.
import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../../platform/db/client.ts';
import { withinScope } from '../../platform/db/scope.ts';
import { placePath } from '../jurisdictions/place-path.ts';
import { jurisdictions } from '../jurisdictions/jurisdictions.table.ts';
import { organisations } from '../organisations/organisations.table.ts';
import { DEFAULT_SERVICES, DEFAULT_TYPES } from './catalogue.ts';
import { serviceCatalogue, servicePointConsultations, servicePointServices, servicePointTypes, servicePoints, servicePointVisits } from './service-points.table.ts';

export type PointRow = typeof servicePoints.$inferSelect & { services: string[]; jurisdictionName: string | null; operatorName: string | null };
export type TypeRow = typeof servicePointTypes.$inferSelect;
export type ServiceRow = typeof serviceCatalogue.$inferSelect;
export type NewPoint = Omit<typeof servicePoints.$inferInsert, 'id' | 'createdAt'>;

export async function ensureDefaults(db: DbOrTx): Promise<void> {
  await db.insert(servicePointTypes).values(DEFAULT_TYPES).onConflictDoNothing();
  await db.insert(serviceCatalogue).values(DEFAULT_SERVICES).onConflictDoNothing();
}

export const listTypes = (db: DbOrTx): Promise<TypeRow[]> => db.select().from(servicePointTypes).orderBy(asc(servicePointTypes.sortOrder), asc(servicePointTypes.code));
export const listServices = (db: DbOrTx): Promise<ServiceRow[]> => db.select().from(serviceCatalogue).orderBy(asc(serviceCatalogue.sortOrder), asc(serviceCatalogue.code));

export async function upsertType(db: DbOrTx, v: Omit<typeof servicePointTypes.$inferInsert, 'updatedAt'>, at: Date) {
  const [before] = await db.select().from(servicePointTypes).where(eq(servicePointTypes.code, v.code));
  const [after] = await db.insert(servicePointTypes).values({ ...v, updatedAt: at }).onConflictDoUpdate({ target: servicePointTypes.code, set: { ...v, updatedAt: at } }).returning();
  return { before, after: after! };
}

export async function upsertService(db: DbOrTx, v: Omit<typeof serviceCatalogue.$inferInsert, 'updatedAt'>, at: Date) {
  const [before] = await db.select().from(serviceCatalogue).where(eq(serviceCatalogue.code, v.code));
  const [after] = await db.insert(serviceCatalogue).values({ ...v, updatedAt: at }).onConflictDoUpdate({ target: serviceCatalogue.code, set: { ...v, updatedAt: at } }).returning();
  return { before, after: after! };
}

export async function placeExists(db: DbOrTx, code: string): Promise<boolean> {
  const [row] = await db.select({ code: jurisdictions.code }).from(jurisdictions).where(eq(jurisdictions.code, code));
  return row !== undefined;
}

const servicesOf = sql<string[]>`coalesce((select array_agg(s.service_code order by s.service_code) from ${servicePointServices} s where s.point_id = ${servicePoints.id}), '{}'::varchar[])`;
const operatorName = sql<string | null>`(select o.name from ${organisations} o where o.id = ${servicePoints.operatorId})`;
const selectPoints = (db: DbOrTx) => db.select({ point: servicePoints, services: servicesOf, jurisdictionName: placePath(servicePoints.jurisdictionCode), operatorName }).from(servicePoints);
const flat = (r: { point: typeof servicePoints.$inferSelect; services: string[]; jurisdictionName: string | null; operatorName: string | null }): PointRow => ({ ...r.point, services: r.services ?? [], jurisdictionName: r.jurisdictionName, operatorName: r.operatorName });

/** An active organisation the caller can see: serving a place inside their area, or covering it. */
export async function operatorVisible(db: DbOrTx, id: number, scope: string): Promise<boolean> {
  const rows = await queryRows<{ id: number }>(db, sql`select id from ${organisations} where id = ${id} and active
    and (${withinScope(organisations.jurisdictionCode, scope)} or starts_with(${scope}, ${organisations.jurisdictionCode}))`);
  return rows.length > 0;
}

export async function pointInScope(db: DbOrTx, id: number, scope: string, lock = false): Promise<PointRow | undefined> {
  const q = selectPoints(db).where(and(eq(servicePoints.id, id), withinScope(servicePoints.jurisdictionCode, scope)));
  const [row] = lock ? await q.for('update', { of: servicePoints }) : await q;
  return row ? flat(row) : undefined;
}

export async function insertPoint(db: DbOrTx, v: NewPoint, services: readonly string[]): Promise<number> {
  const [row] = await db.insert(servicePoints).values(v).returning({ id: servicePoints.id });
  await setServices(db, row!.id, services);
  return row!.id;
}

export async function updatePoint(db: DbOrTx, id: number, v: Partial<NewPoint>): Promise<void> {
  await db.update(servicePoints).set(v).where(eq(servicePoints.id, id));
}

export async function setServices(db: DbOrTx, id: number, services: readonly string[]): Promise<void> {
  await db.delete(servicePointServices).where(eq(servicePointServices.pointId, id));
  if (services.length > 0) await db.insert(servicePointServices).values(services.map((serviceCode) => ({ pointId: id, serviceCode })));
}

export type ListFilter = { under?: string | undefined; type?: string | undefined; service?: string | undefined; status?: string | undefined; q?: string | undefined; limit: number; offset: number };

function listWhere(scope: string, f: Omit<ListFilter, 'limit' | 'offset'>): SQL {
  const like = (s: string) => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return and(
    withinScope(servicePoints.jurisdictionCode, scope),
    f.under ? withinScope(servicePoints.jurisdictionCode, f.under) : undefined,
    f.type ? eq(servicePoints.typeCode, f.type) : undefined,
    f.status ? eq(servicePoints.status, f.status) : undefined,
    f.service ? sql`exists (select 1 from ${servicePointServices} s where s.point_id = ${servicePoints.id} and s.service_code = ${f.service})` : undefined,
    f.q ? sql`(${servicePoints.name} like ${like(f.q)} or ${servicePoints.address} like ${like(f.q)})` : undefined,
  )!;
}

export async function listPoints(db: DbOrTx, scope: string, f: ListFilter): Promise<{ rows: PointRow[]; total: number }> {
  const where = listWhere(scope, f);
  const rows = await selectPoints(db).where(where).orderBy(asc(servicePoints.jurisdictionCode), asc(servicePoints.id)).limit(f.limit).offset(f.offset);
  const [count] = await db.select({ n: sql<number>`count(*)::int` }).from(servicePoints).where(where);
  return { rows: rows.map(flat), total: count?.n ?? 0 };
}

/** Every point (for the HSDS export and the coverage figures), in id order, a page at a time. */
export async function pointsAfter(db: DbOrTx, afterId: number, limit: number, offset = 0): Promise<PointRow[]> {
  return (await selectPoints(db).where(sql`${servicePoints.id} > ${afterId}`).orderBy(asc(servicePoints.id)).limit(limit).offset(offset)).map(flat);
}

export async function pointsByIds(db: DbOrTx, ids: readonly number[]): Promise<PointRow[]> {
  if (ids.length === 0) return [];
  return (await selectPoints(db).where(inArray(servicePoints.id, [...ids]))).map(flat);
}

/** What ranking needs: place, hours and status only (the details are read for the winners). */
export type Candidate = { id: number; lng: number; lat: number; always_open: boolean; hours: unknown; holiday_rule: string; status: string; closed_until: string | null };

/**
 * Points inside the box (not closed for good), with a service and a type when asked, nearest
 * first by a flat-earth distance, at most `cap`. The (lat, lng) index serves the box.
 */
export async function inBox(db: DbOrTx, box: { minLat: number; maxLat: number; minLng: number; maxLng: number }, centre: { lng: number; lat: number }, f: { service?: string | undefined; type?: string | undefined }, cap: number): Promise<Candidate[]> {
  const p = servicePoints;
  const k = Math.cos((centre.lat * Math.PI) / 180);
  return queryRows<Candidate>(db, sql`
    select ${p.id} as id, ${p.lng} as lng, ${p.lat} as lat, ${p.alwaysOpen} as always_open, ${p.hours} as hours,
      ${p.holidayRule} as holiday_rule, ${p.status} as status, ${p.closedUntil}::text as closed_until
    from ${p}
    where ${p.lat} between ${box.minLat} and ${box.maxLat} and ${p.lng} between ${box.minLng} and ${box.maxLng}
      and ${p.status} <> 'closed'
      ${f.type ? sql`and ${p.typeCode} = ${f.type}` : sql``}
      ${f.service ? sql`and exists (select 1 from ${servicePointServices} s where s.point_id = ${p.id} and s.service_code = ${f.service})` : sql``}
    order by (${p.lat} - ${centre.lat}) * (${p.lat} - ${centre.lat}) + ((${p.lng} - ${centre.lng}) * ${k}) * ((${p.lng} - ${centre.lng}) * ${k}), ${p.id}
    limit ${cap}`);
}

export type PublicRow = {
  id: number; type_code: string; name: string; operator: string | null; place: string | null; address: string; lng: number; lat: number;
  always_open: boolean; hours: unknown; holiday_rule: string; phones: unknown; accessibility: unknown; status: string; closed_reason: string | null; services: string[];
};

/** What the public sees of the chosen points. */
export async function publicRows(db: DbOrTx, ids: readonly number[]): Promise<PublicRow[]> {
  if (ids.length === 0) return [];
  const p = servicePoints;
  return queryRows<PublicRow>(db, sql`
    select ${p.id} as id, ${p.typeCode} as type_code, ${p.name} as name, ${operatorName} as operator,
      (select j.name from ${jurisdictions} j where j.code = ${p.jurisdictionCode}) as place,
      ${p.address} as address, ${p.lng} as lng, ${p.lat} as lat, ${p.alwaysOpen} as always_open, ${p.hours} as hours,
      ${p.holidayRule} as holiday_rule, ${p.phones} as phones, ${p.accessibility} as accessibility, ${p.status} as status,
      ${p.closedReason} as closed_reason, ${servicesOf} as services
    from ${p} where ${p.id} = any(${sql.param([...ids])}::bigint[])`);
}

// ── usage ──

export async function insertVisits(db: DbOrTx, rows: (typeof servicePointVisits.$inferInsert)[]): Promise<void> {
  await db.insert(servicePointVisits).values(rows);
}

export async function visitFigures(db: DbOrTx, f: { pointId?: number; scope: string; under?: string | undefined; from?: string | undefined; to?: string | undefined }) {
  const v = servicePointVisits;
  return queryRows<{ month: string; service: string; visits: number }>(db, sql`
    select to_char(${v.visitedOn}, 'YYYY-MM') as month, ${v.serviceCode} as service, sum(${v.count})::int as visits
    from ${v} join ${servicePoints} p on p.id = ${v.pointId}
    where ${withinScope(sql`p.jurisdiction_code`, f.scope)}
      ${f.under ? sql`and ${withinScope(sql`p.jurisdiction_code`, f.under)}` : sql``}
      ${f.pointId !== undefined ? sql`and ${v.pointId} = ${f.pointId}` : sql``}
      ${f.from ? sql`and ${v.visitedOn} >= ${`${f.from}-01`}::date` : sql``}
      ${f.to ? sql`and ${v.visitedOn} < (${`${f.to}-01`}::date + interval '1 month')` : sql``}
    group by 1, 2 order by 1, 2`);
}

export async function insertConsultation(db: DbOrTx, v: typeof servicePointConsultations.$inferInsert): Promise<number> {
  const [row] = await db.insert(servicePointConsultations).values(v).returning({ id: servicePointConsultations.id });
  return row!.id;
}

export type ConsultationRow = typeof servicePointConsultations.$inferSelect & { recordedByName: string | null };

export async function consultations(db: DbOrTx, pointId: number, limit = 100): Promise<ConsultationRow[]> {
  const c = servicePointConsultations;
  return queryRows<ConsultationRow>(db, sql`
    select c.id as "id", c.point_id as "pointId", c.service_code as "serviceCode", c.asked_at as "askedAt", c.question, c.answer, c.outcome,
      c.program_id as "programId", c.person_id as "personId", c.recorded_by as "recordedBy", c.created_at as "createdAt",
      (select u.display_name from users u where u.id = c.recorded_by) as "recordedByName"
    from ${c} c where c.point_id = ${pointId} order by c.asked_at desc, c.id desc limit ${limit}`);
}

export async function figuresByType(db: DbOrTx, scope: string, under: string | undefined) {
  return queryRows<{ type_code: string; points: number }>(db, sql`
    select type_code, count(*)::int as points from ${servicePoints}
    where status <> 'closed' and ${withinScope(servicePoints.jurisdictionCode, scope)} ${under ? sql`and ${withinScope(servicePoints.jurisdictionCode, under)}` : sql``}
    group by 1 order by 1`);
}

/** Points by the places one level below `under` (or by county when the scope is the whole country). */
export async function figuresByPlace(db: DbOrTx, scope: string, under: string | undefined) {
  const base = under ?? scope;
  const len = base.length === 0 ? 6 : base.length < 6 ? 6 : base.length === 6 ? 9 : base.length === 9 ? 12 : 15;
  return queryRows<{ code: string; name: string | null; points: number }>(db, sql`
    select g.code, (select j.name from ${jurisdictions} j where j.code = g.code) as name, g.points from (
      select left(jurisdiction_code, ${sql.raw(String(len))}) as code, count(*)::int as points
      from ${servicePoints}
      where status <> 'closed' and ${withinScope(servicePoints.jurisdictionCode, scope)} ${under ? sql`and ${withinScope(servicePoints.jurisdictionCode, under)}` : sql``}
      group by 1) g
    order by 1`);
}

/** Whether a registered person lies in the caller's area (visits and consultations may name one). */
export async function personInScope(db: DbOrTx, id: number, scope: string): Promise<boolean> {
  const rows = await queryRows<{ id: number }>(db, sql`select id from persons where id = ${id} and ${withinScope(sql`jurisdiction_code`, scope)}`);
  return rows.length > 0;
}

/** Points (not closed for good) of the given kinds inside a box: the candidates for coverage. */
export async function sitesInBox(db: DbOrTx, box: { minLat: number; maxLat: number; minLng: number; maxLng: number }, types: readonly string[]) {
  const p = servicePoints;
  return queryRows<{ id: number; name: string; typeCode: string; lng: number; lat: number }>(db, sql`
    select ${p.id} as id, ${p.name} as name, ${p.typeCode} as "typeCode", ${p.lng} as lng, ${p.lat} as lat from ${p}
    where ${p.lat} between ${box.minLat} and ${box.maxLat} and ${p.lng} between ${box.minLng} and ${box.maxLng}
      and ${p.status} <> 'closed' and ${p.typeCode} = any(${sql.param([...types])}::varchar[])`);
}
