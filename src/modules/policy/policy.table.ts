import { bigint, boolean, date, index, integer, jsonb, pgTable, smallint, text, timestamp, uniqueIndex, varchar } from 'drizzle-orm/pg-core';

// Dated parameter values per jurisdiction ('' = national). Rows are only added, never changed:
// a correction is a newer row (the newest row of a key, jurisdiction and date wins), so the
// record of what was in force, and who set it, stays.
export const policyParameters = pgTable(
  'policy_parameters',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    key: text('key').notNull(),
    jurisdiction: varchar('jurisdiction', { length: 15 }).notNull(),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    value: jsonb('value').notNull(),
    tag: text('tag').notNull(),
    source: text('source').notNull(),
    // 'file' rows come from policy/parameters/*.yaml; 'user' rows from the API.
    origin: text('origin').notNull(),
    createdBy: text('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [index('policy_parameters_key_idx').on(t.key, t.jurisdiction, t.validFrom)],
);

// One batch screening: which programs, where, as of which date; progress for resuming.
export const screeningRuns = pgTable(
  'screening_runs',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    programs: text('programs').array().notNull(),
    jurisdictionCode: varchar('jurisdiction_code', { length: 15 }).notNull(),
    asOf: date('as_of', { mode: 'string' }).notNull(),
    status: text('status').notNull(),
    householdsTotal: integer('households_total'),
    householdsDone: integer('households_done').notNull().default(0),
    // Households are screened in id order; a resumed run continues after this id.
    lastHouseholdId: bigint('last_household_id', { mode: 'number' }).notNull().default(0),
    eligibleCount: integer('eligible_count').notNull().default(0),
    startedBy: text('started_by'),
    startedAt: timestamp('started_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true, mode: 'date' }),
    error: text('error'),
  },
  (t) => [index('screening_runs_scope_idx').using('btree', t.jurisdictionCode.op('varchar_pattern_ops'), t.id)],
);

// Results worth a look: every eligible, needs-information or near-miss decision (plain
// ineligible ones are counted in the run, not stored). One row per household, program and subject.
export const screeningResults = pgTable(
  'screening_results',
  {
    runId: bigint('run_id', { mode: 'number' }).notNull().references(() => screeningRuns.id, { onDelete: 'cascade' }),
    householdId: bigint('household_id', { mode: 'number' }).notNull(),
    jurisdictionCode: varchar('jurisdiction_code', { length: 15 }).notNull(),
    program: text('program').notNull(),
    subject: smallint('subject').notNull().default(-1),
    status: text('status').notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }),
    category: text('category'),
    nearMiss: boolean('near_miss').notNull().default(false),
    missing: text('missing').array(),
  },
  (t) => [
    uniqueIndex('screening_results_pk').on(t.runId, t.householdId, t.program, t.subject),
    index('screening_results_scope_idx').using('btree', t.runId, t.jurisdictionCode.op('varchar_pattern_ops')),
  ],
);
