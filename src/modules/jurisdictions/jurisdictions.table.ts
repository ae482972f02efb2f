import { sql } from 'drizzle-orm';
import { check, index, pgTable, text, timestamp, varchar } from 'drizzle-orm/pg-core';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';

// code is the node's significant prefix (see src/lib/division-code.ts); descendants share it.
export const jurisdictions = pgTable(
  'jurisdictions',
  {
    code: varchar('code', { length: 15 }).primaryKey(),
    name: text('name').notNull(),
    level: text('level').notNull(),
    parentCode: varchar('parent_code', { length: 15 }).references((): AnyPgColumn => jurisdictions.code, {
      onDelete: 'restrict',
    }),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    index('jurisdictions_parent_idx').on(t.parentCode),
    // LIKE 'prefix%' needs pattern ops to use an index whatever the database collation is.
    index('jurisdictions_code_prefix_idx').using('btree', t.code.op('varchar_pattern_ops')),
    check('jurisdictions_code_digits', sql`${t.code} ~ '^[0-9]+$' and length(${t.code}) in (2, 4, 6, 9, 12, 15)`),
    check('jurisdictions_level_valid', sql`${t.level} in ('province','city','county','township','village','grid')`),
    check(
      'jurisdictions_parent_is_prefix',
      sql`(${t.parentCode} is null and length(${t.code}) = 2) or (${t.parentCode} is not null and starts_with(${t.code}, ${t.parentCode}))`,
    ),
  ],
);
