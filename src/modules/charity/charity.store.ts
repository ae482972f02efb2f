// SQL of charity projects, donations and receipt numbers. Rows belong to an organisation; a caller
// sees them when they see the organisation (organisations.store visibleTo).
import { and, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../../platform/db/client.ts';
import { organisations } from '../organisations/organisations.table.ts';
import { visibleTo, type Viewer } from '../organisations/organisations.store.ts';
import { charityProjects, donations, goodsItems, receiptCounters, stockMovements } from './charity.table.ts';

export type ProjectRow = typeof charityProjects.$inferSelect & { organisationName: string };
export type DonationRow = typeof donations.$inferSelect & { organisationName: string };

/** The row's organisation is one the viewer sees. */
export function ofVisibleOrganisation(column: SQL | typeof charityProjects.organisationId, viewer: Viewer): SQL {
  return sql`exists (select 1 from ${organisations} where ${organisations.id} = ${column} and ${visibleTo(viewer)})`;
}

const orgName = sql<string>`(select ${organisations.name} from ${organisations} where ${organisations.id} = ${charityProjects.organisationId})`;

export async function insertProject(db: DbOrTx, values: typeof charityProjects.$inferInsert) {
  const [row] = await db.insert(charityProjects).values(values).returning({ id: charityProjects.id });
  return row!.id;
}

export async function findProject(db: DbOrTx, id: number, viewer: Viewer, lock = false): Promise<ProjectRow | undefined> {
  const q = db.select({ p: charityProjects, organisationName: orgName }).from(charityProjects).where(and(eq(charityProjects.id, id), ofVisibleOrganisation(sql`${charityProjects.organisationId}`, viewer)));
  const [row] = lock ? await q.for('update', { of: charityProjects }) : await q;
  return row && { ...row.p, organisationName: row.organisationName };
}

export async function listProjects(db: DbOrTx, viewer: Viewer, f: { organisationId?: number | undefined; limit: number; offset: number }) {
  const where = and(ofVisibleOrganisation(sql`${charityProjects.organisationId}`, viewer), f.organisationId ? eq(charityProjects.organisationId, f.organisationId) : undefined);
  const rows = await db.select({ p: charityProjects, organisationName: orgName }).from(charityProjects).where(where).orderBy(desc(charityProjects.id)).limit(f.limit).offset(f.offset);
  const [n] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from ${charityProjects} where ${where}`);
  return { items: rows.map((r) => ({ ...r.p, organisationName: r.organisationName })), total: n?.n ?? 0 };
}

export async function organisationNames(db: DbOrTx, ids: readonly number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.select({ id: organisations.id, name: organisations.name }).from(organisations).where(inArray(organisations.id, [...ids]));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/**
 * The next 捐赠票据 number of an organisation for a year, in the caller's transaction: the counter
 * row stays locked until it commits or rolls back, so concurrent donations queue here and a
 * rolled-back one leaves no gap.
 */
export async function nextReceiptNo(tx: DbOrTx, organisationId: number, year: number): Promise<number> {
  const [row] = await queryRows<{ last_no: number }>(tx, sql`
    insert into ${receiptCounters} (organisation_id, year, last_no) values (${organisationId}, ${year}, 1)
    on conflict (organisation_id, year) do update set last_no = ${receiptCounters}.last_no + 1
    returning last_no`);
  return Number(row!.last_no);
}

export async function insertDonation(db: DbOrTx, values: typeof donations.$inferInsert) {
  const [row] = await db.insert(donations).values(values).returning({ id: donations.id });
  return row!.id;
}

const donationOrgName = sql<string>`(select ${organisations.name} from ${organisations} where ${organisations.id} = ${donations.organisationId})`;

export async function findDonation(db: DbOrTx, id: number, viewer: Viewer): Promise<DonationRow | undefined> {
  const [row] = await db.select({ d: donations, organisationName: donationOrgName }).from(donations).where(and(eq(donations.id, id), ofVisibleOrganisation(sql`${donations.organisationId}`, viewer)));
  return row && { ...row.d, organisationName: row.organisationName };
}

export async function listDonations(db: DbOrTx, viewer: Viewer, f: { organisationId?: number | undefined; projectId?: number | undefined; limit: number; offset: number }) {
  const where = and(
    ofVisibleOrganisation(sql`${donations.organisationId}`, viewer),
    f.organisationId ? eq(donations.organisationId, f.organisationId) : undefined,
    f.projectId ? eq(donations.projectId, f.projectId) : undefined,
  );
  const rows = await db.select({ d: donations, organisationName: donationOrgName }).from(donations).where(where).orderBy(desc(donations.id)).limit(f.limit).offset(f.offset);
  const [n] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from ${donations} where ${where}`);
  return { items: rows.map((r) => ({ ...r.d, organisationName: r.organisationName })), total: n?.n ?? 0 };
}

/** The goods lines of donations (their 'in' movements). */
export async function donationLines(db: DbOrTx, donationIds: readonly number[]) {
  if (donationIds.length === 0) return [];
  return db
    .select({ donationId: stockMovements.donationId, itemId: stockMovements.itemId, itemName: goodsItems.name, unit: goodsItems.unit, quantity: stockMovements.quantity, valueFen: stockMovements.valueFen, expiresOn: stockMovements.expiresOn })
    .from(stockMovements)
    .innerJoin(goodsItems, eq(goodsItems.id, stockMovements.itemId))
    .where(and(inArray(stockMovements.donationId, [...donationIds]), eq(stockMovements.kind, 'in')))
    .orderBy(stockMovements.id);
}
