// SQL for parameter entries and screening runs/results. Parameter rows are national or regional
// policy data, not people's data; results are scoped by the household's jurisdiction.
import { and, asc, desc, eq, inArray, max, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.ts';
import { queryRows } from '../../platform/db/client.ts';
import { withinScope } from '../../platform/db/scope.ts';
import type { ParameterEntry } from './engine/parameters.ts';
import type { ParameterKey } from './engine/parameters.catalog.ts';
import { policyParameters, screeningResults, screeningRuns } from './policy.table.ts';

export type ParameterRow = typeof policyParameters.$inferSelect;
export type RunRow = typeof screeningRuns.$inferSelect;

export function toEntry(r: ParameterRow): ParameterEntry {
  return { key: r.key as ParameterKey, jurisdiction: r.jurisdiction, from: r.validFrom, value: r.value, tag: r.tag as ParameterEntry['tag'], source: r.source };
}

/** All rows oldest first: for equal key, jurisdiction and date, the later row wins in the index. */
export async function allParameterRows(db: DbOrTx): Promise<ParameterRow[]> {
  return db.select().from(policyParameters).orderBy(asc(policyParameters.id));
}

export async function lastParameterId(db: DbOrTx): Promise<number> {
  const [row] = await db.select({ id: max(policyParameters.id) }).from(policyParameters);
  return row?.id ?? 0;
}

export async function parameterHistory(db: DbOrTx, key: string, chain: string[]): Promise<ParameterRow[]> {
  return db.select().from(policyParameters)
    .where(and(eq(policyParameters.key, key), inArray(policyParameters.jurisdiction, chain)))
    .orderBy(desc(policyParameters.validFrom), desc(policyParameters.id));
}

export async function insertParameters(db: DbOrTx, rows: (typeof policyParameters.$inferInsert)[]): Promise<ParameterRow[]> {
  if (rows.length === 0) return [];
  return db.insert(policyParameters).values(rows).returning();
}

// ── screening ──
export async function insertRun(db: DbOrTx, values: typeof screeningRuns.$inferInsert): Promise<RunRow> {
  const [row] = await db.insert(screeningRuns).values(values).returning();
  return row!;
}

export async function findRun(db: DbOrTx, id: number, scope: string): Promise<RunRow | undefined> {
  const [row] = await db.select().from(screeningRuns).where(and(eq(screeningRuns.id, id), withinScope(screeningRuns.jurisdictionCode, scope)));
  return row;
}

export async function listRuns(db: DbOrTx, scope: string, limit = 50): Promise<RunRow[]> {
  return db.select().from(screeningRuns).where(withinScope(screeningRuns.jurisdictionCode, scope)).orderBy(desc(screeningRuns.id)).limit(limit);
}

export async function updateRun(db: DbOrTx, id: number, values: Partial<typeof screeningRuns.$inferInsert>): Promise<void> {
  await db.update(screeningRuns).set(values).where(eq(screeningRuns.id, id));
}

export async function countHouseholds(db: DbOrTx, prefix: string): Promise<number> {
  const rows = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from households where jurisdiction_code like ${`${prefix}%`}`);
  return rows[0]!.n;
}

export type ResultFilter = { program?: string; status?: string; nearMiss?: boolean; limit: number; offset: number };

export async function listResults(db: DbOrTx, runId: number, scope: string, f: ResultFilter) {
  const where = and(
    eq(screeningResults.runId, runId),
    withinScope(screeningResults.jurisdictionCode, scope),
    f.program ? eq(screeningResults.program, f.program) : undefined,
    f.status ? eq(screeningResults.status, f.status) : undefined,
    f.nearMiss !== undefined ? eq(screeningResults.nearMiss, f.nearMiss) : undefined,
  );
  const [count] = await db.select({ n: sql<number>`count(*)::int` }).from(screeningResults).where(where);
  const items = await queryRows<{ householdId: number; jurisdictionCode: string; headName: string | null; program: string; status: string; amountFen: number | null; category: string | null; nearMiss: boolean }>(db, sql`
    select r.household_id as "householdId", r.jurisdiction_code as "jurisdictionCode", p.name as "headName", r.program, r.status,
           r.amount_fen as "amountFen", r.category, r.near_miss as "nearMiss"
      from (select * from screening_results where ${where} order by household_id, program, subject limit ${f.limit} offset ${f.offset}) r
      left join households h on h.id = r.household_id left join persons p on p.id = h.head_person_id
     order by r.household_id, r.program`);
  return { total: count!.n, items };
}
