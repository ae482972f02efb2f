import { sql } from 'drizzle-orm';
import { bigint, char, check, date, index, integer, pgTable, text, timestamp, uniqueIndex, varchar } from 'drizzle-orm/pg-core';
import { jurisdictions } from '../jurisdictions/jurisdictions.table.ts';
import { persons } from '../persons/persons.table.ts';
import { households } from '../households/households.table.ts';
import { users } from '../auth/auth.table.ts';
import { assistanceCases } from '../cases/cases.table.ts';

// What an approved case pays: a monthly amount from a month on (低保, 特困, 事实无人抚养) or one
// amount once (临时救助). An adjustment ends a plan and starts another from the next month, so the
// history of amounts stays; suspension and stop carry their reason.
export const paymentPlans = pgTable(
  'payment_plans',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    caseId: bigint('case_id', { mode: 'number' })
      .notNull()
      .references(() => assistanceCases.id),
    householdId: bigint('household_id', { mode: 'number' }).references(() => households.id),
    payeePersonId: bigint('payee_person_id', { mode: 'number' }).notNull().references(() => persons.id),
    jurisdictionCode: varchar('jurisdiction_code', { length: 15 })
      .notNull()
      .references(() => jurisdictions.code, { onDelete: 'restrict' }),
    program: text('program').notNull(),
    // 'monthly' | 'once'
    period: text('period').notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    fromMonth: char('from_month', { length: 7 }).notNull(),
    // The last month paid (inclusive); null while open-ended.
    toMonth: char('to_month', { length: 7 }),
    // 'active' | 'suspended' | 'stopped' | 'ended'
    status: text('status').notNull(),
    statusReason: text('status_reason'),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    index('payment_plans_scope_idx').using('btree', t.jurisdictionCode.op('varchar_pattern_ops'), t.status),
    index('payment_plans_case_idx').on(t.caseId),
    // A household's current benefits, read for every household the engine decides (screening too).
    index('payment_plans_household_idx').on(t.householdId).where(sql`${t.status} = 'active'`),
    // Whether a household had a plan of a program in a month, whatever its status now (应保尽保 gap).
    index('payment_plans_household_program_idx').on(t.householdId, t.program, t.fromMonth),
    check('payment_plans_amount', sql`${t.amountFen} >= 0`),
  ],
);

// A month's payments of one county, exported as a bank file and then marked paid or failed.
export const paymentBatches = pgTable(
  'payment_batches',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    countyCode: varchar('county_code', { length: 15 })
      .notNull()
      .references(() => jurisdictions.code, { onDelete: 'restrict' }),
    month: char('month', { length: 7 }).notNull(),
    // 'open' | 'exported' | 'closed'
    status: text('status').notNull(),
    itemCount: integer('item_count').notNull().default(0),
    totalFen: bigint('total_fen', { mode: 'number' }).notNull().default(0),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    exportedAt: timestamp('exported_at', { withTimezone: true, mode: 'date' }),
    closedAt: timestamp('closed_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [uniqueIndex('payment_batches_county_month_uq').on(t.countyCode, t.month)],
);

// One payment to one payee: a month of a plan, a one-off, a 先行救助 from the reserve fund, or a
// correction. Monthly rows are unique per plan and month, so generating a month twice adds nothing.
export const payments = pgTable(
  'payments',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    planId: bigint('plan_id', { mode: 'number' }).references(() => paymentPlans.id),
    caseId: bigint('case_id', { mode: 'number' })
      .notNull()
      .references(() => assistanceCases.id),
    householdId: bigint('household_id', { mode: 'number' }).references(() => households.id),
    payeePersonId: bigint('payee_person_id', { mode: 'number' }).notNull().references(() => persons.id),
    jurisdictionCode: varchar('jurisdiction_code', { length: 15 })
      .notNull()
      .references(() => jurisdictions.code, { onDelete: 'restrict' }),
    program: text('program').notNull(),
    // The month the payment is for ('YYYY-MM').
    month: char('month', { length: 7 }).notNull(),
    // 'monthly' | 'once' | 'prepay' | 'arrears' | 'adjustment'
    kind: text('kind').notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    batchId: bigint('batch_id', { mode: 'number' }).references(() => paymentBatches.id),
    // 'pending' | 'in_batch' | 'paid' | 'failed' | 'cancelled'
    status: text('status').notNull(),
    failureReason: text('failure_reason'),
    paidOn: date('paid_on', { mode: 'string' }),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('payments_plan_month_uq').on(t.planId, t.month, t.kind).where(sql`${t.planId} is not null`),
    index('payments_scope_idx').using('btree', t.jurisdictionCode.op('varchar_pattern_ops'), t.month),
    index('payments_case_idx').on(t.caseId),
    index('payments_batch_idx').on(t.batchId),
    index('payments_household_year_idx').on(t.householdId, t.month),
    // Money paid in a period (the figures: paid, recipients, persons), by the bank's paid date; the
    // columns the figures aggregate are in the key, so a county's month is read from the index alone.
    index('payments_paid_on_idx').on(t.paidOn, t.jurisdictionCode, t.program, t.amountFen, t.householdId, t.payeePersonId).where(sql`${t.status} = 'paid'`),
  ],
);

// Over-payments to recover (多领冒领): found by a review or a fraud finding; recovered in parts.
export const overpayments = pgTable(
  'overpayments',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    caseId: bigint('case_id', { mode: 'number' })
      .notNull()
      .references(() => assistanceCases.id),
    householdId: bigint('household_id', { mode: 'number' }).references(() => households.id),
    jurisdictionCode: varchar('jurisdiction_code', { length: 15 })
      .notNull()
      .references(() => jurisdictions.code, { onDelete: 'restrict' }),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    recoveredFen: bigint('recovered_fen', { mode: 'number' }).notNull().default(0),
    fineFen: bigint('fine_fen', { mode: 'number' }).notNull().default(0),
    reason: text('reason').notNull(),
    // 'open' | 'recovered' | 'waived'
    status: text('status').notNull(),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    index('overpayments_scope_idx').using('btree', t.jurisdictionCode.op('varchar_pattern_ops'), t.id),
    check('overpayments_amounts', sql`${t.amountFen} > 0 and ${t.recoveredFen} >= 0 and ${t.recoveredFen} <= ${t.amountFen} and ${t.fineFen} >= 0`),
  ],
);
