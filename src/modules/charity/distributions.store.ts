// SQL of distributions: choosing households set-based (a registry query or a list), writing one
// recipient row per household in one statement (unnest), and reading recipients within scope.
import { and, asc, desc, eq, sql, type SQL } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../../platform/db/client.ts';
import { underPrefix, withinScope } from '../../platform/db/scope.ts';
import { placePath } from '../jurisdictions/place-path.ts';
import { organisations } from '../organisations/organisations.table.ts';
import type { Viewer } from '../organisations/organisations.store.ts';
import { hasAttachment } from '../attachments/index.ts';
import { distributionRecipients, distributions } from './charity.table.ts';
import { ofVisibleOrganisation } from './charity.store.ts';
import type { z } from 'zod';
import type { Criteria } from './charity.schema.ts';

export type DistributionRow = typeof distributions.$inferSelect & { organisationName: string };
export type RecipientRow = typeof distributionRecipients.$inferSelect;
export const PHOTO_OWNER = 'distribution_recipient';

export type Household = { id: number; jurisdiction_code: string; head_person_id: number | null };

/** Households of the area matching a registry query: program (an active payment plan), place, members' tags and ages. */
export async function householdsByQuery(db: DbOrTx, area: string, c: z.output<typeof Criteria>, today: string): Promise<Household[]> {
  const conditions: SQL[] = [underPrefix(sql`h.jurisdiction_code`, area)];
  if (c.under) conditions.push(underPrefix(sql`h.jurisdiction_code`, c.under));
  if (c.program) conditions.push(sql`exists (select 1 from payment_plans pp where pp.household_id = h.id and pp.program = ${c.program} and pp.status = 'active')`);
  const member: SQL[] = [];
  if (c.tags?.length) member.push(sql`cardinality(p.tags) > 0 and p.tags && ${sql.param([...c.tags])}::text[]`);
  if (c.minAge !== undefined) member.push(sql`p.birth_date <= (${today}::date - make_interval(years => ${c.minAge}))`);
  if (c.maxAge !== undefined) member.push(sql`p.birth_date > (${today}::date - make_interval(years => ${c.maxAge + 1}))`);
  if (member.length) conditions.push(sql`exists (select 1 from household_members m join persons p on p.id = m.person_id where m.household_id = h.id and m.left_at is null and ${and(...member)})`);
  return queryRows<Household>(db, sql`select h.id, h.jurisdiction_code, h.head_person_id from households h where ${and(...conditions)} order by h.jurisdiction_code, h.id`);
}

export async function householdsByIds(db: DbOrTx, ids: readonly number[]): Promise<Household[]> {
  if (ids.length === 0) return [];
  return queryRows<Household>(db, sql`select h.id, h.jurisdiction_code, h.head_person_id from households h where h.id = any(${sql.param([...ids])}::bigint[])`);
}

/** Households an organisation has been handed before (any of its distributions). */
export async function handedTo(db: DbOrTx, organisationId: number, ids: readonly number[]): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const rows = await queryRows<{ household_id: number }>(db, sql`
    select distinct r.household_id from distribution_recipients r join distributions d on d.id = r.distribution_id
    where d.organisation_id = ${organisationId} and r.household_id = any(${sql.param([...ids])}::bigint[])`);
  return new Set(rows.map((r) => Number(r.household_id)));
}

export async function insertDistribution(db: DbOrTx, values: typeof distributions.$inferInsert): Promise<number> {
  const [row] = await db.insert(distributions).values(values).returning({ id: distributions.id });
  return row!.id;
}

/** One row per household in one statement. */
export async function insertRecipients(tx: DbOrTx, distributionId: number, households: readonly Household[], values: readonly number[], amountFen: number): Promise<void> {
  await tx.execute(sql`
    insert into distribution_recipients (distribution_id, household_id, person_id, jurisdiction_code, value_fen, amount_fen)
    select ${distributionId}, h, p, c, v, ${amountFen}
    from unnest(${sql.param(households.map((h) => h.id))}::bigint[], ${sql.param(households.map((h) => h.head_person_id))}::bigint[],
                ${sql.param(households.map((h) => h.jurisdiction_code))}::varchar[], ${sql.param([...values])}::bigint[]) as u(h, p, c, v)`);
}

const orgName = sql<string>`(select ${organisations.name} from ${organisations} where ${organisations.id} = ${distributions.organisationId})`;

export async function findDistribution(db: DbOrTx, id: number, viewer: Viewer, lock = false): Promise<DistributionRow | undefined> {
  const q = db.select({ d: distributions, organisationName: orgName }).from(distributions).where(and(eq(distributions.id, id), ofVisibleOrganisation(sql`${distributions.organisationId}`, viewer)));
  const [row] = lock ? await q.for('update', { of: distributions }) : await q;
  return row && { ...row.d, organisationName: row.organisationName };
}

export async function listDistributions(db: DbOrTx, viewer: Viewer, f: { organisationId?: number | undefined; limit: number; offset: number }) {
  const where = and(ofVisibleOrganisation(sql`${distributions.organisationId}`, viewer), f.organisationId ? eq(distributions.organisationId, f.organisationId) : undefined);
  const rows = await db.select({ d: distributions, organisationName: orgName }).from(distributions).where(where).orderBy(desc(distributions.id)).limit(f.limit).offset(f.offset);
  const [n] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from ${distributions} where ${where}`);
  return { items: rows.map((r) => ({ ...r.d, organisationName: r.organisationName })), total: n?.n ?? 0 };
}

/** Recipient counts by status, inside `scope` ('' = all). */
export async function counts(db: DbOrTx, distributionId: number, scope: string) {
  const rows = await queryRows<{ status: string; n: number }>(db, sql`
    select status, count(*)::int as n from distribution_recipients where distribution_id = ${distributionId} and ${withinScope(sql`jurisdiction_code`, scope)} group by status`);
  const by = Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
  return { pending: by.pending ?? 0, delivered: by.delivered ?? 0, undelivered: by.undelivered ?? 0, total: (by.pending ?? 0) + (by.delivered ?? 0) + (by.undelivered ?? 0) };
}

export type RecipientView = RecipientRow & { name: string | null; idNumberEnc: string | null; jurisdictionName: string | null; hasPhoto: boolean };

export async function recipients(db: DbOrTx, distributionId: number, scope: string, f: { id?: number; community?: string | undefined; status?: string | undefined; limit: number; offset: number }) {
  const r = distributionRecipients;
  const where = and(
    eq(r.distributionId, distributionId),
    withinScope(r.jurisdictionCode, scope),
    f.community ? underPrefix(r.jurisdictionCode, f.community) : undefined,
    f.status ? eq(r.status, f.status) : undefined,
    f.id ? eq(r.id, f.id) : undefined,
  );
  const rows = await db
    .select({
      r,
      name: sql<string | null>`(select name from persons where id = ${r.personId})`,
      idNumberEnc: sql<string | null>`(select id_number_enc from persons where id = ${r.personId})`,
      jurisdictionName: placePath(r.jurisdictionCode),
      hasPhoto: sql<boolean>`${hasAttachment(PHOTO_OWNER, r.id)}`,
    })
    .from(r)
    .where(where)
    .orderBy(sql`${r.jurisdictionCode} collate "C"`, asc(r.id))
    .limit(f.limit)
    .offset(f.offset);
  const [n] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from ${r} where ${where}`);
  return { items: rows.map((x) => ({ ...x.r, name: x.name, idNumberEnc: x.idNumberEnc, jurisdictionName: x.jurisdictionName, hasPhoto: Boolean(x.hasPhoto) })), total: n?.n ?? 0 };
}

export async function findRecipient(db: DbOrTx, distributionId: number, id: number, scope: string, lock = false): Promise<RecipientRow | undefined> {
  const q = db.select().from(distributionRecipients).where(and(eq(distributionRecipients.id, id), eq(distributionRecipients.distributionId, distributionId), withinScope(distributionRecipients.jurisdictionCode, scope)));
  const [row] = lock ? await q.for('update') : await q;
  return row;
}

export async function setRecipient(db: DbOrTx, id: number, values: Partial<typeof distributionRecipients.$inferInsert>): Promise<void> {
  await db.update(distributionRecipients).set({ ...values, updatedAt: new Date() }).where(eq(distributionRecipients.id, id));
}

/** The position of each of these recipients in the distribution (0-based, by id): who got the spare 分. */
export async function ranks(db: DbOrTx, distributionId: number, status: string): Promise<{ id: number; rank: number }[]> {
  const rows = await queryRows<{ id: number; rank: number; status: string }>(db, sql`
    select id, rank, status from (select id, status, (row_number() over (order by id) - 1)::int as rank from distribution_recipients where distribution_id = ${distributionId}) x where status = ${status}`);
  return rows.map((r) => ({ id: Number(r.id), rank: Number(r.rank) }));
}

/** Money of a project: received, and handed out (pending + delivered). */
export async function projectMoney(db: DbOrTx, projectId: number): Promise<{ received: number; out: number }> {
  const [row] = await queryRows<{ received: number; out: number }>(db, sql`
    select coalesce((select sum(amount_fen) from donations where project_id = ${projectId} and kind = 'money'), 0)::bigint as received,
           coalesce((select sum(r.amount_fen) from distribution_recipients r join distributions d on d.id = r.distribution_id
                     where d.project_id = ${projectId} and d.kind = 'money' and r.status in ('pending', 'delivered')), 0)::bigint as out`);
  return { received: Number(row!.received), out: Number(row!.out) };
}

export async function closeDistribution(db: DbOrTx, id: number): Promise<void> {
  await db.update(distributions).set({ status: 'closed' }).where(eq(distributions.id, id));
}

/** The current household of each person found by the blind index of their ID number. */
export async function householdsByIdIndex(db: DbOrTx, indexes: readonly string[]): Promise<Map<string, number>> {
  if (indexes.length === 0) return new Map();
  const rows = await queryRows<{ idx: string; household_id: number }>(db, sql`
    select p.id_number_index as idx, m.household_id from persons p join household_members m on m.person_id = p.id and m.left_at is null
    where p.id_number_index = any(${sql.param([...indexes])}::text[])`);
  return new Map(rows.map((r) => [r.idx, Number(r.household_id)]));
}
