// The import's batch writer: rows go in by COPY exactly as the registry stores a person
// (toPersonValues), and persons or households that someone else registered meanwhile are reused
// or skipped, not duplicated and not an error.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { createTestApp, testKeyRing, type TestApp } from '../../../test/support/app.ts';
import { queryRows } from '../../platform/db/client.ts';
import { createSensitiveFields } from '../../platform/crypto/sensitive.ts';
import { makeIdNumber } from '../../lib/id-number.ts';
import { toPersonValues, type PersonData } from '../persons/person-values.ts';
import type { PersonValues } from '../persons/persons.store.ts';
import { insertPersonsReusing } from '../households/bulk-load.ts';
import { MemberFlags } from '../households/households.schema.ts';
import { commitUnits, type CommitUnit } from './commit-batches.ts';
import type { ImportRecord } from './person-columns.ts';

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(() => t.close());

const sensitive = createSensitiveFields(testKeyRing);
const ctx = () => ({ db: t.database.db, sensitive, today: '2026-11-23' });
const indexOf = (id: string) => sensitive.index('id_number', id);

function person(n: number, extra: Partial<ImportRecord> = {}): ImportRecord {
  return { name: `测试${n}`, idNumber: makeIdNumber('140107', '1980-01-01', n), jurisdictionCode: '140107001001', ...extra };
}
const member = (input: ImportRecord) => ({ input, idIndex: input.idNumber === undefined ? undefined : indexOf(input.idNumber) });

type Row = Record<string, unknown>;
const personsBy = async (indexes: string[]) =>
  queryRows<Row>(t.database.db, sql`select * from persons where id_number_index = any(${sql.param(indexes)}::text[]) order by id`);

test('persons written by COPY are stored as toPersonValues stores them', async () => {
  const inputs: ImportRecord[] = [
    person(601, { phone: '13912345678', sex: 'male', address: '和平社区\t5 号楼\\2 单元', ethnicity: '汉族', maritalStatus: 'married', education: 'senior' }),
    person(602, { employmentStatus: 'flexible', workCapacity: 'partial', disabilityCategory: 'physical', disabilityGrade: 2, seriousIllnesses: ['uraemia', 'leukaemia'], tags: ['disabled', 'seriously_ill'] }),
    person(603, { hukouCode: '140107001001', deathDate: '2020-02-02', contactCardNo: 'LX-0099', name: '曾"单"\\' }),
  ];
  const r = await commitUnits(ctx(), inputs.map((i) => ({ members: [member(i)] })), [], new Map(), {});
  assert.deepEqual(r, { households: 0, persons: 3, reusedPersons: 0, skippedHouseholds: 0 });
  const stored = await personsBy(inputs.map((i) => indexOf(i.idNumber!)));
  assert.equal(stored.length, 3);
  const columns = (v: Partial<PersonValues>): Row => ({
    name: v.name, name_pinyin: v.namePinyin, name_initials: v.nameInitials, id_number_index: v.idNumberIndex, id_last4: v.idLast4, sex: v.sex ?? null,
    birth_date: v.birthDate ?? null, phone_index: v.phoneIndex ?? null, hukou_code: v.hukouCode ?? null, jurisdiction_code: v.jurisdictionCode, address: v.address ?? null,
    ethnicity: v.ethnicity ?? null, marital_status: v.maritalStatus ?? null, education: v.education ?? null, employment_status: v.employmentStatus ?? null,
    work_capacity: v.workCapacity ?? null, disability_category: v.disabilityCategory ?? null, disability_grade: v.disabilityGrade ?? null,
    serious_illnesses: v.seriousIllnesses ?? [], self_care: v.selfCare ?? null, death_date: v.deathDate ?? null, tags: v.tags ?? [], contact_card_no: v.contactCardNo ?? null,
  });
  inputs.forEach((input, i) => {
    const expected = toPersonValues(sensitive, input as PersonData);
    const row = stored[i]!;
    assert.deepEqual(columns({ ...expected }), Object.fromEntries(Object.keys(columns(expected)).map((k) => [k, row[k]])), input.name);
    assert.equal(sensitive.decrypt(row.id_number_enc as string), input.idNumber);
    assert.equal(row.phone_enc === null ? null : sensitive.decrypt(row.phone_enc as string), input.phone ?? null);
    assert.deepEqual([row.version, row.merged_into], [1, null]);
  });
  // As the bulk loader: version 1, no history row yet (the first change keeps version 1 lazily).
  const [history] = await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from registry_history where entity = 'person' and entity_id = any(${sql.param(stored.map((r) => Number(r.id)))}::bigint[])`);
  assert.equal(history!.n, 0);
});

test('a person registered after validation is reused: the batch is written again, not failed', async () => {
  const late = person(611);
  // Registered by someone else after the file was checked (the import did not see it).
  await t.database.db.transaction((tx) => insertPersonsReusing(tx, [toPersonValues(sensitive, late as PersonData) as PersonValues]));
  const household: CommitUnit = { key: 'import:race:1', members: [member({ ...person(612), householdKey: '1', relationship: 'head' }), member({ ...late, householdKey: '1', relationship: 'spouse' })] };
  const r = await commitUnits(ctx(), [{ members: [member(person(613))] }], [household], new Map(), {});
  assert.deepEqual(r, { households: 1, persons: 2, reusedPersons: 1, skippedHouseholds: 0 });
  assert.equal((await personsBy([indexOf(late.idNumber!)])).length, 1, 'not registered twice');
  const [m] = await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from household_members m join households h on h.id = m.household_id where h.external_key = 'import:race:1'`);
  assert.equal(m!.n, 2);
});

test('the same households written twice at once: each written once, the other run skips them', async () => {
  const units = (from: number): CommitUnit[] =>
    Array.from({ length: 30 }, (_, h) => ({
      key: `import:twice:${h}`,
      members: [0, 1].map((k) => member({ ...person(from + h * 2 + k), householdKey: String(h), relationship: k === 0 ? 'head' : 'child' })),
    }));
  const [a, b] = await Promise.all([commitUnits(ctx(), [], units(700), new Map(), {}), commitUnits(ctx(), [], units(700), new Map(), {})]);
  assert.equal(a.households + b.households, 30);
  assert.equal(a.households + a.skippedHouseholds, 30);
  assert.equal(b.households + b.skippedHouseholds, 30);
  const [c] = await queryRows<{ households: number; members: number; persons: number }>(
    t.database.db,
    sql`select (select count(*)::int from households where external_key like 'import:twice:%') as households,
               (select count(*)::int from household_members m join households h on h.id = m.household_id where h.external_key like 'import:twice:%') as members,
               (select count(*)::int from persons where name like '测试7%' or name like '测试8%') as persons`,
  );
  assert.deepEqual(c, { households: 30, members: 60, persons: 60 });
  // Members written by COPY take the column default: it must be what the code calls the default.
  const flags = await queryRows<{ flags: unknown }>(t.database.db, sql`select distinct m.flags from household_members m join households h on h.id = m.household_id where h.external_key like 'import:twice:%'`);
  assert.deepEqual(flags.map((f) => f.flags), [MemberFlags.parse({})]);
});
