import { and, asc, eq, isNull, or, sql, type Column, type SQL } from 'drizzle-orm';
import { preparedOn, scopePattern, withinScopePlaceholder } from '../../platform/db/prepared.ts';
import { queryRows, type DbOrTx } from '../../platform/db/client.ts';
import { placePath } from '../jurisdictions/place-path.ts';
import { underPrefix, withinScope, withinScopeRange } from '../../platform/db/scope.ts';
import { jurisdictions } from '../jurisdictions/jurisdictions.table.ts';
import { householdMembers } from '../households/households.table.ts';
import { persons, taggedWith } from './persons.table.ts';

export type PersonRow = typeof persons.$inferSelect;
export type PersonRowWithPlace = PersonRow & { jurisdictionName: string | null; householdId: number | null };
export type PersonValues = Omit<typeof persons.$inferInsert, 'id' | 'createdAt'>;

/** What a search term turned out to be (decided by the service, which knows the keys). */
export type SearchTerm =
  | { kind: 'id_index'; value: string }
  | { kind: 'phone_index'; value: string }
  | { kind: 'last4'; value: string }
  | { kind: 'pinyin'; value: string }
  | { kind: 'name'; value: string };

const like = (s: string) => `${s.replace(/[\\%_]/g, '\\$&')}%`;
// Search keys compare under "C", as the search indexes are built (persons.table.ts).
const c = (column: Column) => sql`${column} collate "C"`;

function termCondition(term: SearchTerm): SQL {
  switch (term.kind) {
    case 'id_index':
      return eq(persons.idNumberIndex, term.value);
    case 'phone_index':
      return eq(persons.phoneIndex, term.value);
    case 'last4':
      return sql`${c(persons.idLast4)} = ${term.value}`;
    case 'pinyin':
      // Consonants only ('zs', 'wf'): initials alone. Every full-pinyin syllable has a vowel, and
      // one indexed column lets the planner walk the index in order instead of sorting all matches.
      if (!/[aeiouv]/.test(term.value)) return sql`${c(persons.nameInitials)} like ${like(term.value)}`;
      return or(sql`${c(persons.nameInitials)} like ${like(term.value)}`, sql`${c(persons.namePinyin)} like ${like(term.value)}`)!;
    case 'name':
      return sql`${c(persons.name)} like ${like(term.value)}`;
  }
}

const currentHousehold = sql<number | null>`(select m.household_id from ${householdMembers} m where m.person_id = ${persons.id} and m.left_at is null limit 1)`;

function selectWithPlace(db: DbOrTx) {
  return db
    .select({ person: persons, jurisdictionName: placePath(persons.jurisdictionCode), householdId: currentHousehold })
    .from(persons);
}

const flatten = (r: { person: PersonRow; jurisdictionName: string | null; householdId: number | null }): PersonRowWithPlace => ({
  ...r.person,
  jurisdictionName: r.jurisdictionName,
  householdId: r.householdId,
});

export type PersonFilter = { scope: string; term?: SearchTerm; tag?: string; under?: string; afterId?: number; limit: number; offset: number; withTotal?: boolean };

export async function search(db: DbOrTx, f: PersonFilter): Promise<{ items: PersonRowWithPlace[]; total: number; totalCapped: boolean }> {
  // A name, pinyin or last-4 search tests the place inside its own index (see withinScopeRange).
  const keyed = f.term !== undefined && (f.term.kind === 'name' || f.term.kind === 'pinyin' || f.term.kind === 'last4');
  const place = (code: string) => (keyed ? withinScopeRange(persons.jurisdictionCode, code) : withinScope(persons.jurisdictionCode, code));
  const conditions: SQL[] = [place(f.scope), isNull(persons.mergedInto)];
  if (f.term) conditions.push(termCondition(f.term));
  if (f.tag) conditions.push(taggedWith([f.tag]));
  if (f.under) conditions.push(keyed ? withinScopeRange(persons.jurisdictionCode, f.under) : underPrefix(persons.jurisdictionCode, f.under));
  const where = and(...conditions);
  // Keyset paging (afterId) for exports; offset paging for screens.
  const page = f.afterId === undefined ? where : and(where, sql`${persons.id} > ${f.afterId}`);
  // Order by the searched key when there is one: with ORDER BY id LIMIT n the planner may walk
  // the whole primary key looking for a rare name (seconds at a million people).
  const order =
    // The place comes second, as in the search indexes, so the index delivers the order and only an
    // incremental sort by id remains (not a sort of every match of a common surname).
    f.afterId === undefined && f.term?.kind === 'name'
      ? [asc(c(persons.name)), asc(c(persons.jurisdictionCode)), asc(persons.id)]
      : f.afterId === undefined && f.term?.kind === 'pinyin'
        ? [asc(c(persons.nameInitials)), asc(c(persons.jurisdictionCode)), asc(persons.id)]
        : [asc(persons.id)];
  if (f.withTotal === false) {
    const rows = await selectWithPlace(db).where(page).orderBy(...order).limit(f.limit).offset(f.afterId === undefined ? f.offset : 0);
    return { items: rows.map(flatten), total: -1, totalCapped: false };
  }
  // Count at most COUNT_CAP + 1 matches: an exact count of a common surname in a county costs more
  // than the page itself, and nobody pages past a thousand results (they refine the search). The
  // count rides along with the page (an uncorrelated subquery: computed once), so one round trip.
  const capped = sql<number>`(select count(*)::int from (select 1 from ${persons} where ${where} limit ${COUNT_CAP + 1}) m)`;
  const rows = await db
    .select({ person: persons, jurisdictionName: placePath(persons.jurisdictionCode), householdId: currentHousehold, counted: capped })
    .from(persons)
    .where(page)
    .orderBy(...order)
    .limit(f.limit)
    .offset(f.afterId === undefined ? f.offset : 0);
  // A page past the end has no row to carry the count: ask for it alone.
  const n = rows.length > 0 ? rows[0]!.counted : ((await queryRows<{ n: number }>(db, sql`select ${capped} as n`))[0]?.n ?? 0);
  return { items: rows.map(flatten), total: Math.min(n, COUNT_CAP), totalCapped: n > COUNT_CAP };
}

export const COUNT_CAP = 1000;

export async function findInScope(db: DbOrTx, id: number, scope: string, lock = false): Promise<PersonRowWithPlace | undefined> {
  // The person page's read: prepared once (platform/db/prepared.ts), one variant per kind of scope.
  const ready = lock ? undefined : scope === ''
    ? preparedOn(db, 'person_by_id_all', (d) => selectWithPlace(d).where(eq(persons.id, sql.placeholder('id'))).prepare('person_by_id_all'))
    : preparedOn(db, 'person_by_id_scoped', (d) => selectWithPlace(d).where(and(eq(persons.id, sql.placeholder('id')), withinScopePlaceholder(persons.jurisdictionCode, 'scope'))).prepare('person_by_id_scoped'));
  if (ready) {
    const [row] = await ready.execute({ id, scope: scopePattern(scope) });
    return row && flatten(row);
  }
  const query = selectWithPlace(db).where(and(eq(persons.id, id), withinScope(persons.jurisdictionCode, scope)));
  const [row] = lock ? await query.for('update', { of: persons }) : await query;
  return row && flatten(row);
}

/** By blind index, regardless of scope: a person exists once nationally (the caller decides what to reveal). */
export async function findByIdNumberIndex(db: DbOrTx, index: string): Promise<PersonRow | undefined> {
  const [row] = await db.select().from(persons).where(eq(persons.idNumberIndex, index));
  return row;
}

export async function insert(db: DbOrTx, values: PersonValues): Promise<PersonRow> {
  const [row] = await db.insert(persons).values(values).returning();
  return row!;
}

export async function update(db: DbOrTx, id: number, values: Partial<PersonValues>): Promise<PersonRow> {
  const [row] = await db
    .update(persons)
    .set({ ...values, version: sql`${persons.version} + 1`, updatedAt: new Date() })
    .where(eq(persons.id, id))
    .returning();
  return row!;
}

/** Likely duplicates inside a county: same name and birth date, or the same phone. */
export async function likelyDuplicates(db: DbOrTx, scope: string, limit: number) {
  const county = sql`left(a.jurisdiction_code, 6) = left(b.jurisdiction_code, 6)`;
  const inScope = scope === '' ? sql`true` : sql`a.jurisdiction_code like ${like(scope)} and b.jurisdiction_code like ${like(scope)}`;
  const result = (await db.execute(sql`
    select a.id as "a", b.id as "b",
      case when a.phone_index is not null and a.phone_index = b.phone_index then 'same_phone' else 'same_name_birth_date' end as "reason"
    from persons a join persons b on a.id < b.id and ${county}
      and ((a.name = b.name and a.birth_date = b.birth_date) or (a.phone_index is not null and a.phone_index = b.phone_index))
    where a.merged_into is null and b.merged_into is null and ${inScope}
    order by a.id, b.id limit ${limit}`)) as unknown as { rows: { a: number; b: number; reason: string }[] };
  return result.rows;
}

