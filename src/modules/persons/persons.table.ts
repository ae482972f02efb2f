import { sql, type SQL } from 'drizzle-orm';
import { bigint, check, date, index, integer, jsonb, pgTable, smallint, text, timestamp, uniqueIndex, varchar } from 'drizzle-orm/pg-core';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { jurisdictions } from '../jurisdictions/jurisdictions.table.ts';

// One row per person. Sensitive values are stored as SM4 ciphertext (`*_enc`) with a blind index
// (`*_index`, HMAC-SM3) for exact lookup; the plaintext never reaches the database.
export const persons = pgTable(
  'persons',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    name: text('name').notNull(),
    // Lower-case pinyin without spaces or tones (zhangsan) and initials (zs), for search.
    namePinyin: text('name_pinyin').notNull(),
    nameInitials: text('name_initials').notNull(),
    idNumberEnc: text('id_number_enc'),
    idNumberIndex: text('id_number_index'),
    // The last 4 characters are shown in every masked output anyway; kept plain for "last 4" search.
    idLast4: varchar('id_last4', { length: 4 }),
    sex: text('sex'),
    birthDate: date('birth_date', { mode: 'string' }),
    phoneEnc: text('phone_enc'),
    phoneIndex: text('phone_index'),
    hukouCode: varchar('hukou_code', { length: 15 }),
    jurisdictionCode: varchar('jurisdiction_code', { length: 15 })
      .notNull()
      .references(() => jurisdictions.code, { onDelete: 'restrict' }),
    address: text('address'),
    ethnicity: text('ethnicity'),
    maritalStatus: text('marital_status'),
    education: text('education'),
    employmentStatus: text('employment_status'),
    workCapacity: text('work_capacity'),
    disabilityCategory: text('disability_category'),
    disabilityGrade: smallint('disability_grade'),
    seriousIllnesses: text('serious_illnesses').array().notNull().default([]),
    selfCare: jsonb('self_care'),
    deathDate: date('death_date', { mode: 'string' }),
    tags: text('tags').array().notNull().default([]),
    contactCardNo: text('contact_card_no'),
    // Set when this record was merged into another (a duplicate); kept for history and references.
    mergedInto: bigint('merged_into', { mode: 'number' }).references((): AnyPgColumn => persons.id),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    index('persons_scope_idx').using('btree', t.jurisdictionCode.op('varchar_pattern_ops'), t.id),
    uniqueIndex('persons_id_number_uq').on(t.idNumberIndex),
    // Partial where a column is mostly empty: an import then adds no entry for the empty ones
    // (an equality search implies "is not null", so these indexes still serve it).
    index('persons_phone_idx').on(t.phoneIndex).where(sql`${t.phoneIndex} is not null`),
    // Search keys with the jurisdiction and id beside them, all under the "C" collation: the scope
    // range is tested inside the index (no heap visit for a match in another county), and the index
    // delivers ORDER BY key, place, id, so a page of 50 stops after 50 entries even for a surname
    // shared by ten thousand people (a text_pattern_ops index cannot order: it sorted them all).
    // Partial (merged records are never searched), so a capped count is an index-only scan.
    index('persons_name_idx').using('btree', sql`${t.name} collate "C"`, sql`${t.jurisdictionCode} collate "C"`, t.id).where(sql`${t.mergedInto} is null`),
    index('persons_initials_idx').using('btree', sql`${t.nameInitials} collate "C"`, sql`${t.jurisdictionCode} collate "C"`, t.id).where(sql`${t.mergedInto} is null`),
    index('persons_pinyin_idx').using('btree', sql`${t.namePinyin} collate "C"`, sql`${t.jurisdictionCode} collate "C"`, t.id).where(sql`${t.mergedInto} is null`),
    index('persons_last4_idx').using('btree', sql`${t.idLast4} collate "C"`, sql`${t.jurisdictionCode} collate "C"`, t.id).where(sql`${t.mergedInto} is null`),
    // Tag searches say `cardinality(tags) > 0` (see tagged() in persons.store.ts) to use it.
    index('persons_tags_idx').using('gin', t.tags).where(sql`cardinality(${t.tags}) > 0`),
    index('persons_card_idx').on(t.contactCardNo).where(sql`${t.contactCardNo} is not null`),
    check('persons_disability_grade', sql`${t.disabilityGrade} between 1 and 4`),
  ],
);

/**
 * Persons with all (or any) of these tags (at least one). Says `cardinality(tags) > 0` too, which
 * such a match implies, so that the partial GIN index persons_tags_idx can serve it.
 */
export function taggedWith(tags: readonly string[], mode: 'all' | 'any' = 'all'): SQL {
  const wanted = sql`${sql.param([...tags])}::text[]`;
  return sql`(cardinality(${persons.tags}) > 0 and ${persons.tags} ${sql.raw(mode === 'all' ? '@>' : '&&')} ${wanted})`;
}

// Every version of a person or household as it was stored (ciphertexts, never plaintext), so a
// decision can be explained against the facts as they stood on its date.
export const registryHistory = pgTable(
  'registry_history',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    entity: text('entity').notNull(),
    entityId: bigint('entity_id', { mode: 'number' }).notNull(),
    version: integer('version').notNull(),
    validFrom: timestamp('valid_from', { withTimezone: true, mode: 'date' }).notNull(),
    data: jsonb('data').notNull(),
    actorName: text('actor_name').notNull(),
    reason: text('reason'),
  },
  (t) => [uniqueIndex('registry_history_version_uq').on(t.entity, t.entityId, t.version)],
);

// Configurable lists (special-group tags, serious illnesses): code → labels.
export const vocabularies = pgTable(
  'vocabularies',
  {
    kind: text('kind').notNull(),
    code: text('code').notNull(),
    labelZh: text('label_zh').notNull(),
    labelEn: text('label_en'),
    active: integer('active').notNull().default(1),
  },
  (t) => [uniqueIndex('vocabularies_kind_code_uq').on(t.kind, t.code)],
);
