import { sql } from 'drizzle-orm';
import { bigint, check, index, integer, jsonb, pgSequence, pgTable, smallint, text, timestamp, varchar } from 'drizzle-orm/pg-core';

// Append-only (a trigger refuses UPDATE, DELETE and TRUNCATE). Entries form several chains
// (audit_chain rows), so concurrent writers do not queue on one lock. Within a chain each entry
// has the next `seq` and carries the previous entry's hash; its own `hash` is HMAC-SM3 under the
// audit key `key_id` over everything stored (audit-chain.ts). Entries written before the chains
// were keyed (migration 0001) have key_id NULL, chain 0, seq = id, and the unkeyed SM3 formula.
// (chain, seq) is unique: the index is made by hand in migration 0009, after legacy rows got their seq.
export const auditLog = pgTable(
  'audit_log',
  {
    // Row identity for the viewer (audit_log_id_seq): increasing, not consecutive; seq shows gaps.
    id: bigint('id', { mode: 'number' }).primaryKey(),
    chain: smallint('chain').notNull().default(0),
    seq: bigint('seq', { mode: 'number' }).notNull().default(0),
    keyId: text('key_id'),
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

export const auditLogIdSeq = pgSequence('audit_log_id_seq', { startWith: 1 });

/**
 * One row per chain: its last seq and hash. A writer locks one row (the first its transaction can
 * lock without waiting) and keeps it to the end of the transaction; `last_key_id` is NULL while
 * the chain's last entry is unkeyed (chain 0 right after the upgrade), which makes writers seal it.
 */
export const auditChain = pgTable('audit_chain', {
  id: integer('id').primaryKey().default(1),
  lastSeq: bigint('last_seq', { mode: 'number' }).notNull().default(0),
  lastHash: text('last_hash').notNull(),
  lastKeyId: text('last_key_id'),
});
