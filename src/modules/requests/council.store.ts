// 民意直通车 meetings, scoped by the place that met; their items are help requests.
import { and, desc, eq, sql } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../../platform/db/client.ts';
import { underPrefix, withinScope } from '../../platform/db/scope.ts';
import { placePath } from '../jurisdictions/place-path.ts';
import { councilMeetings as m } from './requests.table.ts';

export type MeetingRow = typeof m.$inferSelect & { jurisdictionName: string | null; items: number; resolved: number };

// Qualified by hand: drizzle leaves the table name off columns of a single-table select.
const counts = {
  items: sql<number>`(select count(*)::int from help_requests i where i.council_meeting_id = "council_meetings"."id")`,
  resolved: sql<number>`(select count(*)::int from help_requests i where i.council_meeting_id = "council_meetings"."id" and i.state in ('resolved', 'visited', 'merged'))`,
};

export async function insertMeeting(tx: DbOrTx, values: typeof m.$inferInsert): Promise<number> {
  const [row] = await tx.insert(m).values(values).returning({ id: m.id });
  return row!.id;
}

export async function findInScope(db: DbOrTx, id: number, scope: string): Promise<MeetingRow | undefined> {
  const [row] = await db
    .select({ meeting: m, jurisdictionName: placePath(m.jurisdictionCode), ...counts })
    .from(m)
    .where(and(eq(m.id, id), withinScope(m.jurisdictionCode, scope)));
  return row && { ...row.meeting, jurisdictionName: row.jurisdictionName, items: row.items, resolved: row.resolved };
}

export async function list(db: DbOrTx, f: { scope: string; under?: string | undefined; limit: number; offset: number }): Promise<{ items: MeetingRow[]; total: number }> {
  const where = and(withinScope(m.jurisdictionCode, f.scope), f.under ? underPrefix(m.jurisdictionCode, f.under) : undefined);
  const rows = await db
    .select({ meeting: m, jurisdictionName: placePath(m.jurisdictionCode), ...counts })
    .from(m)
    .where(where)
    .orderBy(desc(m.heldOn), desc(m.id))
    .limit(f.limit)
    .offset(f.offset);
  const [total] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from ${m} where ${where}`);
  return { items: rows.map((x) => ({ ...x.meeting, jurisdictionName: x.jurisdictionName, items: x.items, resolved: x.resolved })), total: total?.n ?? 0 };
}
