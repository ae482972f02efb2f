import { sql } from 'drizzle-orm';
import { bigint, boolean, check, date, index, integer, pgTable, text, timestamp, varchar } from 'drizzle-orm/pg-core';
import { jurisdictions } from '../jurisdictions/jurisdictions.table.ts';
import { users } from '../auth/auth.table.ts';
import { CHARITY_STATUS_CODES, ORGANISATION_KIND_CODES } from './organisations.kinds.ts';

const inList = (codes: readonly string[]) => sql.raw(codes.map((c) => `'${c}'`).join(', '));

// One row per organisation the system works with: charities, foundations, social-work agencies,
// volunteer groups, caring enterprises, public bodies. Service points, employers and the
// social-force ledgers (donations, stock, distributions) all refer to `organisations.id`.
export const organisations = pgTable(
  'organisations',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    kind: varchar('kind', { length: 24 }).notNull(),
    name: text('name').notNull(),
    // 统一社会信用代码, upper case, check character verified (lib/credit-code.ts).
    creditCode: varchar('credit_code', { length: 18 }).notNull().unique(),
    // The area it serves: the scope key (staff see organisations inside or covering their area).
    jurisdictionCode: varchar('jurisdiction_code', { length: 15 })
      .notNull()
      .references(() => jurisdictions.code, { onDelete: 'restrict' }),
    // Registration facts: authority, date, charity status and 公开募捐资格.
    registrationAuthority: text('registration_authority'),
    registeredOn: date('registered_on', { mode: 'string' }),
    charityStatus: varchar('charity_status', { length: 12 }).notNull().default('none'),
    charitySince: date('charity_since', { mode: 'string' }),
    publicFundraising: boolean('public_fundraising').notNull().default(false),
    publicFundraisingSince: date('public_fundraising_since', { mode: 'string' }),
    address: text('address'),
    contactName: text('contact_name'),
    // Sensitive: sealed (platform/crypto), shown masked.
    contactPhoneEnc: text('contact_phone_enc'),
    contactEmail: text('contact_email'),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    index('organisations_scope_idx').using('btree', t.jurisdictionCode.op('varchar_pattern_ops'), t.id),
    check('organisations_kind', sql`${t.kind} in (${inList(ORGANISATION_KIND_CODES)})`),
    check('organisations_charity_status', sql`${t.charityStatus} in (${inList(CHARITY_STATUS_CODES)})`),
    // Only a charitable organisation can hold 公开募捐资格 (Charity Law art. 22).
    check('organisations_fundraising_needs_charity', sql`not ${t.publicFundraising} or ${t.charityStatus} <> 'none'`),
  ],
);

// Users of the `organisation` role act for exactly one organisation: this row says which.
export const organisationUsers = pgTable(
  'organisation_users',
  {
    userId: integer('user_id')
      .primaryKey()
      .references(() => users.id, { onDelete: 'cascade' }),
    organisationId: bigint('organisation_id', { mode: 'number' })
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [index('organisation_users_org_idx').on(t.organisationId)],
);
