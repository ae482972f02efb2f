import { sql } from 'drizzle-orm';
import { bigint, check, index, integer, jsonb, pgTable, text, timestamp, varchar } from 'drizzle-orm/pg-core';
import { users } from '../auth/auth.table.ts';
import { jurisdictions } from '../jurisdictions/jurisdictions.table.ts';

// The in-app notification centre: one row per recipient, written by the module where the thing
// happened, in the transaction that made it happen (so a rolled-back step notifies nobody). The
// text is written in both languages when posted and names records by number, never a person: a
// notification is read outside the record's own page and is kept after the record changes.
export const notifications = pgTable(
  'notifications',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    // '<module>.<event>': 'case.sent_back', 'request.assigned', 'request.escalated', …
    kind: text('kind').notNull(),
    // The record it is about (kind + id of the owner module) and where that record lies.
    subjectKind: text('subject_kind').notNull(),
    subjectId: bigint('subject_id', { mode: 'number' }).notNull(),
    jurisdictionCode: varchar('jurisdiction_code', { length: 15 }).references(() => jurisdictions.code, { onDelete: 'restrict' }),
    titleZh: text('title_zh').notNull(),
    titleEn: text('title_en').notNull(),
    bodyZh: text('body_zh'),
    bodyEn: text('body_en'),
    // The web UI's path to open (`/cases/12`); relative, checked when posted.
    link: text('link'),
    // Small structured facts for clients (states, amounts in 分); no personal data.
    data: jsonb('data'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    readAt: timestamp('read_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [
    index('notifications_user_idx').on(t.userId, t.id),
    index('notifications_unread_idx').on(t.userId, t.id).where(sql`${t.readAt} is null`),
    index('notifications_subject_idx').on(t.subjectKind, t.subjectId),
    check('notifications_kind_check', sql`${t.kind} ~ '^[a-z][a-z_]{0,39}\\.[a-z][a-z_]{0,39}$'`),
    check('notifications_link_check', sql`${t.link} is null or ${t.link} ~ '^/[A-Za-z0-9/_?=&.-]{0,200}$'`),
  ],
);
