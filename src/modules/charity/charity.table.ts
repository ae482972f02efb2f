import { sql } from 'drizzle-orm';
import { bigint, boolean, check, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, varchar } from 'drizzle-orm/pg-core';
import { jurisdictions } from '../jurisdictions/jurisdictions.table.ts';
import { users } from '../auth/auth.table.ts';
import { persons } from '../persons/persons.table.ts';
import { households } from '../households/households.table.ts';
import { organisations } from '../organisations/organisations.table.ts';

const place = (name: string) => varchar(name, { length: 15 }).notNull().references(() => jurisdictions.code, { onDelete: 'restrict' });
const created = {
  createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
};

// A charity project (慈善项目) of one organisation: goal, period, purpose, area, the cause its aid
// counts under in the benefit ledger, and the 公开募捐 filing number when it raises publicly.
export const charityProjects = pgTable(
  'charity_projects',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    organisationId: bigint('organisation_id', { mode: 'number' }).notNull().references(() => organisations.id),
    name: text('name').notNull(),
    purpose: text('purpose').notNull(),
    cause: varchar('cause', { length: 16 }).notNull(),
    goalFen: bigint('goal_fen', { mode: 'number' }),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }),
    jurisdictionCode: place('jurisdiction_code'),
    fundraisingFilingNo: varchar('fundraising_filing_no', { length: 40 }),
    // The registry query describing who it helps ({ program, tags, minAge, maxAge, place }).
    criteria: jsonb('criteria'),
    partnerIds: bigint('partner_ids', { mode: 'number' }).array().notNull().default(sql`'{}'::bigint[]`),
    status: varchar('status', { length: 8 }).notNull().default('active'),
    ...created,
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    index('charity_projects_org_idx').on(t.organisationId, t.id),
    index('charity_projects_scope_idx').using('btree', t.jurisdictionCode.op('varchar_pattern_ops'), t.id),
    check('charity_projects_period', sql`${t.endsOn} is null or ${t.endsOn} >= ${t.startsOn}`),
    check('charity_projects_goal', sql`${t.goalFen} is null or ${t.goalFen} > 0`),
    check('charity_projects_status', sql`${t.status} in ('active', 'closed')`),
  ],
);

// The last 捐赠票据 number issued by an organisation in a year. Incremented in the donation's own
// transaction (the row stays locked until it ends), so numbers are gapless and a rolled-back
// donation gives its number back.
export const receiptCounters = pgTable(
  'receipt_counters',
  {
    organisationId: bigint('organisation_id', { mode: 'number' }).notNull().references(() => organisations.id, { onDelete: 'cascade' }),
    year: integer('year').notNull(),
    lastNo: integer('last_no').notNull(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.year] })],
);

// A donation of money or goods received by an organisation, with its receipt number. For goods the
// amount is the estimated value of the lines (stock movements of kind 'in' name the donation).
export const donations = pgTable(
  'donations',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    organisationId: bigint('organisation_id', { mode: 'number' }).notNull().references(() => organisations.id),
    projectId: bigint('project_id', { mode: 'number' }).references(() => charityProjects.id),
    kind: varchar('kind', { length: 8 }).notNull(),
    // 'person' | 'organisation' | 'anonymous'
    donorKind: varchar('donor_kind', { length: 12 }).notNull(),
    donorName: text('donor_name'),
    donorOrganisationId: bigint('donor_organisation_id', { mode: 'number' }).references(() => organisations.id),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    channel: varchar('channel', { length: 12 }),
    receivedOn: date('received_on', { mode: 'string' }).notNull(),
    restricted: boolean('restricted').notNull().default(false),
    restrictedPurpose: text('restricted_purpose'),
    storeId: bigint('store_id', { mode: 'number' }).references(() => charityStores.id),
    receiptYear: integer('receipt_year').notNull(),
    receiptNo: integer('receipt_no').notNull(),
    note: text('note'),
    ...created,
  },
  (t) => [
    uniqueIndex('donations_receipt_uq').on(t.organisationId, t.receiptYear, t.receiptNo),
    index('donations_project_idx').on(t.projectId),
    check('donations_kind', sql`${t.kind} in ('money', 'goods')`),
    check('donations_donor', sql`(${t.donorKind} = 'anonymous' and ${t.donorName} is null) or (${t.donorKind} in ('person', 'organisation') and ${t.donorName} is not null)`),
    check('donations_amount', sql`(${t.kind} = 'money' and ${t.amountFen} > 0) or (${t.kind} = 'goods' and ${t.amountFen} >= 0)`),
    check('donations_receipt_no', sql`${t.receiptNo} > 0`),
  ],
);

// The goods catalogue: one row per item and unit (大米 · 袋(10 kg)), shared by every organisation.
export const goodsItems = pgTable(
  'goods_items',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    name: text('name').notNull(),
    unit: varchar('unit', { length: 20 }).notNull(),
    category: varchar('category', { length: 16 }).notNull(),
    // Food and medicine carry an expiry date on the way in.
    perishable: boolean('perishable').notNull().default(false),
    unitValueFen: bigint('unit_value_fen', { mode: 'number' }).notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('goods_items_name_unit_uq').on(t.name, t.unit), check('goods_items_value', sql`${t.unitValueFen} >= 0`)],
);

// A place an organisation keeps goods: its warehouse, or a service point / 爱心超市 it stocks.
export const charityStores = pgTable(
  'charity_stores',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    organisationId: bigint('organisation_id', { mode: 'number' }).notNull().references(() => organisations.id),
    name: text('name').notNull(),
    kind: varchar('kind', { length: 16 }).notNull(),
    jurisdictionCode: place('jurisdiction_code'),
    address: text('address'),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [index('charity_stores_org_idx').on(t.organisationId), check('charity_stores_kind', sql`${t.kind} in ('warehouse', 'service_point')`)],
);

// What a store holds of an item now: quantity (in the item's unit) and its estimated value. Changed
// only together with a movement row; the check keeps it from ever going below zero.
export const stockBalances = pgTable(
  'stock_balances',
  {
    storeId: bigint('store_id', { mode: 'number' }).notNull().references(() => charityStores.id),
    itemId: bigint('item_id', { mode: 'number' }).notNull().references(() => goodsItems.id),
    quantity: bigint('quantity', { mode: 'number' }).notNull(),
    valueFen: bigint('value_fen', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.storeId, t.itemId] }), check('stock_balances_not_negative', sql`${t.quantity} >= 0 and ${t.valueFen} >= 0`)],
);

// The stock ledger, append-only: in (a donation or purchase), out, transfer (a pair of rows),
// loss (with its reason), distribution (out to a distribution) and return (undelivered back).
export const stockMovements = pgTable(
  'stock_movements',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    storeId: bigint('store_id', { mode: 'number' }).notNull().references(() => charityStores.id),
    itemId: bigint('item_id', { mode: 'number' }).notNull().references(() => goodsItems.id),
    kind: varchar('kind', { length: 14 }).notNull(),
    // Positive for what comes in, negative for what goes out.
    quantity: bigint('quantity', { mode: 'number' }).notNull(),
    valueFen: bigint('value_fen', { mode: 'number' }).notNull(),
    reason: text('reason'),
    donationId: bigint('donation_id', { mode: 'number' }).references(() => donations.id),
    distributionId: bigint('distribution_id', { mode: 'number' }),
    otherStoreId: bigint('other_store_id', { mode: 'number' }).references(() => charityStores.id),
    expiresOn: date('expires_on', { mode: 'string' }),
    occurredOn: date('occurred_on', { mode: 'string' }).notNull(),
    ...created,
  },
  (t) => [
    index('stock_movements_store_item_idx').on(t.storeId, t.itemId, t.id),
    index('stock_movements_distribution_idx').on(t.distributionId).where(sql`${t.distributionId} is not null`),
    check('stock_movements_kind', sql`${t.kind} in ('in', 'out', 'transfer_in', 'transfer_out', 'loss', 'distribution', 'return')`),
    check('stock_movements_sign', sql`(${t.kind} in ('in', 'transfer_in', 'return') and ${t.quantity} > 0) or (${t.kind} in ('out', 'transfer_out', 'loss', 'distribution') and ${t.quantity} < 0)`),
    check('stock_movements_loss_reason', sql`${t.kind} <> 'loss' or coalesce(length(trim(${t.reason})), 0) > 0`),
  ],
);

// A distribution (发放): one package of goods (from one store) or an amount of money (from a
// project) per household, to the households a registry query or a list chose.
export const distributions = pgTable(
  'distributions',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    organisationId: bigint('organisation_id', { mode: 'number' }).notNull().references(() => organisations.id),
    projectId: bigint('project_id', { mode: 'number' }).references(() => charityProjects.id),
    storeId: bigint('store_id', { mode: 'number' }).references(() => charityStores.id),
    name: text('name').notNull(),
    kind: varchar('kind', { length: 8 }).notNull(),
    cause: varchar('cause', { length: 16 }).notNull(),
    jurisdictionCode: place('jurisdiction_code'),
    // Goods per household: [{ itemId, quantity }]; money: amountFen per household.
    package: jsonb('package').notNull().default([]),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull().default(0),
    // Estimated value per household (goods at their stock value; money: the amount).
    valueFen: bigint('value_fen', { mode: 'number' }).notNull(),
    plannedOn: date('planned_on', { mode: 'string' }).notNull(),
    criteria: jsonb('criteria'),
    recipientCount: integer('recipient_count').notNull().default(0),
    status: varchar('status', { length: 8 }).notNull().default('open'),
    ...created,
  },
  (t) => [
    index('distributions_org_idx').on(t.organisationId, t.id),
    index('distributions_scope_idx').using('btree', t.jurisdictionCode.op('varchar_pattern_ops'), t.id),
    check('distributions_kind', sql`(${t.kind} = 'goods' and ${t.storeId} is not null) or (${t.kind} = 'money' and ${t.projectId} is not null and ${t.amountFen} > 0)`),
    check('distributions_status', sql`${t.status} in ('open', 'closed')`),
  ],
);

// One row per household handed a distribution: the hand-over an organisation sees, and once
// delivered (signed) one line of the household's benefit ledger.
export const distributionRecipients = pgTable(
  'distribution_recipients',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    distributionId: bigint('distribution_id', { mode: 'number' }).notNull().references(() => distributions.id, { onDelete: 'cascade' }),
    householdId: bigint('household_id', { mode: 'number' }).notNull().references(() => households.id),
    personId: bigint('person_id', { mode: 'number' }).references(() => persons.id),
    // The household's place when it was handed over: scope key and signing-sheet grouping.
    jurisdictionCode: place('jurisdiction_code'),
    // 'pending' | 'delivered' | 'undelivered' (its goods or money went back)
    status: varchar('status', { length: 12 }).notNull().default('pending'),
    valueFen: bigint('value_fen', { mode: 'number' }).notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull().default(0),
    deliveredOn: date('delivered_on', { mode: 'string' }),
    signedBy: integer('signed_by').references(() => users.id, { onDelete: 'set null' }),
    note: text('note'),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('distribution_recipients_household_uq').on(t.distributionId, t.householdId),
    index('distribution_recipients_scope_idx').using('btree', t.distributionId, sql`${t.jurisdictionCode} collate "C"`, t.id),
    index('distribution_recipients_household_idx').on(t.householdId),
    index('distribution_recipients_person_idx').on(t.personId),
    check('distribution_recipients_status', sql`${t.status} in ('pending', 'delivered', 'undelivered')`),
  ],
);

// A 微心愿 for a child or an elderly person, posted by a social-work station or a community: a
// short public text (no name, school or face), claimed by a donor, volunteer or organisation
// (contact sealed, never public), fulfilled with a confirmation.
export const wishes = pgTable(
  'wishes',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    jurisdictionCode: place('jurisdiction_code'),
    organisationId: bigint('organisation_id', { mode: 'number' }).references(() => organisations.id),
    // Who it is for, never shown publicly.
    personId: bigint('person_id', { mode: 'number' }).references(() => persons.id),
    beneficiaryKind: varchar('beneficiary_kind', { length: 8 }).notNull(),
    category: varchar('category', { length: 12 }).notNull(),
    budgetFen: bigint('budget_fen', { mode: 'number' }).notNull(),
    publicText: text('public_text').notNull(),
    // 'posted' | 'claimed' | 'fulfilled'
    status: varchar('status', { length: 10 }).notNull().default('posted'),
    claimantKind: varchar('claimant_kind', { length: 12 }),
    claimantName: text('claimant_name'),
    claimantPhoneEnc: text('claimant_phone_enc'),
    claimedAt: timestamp('claimed_at', { withTimezone: true, mode: 'date' }),
    fulfilledOn: date('fulfilled_on', { mode: 'string' }),
    confirmation: text('confirmation'),
    ...created,
  },
  (t) => [
    index('wishes_scope_idx').using('btree', t.jurisdictionCode.op('varchar_pattern_ops'), t.id),
    check('wishes_status', sql`${t.status} in ('posted', 'claimed', 'fulfilled')`),
    check('wishes_budget', sql`${t.budgetFen} > 0`),
    check('wishes_kind', sql`${t.beneficiaryKind} in ('child', 'elderly')`),
  ],
);
