import { sql } from 'drizzle-orm';
import { bigint, check, index, integer, pgTable, text, timestamp, varchar } from 'drizzle-orm/pg-core';
import { jurisdictions } from '../jurisdictions/jurisdictions.table.ts';
import { users } from '../auth/auth.table.ts';

// Files and photos of every module in one table: a case's scans, a visit's photos, a help
// request's before/after pictures, a campaign visit's photo. The owner (kind + id) is a record of
// another module, which decides who may see it; this table only stores the file, sealed with the
// field cipher (SM4-CBC + HMAC-SM3, key id inside), so `lastmile keys rotate` walks one column.
export const attachments = pgTable(
  'attachments',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    // 'case' | 'case_visit' | 'help_request' | 'campaign_visit' | … (the owner module's word).
    ownerKind: text('owner_kind').notNull(),
    ownerId: bigint('owner_id', { mode: 'number' }).notNull(),
    // The owner's place, kept in step when the owner moves: scoping and the audit entries.
    jurisdictionCode: varchar('jurisdiction_code', { length: 15 })
      .notNull()
      .references(() => jurisdictions.code, { onDelete: 'restrict' }),
    // What the owner calls it ('photo', 'material', 'signature', …); null when it keeps no kind.
    kind: text('kind'),
    caption: text('caption'),
    fileName: text('file_name').notNull(),
    // Sniffed from the bytes (lib/file-type.ts), never taken from the client.
    mediaType: text('media_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    // Of the plaintext: checked on every open, so what is handed out is what was recorded here.
    sha256: text('sha256').notNull(),
    // The sealed file: one field envelope (`v1.<key>.…`, ASCII) over its base64. Text, not bytea:
    // PGlite moves a 2 MB bytea parameter or result 6–25 times slower than the same text.
    content: text('content').notNull(),
    createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    index('attachments_owner_idx').on(t.ownerKind, t.ownerId, t.id),
    check('attachments_owner_kind_check', sql`${t.ownerKind} ~ '^[a-z][a-z_]{0,39}$'`),
    check('attachments_size_check', sql`${t.sizeBytes} > 0`),
  ],
);
