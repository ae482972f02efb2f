// Loads whole households (persons, members, income, assets, expenses) in batches, one
// transaction per batch, with multi-row inserts. Used by the demo/benchmark seeding and imports.
// Idempotent: households are keyed (external_key) and a key already loaded is skipped; persons
// already registered (same ID number) are reused, not duplicated.
import { inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.ts';
import type { SensitiveFields } from '../../platform/crypto/sensitive.ts';
import { persons } from '../persons/persons.table.ts';
import { toPersonValues, type PersonData } from '../persons/person-values.ts';
import type { PersonValues } from '../persons/persons.store.ts';
import { households } from './households.table.ts';
import { reserveIds, unnestInsert } from '../../platform/db/bulk-insert.ts';
import type { MemberFlags } from './households.schema.ts';

export type HouseholdBundle = {
  key: string;
  jurisdictionCode: string;
  address?: string | undefined;
  bankName?: string | undefined;
  bankAccount?: string | undefined;
  accountHolder?: string | undefined;
  /** The head first. */
  members: { person: PersonData; relationship: string; flags: MemberFlags }[];
  incomes: { memberIndex: number | null; type: string; subtype: string; month: string; amountFen: number; source: string }[];
  assets: { kind: string; valueFen: number; floorAreaCm2?: number | undefined; description: string; asOf: string }[];
  expenses: { kind: string; amountFen: number; date: string; description: string }[];
};

export type BatchResult = { households: number; persons: number; personsReused: number; skipped: number; rows: number };

/** Append one row to column-major arrays. */
function push(columns: unknown[][], ...values: unknown[]): void {
  values.forEach((v, i) => columns[i]!.push(v ?? null));
}

// [column, SQL type, key in the stored person values]
const PERSON_COLUMNS = [
  ['id', 'bigint', 'id'], ['name', 'text', 'name'], ['name_pinyin', 'text', 'namePinyin'], ['name_initials', 'text', 'nameInitials'],
  ['id_number_enc', 'text', 'idNumberEnc'], ['id_number_index', 'text', 'idNumberIndex'], ['id_last4', 'varchar', 'idLast4'], ['sex', 'text', 'sex'],
  ['birth_date', 'date', 'birthDate'], ['phone_enc', 'text', 'phoneEnc'], ['phone_index', 'text', 'phoneIndex'], ['hukou_code', 'varchar', 'hukouCode'],
  ['jurisdiction_code', 'varchar', 'jurisdictionCode'], ['address', 'text', 'address'], ['ethnicity', 'text', 'ethnicity'], ['marital_status', 'text', 'maritalStatus'],
  ['education', 'text', 'education'], ['employment_status', 'text', 'employmentStatus'], ['work_capacity', 'text', 'workCapacity'],
  ['disability_category', 'text', 'disabilityCategory'], ['disability_grade', 'smallint', 'disabilityGrade'], ['serious_illnesses', 'text[]', 'seriousIllnesses'],
  ['self_care', 'jsonb', 'selfCare'], ['death_date', 'date', 'deathDate'], ['tags', 'text[]', 'tags'], ['contact_card_no', 'text', 'contactCardNo'],
] as const;
const HOUSEHOLD_COLUMNS = [['id', 'bigint'], ['jurisdiction_code', 'varchar'], ['address', 'text'], ['head_person_id', 'bigint'], ['bank_name', 'text'], ['bank_account_enc', 'text'], ['account_holder', 'text'], ['external_key', 'text']] as const;

export async function loadHouseholdBatch(tx: DbOrTx, sensitive: SensitiveFields, bundles: HouseholdBundle[], joinedAt: string): Promise<BatchResult> {
  const existing = new Set(
    (await tx.select({ key: households.externalKey }).from(households).where(inArray(households.externalKey, bundles.map((b) => b.key)))).map((r) => r.key),
  );
  const todo = bundles.filter((b) => !existing.has(b.key));
  const result: BatchResult = { households: todo.length, persons: 0, personsReused: 0, skipped: bundles.length - todo.length, rows: 0 };
  if (todo.length === 0) return result;

  // Persons: reuse anyone already registered under the same ID number.
  const values = todo.flatMap((b) => b.members.map((m) => toPersonValues(sensitive, m.person) as PersonValues));
  const { ids: personIds, inserted } = await insertPersonsReusing(tx, values);
  result.persons = inserted;
  result.personsReused = values.length - inserted;

  // Households, then everything that hangs off them.
  const householdIds = await reserveIds(tx, 'households', todo.length);
  let cursor = 0;
  const heads: number[] = [];
  const members: unknown[][] = [[], [], [], [], []];
  const incomes: unknown[][] = [[], [], [], [], [], [], []];
  const assets: unknown[][] = [[], [], [], [], [], []];
  const expenses: unknown[][] = [[], [], [], [], []];
  todo.forEach((b, h) => {
    const householdId = householdIds[h]!;
    const ids = b.members.map((_, i) => personIds[cursor + i]!);
    cursor += b.members.length;
    heads.push(ids[0]!);
    b.members.forEach((m, i) => push(members, householdId, ids[i], m.relationship, m.flags, joinedAt));
    for (const inc of b.incomes) push(incomes, householdId, inc.memberIndex === null ? null : ids[inc.memberIndex], inc.type, inc.subtype, inc.month, inc.amountFen, inc.source);
    for (const a of b.assets) push(assets, householdId, a.kind, a.valueFen, a.floorAreaCm2 ?? null, a.description, a.asOf);
    for (const e of b.expenses) push(expenses, householdId, e.kind, e.amountFen, e.date, e.description);
  });
  await unnestInsert(tx, 'households', HOUSEHOLD_COLUMNS, [
    householdIds,
    todo.map((b) => b.jurisdictionCode),
    todo.map((b) => b.address ?? null),
    heads,
    todo.map((b) => b.bankName ?? null),
    todo.map((b) => sensitive.encrypt(b.bankAccount)),
    todo.map((b) => b.accountHolder ?? null),
    todo.map((b) => b.key),
  ], { overridingIds: true });
  // A person reused from another household stays there (the unique index on current membership decides).
  await unnestInsert(tx, 'household_members', [['household_id', 'bigint'], ['person_id', 'bigint'], ['relationship', 'text'], ['flags', 'jsonb'], ['joined_at', 'date']], members, { onConflictDoNothing: true });
  await unnestInsert(tx, 'household_incomes', [['household_id', 'bigint'], ['person_id', 'bigint'], ['type', 'text'], ['subtype', 'text'], ['month', 'text'], ['amount_fen', 'bigint'], ['source', 'text']], incomes);
  await unnestInsert(tx, 'household_assets', [['household_id', 'bigint'], ['kind', 'text'], ['value_fen', 'bigint'], ['floor_area_cm2', 'bigint'], ['description', 'text'], ['as_of', 'date']], assets);
  await unnestInsert(tx, 'household_expenses', [['household_id', 'bigint'], ['kind', 'text'], ['amount_fen', 'bigint'], ['date', 'date'], ['description', 'text']], expenses);
  const memberRows = members[0]!, incomeRows = incomes[0]!, assetRows = assets[0]!, expenseRows = expenses[0]!;
  result.rows = inserted + todo.length + memberRows.length + incomeRows.length + assetRows.length + expenseRows.length;
  return result;
}


/**
 * Insert persons in one statement, reusing anyone already registered under the same ID number.
 * Returns each input's person id, in input order.
 */
export async function insertPersonsReusing(tx: DbOrTx, values: PersonValues[]): Promise<{ ids: number[]; inserted: number }> {
  const indexes = values.map((v) => v.idNumberIndex).filter((x): x is string => !!x);
  const known = new Map<string, number>();
  for (let i = 0; i < indexes.length; i += 5000) {
    const rows = await tx.select({ id: persons.id, index: persons.idNumberIndex }).from(persons).where(inArray(persons.idNumberIndex, indexes.slice(i, i + 5000)));
    for (const r of rows) known.set(r.index!, r.id);
  }
  const ids: number[] = new Array(values.length);
  const fresh: { at: number; v: PersonValues }[] = [];
  values.forEach((v, at) => {
    const id = v.idNumberIndex ? known.get(v.idNumberIndex) : undefined;
    if (id !== undefined) ids[at] = id;
    else fresh.push({ at, v });
  });
  const freshIds = await reserveIds(tx, 'persons', fresh.length);
  fresh.forEach((c, i) => (ids[c.at] = freshIds[i]!));
  await unnestInsert(
    tx,
    'persons',
    PERSON_COLUMNS.map(([n, t]) => [n, t] as const),
    // Array columns are NOT NULL: an absent list is an empty one.
    PERSON_COLUMNS.map(([, type, key]) => (key === 'id' ? freshIds : fresh.map((c) => (c.v as Record<string, unknown>)[key] ?? (type === 'text[]' ? [] : null)))) as unknown[][],
    { overridingIds: true },
  );
  return { ids, inserted: fresh.length };
}
