import { bigint, char, date, index, jsonb, pgTable, text, timestamp, uniqueIndex, varchar, integer } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { jurisdictions } from '../jurisdictions/jurisdictions.table.ts';
import { persons } from '../persons/persons.table.ts';
import { MemberFlags } from './households.schema.ts';

export const DEFAULT_MEMBER_FLAGS = MemberFlags.parse({});

export const households = pgTable(
  'households',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    jurisdictionCode: varchar('jurisdiction_code', { length: 15 })
      .notNull()
      .references(() => jurisdictions.code, { onDelete: 'restrict' }),
    address: text('address'),
    headPersonId: bigint('head_person_id', { mode: 'number' }).references(() => persons.id),
    bankName: text('bank_name'),
    bankAccountEnc: text('bank_account_enc'),
    accountHolder: text('account_holder'),
    // A stable key from an import file or the generator: re-importing the same 户 finds it again.
    externalKey: text('external_key'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    index('households_scope_idx').using('btree', t.jurisdictionCode.op('varchar_pattern_ops'), t.id),
    uniqueIndex('households_external_key_uq').on(t.externalKey),
  ],
);

export const householdMembers = pgTable(
  'household_members',
  {
    householdId: bigint('household_id', { mode: 'number' })
      .notNull()
      .references(() => households.id, { onDelete: 'cascade' }),
    personId: bigint('person_id', { mode: 'number' })
      .notNull()
      .references(() => persons.id),
    relationship: text('relationship').notNull(),
    // The default flags (MemberFlags.parse({})) as the column default: a bulk load omits the
    // column instead of sending and parsing the same JSON on every row.
    flags: jsonb('flags').notNull().default(DEFAULT_MEMBER_FLAGS),
    joinedAt: date('joined_at', { mode: 'string' }).notNull(),
    leftAt: date('left_at', { mode: 'string' }),
  },
  (t) => [
    // A person is a current member of at most one household.
    uniqueIndex('household_members_current_uq').on(t.personId).where(sql`${t.leftAt} is null`),
    index('household_members_household_idx').on(t.householdId),
  ],
);

export const householdIncomes = pgTable(
  'household_incomes',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    householdId: bigint('household_id', { mode: 'number' })
      .notNull()
      .references(() => households.id, { onDelete: 'cascade' }),
    personId: bigint('person_id', { mode: 'number' }).references(() => persons.id),
    type: text('type').notNull(),
    subtype: text('subtype').notNull(),
    month: char('month', { length: 7 }).notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    source: text('source').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [index('household_incomes_household_idx').on(t.householdId, t.month)],
);

export const householdAssets = pgTable(
  'household_assets',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    householdId: bigint('household_id', { mode: 'number' })
      .notNull()
      .references(() => households.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    valueFen: bigint('value_fen', { mode: 'number' }).notNull(),
    floorAreaCm2: bigint('floor_area_cm2', { mode: 'number' }),
    description: text('description').notNull().default(''),
    asOf: date('as_of', { mode: 'string' }).notNull(),
  },
  (t) => [index('household_assets_household_idx').on(t.householdId)],
);

export const householdExpenses = pgTable(
  'household_expenses',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    householdId: bigint('household_id', { mode: 'number' })
      .notNull()
      .references(() => households.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    date: date('date', { mode: 'string' }).notNull(),
    description: text('description').notNull().default(''),
  },
  (t) => [index('household_expenses_household_idx').on(t.householdId)],
);
