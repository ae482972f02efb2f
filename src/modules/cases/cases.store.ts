// SQL for cases, their timeline and visits. Every read of a case goes through
// withinScope on the case's jurisdiction, so another area's case is "not found".
import { and, asc, desc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { queryRows, type DbOrTx } from '../../platform/db/client.ts';
import { underPrefix, withinScope } from '../../platform/db/scope.ts';
import { preparedOn, scopePattern, withinScopePlaceholder } from '../../platform/db/prepared.ts';
import { persons } from '../persons/persons.table.ts';
import { placePath } from '../jurisdictions/place-path.ts';
import { users } from '../auth/auth.table.ts';
import { assistanceCases as c, caseEvents, caseVisits } from './cases.table.ts';
import { OPEN_STATES } from './workflow/states.ts';
import type { QueueRule } from './workflow/transitions.ts';

export type CaseRow = typeof c.$inferSelect;
export type CaseInsert = typeof c.$inferInsert;
export type EventRow = typeof caseEvents.$inferSelect;
export type VisitRow = typeof caseVisits.$inferSelect;
export type CaseListRow = CaseRow & { applicantName: string; beneficiaryName: string | null };

const beneficiary = alias(persons, 'beneficiary');
const OPEN = sql.raw(OPEN_STATES.map((s) => `'${s}'`).join(', '));

/**
 * The most pressing date of a case (deadlines.ts effectiveDue, in SQL): for an open case the
 * earliest of its step, overall and paperwork deadlines; for a refusal its notice until served.
 */
export const EFFECTIVE_DUE = sql<string | null>`(case when ${c.state} in (${OPEN}) then least(${c.dueOn}, ${c.overallDueOn}, ${c.paperworkDueOn})
  when ${c.state} = 'refused' and ${c.noticeServedOn} is null then ${c.noticeDueOn} end)`;

/** A case number is printed on notices: program, year, county and the case's id (reserved first). */
export async function reserveId(tx: DbOrTx): Promise<number> {
  const [row] = await queryRows<{ id: number }>(tx, sql`select nextval(pg_get_serial_sequence('assistance_cases', 'id')) as id`);
  return Number(row!.id);
}

export async function insertCase(tx: DbOrTx, values: CaseInsert & { id: number }): Promise<CaseRow> {
  const [row] = await tx.insert(c).overridingSystemValue().values(values).returning();
  return row!;
}

export async function findInScope(db: DbOrTx, id: number, scope: string, lock = false): Promise<CaseRow | undefined> {
  const query = db.select().from(c).where(and(eq(c.id, id), withinScope(c.jurisdictionCode, scope)));
  const [row] = lock ? await query.for('update') : await query;
  return row;
}

export async function update(tx: DbOrTx, id: number, patch: Partial<CaseInsert>): Promise<CaseRow> {
  const [row] = await tx.update(c).set({ ...patch, version: sql`${c.version} + 1`, updatedAt: new Date() }).where(eq(c.id, id)).returning();
  return row!;
}

export async function insertEvent(tx: DbOrTx, values: typeof caseEvents.$inferInsert): Promise<void> {
  await tx.insert(caseEvents).values(values);
}

/** The timeline, each step with the actor's display name (the event keeps the login name it was taken under). */
export async function eventsOf(db: DbOrTx, caseId: number): Promise<EventRow[]> {
  const rows = await db
    .select({ e: caseEvents, displayName: users.displayName })
    .from(caseEvents)
    .leftJoin(users, eq(users.id, caseEvents.actorUserId))
    .where(eq(caseEvents.caseId, caseId))
    .orderBy(asc(caseEvents.id));
  return rows.map((r) => ({ ...r.e, actorName: r.displayName ?? r.e.actorName }));
}

export async function lastEvent(db: DbOrTx, caseId: number, action: string): Promise<EventRow | undefined> {
  const [row] = await db.select().from(caseEvents).where(and(eq(caseEvents.caseId, caseId), eq(caseEvents.action, action))).orderBy(desc(caseEvents.id)).limit(1);
  return row;
}

export function visitsOf(db: DbOrTx, caseId: number): Promise<VisitRow[]> {
  return db.select().from(caseVisits).where(eq(caseVisits.caseId, caseId)).orderBy(asc(caseVisits.visitedOn), asc(caseVisits.id));
}

export async function insertVisit(tx: DbOrTx, values: typeof caseVisits.$inferInsert): Promise<VisitRow> {
  const [row] = await tx.insert(caseVisits).values(values).returning();
  return row!;
}

export async function visitInCase(db: DbOrTx, caseId: number, visitId: number): Promise<boolean> {
  const rows = await db.select({ id: caseVisits.id }).from(caseVisits).where(and(eq(caseVisits.id, visitId), eq(caseVisits.caseId, caseId)));
  return rows.length === 1;
}

/** A case with everything its page shows, in one statement (issue #23: one round trip, not one per section). */
export type CaseWithParts = { row: CaseRow; applicantName: string | null; beneficiaryName: string | null; jurisdictionName: string | null; events: EventRow[]; visits: VisitRow[] };

type EventJson = Omit<EventRow, 'at'> & { at: string };
type VisitJson = Omit<VisitRow, 'createdAt'> & { createdAt: string };

function selectWithParts(db: DbOrTx) {
  // The sections come back as JSON arrays built in SQL (json_agg), keyed like the row types;
  // timestamps arrive as ISO text and are turned back into Dates below. The case's columns are
  // written qualified: drizzle leaves them bare in a one-table select, and the subqueries have ids too.
  const col = (name: string) => sql.raw(`"assistance_cases"."${name}"`);
  return db
    .select({
      c,
      applicantName: sql<string | null>`(select p.name from persons p where p.id = ${col('applicant_person_id')})`,
      beneficiaryName: sql<string | null>`(select p.name from persons p where p.id = ${col('beneficiary_person_id')})`,
      jurisdictionName: placePath(col('jurisdiction_code')),
      events: sql<EventJson[]>`(select coalesce(json_agg(json_build_object(
          'id', e.id, 'caseId', e.case_id, 'at', e.at, 'onDate', e.on_date, 'actorUserId', e.actor_user_id,
          'actorName', coalesce(u.display_name, e.actor_name), 'action', e.action, 'fromState', e.from_state,
          'toState', e.to_state, 'note', e.note, 'data', e.data) order by e.id), '[]'::json)
        from case_events e left join users u on u.id = e.actor_user_id where e.case_id = ${col('id')})`,
      visits: sql<VisitJson[]>`(select coalesce(json_agg(json_build_object(
          'id', v.id, 'caseId', v.case_id, 'kind', v.kind, 'visitedOn', v.visited_on, 'investigators', v.investigators,
          'findings', v.findings, 'familyConfirmed', v.family_confirmed, 'confirmedBy', v.confirmed_by, 'location', v.location,
          'createdBy', v.created_by, 'createdAt', v.created_at) order by v.visited_on, v.id), '[]'::json)
        from case_visits v where v.case_id = ${col('id')})`,
    })
    .from(c);
}

export async function findWithParts(db: DbOrTx, id: number, scope: string): Promise<CaseWithParts | undefined> {
  // The case page's read, prepared once per database handle (platform/db/prepared.ts).
  const ready = scope === ''
    ? preparedOn(db, 'case_with_parts_all', (d) => selectWithParts(d).where(eq(c.id, sql.placeholder('id'))).prepare('case_with_parts_all'))
    : preparedOn(db, 'case_with_parts_scoped', (d) => selectWithParts(d).where(and(eq(c.id, sql.placeholder('id')), withinScopePlaceholder(c.jurisdictionCode, 'scope'))).prepare('case_with_parts_scoped'));
  const [found] = ready ? await ready.execute({ id, scope: scopePattern(scope) }) : await selectWithParts(db).where(and(eq(c.id, id), withinScope(c.jurisdictionCode, scope)));
  if (!found) return undefined;
  const json = <T,>(v: T | string): T => (typeof v === 'string' ? (JSON.parse(v) as T) : v); // a driver that leaves json as text
  return {
    row: found.c,
    applicantName: found.applicantName,
    beneficiaryName: found.beneficiaryName,
    jurisdictionName: found.jurisdictionName,
    events: json(found.events).map((e) => ({ ...e, at: new Date(e.at) })),
    visits: json(found.visits).map((v) => ({ ...v, createdAt: new Date(v.createdAt) })),
  };
}

export async function personName(db: DbOrTx, id: number | null): Promise<string | null> {
  if (id === null) return null;
  const [row] = await db.select({ name: persons.name }).from(persons).where(eq(persons.id, id));
  return row?.name ?? null;
}

function listSelect(db: DbOrTx) {
  return db
    .select({ c, applicantName: persons.name, beneficiaryName: beneficiary.name })
    .from(c)
    .innerJoin(persons, eq(persons.id, c.applicantPersonId))
    .leftJoin(beneficiary, eq(beneficiary.id, c.beneficiaryPersonId));
}

const flatten = (r: { c: CaseRow; applicantName: string; beneficiaryName: string | null }): CaseListRow => ({ ...r.c, applicantName: r.applicantName, beneficiaryName: r.beneficiaryName });

export type ListFilter = { scope: string; state?: string; program?: string; kind?: string; under?: string; q?: string; overdueOn?: string; overdue?: boolean; limit: number; offset: number };

export async function list(db: DbOrTx, f: ListFilter): Promise<{ items: CaseListRow[]; total: number }> {
  const where: SQL[] = [withinScope(c.jurisdictionCode, f.scope)];
  if (f.under) where.push(underPrefix(c.jurisdictionCode, f.under));
  if (f.state) where.push(eq(c.state, f.state));
  if (f.program) where.push(eq(c.program, f.program));
  if (f.kind) where.push(eq(c.kind, f.kind));
  if (f.q) where.push(or(ilike(c.caseNo, `%${f.q.replace(/[\\%_]/g, '\\$&')}%`), ilike(persons.name, `%${f.q.replace(/[\\%_]/g, '\\$&')}%`))!);
  if (f.overdue !== undefined && f.overdueOn) where.push(f.overdue ? sql`${EFFECTIVE_DUE} < ${f.overdueOn}` : sql`coalesce(${EFFECTIVE_DUE} >= ${f.overdueOn}, true)`);
  const cond = and(...where);
  const [rows, [count]] = await Promise.all([
    listSelect(db).where(cond).orderBy(desc(c.id)).limit(f.limit).offset(f.offset),
    db.select({ n: sql<number>`count(*)::int` }).from(c).innerJoin(persons, eq(persons.id, c.applicantPersonId)).where(cond),
  ]);
  return { items: rows.map(flatten), total: count!.n };
}

/** The SQL of one queue rule (workflow/transitions.ts queueRules). */
function ruleSql(r: QueueRule): SQL {
  const parts: SQL[] = [inArray(c.state, [...r.states])];
  if (r.approvalLevel) parts.push(eq(c.approvalLevel, r.approvalLevel));
  if (r.awaitingCountyVisit) parts.push(sql`${c.separatelyRegistered} and not ${c.countyVisitDone}`);
  if (r.noticeUnserved) parts.push(sql`${c.noticeServedOn} is null`);
  return and(...parts)!;
}

/** 待我办理: cases in scope on the caller's desk or assigned to them; overdue first, then by due date. */
export async function queue(db: DbOrTx, q: { scope: string; userId: number; rules: QueueRule[]; today: string; limit: number; offset: number }): Promise<{ items: CaseListRow[]; total: number }> {
  const onDesk = q.rules.length > 0 ? or(...q.rules.map(ruleSql))! : sql`false`;
  const mine = and(eq(c.assigneeUserId, q.userId), or(sql`${c.state} in (${OPEN})`, ruleSql({ states: ['refused'], noticeUnserved: true })))!;
  const cond = and(withinScope(c.jurisdictionCode, q.scope), or(onDesk, mine));
  const overdue = sql`coalesce(${EFFECTIVE_DUE} < ${q.today}, false)`;
  const [rows, [count]] = await Promise.all([
    listSelect(db).where(cond).orderBy(desc(overdue), sql`${EFFECTIVE_DUE} asc nulls last`, asc(c.id)).limit(q.limit).offset(q.offset),
    db.select({ n: sql<number>`count(*)::int` }).from(c).where(cond),
  ]);
  return { items: rows.map(flatten), total: count!.n };
}

/** Open cases by township and step, with the overdue ones (the dashboard). */
export async function dashboard(db: DbOrTx, scope: string, under: string | undefined, today: string) {
  return queryRows<{ township: string; townshipName: string | null; state: string; n: number; overdue: number }>(db, sql`
    select substr(${c.jurisdictionCode}, 1, 9) as township, j.name as "townshipName", ${c.state} as state,
           count(*)::int as n, (count(*) filter (where ${EFFECTIVE_DUE} < ${today}))::int as overdue
      from ${c} left join jurisdictions j on j.code = substr(${c.jurisdictionCode}, 1, 9)
     where ${withinScope(c.jurisdictionCode, scope)} and ${under ? underPrefix(c.jurisdictionCode, under) : sql`true`}
       and ${c.state} in (${OPEN})
     group by 1, 2, 3 order by 1, 3`);
}

/** Approved applications whose review (复核) is due by `date`, with any review already open. */
export async function dueReviews(db: DbOrTx, scope: string, date: string, ids?: number[]) {
  return queryRows<{ id: number; caseNo: string; program: string; jurisdictionCode: string; applicantName: string; approvedFen: number | null; nextReviewOn: string; openReviewCaseId: number | null }>(db, sql`
    select ${c.id} as id, ${c.caseNo} as "caseNo", ${c.program} as program, ${c.jurisdictionCode} as "jurisdictionCode",
           p.name as "applicantName", ${c.approvedFen} as "approvedFen", ${c.nextReviewOn}::text as "nextReviewOn",
           (select r.id from assistance_cases r where r.parent_case_id = ${c.id} and r.kind = 'review' and r.state in (${OPEN}) limit 1) as "openReviewCaseId"
      from ${c} join persons p on p.id = ${c.applicantPersonId}
     where ${withinScope(c.jurisdictionCode, scope)} and ${c.kind} = 'application' and ${c.state} = 'approved'
       and ${c.nextReviewOn} <= ${date} ${ids ? sql`and ${c.id} = any(${sql.raw(`array[${ids.map(Number).join(',') || 'null'}]::bigint[]`)})` : sql``}
     order by ${c.nextReviewOn}, ${c.id}`);
}

/** Cases whose 公示 window overlaps [from, to], under a place, in scope (the list to post). */
export async function publicity(db: DbOrTx, scope: string, under: string | undefined, from: string, to: string): Promise<CaseListRow[]> {
  const rows = await listSelect(db)
    .where(and(
      withinScope(c.jurisdictionCode, scope),
      under ? underPrefix(c.jurisdictionCode, under) : sql`true`,
      inArray(c.state, ['publicizing', 'approving', 'approved']),
      sql`${c.publicityFrom} <= ${to} and ${c.publicityTo} >= ${from}`,
    ))
    .orderBy(asc(c.jurisdictionCode), asc(c.publicityFrom), asc(c.id));
  return rows.map(flatten);
}

/** Encrypted ID numbers of persons, by id (the 公示 list prints them masked). */
export async function idNumbersEnc(db: DbOrTx, ids: number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.select({ id: persons.id, enc: persons.idNumberEnc }).from(persons).where(inArray(persons.id, [...new Set(ids)]));
  return new Map(rows.filter((r) => r.enc !== null).map((r) => [r.id, r.enc!]));
}

/** The open review (复核) of a case, if one is under way. */
export async function openReviewOf(db: DbOrTx, parentId: number): Promise<number | null> {
  const [row] = await db.select({ id: c.id }).from(c).where(and(eq(c.parentCaseId, parentId), eq(c.kind, 'review'), inArray(c.state, [...OPEN_STATES]))).limit(1);
  return row?.id ?? null;
}

/** A colleague a case may be assigned to: their area and whether the account is in use. */
export async function userForAssignment(db: DbOrTx, userId: number): Promise<{ scope: string; active: boolean } | undefined> {
  const [row] = await queryRows<{ scope: string | null; active: boolean }>(db, sql`select jurisdiction_code as scope, not disabled as active from users where id = ${userId}`);
  return row && { scope: row.scope ?? '', active: row.active };
}

/** Cases approved against the engine's decision in [from, to], in scope (the county's overrides report). */
export async function overrides(db: DbOrTx, scope: string, under: string | undefined, from: string, to: string) {
  return queryRows<{ id: number; caseNo: string; program: string; jurisdictionCode: string; applicantName: string; approvedOn: string; approvalLevel: string | null; override: unknown }>(db, sql`
    select ${c.id} as id, ${c.caseNo} as "caseNo", ${c.program} as program, ${c.jurisdictionCode} as "jurisdictionCode",
           p.name as "applicantName", ${c.approvedOn}::text as "approvedOn", ${c.approvalLevel} as "approvalLevel", ${c.override} as override
      from ${c} join persons p on p.id = ${c.applicantPersonId}
     where ${withinScope(c.jurisdictionCode, scope)} and ${under ? underPrefix(c.jurisdictionCode, under) : sql`true`}
       and ${c.override} is not null and ${c.approvedOn} between ${from} and ${to}
     order by ${c.approvedOn}, ${c.id}`);
}
