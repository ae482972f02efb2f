import { sql } from 'drizzle-orm';
import { bigint, boolean, char, check, date, index, integer, jsonb, pgTable, primaryKey, smallint, text, timestamp, varchar } from 'drizzle-orm/pg-core';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { jurisdictions } from '../jurisdictions/jurisdictions.table.ts';
import { persons } from '../persons/persons.table.ts';
import { households } from '../households/households.table.ts';
import { users } from '../auth/auth.table.ts';

// An assistance case (救助申请/复核): one program for one household or person, moving through the
// steps of its procedure (workflow/). The row holds the current state and the figures the queue,
// the caps and the payments need; every step taken is an append-only row in case_events.
export const assistanceCases = pgTable(
  'assistance_cases',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    // Printed on notices and the 公示 list: program, year, county and a running number.
    caseNo: text('case_no').notNull().unique(),
    // A policy program id: 'dibao' | 'tekun' | 'temporary' | 'fcu' (see policy/programs).
    program: text('program').notNull(),
    // 'application' (申请) or 'review' (复核 of an approved case: parent_case_id).
    kind: text('kind').notNull().default('application'),
    parentCaseId: bigint('parent_case_id', { mode: 'number' }).references((): AnyPgColumn => assistanceCases.id),
    // 'general' | 'emergency' (急难型 临时救助, pay first) | 'no_publicity' (minors, 事实无人抚养)
    // | 'review' (复核 of an approved case).
    procedure: text('procedure').notNull(),
    // Workflow state: accepted, investigating, reviewing, publicizing, approving, approved,
    // closed, refused, withdrawn (workflow/states.ts).
    state: text('state').notNull(),
    householdId: bigint('household_id', { mode: 'number' }).references(() => households.id),
    applicantPersonId: bigint('applicant_person_id', { mode: 'number' }).notNull().references(() => persons.id),
    // The person the benefit is for when the program is per person (特困, 事实无人抚养, 临时救助 个人).
    beneficiaryPersonId: bigint('beneficiary_person_id', { mode: 'number' }).references(() => persons.id),
    // Where the case is handled (the household's place when it was opened): the scope key.
    jurisdictionCode: varchar('jurisdiction_code', { length: 15 })
      .notNull()
      .references(() => jurisdictions.code, { onDelete: 'restrict' }),
    // 'application' 依申请 | 'proactive' 主动发现 | 'help_request' 求助转办 | 'monitoring' 监测预警.
    channel: text('channel').notNull(),
    sourceRef: text('source_ref'),
    // 临时救助: 'emergency' 急难型 | 'expenditure' 支出型.
    category: text('category'),
    // 临时救助 事由: what happened (engine/cause-kinds.ts), when, an official reference if any
    // (fire brigade, police, hospital), and the description as written. 一事一救 compares the
    // first three (policy/rules/same-cause.ts), never the wording.
    cause: text('cause'),
    causeKind: varchar('cause_kind', { length: 32 }),
    causeEventOn: date('cause_event_on', { mode: 'string' }),
    causeReference: text('cause_reference'),
    requestedFen: bigint('requested_fen', { mode: 'number' }),
    proposedFen: bigint('proposed_fen', { mode: 'number' }),
    approvedFen: bigint('approved_fen', { mode: 'number' }),
    // 'monthly' | 'once'
    paymentPeriod: text('payment_period'),
    peopleCovered: smallint('people_covered'),
    promiseSigned: boolean('promise_signed').notNull().default(false),
    dataCheckAuthorised: boolean('data_check_authorised').notNull().default(false),
    // Materials checklist [{ code, zh, en, required, received }]; 一次性告知 lists the missing ones once.
    materials: jsonb('materials').notNull().default([]),
    // 单独登记备案: a close relative of staff; a county home visit is then required before approval.
    separatelyRegistered: boolean('separately_registered').notNull().default(false),
    separateNote: text('separate_note'),
    countyVisitDone: boolean('county_visit_done').notNull().default(false),
    // Who approves: 'township' (delegated, within its limit) or 'county'; decided at 审核.
    approvalLevel: text('approval_level'),
    // 一事一议 above the yearly caps: { decisionNo, decidedOn, decidedBy, note } by the county.
    exceptionDecision: jsonb('exception_decision'),
    publicityRound: smallint('publicity_round').notNull().default(0),
    publicityFrom: date('publicity_from', { mode: 'string' }),
    publicityTo: date('publicity_to', { mode: 'string' }),
    // 先行救助 (emergency path): paid from the township reserve fund before approval.
    prepaidFen: bigint('prepaid_fen', { mode: 'number' }).notNull().default(0),
    prepaidOn: date('prepaid_on', { mode: 'string' }),
    paperworkDueOn: date('paperwork_due_on', { mode: 'string' }),
    // The current step: when it started, its deadline (working days), who holds it.
    stepStartedOn: date('step_started_on', { mode: 'string' }).notNull(),
    dueOn: date('due_on', { mode: 'string' }),
    // The whole procedure's deadline (e.g. 30 working days, extendable to 45).
    overallDueOn: date('overall_due_on', { mode: 'string' }),
    extended: boolean('extended').notNull().default(false),
    assigneeUserId: integer('assignee_user_id').references(() => users.id),
    // The policy engine's decision with its trace, as of `decided_as_of` (attached at 审核).
    decision: jsonb('decision'),
    decidedAsOf: date('decided_as_of', { mode: 'string' }),
    // Approved against that decision (不符合, or above its amount): the written reason and what
    // the engine said ({ kind, reason, engineStatus, engineFen, approvedFen, decidedAsOf }).
    override: jsonb('override'),
    receivedOn: date('received_on', { mode: 'string' }).notNull(),
    approvedOn: date('approved_on', { mode: 'string' }),
    refusedOn: date('refused_on', { mode: 'string' }),
    refusalReason: text('refusal_reason'),
    noticeDueOn: date('notice_due_on', { mode: 'string' }),
    // The day the written notice (approval or refusal) was served; a refusal's deadline ends here.
    noticeServedOn: date('notice_served_on', { mode: 'string' }),
    // Review cases (复核): 'continue' | 'adjust' | 'stop', proposed from the engine, decided at 审核.
    reviewOutcome: text('review_outcome'),
    firstPaymentMonth: char('first_payment_month', { length: 7 }),
    nextReviewOn: date('next_review_on', { mode: 'string' }),
    closedOn: date('closed_on', { mode: 'string' }),
    createdBy: integer('created_by').references(() => users.id),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    index('assistance_cases_scope_idx').using('btree', t.jurisdictionCode.op('varchar_pattern_ops'), t.id),
    index('assistance_cases_queue_idx').on(t.state, t.dueOn),
    index('assistance_cases_assignee_idx').on(t.assigneeUserId, t.dueOn),
    index('assistance_cases_household_idx').on(t.householdId, t.program),
    index('assistance_cases_beneficiary_idx').on(t.beneficiaryPersonId),
    index('assistance_cases_review_idx').on(t.nextReviewOn),
    index('assistance_cases_override_idx').on(t.approvedOn).where(sql`${t.override} is not null`),
    check('assistance_cases_money', sql`coalesce(${t.approvedFen}, 0) >= 0 and coalesce(${t.proposedFen}, 0) >= 0 and ${t.prepaidFen} >= 0`),
  ],
);

// The timeline: every step, opinion, objection, visit and payment event of a case. Append-only.
export const caseEvents = pgTable(
  'case_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    caseId: bigint('case_id', { mode: 'number' })
      .notNull()
      .references(() => assistanceCases.id, { onDelete: 'cascade' }),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    // The local date the step counts from (deadlines are computed from it).
    onDate: date('on_date', { mode: 'string' }).notNull(),
    actorUserId: integer('actor_user_id').references(() => users.id),
    actorName: text('actor_name').notNull(),
    action: text('action').notNull(),
    fromState: text('from_state'),
    toState: text('to_state'),
    // Opinion, reasons, objection text: what the person wrote.
    note: text('note'),
    data: jsonb('data'),
  },
  (t) => [index('case_events_case_idx').on(t.caseId, t.id)],
);

// 家庭经济状况调查 records: 入户调查, 邻里访问, 信函索证, 信息核对, the county's own visit.
export const caseVisits = pgTable(
  'case_visits',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    caseId: bigint('case_id', { mode: 'number' })
      .notNull()
      .references(() => assistanceCases.id, { onDelete: 'cascade' }),
    // 'home_visit' | 'neighbour' | 'letter' | 'data_check' | 'county_visit'
    kind: text('kind').notNull(),
    visitedOn: date('visited_on', { mode: 'string' }).notNull(),
    // [{ userId?, name }] — at least two for a home visit.
    investigators: jsonb('investigators').notNull(),
    findings: text('findings').notNull(),
    // The family confirmed the record (signed); who signed for it.
    familyConfirmed: boolean('family_confirmed').notNull().default(false),
    confirmedBy: text('confirmed_by'),
    location: text('location'),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [index('case_visits_case_idx').on(t.caseId)],
);

// 临时救助备用金: what each township may pay first in a year, and what it has paid. Locked
// (SELECT … FOR UPDATE) by every prepayment so the balance never goes below zero.
export const reserveFunds = pgTable(
  'reserve_funds',
  {
    townshipCode: varchar('township_code', { length: 15 })
      .notNull()
      .references(() => jurisdictions.code, { onDelete: 'restrict' }),
    year: smallint('year').notNull(),
    allocatedFen: bigint('allocated_fen', { mode: 'number' }).notNull(),
    spentFen: bigint('spent_fen', { mode: 'number' }).notNull().default(0),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.townshipCode, t.year] }), check('reserve_funds_balance', sql`${t.spentFen} >= 0 and ${t.spentFen} <= ${t.allocatedFen}`)],
);
