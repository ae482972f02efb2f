import { sql } from 'drizzle-orm';
import { bigint, boolean, check, date, doublePrecision, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, varchar } from 'drizzle-orm/pg-core';
import { jurisdictions } from '../jurisdictions/jurisdictions.table.ts';
import { persons } from '../persons/persons.table.ts';
import { users } from '../auth/auth.table.ts';
import { organisations } from '../organisations/organisations.table.ts';

// Service points (服务阵地): 爱心驿站, 医保服务站, 日间照料中心, 幸福院, 幸福食堂 … Their kinds and the
// services they can offer are catalogues (extendable by the system administrator, never deleted,
// only deactivated, since points keep referring to them).
export const servicePointTypes = pgTable('service_point_types', {
  code: varchar('code', { length: 40 }).primaryKey(),
  nameZh: text('name_zh').notNull(),
  nameEn: text('name_en').notNull(),
  active: boolean('active').notNull().default(true),
  sortOrder: integer('sort_order').notNull().default(0),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
}, (t) => [check('service_point_types_code', sql`${t.code} ~ '^[a-z][a-z0-9_]{1,39}$'`)]);

export const serviceCatalogue = pgTable('service_catalogue', {
  code: varchar('code', { length: 40 }).primaryKey(),
  nameZh: text('name_zh').notNull(),
  nameEn: text('name_en').notNull(),
  // A heading the directory groups services under: basic needs, 社保, 医保, care, relief, work.
  groupCode: text('group_code').notNull(),
  active: boolean('active').notNull().default(true),
  sortOrder: integer('sort_order').notNull().default(0),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
}, (t) => [check('service_catalogue_code', sql`${t.code} ~ '^[a-z][a-z0-9_]{1,39}$'`)]);

// A point. Coordinates are WGS-84 (src/lib/geo converts what map pickers send); the directory's
// "nearest" query prefilters on the (lat, lng) index with a bounding box, then measures exactly.
// Opening hours per ISO weekday are a small JSON array checked by hours.ts (no overlaps, end after
// start); the holiday rule says what the national calendar does to them.
export const servicePoints = pgTable(
  'service_points',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    typeCode: varchar('type_code', { length: 40 }).notNull().references(() => servicePointTypes.code, { onDelete: 'restrict' }),
    name: text('name').notNull(),
    // Who runs it (the organisations module's registry: a public body, a charity, an enterprise).
    operatorId: bigint('operator_id', { mode: 'number' }).references(() => organisations.id, { onDelete: 'restrict' }),
    jurisdictionCode: varchar('jurisdiction_code', { length: 15 }).notNull().references(() => jurisdictions.code, { onDelete: 'restrict' }),
    address: text('address').notNull(),
    lng: doublePrecision('lng').notNull(),
    lat: doublePrecision('lat').notNull(),
    alwaysOpen: boolean('always_open').notNull().default(false),
    hours: jsonb('hours').notNull().default(sql`'[]'::jsonb`),
    holidayRule: text('holiday_rule').notNull().default('as_usual'),
    phones: jsonb('phones').notNull().default(sql`'[]'::jsonb`),
    capacity: integer('capacity'),
    accessibility: jsonb('accessibility').notNull().default(sql`'[]'::jsonb`),
    description: text('description'),
    status: text('status').notNull().default('open'),
    closedReason: text('closed_reason'),
    closedUntil: date('closed_until', { mode: 'string' }),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    index('service_points_lat_lng_idx').on(t.lat, t.lng),
    index('service_points_scope_idx').using('btree', t.jurisdictionCode.op('varchar_pattern_ops'), t.id),
    index('service_points_type_idx').on(t.typeCode),
    index('service_points_operator_idx').on(t.operatorId),
    check('service_points_wgs84_china', sql`${t.lng} between 73.4 and 135.1 and ${t.lat} between 3.8 and 53.6`),
    check('service_points_holiday_rule', sql`${t.holidayRule} in ('as_usual','closed_on_holidays','workdays')`),
    check('service_points_status', sql`${t.status} in ('open','temporarily_closed','closed')`),
    check('service_points_closed_reason', sql`${t.status} = 'open' or ${t.closedReason} is not null`),
    check('service_points_capacity', sql`${t.capacity} is null or ${t.capacity} >= 0`),
  ],
);

export const servicePointServices = pgTable(
  'service_point_services',
  {
    pointId: bigint('point_id', { mode: 'number' }).notNull().references(() => servicePoints.id, { onDelete: 'cascade' }),
    serviceCode: varchar('service_code', { length: 40 }).notNull().references(() => serviceCatalogue.code, { onDelete: 'restrict' }),
  },
  (t) => [primaryKey({ columns: [t.pointId, t.serviceCode] }), index('service_point_services_service_idx').on(t.serviceCode, t.pointId)],
);

// Visits counted by service and day: anonymous counts (800 人次 of 热水 at an 爱心驿站), or one
// visit tied to a registered person where the service needs it.
export const servicePointVisits = pgTable(
  'service_point_visits',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    pointId: bigint('point_id', { mode: 'number' }).notNull().references(() => servicePoints.id, { onDelete: 'cascade' }),
    serviceCode: varchar('service_code', { length: 40 }).notNull().references(() => serviceCatalogue.code, { onDelete: 'restrict' }),
    visitedOn: date('visited_on', { mode: 'string' }).notNull(),
    count: integer('count').notNull(),
    personId: bigint('person_id', { mode: 'number' }).references(() => persons.id, { onDelete: 'restrict' }),
    recordedBy: integer('recorded_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    index('service_point_visits_point_idx').on(t.pointId, t.visitedOn),
    check('service_point_visits_count', sql`${t.count} between 1 and 100000 and (${t.personId} is null or ${t.count} = 1)`),
  ],
);

// A question answered at a point, and what came of it: answered, or referred to a self-check
// (the driver asking about 社保 at an 爱心驿站 → 失业补助金), or an application registered.
export const servicePointConsultations = pgTable(
  'service_point_consultations',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    pointId: bigint('point_id', { mode: 'number' }).notNull().references(() => servicePoints.id, { onDelete: 'cascade' }),
    serviceCode: varchar('service_code', { length: 40 }).references(() => serviceCatalogue.code, { onDelete: 'restrict' }),
    askedAt: timestamp('asked_at', { withTimezone: true, mode: 'date' }).notNull(),
    question: text('question').notNull(),
    answer: text('answer').notNull(),
    outcome: text('outcome').notNull(),
    // The program the person was pointed to (policy program id, e.g. unemployment_subsidy).
    programId: text('program_id'),
    personId: bigint('person_id', { mode: 'number' }).references(() => persons.id, { onDelete: 'restrict' }),
    recordedBy: integer('recorded_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    index('service_point_consultations_point_idx').on(t.pointId, t.askedAt),
    check('service_point_consultations_outcome', sql`${t.outcome} in ('answered','referred_self_check','application_registered','referred_elsewhere','follow_up')`),
    check('service_point_consultations_program', sql`${t.outcome} <> 'referred_self_check' or ${t.programId} is not null`),
  ],
);

// 幸福食堂: the canteen's monthly settlement of meal subsidies to its operator. One per canteen
// and month; the meals it covers point to it, so a meal is never settled twice.
export const servicePointMealSettlements = pgTable(
  'service_point_meal_settlements',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    pointId: bigint('point_id', { mode: 'number' }).notNull().references(() => servicePoints.id, { onDelete: 'restrict' }),
    operatorId: bigint('operator_id', { mode: 'number' }).references(() => organisations.id, { onDelete: 'restrict' }),
    month: varchar('month', { length: 7 }).notNull(),
    meals: integer('meals').notNull(),
    totalFen: bigint('total_fen', { mode: 'number' }).notNull(),
    createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('service_point_meal_settlements_month_uq').on(t.pointId, t.month), check('service_point_meal_settlements_total', sql`${t.totalFen} >= 0 and ${t.meals} >= 0`)],
);

// A subsidised meal for a registered person at a canteen: the category (80+, 低保, 特困) and the
// subsidy in 分 from the dated policy parameter in force on the day. One per person and day.
export const servicePointMeals = pgTable(
  'service_point_meals',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    pointId: bigint('point_id', { mode: 'number' }).notNull().references(() => servicePoints.id, { onDelete: 'restrict' }),
    personId: bigint('person_id', { mode: 'number' }).notNull().references(() => persons.id, { onDelete: 'restrict' }),
    servedOn: date('served_on', { mode: 'string' }).notNull(),
    category: text('category').notNull(),
    subsidyFen: integer('subsidy_fen').notNull(),
    settlementId: bigint('settlement_id', { mode: 'number' }).references(() => servicePointMealSettlements.id, { onDelete: 'restrict' }),
    recordedBy: integer('recorded_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('service_point_meals_person_day_uq').on(t.personId, t.servedOn),
    index('service_point_meals_point_idx').on(t.pointId, t.servedOn),
    check('service_point_meals_category', sql`${t.category} in ('age80','dibao','tekun')`),
    check('service_point_meals_subsidy', sql`${t.subsidyFen} >= 0`),
  ],
);
