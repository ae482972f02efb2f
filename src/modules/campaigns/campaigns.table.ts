import { sql } from 'drizzle-orm';
import { bigint, boolean, check, date, doublePrecision, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, varchar } from 'drizzle-orm/pg-core';
import { jurisdictions } from '../jurisdictions/jurisdictions.table.ts';
import { persons } from '../persons/persons.table.ts';
import { users } from '../auth/auth.table.ts';

// A campaign (专项行动): a list of people who must each be reached and struck off (逐人销号) in a
// period, inside one jurisdiction, with the checklist every visit fills in.
export const campaigns = pgTable(
  'campaigns',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    name: text('name').notNull(),
    description: text('description'),
    // The campaign's area: targets live under it; visible to users inside it and above it.
    jurisdictionCode: varchar('jurisdiction_code', { length: 15 })
      .notNull()
      .references(() => jurisdictions.code, { onDelete: 'restrict' }),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }).notNull(),
    // A result that does not close a target sets its re-visit this many days after the visit.
    revisitDays: integer('revisit_days').notNull().default(3),
    // 'active' | 'closed' (no more visits).
    status: text('status').notNull().default('active'),
    // { results: [{ code, label, labelEn, closes }], questions: [{ code, label, labelEn, kind, options, required }] }
    checklist: jsonb('checklist').notNull(),
    // The registry query the targets were first built from (null: imported from a file).
    criteria: jsonb('criteria'),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    index('campaigns_scope_idx').using('btree', t.jurisdictionCode.op('varchar_pattern_ops'), t.id),
    check('campaigns_period', sql`${t.endsOn} >= ${t.startsOn}`),
    check('campaigns_status', sql`${t.status} in ('active', 'closed')`),
    check('campaigns_revisit_days', sql`${t.revisitDays} between 1 and 365`),
  ],
);

// One person on a campaign's list. The place is the person's when the list was built (the ledger
// and its figures do not move when someone moves house); it is the scope key of the row.
export const campaignTargets = pgTable(
  'campaign_targets',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    campaignId: bigint('campaign_id', { mode: 'number' })
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    personId: bigint('person_id', { mode: 'number' })
      .notNull()
      .references(() => persons.id),
    jurisdictionCode: varchar('jurisdiction_code', { length: 15 })
      .notNull()
      .references(() => jurisdictions.code, { onDelete: 'restrict' }),
    // The worker responsible: the grid's grid worker when the list was built, or as reassigned.
    assigneeUserId: integer('assignee_user_id').references(() => users.id, { onDelete: 'set null' }),
    // 'pending' 未走访 | 'revisit' 待复访 (a result that does not close) | 'closed' 已销号.
    status: text('status').notNull().default('pending'),
    visitCount: integer('visit_count').notNull().default(0),
    lastVisitId: bigint('last_visit_id', { mode: 'number' }),
    lastVisitOn: date('last_visit_on', { mode: 'string' }),
    lastResult: text('last_result'),
    revisitOn: date('revisit_on', { mode: 'string' }),
    closedOn: date('closed_on', { mode: 'string' }),
    // 'query' | 'import' | 'manual'
    source: text('source').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('campaign_targets_person_uq').on(t.campaignId, t.personId),
    // The ledger and the progress figures: one campaign, a place prefix (scope), in place order.
    index('campaign_targets_scope_idx').using('btree', t.campaignId, sql`${t.jurisdictionCode} collate "C"`, t.id),
    index('campaign_targets_assignee_idx').on(t.assigneeUserId, t.campaignId),
    index('campaign_targets_revisit_idx').on(t.revisitOn).where(sql`${t.status} = 'revisit'`),
    check('campaign_targets_status', sql`${t.status} in ('pending', 'revisit', 'closed')`),
  ],
);

// Every visit (走访) of a target, append-only: the result, the checklist answers, where and by whom.
export const campaignVisits = pgTable(
  'campaign_visits',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    campaignId: bigint('campaign_id', { mode: 'number' })
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    targetId: bigint('target_id', { mode: 'number' })
      .notNull()
      .references(() => campaignTargets.id, { onDelete: 'cascade' }),
    visitedOn: date('visited_on', { mode: 'string' }).notNull(),
    result: text('result').notNull(),
    // Whether the result closed the target (kept: the checklist labels may be read later).
    closes: boolean('closes').notNull(),
    answers: jsonb('answers').notNull().default({}),
    notes: text('notes'),
    location: text('location'),
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
    visitorUserId: integer('visitor_user_id').references(() => users.id, { onDelete: 'set null' }),
    visitorName: text('visitor_name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [index('campaign_visits_target_idx').on(t.targetId, t.id)],
);
