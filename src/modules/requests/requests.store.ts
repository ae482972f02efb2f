// SQL for help requests, their timeline and followers. Every read of a request goes
// through withinScope on the request's place, so another area's request is "not found".
import { and, asc, desc, eq, inArray, isNotNull, isNull, or, sql, type SQL } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../../platform/db/client.ts';
import { underPrefix, withinScope } from '../../platform/db/scope.ts';
import { placePath } from '../jurisdictions/place-path.ts';
import { users } from '../auth/auth.table.ts';
import { persons } from '../persons/persons.table.ts';
import {
  helpRequestEvents as events,
  helpRequestFollowers as followers,
  helpRequests as r,
  OPEN_STATE_SQL,
  requestCategories,
} from './requests.table.ts';

export type RequestRow = typeof r.$inferSelect;
export type RequestInsert = typeof r.$inferInsert;
export type EventRow = typeof events.$inferSelect;
export type ListRow = RequestRow & { jurisdictionName: string | null; categoryName: string; personName: string | null; assigneeName: string | null };

export const isOpenSql = sql`${r.state} in ${OPEN_STATE_SQL}`;

export async function insertRequest(tx: DbOrTx, values: RequestInsert): Promise<RequestRow> {
  const [row] = await tx.insert(r).values(values).returning();
  return row!;
}

/** The insert, or nothing when the tracking code is taken (the caller draws another): no savepoint. */
export async function insertRequestUnlessCodeTaken(tx: DbOrTx, values: RequestInsert): Promise<RequestRow | undefined> {
  const [row] = await tx.insert(r).values(values).onConflictDoNothing({ target: r.trackingCode }).returning();
  return row;
}

export async function findInScope(db: DbOrTx, id: number, scope: string, lock = false): Promise<RequestRow | undefined> {
  const query = db.select().from(r).where(and(eq(r.id, id), withinScope(r.jurisdictionCode, scope)));
  const [row] = lock ? await query.for('update') : await query;
  return row;
}

/** By id, regardless of scope: only for following a merge on the public status page. */
export async function findById(db: DbOrTx, id: number): Promise<RequestRow | undefined> {
  const [row] = await db.select().from(r).where(eq(r.id, id));
  return row;
}

export async function findByTracking(db: DbOrTx, code: string): Promise<RequestRow | undefined> {
  const [row] = await db.select().from(r).where(eq(r.trackingCode, code));
  return row;
}

export async function findByTrackingCodes(db: DbOrTx, codes: string[], scope: string): Promise<RequestRow[]> {
  if (codes.length === 0) return [];
  return db.select().from(r).where(and(inArray(r.trackingCode, codes), withinScope(r.jurisdictionCode, scope))).orderBy(asc(r.id));
}

export async function trackingCodeOf(db: DbOrTx, id: number): Promise<string | undefined> {
  const [row] = await db.select({ code: r.trackingCode }).from(r).where(eq(r.id, id));
  return row?.code;
}

export async function update(tx: DbOrTx, id: number, patch: Partial<RequestInsert>, at: Date): Promise<RequestRow> {
  const [row] = await tx.update(r).set({ ...patch, version: sql`${r.version} + 1`, updatedAt: at }).where(eq(r.id, id)).returning();
  return row!;
}

export async function insertEvent(tx: DbOrTx, values: typeof events.$inferInsert): Promise<void> {
  await tx.insert(events).values(values);
}

/** Several timeline entries in one statement, returned in the order given. */
export async function insertEvents(tx: DbOrTx, values: (typeof events.$inferInsert)[]): Promise<EventRow[]> {
  const rows = await tx.insert(events).values(values).returning();
  return rows.sort((a, b) => a.id - b.id);
}

/** The timeline of a request with the timelines of requests merged into it. */
export function eventsOf(db: DbOrTx, ids: number[]): Promise<EventRow[]> {
  return db.select().from(events).where(inArray(events.requestId, ids)).orderBy(asc(events.at), asc(events.id));
}

export function mergedInto(db: DbOrTx, id: number): Promise<{ id: number; trackingCode: string }[]> {
  return db.select({ id: r.id, trackingCode: r.trackingCode }).from(r).where(eq(r.mergedIntoId, id)).orderBy(asc(r.id));
}

export async function insertFollower(tx: DbOrTx, values: typeof followers.$inferInsert): Promise<void> {
  await tx.insert(followers).values(values);
}

export function followersOf(db: DbOrTx, id: number) {
  return db
    .select({ id: followers.id, name: followers.name, phoneEnc: followers.phoneEnc, personId: followers.personId, sourceTrackingCode: r.trackingCode, addedAt: followers.addedAt })
    .from(followers)
    .leftJoin(r, eq(r.id, followers.sourceRequestId))
    .where(eq(followers.requestId, id))
    .orderBy(asc(followers.id));
}

/** Followers move to the kept request on a merge (they keep pointing at the request they came from). */
export async function moveFollowers(tx: DbOrTx, fromId: number, toId: number): Promise<void> {
  await tx.update(followers).set({ requestId: toId }).where(eq(followers.requestId, fromId));
}

/** Requests merged into `fromId` earlier now point to the request `fromId` is merged into. */
export async function repointMerged(tx: DbOrTx, fromId: number, toId: number): Promise<void> {
  await tx.update(r).set({ mergedIntoId: toId }).where(eq(r.mergedIntoId, fromId));
}

// ── lists ──
export type ListFilter = {
  scope: string;
  status: 'open' | 'resolved' | 'closed' | 'all';
  state?: string | undefined;
  category?: string | undefined;
  channel?: string | undefined;
  under?: string | undefined;
  overdueAt?: Date | undefined;
  assigneeId?: number | undefined;
  councilMeetingId?: number | undefined;
  trackingCode?: string | undefined;
  text?: string | undefined;
  limit: number;
  offset: number;
};

export const COUNT_CAP = 1000;

function conditionsOf(f: ListFilter): SQL[] {
  const where: SQL[] = [withinScope(r.jurisdictionCode, f.scope)];
  if (f.under) where.push(underPrefix(r.jurisdictionCode, f.under));
  if (f.state) where.push(eq(r.state, f.state));
  else if (f.status === 'open') where.push(isOpenSql);
  else if (f.status === 'resolved') where.push(eq(r.state, 'resolved'));
  else if (f.status === 'closed') where.push(sql`${r.state} in ('visited', 'merged')`);
  if (f.category) where.push(eq(r.categoryCode, f.category));
  if (f.channel) where.push(eq(r.channel, f.channel));
  if (f.overdueAt) where.push(isOpenSql, sql`${r.dueAt} < ${f.overdueAt}`);
  if (f.assigneeId !== undefined) where.push(eq(r.assigneeUserId, f.assigneeId));
  if (f.councilMeetingId !== undefined) where.push(eq(r.councilMeetingId, f.councilMeetingId));
  if (f.trackingCode) where.push(eq(r.trackingCode, f.trackingCode));
  if (f.text) where.push(sql`${r.description} like ${`%${f.text.replace(/[\\%_]/g, '\\$&')}%`}`);
  return where;
}

/**
 * A page of requests. Open requests come in deadline order (overdue first), the rest newest
 * first. The page's ids are chosen from the indexes alone (help_requests_open_*_idx hold the
 * place, deadline and category), then only those rows are read and named.
 */
export async function list(db: DbOrTx, f: ListFilter): Promise<{ items: ListRow[]; total: number; totalCapped: boolean }> {
  const where = and(...conditionsOf(f));
  const openOrder = f.status === 'open' || (f.state !== undefined && (['new', 'assigned', 'in_progress', 'returned', 'transferred'] as string[]).includes(f.state));
  const order = openOrder ? [asc(r.dueAt), asc(r.id)] : [desc(r.id)];
  const page = db.select({ id: r.id }).from(r).where(where).orderBy(...order).limit(f.limit).offset(f.offset).as('page');
  const rows = await db
    .select({
      request: r,
      jurisdictionName: placePath(r.jurisdictionCode),
      categoryName: requestCategories.nameZh,
      personName: persons.name,
      assigneeName: users.displayName,
    })
    .from(page)
    .innerJoin(r, eq(r.id, page.id))
    .innerJoin(requestCategories, eq(requestCategories.code, r.categoryCode))
    .leftJoin(persons, eq(persons.id, r.personId))
    .leftJoin(users, eq(users.id, r.assigneeUserId))
    .orderBy(...order);
  const [counted] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from (select 1 from ${r} where ${where} limit ${COUNT_CAP + 1}) m`);
  const n = counted?.n ?? 0;
  return {
    items: rows.map((x) => ({ ...x.request, jurisdictionName: x.jurisdictionName, categoryName: x.categoryName, personName: x.personName, assigneeName: x.assigneeName })),
    total: Math.min(n, COUNT_CAP),
    totalCapped: n > COUNT_CAP,
  };
}

/**
 * The figures of an area from three index-only counts: open requests by state (and overdue), those
 * awaiting follow-up, and those escalated to the caller's own level. Closed requests (the bulk of
 * the table) are not counted.
 */
export async function figures(db: DbOrTx, scope: string, under: string | undefined, now: Date, handlerCode: string) {
  const where = and(withinScope(r.jurisdictionCode, scope), under ? underPrefix(r.jurisdictionCode, under) : undefined);
  const open = await queryRows<{ state: string; n: number; overdue: number }>(
    db,
    sql`select state, count(*)::int as n, count(*) filter (where ${r.dueAt} < ${now})::int as overdue from ${r} where ${where} and ${isOpenSql} group by state`,
  );
  const [resolved] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from ${r} where ${where} and ${r.state} = 'resolved'`);
  const [escalated] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from ${r} where ${where} and ${isOpenSql} and ${r.escalationLevel} > 0 and ${r.handlerCode} = ${handlerCode}`);
  const byState: Record<string, number> = Object.fromEntries(open.map((s) => [s.state, s.n]));
  if (resolved?.n) byState.resolved = resolved.n;
  return { byState, overdue: open.reduce((n, s) => n + s.overdue, 0), escalated: escalated?.n ?? 0 };
}

/** Requests of the last days in the same category for the same person, or the same place (or within ~200 m). */
export async function duplicateCandidates(db: DbOrTx, x: RequestRow, scope: string, since: Date) {
  const samePlace = and(eq(r.jurisdictionCode, x.jurisdictionCode), eq(r.categoryCode, x.categoryCode));
  const samePerson = x.personId !== null ? and(eq(r.personId, x.personId), eq(r.categoryCode, x.categoryCode)) : undefined;
  // ~0.002° is about 200 m; the service checks the exact distance.
  const near = x.lat !== null && x.long !== null
    ? and(eq(r.categoryCode, x.categoryCode), sql`${r.lat} between ${x.lat - 0.002} and ${x.lat + 0.002}`, sql`${r.long} between ${x.long - 0.002} and ${x.long + 0.002}`)
    : undefined;
  return db
    .select({ id: r.id, trackingCode: r.trackingCode, state: r.state, description: r.description, createdAt: r.createdAt, personId: r.personId, jurisdictionCode: r.jurisdictionCode, categoryCode: r.categoryCode, lat: r.lat, long: r.long })
    .from(r)
    .where(and(
      withinScope(r.jurisdictionCode, scope),
      sql`${r.id} <> ${x.id}`,
      isNull(r.mergedIntoId),
      sql`${r.state} <> 'merged'`,
      sql`${r.createdAt} >= ${since}`,
      or(samePlace, samePerson, near),
    ))
    .orderBy(desc(r.createdAt))
    .limit(10);
}

// ── people and users ──
export async function personInScope(db: DbOrTx, id: number, scope: string) {
  const [row] = await db
    .select({ id: persons.id, name: persons.name, jurisdictionCode: persons.jurisdictionCode, address: persons.address, phoneEnc: persons.phoneEnc, contactCardNo: persons.contactCardNo, mergedInto: persons.mergedInto })
    .from(persons)
    .where(and(eq(persons.id, id), withinScope(persons.jurisdictionCode, scope)));
  return row;
}

/** 连心卡 callers: by card number or phone blind index, in scope, not merged away. */
export async function callers(db: DbOrTx, scope: string, by: { cardNo?: string | undefined; phoneIndex?: string | undefined }) {
  const match = by.cardNo ? eq(persons.contactCardNo, by.cardNo) : by.phoneIndex ? eq(persons.phoneIndex, by.phoneIndex) : undefined;
  if (!match) return [];
  return db
    .select({
      id: persons.id,
      name: persons.name,
      birthDate: persons.birthDate,
      phoneEnc: persons.phoneEnc,
      contactCardNo: persons.contactCardNo,
      jurisdictionCode: persons.jurisdictionCode,
      jurisdictionName: placePath(persons.jurisdictionCode),
      address: persons.address,
      tags: persons.tags,
      openRequests: sql<number>`(select count(*)::int from help_requests o where o.person_id = "persons"."id" and o.state in ${OPEN_STATE_SQL})`,
    })
    .from(persons)
    .where(and(match, isNull(persons.mergedInto), withinScope(persons.jurisdictionCode, scope)))
    .orderBy(asc(persons.id))
    .limit(20);
}

// Qualified by hand: drizzle leaves the table name off columns of a single-table select.
const openAssigned = sql<number>`(select count(*)::int from help_requests o where o.assignee_user_id = "users"."id" and o.state in ${OPEN_STATE_SQL})`;

/** Users holding `role` exactly at `code`, least loaded first (routing's pick). */
export async function usersWithRoleAt(db: DbOrTx, role: string, code: string) {
  return db
    .select({ id: users.id, displayName: users.displayName, openAssigned })
    .from(users)
    .where(and(eq(users.jurisdictionCode, code), sql`${role} = any(${users.roles})`, eq(users.disabled, false)))
    .orderBy(asc(openAssigned), asc(users.id))
    .limit(5);
}

/**
 * Users who can handle a request at `place`: their area covers it (their code is a prefix of it),
 * they hold one of `roles`, and they are inside `scope` unless `scope` is wider. System-wide users
 * (no jurisdiction) are left out: requests are handled on the ground.
 */
export async function usersCovering(db: DbOrTx, place: string, roles: readonly string[], underCode?: string) {
  const prefixes = [];
  for (let i = 2; i <= place.length; i++) prefixes.push(place.slice(0, i));
  return db
    .select({ id: users.id, displayName: users.displayName, jurisdictionCode: users.jurisdictionCode, jurisdictionName: placePath(users.jurisdictionCode), roles: users.roles, openAssigned })
    .from(users)
    .where(and(
      isNotNull(users.jurisdictionCode),
      inArray(users.jurisdictionCode, prefixes),
      underCode ? underPrefix(users.jurisdictionCode, underCode) : undefined,
      sql`${users.roles} && ${sql.param(roles as string[])}::text[]`,
      eq(users.disabled, false),
    ))
    .orderBy(desc(sql`length(${users.jurisdictionCode})`), asc(users.id))
    .limit(100);
}

/** Users whose area lies inside `code` (the assignee picker of a supervisor). */
export async function usersUnder(db: DbOrTx, code: string, roles: readonly string[]) {
  return db
    .select({ id: users.id, displayName: users.displayName, jurisdictionCode: users.jurisdictionCode, jurisdictionName: placePath(users.jurisdictionCode), roles: users.roles, openAssigned })
    .from(users)
    .where(and(isNotNull(users.jurisdictionCode), withinScope(users.jurisdictionCode, code), sql`${users.roles} && ${sql.param(roles as string[])}::text[]`, eq(users.disabled, false)))
    .orderBy(asc(users.jurisdictionCode), asc(users.id))
    .limit(200);
}

export async function userById(db: DbOrTx, id: number) {
  const [row] = await db.select({ id: users.id, displayName: users.displayName, jurisdictionCode: users.jurisdictionCode, roles: users.roles, disabled: users.disabled }).from(users).where(eq(users.id, id));
  return row;
}

export async function placeName(db: DbOrTx, code: string): Promise<string | null> {
  const [row] = await queryRows<{ name: string | null }>(db, sql`select ${placePath(sql`${code}::varchar`)} as name`);
  return row?.name ?? null;
}

/** A place's name (placePath) and whether it exists, in one statement. */
export async function place(db: DbOrTx, code: string): Promise<{ name: string | null; exists: boolean }> {
  const [row] = await queryRows<{ name: string | null; exists: boolean }>(db, sql`select ${placePath(sql`${code}::varchar`)} as name, exists (select 1 from jurisdictions where code = ${code}) as exists`);
  return { name: row?.name ?? null, exists: row?.exists === true };
}

export async function placeExists(db: DbOrTx, code: string): Promise<boolean> {
  const rows = await queryRows<{ one: number }>(db, sql`select 1 as one from jurisdictions where code = ${code}`);
  return rows.length > 0;
}

/** Places for the public form: the counties, or the children of one place, with names only. */
export async function publicPlaces(db: DbOrTx, parent: string | undefined) {
  const rows = await queryRows<{ code: string; name: string; level: string; has_children: boolean }>(
    db,
    sql`select j.code, ${parent ? sql`j.name` : sql`concat_ws(' ', (select p.name from jurisdictions p where p.code = j.parent_code), j.name)`} as name, j.level, exists (select 1 from jurisdictions k where k.parent_code = j.code) as has_children
        from jurisdictions j where ${parent ? sql`j.parent_code = ${parent}` : sql`j.level = 'county'`}
        order by j.code limit 500`,
  );
  return { items: rows.map((x) => ({ code: x.code, name: x.name, level: x.level, hasChildren: x.has_children })) };
}

// ── escalation ──
/** Open requests whose escalation time has come, locked so concurrent workers take different ones. */
export async function dueForEscalation(tx: DbOrTx, now: Date, limit: number): Promise<RequestRow[]> {
  return tx
    .select()
    .from(r)
    .where(and(isOpenSql, isNotNull(r.nextEscalationAt), sql`${r.nextEscalationAt} <= ${now}`))
    .orderBy(asc(r.nextEscalationAt), asc(r.id))
    .limit(limit)
    .for('update', { skipLocked: true });
}
