import { sql } from 'drizzle-orm';
import { bigint, check, index, integer, jsonb, pgTable, text, timestamp, varchar } from 'drizzle-orm/pg-core';

// Append-only (a trigger refuses UPDATE and DELETE). Each entry's hash is
// SM3(previous hash ‖ canonical entry), so editing or deleting a row breaks the chain.
export const auditLog = pgTable(
  'audit_log',
  {
    // Assigned from audit_chain.last_id + 1 under the chain lock: consecutive, so gaps show deletions.
    id: bigint('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true, mode: 'date', precision: 3 }).notNull(),
    actorKind: text('actor_kind').notNull(),
    actorId: integer('actor_id'),
    actorName: text('actor_name').notNull(),
    ip: text('ip'),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id'),
    jurisdictionCode: varchar('jurisdiction_code', { length: 15 }),
    changes: jsonb('changes'),
    reason: text('reason'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    index('audit_log_at_idx').on(t.at),
    index('audit_log_entity_idx').on(t.entity, t.entityId),
    index('audit_log_jurisdiction_idx').using('btree', t.jurisdictionCode.op('varchar_pattern_ops')),
    check('audit_log_actor_kind', sql`${t.actorKind} in ('user','token','system')`),
  ],
);

/** The chain head: one row, locked FOR UPDATE by each append so entries chain in order. */
export const auditChain = pgTable(
  'audit_chain',
  {
    id: integer('id').primaryKey().default(1),
    lastId: bigint('last_id', { mode: 'number' }).notNull().default(0),
    lastHash: text('last_hash').notNull(),
  },
  (t) => [check('audit_chain_single_row', sql`${t.id} = 1`)],
);
