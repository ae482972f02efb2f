import { bigint, index, jsonb, pgTable, text, timestamp, varchar } from 'drizzle-orm/pg-core';
import { bytea } from '../../platform/db/bytea.ts';

// An uploaded file and what became of it: a persons ledger (kind 'persons': validation report,
// outcome of committing it) or a campaign's target list (kind 'campaign_targets': its report).
export const imports = pgTable(
  'imports',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    kind: text('kind').notNull(),
    fileName: text('file_name').notNull(),
    format: text('format').notNull(),
    fileSha256: text('file_sha256').notNull(),
    content: bytea('content').notNull(),
    status: text('status').notNull(),
    progress: jsonb('progress'),
    counts: jsonb('counts'),
    committed: jsonb('committed'),
    report: bytea('report'),
    error: text('error'),
    /** What the import was asked to do, by kind (a campaign list: { campaignId, dryRun }). */
    params: jsonb('params'),
    createdBy: text('created_by').notNull(),
    // The importer's jurisdiction: rows must lie inside it; the import is visible inside it.
    scope: varchar('scope', { length: 15 }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [index('imports_scope_idx').using('btree', t.scope.op('varchar_pattern_ops'), t.id)],
);
