// SQL for place locations, scoped by the place's code like everything else.
import { and, eq, sql } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../../platform/db/client.ts';
import { withinScope } from '../../platform/db/scope.ts';
import { jurisdictions } from '../jurisdictions/jurisdictions.table.ts';
import { placeLocations } from './places.table.ts';

export type PlaceLocationRow = typeof placeLocations.$inferSelect & { name: string | null };

export async function find(db: DbOrTx, code: string, scope: string): Promise<PlaceLocationRow | undefined> {
  const [row] = await db.select({ loc: placeLocations, name: jurisdictions.name }).from(placeLocations).innerJoin(jurisdictions, eq(jurisdictions.code, placeLocations.jurisdictionCode))
    .where(and(eq(placeLocations.jurisdictionCode, code), withinScope(placeLocations.jurisdictionCode, scope)));
  return row ? { ...row.loc, name: row.name } : undefined;
}

export async function upsert(db: DbOrTx, v: typeof placeLocations.$inferInsert): Promise<typeof placeLocations.$inferSelect | undefined> {
  const [before] = await db.select().from(placeLocations).where(eq(placeLocations.jurisdictionCode, v.jurisdictionCode)).for('update');
  await db.insert(placeLocations).values(v).onConflictDoUpdate({ target: placeLocations.jurisdictionCode, set: { lng: v.lng, lat: v.lat, kind: v.kind, updatedAt: v.updatedAt } });
  return before;
}

/** The places of one level (code length) under a prefix, with their location when set. */
export async function placesUnder(db: DbOrTx, prefix: string, length: number) {
  return queryRows<{ code: string; name: string; lng: number | null; lat: number | null }>(db, sql`
    select j.code, j.name, l.lng, l.lat from ${jurisdictions} j left join ${placeLocations} l on l.jurisdiction_code = j.code
    where length(j.code) = ${length} and ${withinScope(sql`j.code`, prefix)} order by j.code`);
}
