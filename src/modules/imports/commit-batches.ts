// Writing the validated rows of an import: persons (and whole households) in batches, each batch
// one transaction, so a crash leaves whole batches or nothing. Fast path: what is already there
// (households by key, persons by ID number) is looked up once for the whole file (while it is
// read: see Prefetch), rows go in by COPY with ids reserved beforehand, the next batch is
// prepared (encryption, COPY text) while the database writes the current ones, and two batches
// are written at once on two connections. If someone else registers one of our persons or
// households meanwhile, the batch hits a unique index, rolls back, and is written again looking
// everything up inside its transaction (the bulk loader's way) — the outcome the import always had.
// Like the bulk loader, it writes no history rows: new records are version 1.
import { sql } from 'drizzle-orm';
import { queryRows, type Db, type DbOrTx } from '../../platform/db/client.ts';
import { canCopy, copyField, copyInto, reserveIds, unnestInsert } from '../../platform/db/bulk-insert.ts';
import { canCheckReferencesInBulk, lockReferenced, skipRowTriggers, type ForeignKey } from '../../platform/db/bulk-references.ts';
import { sqlState, UNIQUE_VIOLATION } from '../../platform/db/pg-error.ts';
import type { SensitiveFields } from '../../platform/crypto/sensitive.ts';
import { pinyinKeys } from '../../lib/pinyin.ts';
import { toPersonValues, type PersonData } from '../persons/person-values.ts';
import type { PersonValues } from '../persons/persons.store.ts';
import { DEFAULT_MEMBER_FLAGS } from '../households/households.table.ts';
import { insertPersonsReusing, loadHouseholdBatch, type HouseholdBundle } from '../households/bulk-load.ts';
import type { ImportRecord } from './person-columns.ts';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type CommitContext = { db: Db; sensitive: SensitiveFields; today: string };
/** afterBatch runs last in each batch's transaction, with what the batch wrote (so a tally kept there survives a crash exactly). */
export type CommitHooks = { onProgress?: (done: number, total: number) => void; afterBatch?: (tx: Tx, note: string, written: CommitResult) => Promise<void> };
export type CommitResult = { households: number; persons: number; reusedPersons: number; skippedHouseholds: number };

/**
 * One validated row, with its ID number's blind index when it has one, and what was worked out
 * ahead for it: the ciphertexts and the phone's blind index. (Pinyin of the name is worked out when
 * the batch is prepared: the reader's thread, where it used to be, is the import's critical path.)
 */
export type CommitMember = {
  input: ImportRecord;
  idIndex: string | undefined;
  encrypted?: { idNumber: string | null; phone: string | null; phoneIndex: string | null };
};

const ahead = new WeakMap<readonly CommitMember[], number>();

/** Encrypt the next few rows not yet encrypted (spare time while the file is read); false when all are. */
export function encryptAhead(sensitive: SensitiveFields, rows: readonly CommitMember[]): boolean {
  const from = ahead.get(rows) ?? 0;
  const end = Math.min(rows.length, from + 64);
  encryptRows(sensitive, rows.slice(from, end));
  ahead.set(rows, end);
  return end < rows.length;
}

/** Ciphertexts and the phone's blind index for rows that lack them, in one batch through the cipher. */
function encryptRows(sensitive: SensitiveFields, rows: readonly CommitMember[]): void {
  const todo = rows.filter((m) => !m.encrypted);
  const plaintexts: string[] = [];
  for (const m of todo) {
    if (m.input.idNumber !== undefined) plaintexts.push(m.input.idNumber);
    if (m.input.phone !== undefined) plaintexts.push(m.input.phone);
  }
  const ciphertexts = sensitive.encryptMany(plaintexts);
  let next = 0;
  for (const m of todo) {
    const { idNumber, phone } = m.input;
    m.encrypted = {
      idNumber: idNumber === undefined ? null : ciphertexts[next++]!,
      phone: phone === undefined ? null : ciphertexts[next++]!,
      phoneIndex: phone === undefined ? null : sensitive.index('phone', phone),
    };
  }
}

function encrypt(sensitive: SensitiveFields, m: CommitMember): NonNullable<CommitMember['encrypted']> {
  if (!m.encrypted) encryptRows(sensitive, [m]);
  return m.encrypted!;
}

/** A person on their own (no key), or a household (external key; the head first). */
export type CommitUnit = { key?: string; members: CommitMember[] };

const PERSON_COLUMNS = [
  'id', 'name', 'name_pinyin', 'name_initials', 'id_number_enc', 'id_number_index', 'id_last4', 'sex', 'birth_date', 'phone_enc', 'phone_index',
  'hukou_code', 'jurisdiction_code', 'address', 'ethnicity', 'marital_status', 'education', 'employment_status', 'work_capacity',
  'disability_category', 'disability_grade', 'serious_illnesses', 'self_care', 'death_date', 'tags', 'contact_card_no',
] as const;
const HOUSEHOLD_COLUMNS = ['id', 'jurisdiction_code', 'address', 'head_person_id', 'bank_name', 'bank_account_enc', 'account_holder', 'external_key'] as const;
/** An imported member has the default flags: the column's default (DEFAULT_MEMBER_FLAGS). */
const MEMBER_COLUMNS = ['household_id', 'person_id', 'relationship', 'joined_at'] as const;

/**
 * Every foreign key on the tables an import writes, each checked by the batch itself (see
 * writeFast), so the per-row checks can be skipped (platform/db/bulk-references.ts).
 */
export const IMPORT_TABLES = ['persons', 'households', 'household_members'] as const;
export const IMPORT_FOREIGN_KEYS: readonly ForeignKey[] = [
  { table: 'persons', column: 'jurisdiction_code', refTable: 'jurisdictions', refColumn: 'code' }, // locked per batch
  { table: 'persons', column: 'merged_into', refTable: 'persons', refColumn: 'id' }, // never written: null
  { table: 'households', column: 'jurisdiction_code', refTable: 'jurisdictions', refColumn: 'code' }, // locked per batch
  { table: 'households', column: 'head_person_id', refTable: 'persons', refColumn: 'id' }, // written in the batch, or a registered person locked per batch
  { table: 'household_members', column: 'household_id', refTable: 'households', refColumn: 'id' }, // written in the batch
  { table: 'household_members', column: 'person_id', refTable: 'persons', refColumn: 'id' }, // written in the batch, or locked
];

/** Batches written at once. */
const WRITERS = 2;

/** Persons per batch: about 20 batches a file, between 250 and 2,500 persons each. */
function batchTarget(persons: number): number {
  return Math.min(2500, Math.max(250, Math.ceil(persons / 20)));
}

type Batch = { units: CommitUnit[]; households: boolean; first: number; last: number; persons: number };

function batches(units: CommitUnit[], households: boolean, target: number): Batch[] {
  const out: Batch[] = [];
  let current: Batch | undefined;
  units.forEach((u, i) => {
    if (!current || current.persons >= target) out.push((current = { units: [], households, first: i + 1, last: i + 1, persons: 0 }));
    current.units.push(u);
    current.last = i + 1;
    current.persons += u.members.length;
  });
  return out;
}

/** A PostgreSQL array literal of strings, as one COPY field. */
function arrayField(values: readonly string[] | undefined): string {
  if (!values || values.length === 0) return '{}';
  return copyField(`{${values.map((v) => `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`);
}

/**
 * The stored form of an imported person as a COPY line — what toPersonValues() gives for the
 * same input (person-values.ts), with the ID number's blind index already known.
 */
function personLine(id: number, m: CommitMember, sensitive: SensitiveFields, pinyin: (name: string) => [string, string]): string {
  const p = m.input;
  const [full, initials] = pinyin(p.name);
  const encrypted = encrypt(sensitive, m);
  let idLast4: string | null = null;
  let sex: string | undefined = p.sex;
  let birthDate: string | undefined = p.birthDate;
  if (p.idNumber !== undefined) {
    // Normalised and checked by the column parser: 18 characters, birth date and sex inside.
    const v = p.idNumber;
    idLast4 = v.slice(-4);
    sex = Number(v[16]) % 2 === 1 ? 'male' : 'female';
    birthDate = `${v.slice(6, 10)}-${v.slice(10, 12)}-${v.slice(12, 14)}`;
  }
  // Only text typed by people can hold a tab, newline or backslash (escaped by copyField); codes,
  // dates, ciphertexts, blind indexes and pinyin cannot.
  return (
    `${id}\t${copyField(p.name)}\t${full}\t${initials}\t${or(encrypted.idNumber)}\t${p.idNumber !== undefined ? or(m.idIndex) : N}\t${or(idLast4)}\t${or(sex)}\t${or(birthDate)}\t` +
    `${or(encrypted.phone)}\t${or(encrypted.phoneIndex)}\t${or(p.hukouCode)}\t${p.jurisdictionCode}\t${copyField(p.address)}\t${copyField(p.ethnicity)}\t` +
    `${or(p.maritalStatus)}\t${or(p.education)}\t${or(p.employmentStatus)}\t${or(p.workCapacity)}\t${or(p.disabilityCategory)}\t${copyField(p.disabilityGrade)}\t` +
    `${arrayField(p.seriousIllnesses)}\t${copyField(p.selfCare === undefined ? null : JSON.stringify(p.selfCare))}\t${or(p.deathDate)}\t${arrayField(p.tags)}\t${copyField(p.contactCardNo)}\n`
  );
}

const N = '\\N';
/** A value that cannot need escaping, as a COPY field. */
const or = (v: string | null | undefined): string => v ?? N;

/** A batch ready to write: COPY text for each table, and what it counts as. */
type Prepared = {
  persons: string;
  households: string;
  members: string;
  /** Members who are persons already registered: they join unless already in a household. */
  reusedMembers: unknown[][];
  /** What the rows refer to outside the batch: jurisdiction codes, registered persons' ids. */
  jurisdictions: Set<string>;
  registeredIds: number[];
  result: CommitResult;
};

/**
 * What the commit needs from the database before it writes — which of the file's households are
 * there already, and ids for the rows — fetched chunk by chunk while the file is still being read
 * (the database has nothing else to do then). Ids are reserved for every row not in a household
 * already loaded: a row that turns out invalid or already registered leaves a gap, nothing more.
 */
export class Prefetch {
  readonly loaded = new Set<string>();
  readonly personIds: number[] = [];
  readonly householdIds: number[] = [];
  private readonly seen = new Set<string>();
  private chain: Promise<void> = Promise.resolve();
  private failure: { error: unknown } | undefined;
  private readonly db: DbOrTx;
  private readonly keyOf: (householdKey: string) => string;

  constructor(db: DbOrTx, keyOf: (householdKey: string) => string) {
    this.db = db;
    this.keyOf = keyOf;
  }

  /** Rows just read (in file order). */
  add(rows: readonly CommitMember[]): void {
    const keys: string[] = [];
    for (const r of rows) {
      if (r.input.householdKey === undefined) continue;
      const key = this.keyOf(r.input.householdKey);
      if (!this.seen.has(key)) {
        this.seen.add(key);
        keys.push(key);
      }
    }
    this.chain = this.chain.then(async () => {
      if (this.failure) return;
      try {
        if (keys.length > 0) {
          const found = await queryRows<{ key: string }>(this.db, sql`select external_key as key from households where external_key = any(${sql.param(keys)}::text[])`);
          for (const f of found) this.loaded.add(f.key);
        }
        const persons = rows.filter((r) => r.input.householdKey === undefined || !this.loaded.has(this.keyOf(r.input.householdKey))).length;
        const households = keys.filter((k) => !this.loaded.has(k)).length;
        const [p, h] = await Promise.all([reserveIds(this.db, 'persons', persons), reserveIds(this.db, 'households', households)]);
        this.personIds.push(...p);
        this.householdIds.push(...h);
      } catch (error) {
        this.failure = { error };
      }
    });
  }

  /** Everything fetched (throws what a query threw). */
  async done(): Promise<this> {
    await this.chain;
    if (this.failure) throw this.failure.error;
    return this;
  }
}

export async function commitUnits(
  ctx: CommitContext,
  singles: CommitUnit[],
  households: CommitUnit[],
  registered: Map<string, number>,
  hooks: CommitHooks,
  prefetched?: Prefetch,
): Promise<CommitResult> {
  const result: CommitResult = { households: 0, persons: 0, reusedPersons: 0, skippedHouseholds: 0 };
  const total = [...singles, ...households].reduce((n, u) => n + u.members.length, 0);
  const target = batchTarget(total);
  const all = [...batches(singles, false, target), ...batches(households, true, target)];
  if (all.length === 0) return result;

  // What is there already (a crash-resumed import finds its own households), once for the file,
  // unless fetched while the file was read.
  const loaded = prefetched?.loaded ?? new Set<string>();
  if (!prefetched) {
    const keys = households.map((h) => h.key!);
    for (let i = 0; i < keys.length; i += 20_000) {
      const rows = await queryRows<{ key: string }>(ctx.db, sql`select external_key as key from households where external_key = any(${sql.param(keys.slice(i, i + 20_000))}::text[])`);
      for (const r of rows) loaded.add(r.key);
    }
  }
  // Ids for everything that may be new, reserved up front (unused ones are just gaps).
  let freshPersons = 0;
  let freshHouseholds = 0;
  for (const b of all) {
    for (const u of b.units) {
      if (u.key !== undefined && loaded.has(u.key)) continue;
      if (u.key !== undefined) freshHouseholds++;
      for (const m of u.members) if (!(m.idIndex !== undefined && registered.has(m.idIndex))) freshPersons++;
    }
  }
  const personIds = prefetched?.personIds ?? [];
  const householdIds = prefetched?.householdIds ?? [];
  const [morePersons, moreHouseholds] = await Promise.all([
    reserveIds(ctx.db, 'persons', Math.max(0, freshPersons - personIds.length)),
    reserveIds(ctx.db, 'households', Math.max(0, freshHouseholds - householdIds.length)),
  ]);
  personIds.push(...morePersons);
  householdIds.push(...moreHouseholds);
  let nextPerson = 0;
  let nextHousehold = 0;

  const bulkChecks = canCheckReferencesInBulk(ctx.db, IMPORT_TABLES, IMPORT_FOREIGN_KEYS);
  const pinyinCache = new Map<string, [string, string]>();
  const pinyin = (name: string) => {
    let k = pinyinCache.get(name);
    if (!k) {
      const keys = pinyinKeys(name);
      pinyinCache.set(name, (k = [keys.full, keys.initials]));
    }
    return k;
  };

  /** COPY text for a batch; yields to the event loop now and then so the batch being written is not held up. */
  async function prepare(batch: Batch): Promise<Prepared> {
    let persons = '';
    let householdLines = '';
    let members = '';
    const reusedMembers: unknown[][] = [[], [], [], [], []];
    const jurisdictions = new Set<string>();
    const registeredIds: number[] = [];
    const r: CommitResult = { households: 0, persons: 0, reusedPersons: 0, skippedHouseholds: 0 };
    let sinceYield = 0;
    for (const u of batch.units) {
      if (u.key !== undefined && loaded.has(u.key)) {
        r.skippedHouseholds++;
        continue;
      }
      const householdId = u.key === undefined ? undefined : householdIds[nextHousehold++]!;
      let headId = 0;
      u.members.forEach((m, i) => {
        const known = m.idIndex === undefined ? undefined : registered.get(m.idIndex);
        let id: number;
        if (known !== undefined) {
          id = known;
          r.reusedPersons++;
          if (householdId !== undefined) registeredIds.push(id);
        } else {
          id = personIds[nextPerson++]!;
          jurisdictions.add(m.input.jurisdictionCode);
          persons += personLine(id, m, ctx.sensitive, pinyin);
          r.persons++;
        }
        if (i === 0) headId = id;
        if (householdId !== undefined) {
          const relationship = m.input.relationship ?? 'other';
          if (known !== undefined) {
            // Already registered: stays where they are if they live in a household already.
            reusedMembers[0]!.push(householdId);
            reusedMembers[1]!.push(id);
            reusedMembers[2]!.push(relationship);
            reusedMembers[3]!.push(DEFAULT_MEMBER_FLAGS);
            reusedMembers[4]!.push(ctx.today);
          } else {
            members += `${householdId}\t${id}\t${relationship}\t${ctx.today}\n`;
          }
        }
      });
      if (householdId !== undefined) {
        const head = u.members[0]!.input;
        jurisdictions.add(head.jurisdictionCode);
        householdLines += `${householdId}\t${head.jurisdictionCode}\t${copyField(head.address)}\t${headId}\t${N}\t${N}\t${N}\t${copyField(u.key)}\n`;
        r.households++;
      }
      sinceYield += u.members.length;
      if (sinceYield >= 100) {
        sinceYield = 0;
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
    return { persons, households: householdLines, members, reusedMembers, jurisdictions, registeredIds, result: r };
  }

  async function writeFast(tx: Tx, p: Prepared, checkReferences: boolean): Promise<void> {
    if (checkReferences) {
      // The foreign keys, checked for the whole batch (IMPORT_FOREIGN_KEYS says how each is met).
      await skipRowTriggers(tx);
      await lockReferenced(tx, 'jurisdictions', 'code', [...p.jurisdictions], 'text');
      await lockReferenced(tx, 'persons', 'id', p.registeredIds, 'bigint');
    }
    await copyInto(tx, 'persons', PERSON_COLUMNS, p.persons);
    await copyInto(tx, 'households', HOUSEHOLD_COLUMNS, p.households);
    await copyInto(tx, 'household_members', MEMBER_COLUMNS, p.members);
    await unnestInsert(tx, 'household_members', [['household_id', 'bigint'], ['person_id', 'bigint'], ['relationship', 'text'], ['flags', 'jsonb'], ['joined_at', 'date']], p.reusedMembers, { onConflictDoNothing: true });
  }

  /** The batch written with everything looked up inside its transaction (after a unique violation). */
  async function writeCareful(tx: DbOrTx, batch: Batch): Promise<CommitResult> {
    const r: CommitResult = { households: 0, persons: 0, reusedPersons: 0, skippedHouseholds: 0 };
    const toValues = (input: ImportRecord) => {
      const { householdKey: _k, relationship: _r, ...person } = input;
      return toPersonValues(ctx.sensitive, person as PersonData) as PersonValues;
    };
    if (!batch.households) {
      const values = batch.units.map((u) => toValues(u.members[0]!.input));
      const inserted = await insertPersonsReusing(tx, values);
      r.persons += inserted.inserted;
      r.reusedPersons += values.length - inserted.inserted;
    } else {
      const bundles: HouseholdBundle[] = batch.units.map((u) => {
        const head = u.members[0]!.input;
        return {
          key: u.key!,
          jurisdictionCode: head.jurisdictionCode,
          address: head.address,
          members: u.members.map((m) => {
            const { householdKey: _k, relationship, ...person } = m.input;
            return { person: person as PersonData, relationship: relationship ?? 'other', flags: { ...DEFAULT_MEMBER_FLAGS } };
          }),
          incomes: [],
          assets: [],
          expenses: [],
        };
      });
      const b = await loadHouseholdBatch(tx, ctx.sensitive, bundles, ctx.today);
      r.households += b.households;
      r.persons += b.persons;
      r.reusedPersons += b.personsReused;
      r.skippedHouseholds += b.skipped;
    }
    return r;
  }

  const note = (b: Batch) => `${b.households ? 'households' : 'persons'} ${b.first}–${b.last}`;
  const add = (r: CommitResult) => {
    result.households += r.households;
    result.persons += r.persons;
    result.reusedPersons += r.reusedPersons;
    result.skippedHouseholds += r.skippedHouseholds;
  };
  let done = 0;

  async function write(batch: Batch, prepared: Prepared): Promise<void> {
    // Known before the transaction opens: deciding may take PGlite's only connection.
    const checkInBulk = await bulkChecks;
    try {
      await ctx.db.transaction(async (tx) => {
        if (!canCopy(tx)) throw new CopyUnavailable();
        await writeFast(tx, prepared, checkInBulk);
        await hooks.afterBatch?.(tx, note(batch), prepared.result);
      });
      add(prepared.result);
    } catch (error) {
      if (!(error instanceof CopyUnavailable) && sqlState(error) !== UNIQUE_VIOLATION) throw error;
      // Someone registered one of these persons or households since we looked: write the batch
      // again, looking everything up inside the transaction.
      const r = await ctx.db.transaction(async (tx) => {
        const r = await writeCareful(tx, batch);
        await hooks.afterBatch?.(tx, note(batch), r);
        return r;
      });
      add(r);
    }
    done += batch.persons;
    hooks.onProgress?.(done, total);
  }

  // Prepare the next batch while earlier ones are written; up to WRITERS batches are written at
  // once (each its own transaction and connection; PGlite runs them one after the other).
  const writing = new Set<Promise<void>>();
  let failure: { error: unknown } | undefined;
  for (const batch of all) {
    const prepared = await prepare(batch);
    while (writing.size >= WRITERS && !failure) await Promise.race(writing);
    if (failure) break;
    const w: Promise<void> = write(batch, prepared).then(
      () => void writing.delete(w),
      (error: unknown) => {
        writing.delete(w);
        failure ??= { error };
      },
    );
    writing.add(w);
  }
  await Promise.all(writing);
  if (failure) throw failure.error;
  return result;
}

class CopyUnavailable extends Error {}

