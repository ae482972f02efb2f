import { boolean, index, integer, pgTable, primaryKey, text, timestamp, varchar } from 'drizzle-orm/pg-core';
import { jurisdictions } from '../jurisdictions/jurisdictions.table.ts';

export const users = pgTable(
  'users',
  {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  username: varchar('username', { length: 64 }).notNull().unique(),
  displayName: text('display_name').notNull(),
  // "scrypt$N$r$p$salt$hash" (base64); never a plaintext.
  passwordHash: text('password_hash').notNull(),
  // The user's jurisdiction; null means the whole system (全部辖区), e.g. a platform administrator.
  jurisdictionCode: varchar('jurisdiction_code', { length: 15 }).references(() => jurisdictions.code, {
    onDelete: 'restrict',
  }),
  roles: text('roles').array().notNull().default([]),
  mustChangePassword: boolean('must_change_password').notNull().default(false),
  disabled: boolean('disabled').notNull().default(false),
  // Login throttling: consecutive failures and the time until which the account is locked.
  failedLogins: integer('failed_logins').notNull().default(0),
  lockedUntil: timestamp('locked_until', { withTimezone: true, mode: 'date' }),
  lastLoginAt: timestamp('last_login_at', { withTimezone: true, mode: 'date' }),
  passwordChangedAt: timestamp('password_changed_at', { withTimezone: true, mode: 'date' }),
  // Sensitive: SM4 ciphertext (see platform/crypto); never the plaintext.
  phoneEnc: text('phone_enc'),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  // Scoped lists filter by jurisdiction prefix: pattern ops make LIKE 'prefix%' an index range.
  (t) => [index('users_jurisdiction_prefix_idx').using('btree', t.jurisdictionCode.op('varchar_pattern_ops'), t.id)],
);

// Server-side sessions, so any number of app processes share them. The cookie carries a random
// token; only its SHA-256 is stored, so a database leak does not hand out live sessions.
export const sessions = pgTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_user_idx').on(t.userId), index('sessions_expires_idx').on(t.expiresAt)],
);

// Machine clients: a bearer token acting with one role inside one jurisdiction. Only the token's
// SHA-256 is stored; the plaintext is shown once at creation.
export const apiTokens = pgTable('api_tokens', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  name: text('name').notNull(),
  tokenHash: text('token_hash').notNull().unique(),
  role: text('role').notNull(),
  jurisdictionCode: varchar('jurisdiction_code', { length: 15 }).references(() => jurisdictions.code, { onDelete: 'restrict' }),
  createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }),
  lastUsedAt: timestamp('last_used_at', { withTimezone: true, mode: 'date' }),
  revokedAt: timestamp('revoked_at', { withTimezone: true, mode: 'date' }),
});

// Login back-off, shared by every app process: failures of one account from one client address
// ('pair'), and of any account from one address ('address', username ''). Each row holds the
// failures counted in the last day and until when that address must wait (login-throttle.ts).
export const loginThrottles = pgTable(
  'login_throttles',
  {
    kind: varchar('kind', { length: 10 }).notNull(),
    username: varchar('username', { length: 64 }).notNull(),
    address: varchar('address', { length: 64 }).notNull(),
    failures: integer('failures').notNull().default(0),
    lastFailureAt: timestamp('last_failure_at', { withTimezone: true, mode: 'date' }).notNull(),
    blockedUntil: timestamp('blocked_until', { withTimezone: true, mode: 'date' }),
  },
  (t) => [primaryKey({ columns: [t.kind, t.username, t.address] }), index('login_throttles_last_failure_idx').on(t.lastFailureAt)],
);
