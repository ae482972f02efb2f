import { check, doublePrecision, pgTable, text, timestamp, varchar } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { jurisdictions } from '../jurisdictions/jurisdictions.table.ts';

// Where a place is: the representative point (centroid, or the 村委会/居委会 office) of a
// jurisdiction, WGS-84 (lib/geo converts what map pickers send). Coverage of service points is
// measured from here; any module needing "where is this community" reads it.
export const placeLocations = pgTable(
  'place_locations',
  {
    jurisdictionCode: varchar('jurisdiction_code', { length: 15 }).primaryKey().references(() => jurisdictions.code, { onDelete: 'cascade' }),
    lng: doublePrecision('lng').notNull(),
    lat: doublePrecision('lat').notNull(),
    // 'centroid' (computed or drawn) or 'office' (the committee's address).
    kind: text('kind').notNull().default('centroid'),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    check('place_locations_wgs84_china', sql`${t.lng} between 73.4 and 135.1 and ${t.lat} between 3.8 and 53.6`),
    check('place_locations_kind', sql`${t.kind} in ('centroid','office')`),
  ],
);
