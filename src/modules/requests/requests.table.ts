import { sql } from 'drizzle-orm';
import { bigint, boolean, check, date, doublePrecision, index, integer, jsonb, pgTable, smallint, text, timestamp, uniqueIndex, varchar } from 'drizzle-orm/pg-core';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { jurisdictions } from '../jurisdictions/jurisdictions.table.ts';
import { persons } from '../persons/persons.table.ts';
import { users } from '../auth/auth.table.ts';
import { assistanceCases } from '../cases/cases.table.ts';

// The open states, spelled once for the partial indexes and the queries that must match them
// (the planner proves `state = 'assigned'` or this same IN-list implies the index predicate).
export const OPEN_STATE_SQL = sql.raw(`('new','assigned','in_progress','returned','transferred')`);

// Categories (生活求助, 设施报修, 矛盾调解 …) with their time limits: hours to a first response
// (someone takes it up) and to resolution. Configurable by administrators; never deleted, only
// deactivated, since requests keep referring to them.
export const requestCategories = pgTable('request_categories', {
  code: varchar('code', { length: 40 }).primaryKey(),
  nameZh: text('name_zh').notNull(),
  nameEn: text('name_en').notNull(),
  descriptionZh: text('description_zh'),
  responseHours: integer('response_hours').notNull(),
  resolutionHours: integer('resolution_hours').notNull(),
  active: boolean('active').notNull().default(true),
  sortOrder: integer('sort_order').notNull().default(0),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
}, (t) => [check('request_categories_hours', sql`${t.responseHours} > 0 and ${t.resolutionHours} >= ${t.responseHours}`)]);

// Who handles a category in a place: the most specific rule wins (a longer jurisdiction prefix,
// then a rule for the category over one for every category). `handler_level` says at which level
// of the request's place the handler sits (the grid → its grid worker); role and department name
// the queue there.
export const requestRoutes = pgTable(
  'request_routes',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    categoryCode: varchar('category_code', { length: 40 }).references(() => requestCategories.code, { onDelete: 'cascade' }),
    jurisdictionCode: varchar('jurisdiction_code', { length: 15 }).references(() => jurisdictions.code, { onDelete: 'cascade' }),
    handlerLevel: text('handler_level').notNull(),
    handlerRole: text('handler_role'),
    department: text('department'),
    updatedBy: text('updated_by').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('request_routes_uq').on(sql`coalesce(${t.categoryCode}, '')`, sql`coalesce(${t.jurisdictionCode}, '')`),
    check('request_routes_level', sql`${t.handlerLevel} in ('grid','village','township','county')`),
    check('request_routes_target', sql`${t.handlerRole} is not null or ${t.department} is not null`),
  ],
);

// 民意直通车 resident council meetings: who sat together, when and where; each item raised is a
// help request (channel 'council') pointing back here.
export const councilMeetings = pgTable(
  'council_meetings',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    jurisdictionCode: varchar('jurisdiction_code', { length: 15 })
      .notNull()
      .references(() => jurisdictions.code, { onDelete: 'restrict' }),
    heldOn: date('held_on', { mode: 'string' }).notNull(),
    title: text('title').notNull(),
    place: text('place'),
    // [{ name, role }] — residents, party secretary, owners' committee, property manager.
    attendees: jsonb('attendees').notNull().default([]),
    notes: text('notes'),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [index('council_meetings_scope_idx').using('btree', sql`${t.jurisdictionCode} collate "C"`, t.heldOn)],
);

// A help request (急难愁盼): what, where (the scope key), for whom, who holds it, and its clock.
export const helpRequests = pgTable(
  'help_requests',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    // Given to the resident (and returned as Open311 service_request_id); random, not guessable.
    trackingCode: varchar('tracking_code', { length: 12 }).notNull(),
    // hotline_card 连心卡 | patrol 网格巡查 | council 议事会 | walk_in 窗口 | public_web | open311
    channel: text('channel').notNull(),
    categoryCode: varchar('category_code', { length: 40 })
      .notNull()
      .references(() => requestCategories.code),
    state: text('state').notNull(),
    description: text('description').notNull(),
    personId: bigint('person_id', { mode: 'number' }).references(() => persons.id),
    // Where the matter is (the person's place, or the place given): every query is scoped by it.
    jurisdictionCode: varchar('jurisdiction_code', { length: 15 })
      .notNull()
      .references(() => jurisdictions.code, { onDelete: 'restrict' }),
    address: text('address'),
    lat: doublePrecision('lat'),
    long: doublePrecision('long'),
    contactName: text('contact_name'),
    contactPhoneEnc: text('contact_phone_enc'),
    contactPhoneIndex: text('contact_phone_index'),
    mediaUrl: text('media_url'),
    // The level holding it now (routing, transfers and escalation move it), the role or named
    // department there, and the user working on it.
    handlerCode: varchar('handler_code', { length: 15 })
      .notNull()
      .references(() => jurisdictions.code, { onDelete: 'restrict' }),
    handlerRole: text('handler_role'),
    department: text('department'),
    assigneeUserId: integer('assignee_user_id').references(() => users.id),
    councilMeetingId: bigint('council_meeting_id', { mode: 'number' }).references(() => councilMeetings.id),
    caseId: bigint('case_id', { mode: 'number' }).references(() => assistanceCases.id, { onDelete: 'set null' }),
    mergedIntoId: bigint('merged_into_id', { mode: 'number' }).references((): AnyPgColumn => helpRequests.id),
    // The clock: both deadlines are fixed at intake from the category; `due_at` is the one that
    // counts now (response until someone takes it up, then resolution; null once resolved), and
    // `next_escalation_at` when the escalation job moves it one level up if nothing happened.
    responseDueAt: timestamp('response_due_at', { withTimezone: true, mode: 'date' }).notNull(),
    resolutionDueAt: timestamp('resolution_due_at', { withTimezone: true, mode: 'date' }).notNull(),
    dueAt: timestamp('due_at', { withTimezone: true, mode: 'date' }),
    nextEscalationAt: timestamp('next_escalation_at', { withTimezone: true, mode: 'date' }),
    escalationLevel: smallint('escalation_level').notNull().default(0),
    respondedAt: timestamp('responded_at', { withTimezone: true, mode: 'date' }),
    resolvedAt: timestamp('resolved_at', { withTimezone: true, mode: 'date' }),
    closedAt: timestamp('closed_at', { withTimezone: true, mode: 'date' }),
    resolutionNote: text('resolution_note'),
    satisfaction: smallint('satisfaction'),
    satisfactionComment: text('satisfaction_comment'),
    visitedAt: timestamp('visited_at', { withTimezone: true, mode: 'date' }),
    createdBy: integer('created_by').references(() => users.id),
    submittedBy: text('submitted_by').notNull(),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('help_requests_tracking_uq').on(t.trackingCode),
    // Open requests by place, in deadline order: a grid's or community's worklist reads one range.
    // The state rides along so the figures count open requests by state from the index alone.
    index('help_requests_open_scope_idx')
      .using('btree', sql`${t.jurisdictionCode} collate "C"`, t.dueAt, t.id, t.state)
      .where(sql`${t.state} in ${OPEN_STATE_SQL}`),
    // Open requests in deadline order with the place beside it (tested inside the index): wide
    // scopes (a county) read the first page in order without sorting every open request.
    index('help_requests_open_due_idx')
      .using('btree', t.dueAt, sql`${t.jurisdictionCode} collate "C"`, t.categoryCode, t.id)
      .where(sql`${t.state} in ${OPEN_STATE_SQL}`),
    // Everything by place, newest first (closed lists, all states).
    index('help_requests_scope_idx').using('btree', sql`${t.jurisdictionCode} collate "C"`, t.id),
    // Awaiting follow-up (a small share), and what was escalated to a level: the figures' other counts.
    index('help_requests_resolved_idx').using('btree', sql`${t.jurisdictionCode} collate "C"`).where(sql`${t.state} = 'resolved'`),
    index('help_requests_escalated_idx').on(t.handlerCode).where(sql`${t.state} in ${OPEN_STATE_SQL} and ${t.escalationLevel} > 0`),
    index('help_requests_assignee_idx').on(t.assigneeUserId, t.dueAt).where(sql`${t.state} in ${OPEN_STATE_SQL}`),
    index('help_requests_escalation_idx').on(t.nextEscalationAt).where(sql`${t.state} in ${OPEN_STATE_SQL} and ${t.nextEscalationAt} is not null`),
    // Duplicate suggestions: the same person, or the same place and category, recently.
    index('help_requests_person_idx').on(t.personId, t.createdAt).where(sql`${t.personId} is not null`),
    index('help_requests_place_category_idx').on(t.jurisdictionCode, t.categoryCode, t.createdAt),
    index('help_requests_council_idx').on(t.councilMeetingId).where(sql`${t.councilMeetingId} is not null`),
    index('help_requests_case_idx').on(t.caseId).where(sql`${t.caseId} is not null`),
    index('help_requests_merged_idx').on(t.mergedIntoId).where(sql`${t.mergedIntoId} is not null`),
    check('help_requests_state', sql`${t.state} in ('new','assigned','in_progress','returned','transferred','resolved','visited','merged')`),
    check('help_requests_channel', sql`${t.channel} in ('hotline_card','patrol','council','walk_in','public_web','open311')`),
    check('help_requests_satisfaction', sql`${t.satisfaction} between 1 and 5`),
  ],
);

// The timeline: every update with when and who. Append-only.
export const helpRequestEvents = pgTable(
  'help_request_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    requestId: bigint('request_id', { mode: 'number' })
      .notNull()
      .references(() => helpRequests.id, { onDelete: 'cascade' }),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    actorUserId: integer('actor_user_id').references(() => users.id),
    actorName: text('actor_name').notNull(),
    action: text('action').notNull(),
    fromState: text('from_state'),
    toState: text('to_state'),
    note: text('note'),
    data: jsonb('data'),
  },
  (t) => [index('help_request_events_request_idx').on(t.requestId, t.id)],
);

// People to answer besides the submitter: callers of requests merged into this one (each keeps
// its tracking code) and anyone added later. Phones encrypted like everywhere else.
export const helpRequestFollowers = pgTable(
  'help_request_followers',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    requestId: bigint('request_id', { mode: 'number' })
      .notNull()
      .references(() => helpRequests.id, { onDelete: 'cascade' }),
    personId: bigint('person_id', { mode: 'number' }).references(() => persons.id),
    name: text('name'),
    phoneEnc: text('phone_enc'),
    sourceRequestId: bigint('source_request_id', { mode: 'number' }).references((): AnyPgColumn => helpRequests.id),
    addedBy: text('added_by').notNull(),
    addedAt: timestamp('added_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [index('help_request_followers_request_idx').on(t.requestId)],
);
