import { sql } from 'drizzle-orm';
import { bigint, boolean, check, date, index, jsonb, pgTable, smallint, text, timestamp, varchar } from 'drizzle-orm/pg-core';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { persons } from './persons.table.ts';

// Registry facts that decide programs (特困, 事实无人抚养, 失业保险, 低保 sanctions and 渐退期), one
// table per kind, each row about one person. Rows are never changed in place: an edit retires the
// row (retired_at) and records a new one that names it (revises), a removal only retires it. So the
// facts known at any instant are the rows recorded before it and not yet retired — the history and
// as-of views, and later the dynamic monitoring, read the same rows. Access is scoped through the
// person (their jurisdiction).
const versioned = () => ({
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  personId: bigint('person_id', { mode: 'number' }).notNull().references(() => persons.id),
  recordedAt: timestamp('recorded_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  recordedBy: text('recorded_by').notNull(),
  retiredAt: timestamp('retired_at', { withTimezone: true, mode: 'date' }),
  retiredBy: text('retired_by'),
  // Why it was recorded, changed or removed (the audit log holds it too).
  reason: text('reason'),
  source: text('source'),
});

// 法定赡养、抚养、扶养义务人 of a person: a registry person (linked) or an external record (name,
// sealed ID number). Situations are dated: [{ kind, since, until? }].
export const personSupporters = pgTable(
  'person_supporters',
  {
    ...versioned(),
    revises: bigint('revises', { mode: 'number' }).references((): AnyPgColumn => personSupporters.id),
    // What the supporter is to the person: spouse, child, parent, grandchild, grandparent, sibling,
    // other; 'none' = checked, the person has no legal supporter.
    relation: text('relation').notNull(),
    supporterPersonId: bigint('supporter_person_id', { mode: 'number' }).references(() => persons.id),
    name: text('name'),
    idNumberEnc: text('id_number_enc'),
    idNumberIndex: text('id_number_index'),
    idLast4: varchar('id_last4', { length: 4 }),
    birthDate: date('birth_date', { mode: 'string' }),
    monthlyIncomeFen: bigint('monthly_income_fen', { mode: 'number' }),
    // Checked against the local low-income property rule (null: not checked).
    propertyWithinRule: boolean('property_within_rule'),
    disabilityCategory: text('disability_category'),
    disabilityGrade: smallint('disability_grade'),
    situations: jsonb('situations').notNull().default([]),
  },
  (t) => [
    index('person_supporters_person_idx').on(t.personId).where(sql`${t.retiredAt} is null`),
    index('person_supporters_linked_idx').on(t.supporterPersonId).where(sql`${t.supporterPersonId} is not null`),
    check('person_supporters_who', sql`${t.relation} = 'none' or ${t.supporterPersonId} is not null or ${t.name} is not null`),
    check('person_supporters_income', sql`${t.monthlyIncomeFen} >= 0`),
    check('person_supporters_grade', sql`${t.disabilityGrade} between 1 and 4`),
  ],
);

// 事实无人抚养: the situation of a child's father or mother, from the day it began, with the kind
// of evidence seen (court judgment, prison certificate, police record …).
export const personParentSituations = pgTable(
  'person_parent_situations',
  {
    ...versioned(),
    revises: bigint('revises', { mode: 'number' }).references((): AnyPgColumn => personParentSituations.id),
    parent: text('parent').notNull(),
    parentPersonId: bigint('parent_person_id', { mode: 'number' }).references(() => persons.id),
    situation: text('situation').notNull(),
    beganOn: date('began_on', { mode: 'string' }),
    endedOn: date('ended_on', { mode: 'string' }),
    evidenceKind: text('evidence_kind').notNull(),
    disabilityCategory: text('disability_category'),
    disabilityGrade: smallint('disability_grade'),
  },
  (t) => [
    index('person_parent_situations_person_idx').on(t.personId).where(sql`${t.retiredAt} is null`),
    check('person_parent_situations_grade', sql`${t.disabilityGrade} between 1 and 4`),
    check('person_parent_situations_dates', sql`${t.endedOn} is null or ${t.beganOn} is null or ${t.endedOn} >= ${t.beganOn}`),
  ],
);

// 失业保险: contributions, the job left (employer, date, reason) and unemployment registration.
export const personUnemployment = pgTable(
  'person_unemployment',
  {
    ...versioned(),
    revises: bigint('revises', { mode: 'number' }).references((): AnyPgColumn => personUnemployment.id),
    contributionMonths: smallint('contribution_months').notNull(),
    lastEmployer: text('last_employer'),
    separationOn: date('separation_on', { mode: 'string' }).notNull(),
    separationReason: text('separation_reason').notNull(),
    registeredOn: date('registered_on', { mode: 'string' }),
    // Months left unused from an earlier entitlement (carried over, capped by the engine).
    unusedMonths: smallint('unused_months').notNull().default(0),
    subsidyReceived: boolean('subsidy_received').notNull().default(false),
    reemployedOn: date('reemployed_on', { mode: 'string' }),
  },
  (t) => [
    index('person_unemployment_person_idx').on(t.personId).where(sql`${t.retiredAt} is null`),
    check('person_unemployment_months', sql`${t.contributionMonths} between 0 and 600 and ${t.unusedMonths} between 0 and 600`),
  ],
);

// Job referrals and employment: refusals (无正当理由拒绝, the 低保 sanction counts them in a row),
// justified refusals, acceptances, and employment with its kind (graduate, hard-to-employ or
// disabled placement, other), which starts a 低保 household's 渐退期.
export const personJobEvents = pgTable(
  'person_job_events',
  {
    ...versioned(),
    revises: bigint('revises', { mode: 'number' }).references((): AnyPgColumn => personJobEvents.id),
    kind: text('kind').notNull(),
    onDate: date('on_date', { mode: 'string' }).notNull(),
    employer: text('employer'),
    placementKind: text('placement_kind'),
  },
  (t) => [index('person_job_events_person_idx').on(t.personId, t.onDate).where(sql`${t.retiredAt} is null`)],
);
