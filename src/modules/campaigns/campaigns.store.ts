// SQL of campaigns. Every query for people's data filters by the caller's scope (withinScope);
// target lists are built set-based (INSERT … SELECT), never a row at a time.
import { and, eq, sql, type SQL } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../../platform/db/client.ts';
import { underPrefix, withinScope } from '../../platform/db/scope.ts';
import { placePath } from '../jurisdictions/place-path.ts';
import { persons, taggedWith } from '../persons/persons.table.ts';
import { users } from '../auth/auth.table.ts';
import { campaigns, campaignTargets, campaignVisits } from './campaigns.table.ts';
import { hasAttachment } from '../attachments/index.ts';
import type { CriteriaView, TargetFilter } from './campaigns.schema.ts';

export type CampaignRow = typeof campaigns.$inferSelect;
export type CampaignWithPlace = CampaignRow & { jurisdictionName: string | null };
export type VisitRow = typeof campaignVisits.$inferSelect;

const like = (s: string) => `${s.replace(/[\\%_]/g, '\\$&')}%`;
const textArray = (values: readonly string[]) => sql`array[${sql.join(values.map((v) => sql`${v}`), sql`, `)}]::text[]`;

/** A campaign is seen by users inside its area (their part of it) and by users whose area covers it. */
function campaignVisible(scope: string): SQL {
  return scope === '' ? sql`true` : sql`(${withinScope(campaigns.jurisdictionCode, scope)} or starts_with(${scope}, ${campaigns.jurisdictionCode}))`;
}

// ---------------------------------------------------------------------------------------------
// Campaigns

export async function insertCampaign(db: DbOrTx, values: typeof campaigns.$inferInsert): Promise<CampaignRow> {
  const [row] = await db.insert(campaigns).values(values).returning();
  return row!;
}

export async function updateCampaign(db: DbOrTx, id: number, values: Partial<typeof campaigns.$inferInsert>): Promise<void> {
  await db.update(campaigns).set({ ...values, updatedAt: new Date() }).where(eq(campaigns.id, id));
}

export async function findCampaign(db: DbOrTx, id: number, scope: string, lock = false): Promise<CampaignWithPlace | undefined> {
  const query = db
    .select({ campaign: campaigns, jurisdictionName: placePath(campaigns.jurisdictionCode) })
    .from(campaigns)
    .where(and(eq(campaigns.id, id), campaignVisible(scope)));
  const [row] = lock ? await query.for('update', { of: campaigns }) : await query;
  return row && { ...row.campaign, jurisdictionName: row.jurisdictionName };
}

export async function listCampaigns(db: DbOrTx, f: { scope: string; q?: string | undefined; status?: string | undefined; limit: number; offset: number }) {
  const conditions: SQL[] = [campaignVisible(f.scope)];
  if (f.q) conditions.push(sql`${campaigns.name} like ${`%${f.q.replace(/[\\%_]/g, '\\$&')}%`}`);
  if (f.status) conditions.push(eq(campaigns.status, f.status));
  const where = and(...conditions);
  const rows = await db
    .select({ campaign: campaigns, jurisdictionName: placePath(campaigns.jurisdictionCode) })
    .from(campaigns)
    .where(where)
    .orderBy(sql`${campaigns.status} = 'closed'`, sql`${campaigns.startsOn} desc`, sql`${campaigns.id} desc`)
    .limit(f.limit)
    .offset(f.offset);
  const [counted] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from ${campaigns} where ${where}`);
  return { items: rows.map((r) => ({ ...r.campaign, jurisdictionName: r.jurisdictionName })), total: counted?.n ?? 0 };
}

// ---------------------------------------------------------------------------------------------
// Figures: counted live from the targets, inside the caller's scope

export type CountRow = { total: number; closed: number; revisit: number; pending: number; unassigned: number; due: number };

const countColumns = (today: string) => sql`
  count(*)::int as "total",
  count(*) filter (where ${campaignTargets.status} = 'closed')::int as "closed",
  count(*) filter (where ${campaignTargets.status} = 'revisit')::int as "revisit",
  count(*) filter (where ${campaignTargets.status} = 'pending')::int as "pending",
  count(*) filter (where ${campaignTargets.status} <> 'closed' and ${campaignTargets.assigneeUserId} is null)::int as "unassigned",
  count(*) filter (where ${campaignTargets.status} = 'revisit' and ${campaignTargets.revisitOn} <= ${today}::date)::int as "due"`;

/** Figures per campaign for a page of campaigns. */
export async function countsByCampaign(db: DbOrTx, ids: readonly number[], scope: string, today: string): Promise<Map<number, CountRow>> {
  if (ids.length === 0) return new Map();
  const rows = await queryRows<CountRow & { campaignId: number }>(db, sql`
    select ${campaignTargets.campaignId} as "campaignId", ${countColumns(today)}
    from ${campaignTargets}
    where ${campaignTargets.campaignId} in (${sql.join(ids.map((id) => sql`${id}`), sql`, `)}) and ${withinScope(campaignTargets.jurisdictionCode, scope)}
    group by ${campaignTargets.campaignId}`);
  return new Map(rows.map(({ campaignId, ...counts }) => [campaignId, counts]));
}

/** Figures per place a target lives in (grid or community), for the roll-up. */
export async function countsByPlace(db: DbOrTx, campaignId: number, scope: string, today: string): Promise<(CountRow & { code: string })[]> {
  return queryRows(db, sql`
    select ${campaignTargets.jurisdictionCode} as "code", ${countColumns(today)}
    from ${campaignTargets}
    where ${campaignTargets.campaignId} = ${campaignId} and ${withinScope(campaignTargets.jurisdictionCode, scope)}
    group by ${campaignTargets.jurisdictionCode}`);
}

export async function placeNames(db: DbOrTx, codes: readonly string[]): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const rows = await queryRows<{ code: string; name: string }>(db, sql`
    select code, name from jurisdictions where code in (${sql.join(codes.map((c) => sql`${c}`), sql`, `)})`);
  return new Map(rows.map((r) => [r.code, r.name]));
}

// ---------------------------------------------------------------------------------------------
// Building the target list from the registry

/** Persons matching the criteria: alive, not merged, living under `under`, age as of `startsOn`. */
function criteriaConditions(c: CriteriaView & { under: string }, startsOn: string, scope: string): SQL[] {
  const conditions: SQL[] = [
    underPrefix(persons.jurisdictionCode, c.under),
    withinScope(persons.jurisdictionCode, scope),
    sql`${persons.mergedInto} is null`,
    sql`${persons.deathDate} is null`,
  ];
  // Whole years on the start date: age ≥ N ⇔ born on or before the start date N years back
  // (29 Feb counts on 1 Mar in a common year, as ageOn does: PostgreSQL clamps 29 Feb to 28 Feb).
  if (c.minAge !== undefined) conditions.push(sql`${persons.birthDate} <= (${startsOn}::date - make_interval(years => ${c.minAge}::int))::date`);
  if (c.maxAge !== undefined) conditions.push(sql`${persons.birthDate} > (${startsOn}::date - make_interval(years => ${c.maxAge + 1}::int))::date`);
  if (c.tags?.length) conditions.push(taggedWith(c.tags, c.tagMode === 'all' ? 'all' : 'any'));
  if (c.sex) conditions.push(eq(persons.sex, c.sex));
  return conditions;
}

/** The grid worker of each grid under `area` (the first by id when a grid has several). */
function gridWorkers(area: string): SQL {
  return sql`select distinct on (u.jurisdiction_code) u.jurisdiction_code as code, u.id
    from ${users} u
    where u.jurisdiction_code collate "C" like ${like(area)} and length(u.jurisdiction_code) = 15
      and 'grid_worker' = any(u.roles) and not u.disabled
    order by u.jurisdiction_code, u.id`;
}

export async function previewCount(db: DbOrTx, area: string, criteria: CriteriaView & { under: string }, startsOn: string, scope: string) {
  const [row] = await queryRows<{ count: number; unassigned: number }>(db, sql`
    with workers as (${gridWorkers(area)})
    select count(*)::int as "count", count(*) filter (where w.id is null)::int as "unassigned"
    from ${persons} left join workers w on w.code = ${persons.jurisdictionCode}
    where ${and(...criteriaConditions(criteria, startsOn, scope))}`);
  return row ?? { count: 0, unassigned: 0 };
}

/** INSERT … SELECT the matching persons; the ones already listed stay as they are. */
export async function buildTargets(tx: DbOrTx, campaign: { id: number; jurisdictionCode: string; startsOn: string }, criteria: CriteriaView & { under: string }, scope: string) {
  const [row] = await queryRows<{ matched: number; added: number }>(tx, sql`
    with workers as (${gridWorkers(campaign.jurisdictionCode)}),
    matched as (
      select ${persons.id} as person_id, ${persons.jurisdictionCode} as code, w.id as assignee
      from ${persons} left join workers w on w.code = ${persons.jurisdictionCode}
      where ${and(...criteriaConditions(criteria, campaign.startsOn, scope))}
    ),
    added as (
      insert into ${campaignTargets} (campaign_id, person_id, jurisdiction_code, assignee_user_id, source)
      select ${campaign.id}, person_id, code, assignee, 'query' from matched
      on conflict (campaign_id, person_id) do nothing
      returning 1
    )
    select (select count(*) from matched)::int as "matched", (select count(*) from added)::int as "added"`);
  return row ?? { matched: 0, added: 0 };
}

/** Add chosen persons (an imported list); returns the person ids that were added (not listed before). */
export async function addPersons(tx: DbOrTx, campaign: { id: number; jurisdictionCode: string }, personIds: readonly number[], source: 'import' | 'manual'): Promise<Set<number>> {
  if (personIds.length === 0) return new Set();
  const rows = await queryRows<{ personId: number }>(tx, sql`
    with workers as (${gridWorkers(campaign.jurisdictionCode)})
    insert into ${campaignTargets} (campaign_id, person_id, jurisdiction_code, assignee_user_id, source)
    select ${campaign.id}, ${persons.id}, ${persons.jurisdictionCode}, w.id, ${source}
    from ${persons} left join workers w on w.code = ${persons.jurisdictionCode}
    where ${persons.id} in (${sql.join(personIds.map((id) => sql`${id}`), sql`, `)})
    on conflict (campaign_id, person_id) do nothing
    returning person_id as "personId"`);
  return new Set(rows.map((r) => r.personId));
}

export async function listedPersons(db: DbOrTx, campaignId: number, personIds: readonly number[]): Promise<Set<number>> {
  if (personIds.length === 0) return new Set();
  const rows = await queryRows<{ personId: number }>(db, sql`
    select person_id as "personId" from ${campaignTargets}
    where campaign_id = ${campaignId} and person_id in (${sql.join(personIds.map((id) => sql`${id}`), sql`, `)})`);
  return new Set(rows.map((r) => r.personId));
}

export type RegistryMatch = { id: number; name: string; birthDate: string | null; jurisdictionCode: string; deathDate: string | null; idNumberIndex: string | null };

/** Persons by blind index of the ID number, inside the area and the caller's scope (merged ones have none). */
export async function personsByIdIndex(db: DbOrTx, indexes: readonly string[], area: string, scope: string): Promise<RegistryMatch[]> {
  if (indexes.length === 0) return [];
  return queryRows(db, sql`
    select id, name, birth_date::text as "birthDate", jurisdiction_code as "jurisdictionCode", death_date::text as "deathDate", id_number_index as "idNumberIndex"
    from ${persons}
    where ${persons.idNumberIndex} in (${sql.join(indexes.map((i) => sql`${i}`), sql`, `)})
      and ${underPrefix(persons.jurisdictionCode, area)} and ${withinScope(persons.jurisdictionCode, scope)} and ${persons.mergedInto} is null`);
}

/** Living, unmerged persons by exact name inside the area and the caller's scope. */
export async function personsByName(db: DbOrTx, names: readonly string[], area: string, scope: string): Promise<RegistryMatch[]> {
  if (names.length === 0) return [];
  return queryRows(db, sql`
    select id, name, birth_date::text as "birthDate", jurisdiction_code as "jurisdictionCode", death_date::text as "deathDate", id_number_index as "idNumberIndex"
    from ${persons}
    where ${sql`${persons.name} collate "C"`} in (${sql.join(names.map((n) => sql`${n}`), sql`, `)})
      and ${underPrefix(persons.jurisdictionCode, area)} and ${withinScope(persons.jurisdictionCode, scope)}
      and ${persons.mergedInto} is null and ${persons.deathDate} is null`);
}

// ---------------------------------------------------------------------------------------------
// Assignment

/** Open, unassigned targets get their grid's grid worker. */
export async function autoAssign(tx: DbOrTx, campaign: { id: number; jurisdictionCode: string }, under: string, scope: string): Promise<number> {
  const rows = await queryRows<{ n: number }>(tx, sql`
    with workers as (${gridWorkers(campaign.jurisdictionCode)}),
    updated as (
      update ${campaignTargets} t set assignee_user_id = w.id, updated_at = now()
      from workers w
      where t.campaign_id = ${campaign.id} and t.assignee_user_id is null and t.status <> 'closed'
        and w.code = t.jurisdiction_code
        and t.jurisdiction_code collate "C" like ${like(under)} and t.jurisdiction_code collate "C" like ${like(scope)}
      returning 1
    ) select count(*)::int as n from updated`);
  return rows[0]?.n ?? 0;
}

export async function setAssignee(tx: DbOrTx, targetId: number, userId: number | null): Promise<void> {
  await tx.update(campaignTargets).set({ assigneeUserId: userId, updatedAt: new Date() }).where(eq(campaignTargets.id, targetId));
}

export type UserRef = { id: number; name: string; jurisdictionCode: string | null; roles: string[]; disabled: boolean };

export async function findUser(db: DbOrTx, id: number): Promise<UserRef | undefined> {
  const [row] = await db
    .select({ id: users.id, name: users.displayName, jurisdictionCode: users.jurisdictionCode, roles: users.roles, disabled: users.disabled })
    .from(users)
    .where(eq(users.id, id));
  return row;
}

/** Users who can visit, inside the caller's scope, whose area overlaps the campaign's; with their open targets here. */
export async function workers(db: DbOrTx, campaign: { id: number; jurisdictionCode: string }, scope: string, roles: readonly string[]) {
  const area = campaign.jurisdictionCode;
  return queryRows<{ id: number; name: string; jurisdictionCode: string; roles: string[]; open: number }>(db, sql`
    select u.id, u.display_name as "name", u.jurisdiction_code as "jurisdictionCode", u.roles,
      (select count(*) from ${campaignTargets} t where t.campaign_id = ${campaign.id} and t.assignee_user_id = u.id and t.status <> 'closed')::int as "open"
    from ${users} u
    where not u.disabled and u.jurisdiction_code is not null and u.roles && ${textArray(roles)}
      and u.jurisdiction_code collate "C" like ${like(scope)}
      and (u.jurisdiction_code collate "C" like ${like(area)} or starts_with(${area}, u.jurisdiction_code))
    order by u.jurisdiction_code, u.id
    limit 500`);
}

// ---------------------------------------------------------------------------------------------
// The ledger

export type TargetRowFull = {
  id: number;
  campaignId: number;
  personId: number;
  name: string;
  sex: string | null;
  birthDate: string | null;
  idNumberEnc: string | null;
  phoneEnc: string | null;
  address: string | null;
  tags: string[];
  jurisdictionCode: string;
  jurisdictionName: string | null;
  assigneeId: number | null;
  assigneeName: string | null;
  assigneeCode: string | null;
  status: string;
  visitCount: number;
  lastVisitId: number | null;
  lastVisitOn: string | null;
  lastResult: string | null;
  revisitOn: string | null;
  closedOn: string | null;
  campaignName?: string;
  startsOn?: string;
};

function targetSelect(extra: SQL = sql``) {
  const t = campaignTargets;
  return sql`
    select ${t.id} as "id", ${t.campaignId} as "campaignId", ${t.personId} as "personId",
      ${persons.name} as "name", ${persons.sex} as "sex", ${persons.birthDate}::text as "birthDate",
      ${persons.idNumberEnc} as "idNumberEnc", ${persons.phoneEnc} as "phoneEnc", ${persons.address} as "address", ${persons.tags} as "tags",
      ${t.jurisdictionCode} as "jurisdictionCode", ${placePath(t.jurisdictionCode)} as "jurisdictionName",
      u.id as "assigneeId", u.display_name as "assigneeName", u.jurisdiction_code as "assigneeCode",
      ${t.status} as "status", ${t.visitCount} as "visitCount", ${t.lastVisitId} as "lastVisitId", ${t.lastVisitOn}::text as "lastVisitOn",
      ${t.lastResult} as "lastResult", ${t.revisitOn}::text as "revisitOn", ${t.closedOn}::text as "closedOn" ${extra}
    from ${t}
    join ${persons} on ${persons.id} = ${t.personId}
    left join ${users} u on u.id = ${t.assigneeUserId}`;
}

function filterConditions(campaignId: number, scope: string, f: TargetFilter, today: string, callerId: number): SQL[] {
  const t = campaignTargets;
  const conditions: SQL[] = [eq(t.campaignId, campaignId), withinScope(t.jurisdictionCode, scope)];
  if (f.status === 'open') conditions.push(sql`${t.status} <> 'closed'`);
  else if (f.status === 'due') conditions.push(sql`${t.status} = 'revisit' and ${t.revisitOn} <= ${today}::date`);
  else if (f.status) conditions.push(eq(t.status, f.status));
  if (f.under) conditions.push(underPrefix(t.jurisdictionCode, f.under));
  if (f.assignee === 'none') conditions.push(sql`${t.assigneeUserId} is null`);
  else if (f.assignee === 'me') conditions.push(eq(t.assigneeUserId, callerId));
  else if (typeof f.assignee === 'number') conditions.push(eq(t.assigneeUserId, f.assignee));
  if (f.q) {
    const q = like(f.q);
    conditions.push(/^[a-z]+$/i.test(f.q) ? sql`${persons.nameInitials} like ${q.toLowerCase()}` : sql`${persons.name} like ${q}`);
  }
  return conditions;
}

export async function listTargets(db: DbOrTx, campaignId: number, scope: string, f: TargetFilter, today: string, callerId: number, page: { limit: number; offset?: number; afterId?: number; withTotal?: boolean }) {
  const t = campaignTargets;
  const conditions = filterConditions(campaignId, scope, f, today, callerId);
  const where = and(...conditions)!;
  const order = page.afterId !== undefined ? sql`order by ${t.id}` : sql`order by ${t.jurisdictionCode} collate "C", ${t.id}`;
  const paged = page.afterId !== undefined ? sql`${where} and ${t.id} > ${page.afterId}` : where;
  const items = await queryRows<TargetRowFull>(db, sql`${targetSelect()} where ${paged} ${order} limit ${page.limit} offset ${page.offset ?? 0}`);
  if (page.withTotal === false) return { items, total: -1 };
  const join = f.q ? sql`join ${persons} on ${persons.id} = ${t.personId}` : sql``;
  const [counted] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from ${t} ${join} where ${where}`);
  return { items, total: counted?.n ?? 0 };
}

export async function findTarget(db: DbOrTx, campaignId: number, targetId: number, scope: string): Promise<TargetRowFull | undefined> {
  const t = campaignTargets;
  const [row] = await queryRows<TargetRowFull>(db, sql`${targetSelect()} where ${t.id} = ${targetId} and ${t.campaignId} = ${campaignId} and ${withinScope(t.jurisdictionCode, scope)}`);
  return row;
}

/** Lock a target row for a change (visit, assignment) after its scope was checked. */
export async function lockTarget(tx: DbOrTx, targetId: number) {
  const [row] = await tx.select().from(campaignTargets).where(eq(campaignTargets.id, targetId)).for('update');
  return row;
}

export async function dueRevisits(db: DbOrTx, scope: string, today: string, assignee: number | undefined, limit: number) {
  const t = campaignTargets;
  const conditions: SQL[] = [sql`${t.status} = 'revisit'`, sql`${t.revisitOn} <= ${today}::date`, withinScope(t.jurisdictionCode, scope), sql`c.status = 'active'`];
  if (assignee !== undefined) conditions.push(eq(t.assigneeUserId, assignee));
  const where = and(...conditions)!;
  const extra = sql`, c.name as "campaignName", c.starts_on::text as "startsOn"`;
  const items = await queryRows<TargetRowFull>(db, sql`${targetSelect(extra)} join ${campaigns} c on c.id = ${t.campaignId} where ${where} order by ${t.revisitOn}, ${t.id} limit ${limit}`);
  const [counted] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from ${t} join ${campaigns} c on c.id = ${t.campaignId} where ${where}`);
  return { items, total: counted?.n ?? 0 };
}

// ---------------------------------------------------------------------------------------------
// Visits

export async function insertVisit(tx: DbOrTx, values: typeof campaignVisits.$inferInsert): Promise<VisitRow> {
  const [row] = await tx.insert(campaignVisits).values(values).returning();
  return row!;
}

export async function recordOutcome(tx: DbOrTx, targetId: number, v: { visitId: number; visitedOn: string; result: string; closes: boolean; revisitOn: string | null }): Promise<void> {
  await tx
    .update(campaignTargets)
    .set({
      status: v.closes ? 'closed' : 'revisit',
      visitCount: sql`${campaignTargets.visitCount} + 1`,
      lastVisitId: v.visitId,
      lastVisitOn: v.visitedOn,
      lastResult: v.result,
      revisitOn: v.closes ? null : v.revisitOn,
      closedOn: v.closes ? v.visitedOn : null,
      updatedAt: new Date(),
    })
    .where(eq(campaignTargets.id, targetId));
}

/** The owner kind of a visit's photo in the attachments module (one photo per visit, kind 'photo'). */
export const VISIT_PHOTO_OWNER = 'campaign_visit';

export async function visitsOf(db: DbOrTx, targetId: number): Promise<(VisitRow & { hasPhoto: boolean })[]> {
  const rows = await db
    .select({ visit: campaignVisits, hasPhoto: sql<boolean>`${hasAttachment(VISIT_PHOTO_OWNER, campaignVisits.id, 'photo')}` })
    .from(campaignVisits)
    .where(eq(campaignVisits.targetId, targetId))
    .orderBy(sql`${campaignVisits.visitedOn} desc`, sql`${campaignVisits.id} desc`);
  return rows.map((r) => ({ ...r.visit, hasPhoto: r.hasPhoto }));
}

/** The answers of the given visits (the ledger export shows each target's last visit). */
export async function answersOf(db: DbOrTx, visitIds: readonly number[]): Promise<Map<number, { answers: Record<string, unknown>; notes: string | null; visitorName: string }>> {
  if (visitIds.length === 0) return new Map();
  const rows = await queryRows<{ id: number; answers: Record<string, unknown>; notes: string | null; visitorName: string }>(db, sql`
    select id, answers, notes, visitor_name as "visitorName" from ${campaignVisits} where id in (${sql.join(visitIds.map((id) => sql`${id}`), sql`, `)})`);
  return new Map(rows.map((r) => [r.id, r]));
}

export async function findVisit(db: DbOrTx, targetId: number, visitId: number): Promise<VisitRow | undefined> {
  const [row] = await db.select().from(campaignVisits).where(and(eq(campaignVisits.id, visitId), eq(campaignVisits.targetId, targetId)));
  return row;
}
