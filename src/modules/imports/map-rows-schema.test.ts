// mapRow lets values that plainly pass PersonInput skip the schema (it costs more than the rest of
// the row): passesSchema must never say yes where the schema says no. Random cells, as clerks
// write them and worse, through the real column parsers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { makeIdNumber } from '../../lib/id-number.ts';
import { PersonFields, PersonInput } from '../persons/persons.schema.ts';
import { mapHeaders, mapRow, passesSchema } from './map-rows.ts';
import { PERSON_COLUMNS, parseContext, type ImportFieldKey } from './person-columns.ts';
import { TODAY } from './test-fixtures.ts';

const PERSON_KEYS = new Set(Object.keys(PersonFields.shape));
const ctx = parseContext({ today: TODAY, tags: { elderly_alone: '独居老人', disabled: '残疾人', [`t${'x'.repeat(60)}`]: '超长代码' }, illnesses: { uraemia: '尿毒症' } });

const text = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.string({ unit: fc.constantFrom('王', '李', ' ', '\u3000', '\t', 'a', '1', '-', '、', '族', '\u200b', '\u202e', 'e\u0301'), maxLength: 60 }),
  fc.constantFrom('', ' ', '\u3000王五\u3000', 'x'.repeat(51), '汉'.repeat(21), '号'.repeat(201), '\u200b\u200b', '王\u202e五', '\ufeff王五\u200b'),
);
const cellFor: Partial<Record<ImportFieldKey, fc.Arbitrary<unknown>>> = {
  idNumber: fc.oneof(
    fc.constantFrom(makeIdNumber('140107', '1990-01-01', 123), makeIdNumber('140107', '2025-06-15', 1), makeIdNumber('140107', '1899-12-31', 5), '140107199001011234', '14010719900101123x', 140107900101123),
    fc.date({ min: new Date('1890-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }).map((d) => makeIdNumber('110101', d.toISOString().slice(0, 10), 7)),
    text,
  ),
  sex: fc.constantFrom('男', '女', '男性', 'x', 1),
  birthDate: fc.oneof(fc.constantFrom('1990-01-01', '1990/1/1', '19900101', 19900101, 32874, '2099-01-01', '1899-12-31', '1990-02-30', '0050-01-01'), fc.date({ min: new Date('1800-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }), text),
  deathDate: fc.oneof(fc.constantFrom('2020-01-01', '1990/1/1', '2099-01-01'), text),
  phone: fc.oneof(fc.constantFrom('13912345678', '139 1234 5678', '+8613912345678', '0351-1234567', '03511234567', '12345', 13912345678, '1391234567８'), text),
  hukouCode: fc.oneof(fc.constantFrom('140107001001', '140107', '14', '140107001001001', '140107000000', '1401070010010', 140107001001), text),
  jurisdictionCode: fc.oneof(fc.constantFrom('140107001001', '140107001001001', '140107'), text),
  disabilityCategory: fc.constantFrom('肢体', '视力', 'x', undefined),
  disabilityGrade: fc.constantFrom('一级', '三级', 2, 5, 'x', undefined),
  seriousIllnesses: fc.constantFrom('尿毒症', '尿毒症、尿毒症', 'x', undefined),
  tags: fc.constantFrom('独居老人、残疾人', '超长代码', Array.from({ length: 31 }, (_, i) => (i % 2 ? '独居老人' : '残疾人')).join('、'), undefined),
  maritalStatus: fc.constantFrom('已婚', 'x', undefined),
  relationship: fc.constantFrom('户主', 'x', undefined),
};

const row = fc.record(Object.fromEntries(PERSON_COLUMNS.map((c) => [c.key, fc.option(cellFor[c.key] ?? text, { nil: undefined })])) as Record<ImportFieldKey, fc.Arbitrary<unknown>>);

test('passesSchema never vouches for values the schema refuses', () => {
  let vouched = 0;
  fc.assert(
    fc.property(row, (cells) => {
      const values: Partial<Record<ImportFieldKey, unknown>> = {};
      for (const c of PERSON_COLUMNS) {
        const cell = cells[c.key];
        if (cell === undefined) continue;
        const parsed = c.parse(cell, ctx);
        if (parsed.ok && parsed.value !== undefined) values[c.key] = parsed.value;
      }
      if (!passesSchema(values)) return;
      vouched++;
      const person = Object.fromEntries(Object.entries(values).filter(([k]) => PERSON_KEYS.has(k)));
      const result = PersonInput.safeParse(person);
      assert.ok(result.success, `passesSchema said yes to ${JSON.stringify(values)}: ${JSON.stringify(result.error?.issues)}`);
    }),
    { numRuns: 5000 },
  );
  assert.ok(vouched > 50, `some rows pass (${vouched})`);
});

test('mapRow gives the same problems whether or not the schema is skipped', () => {
  const { mapping } = mapHeaders(PERSON_COLUMNS.map((c) => c.header));
  fc.assert(
    fc.property(row, (cells) => {
      const source = { rowNumber: 2, cells: Object.fromEntries(PERSON_COLUMNS.map((c) => [c.header, cells[c.key] ?? null])) };
      const mapped = mapRow(source, mapping, ctx);
      if (mapped.input) {
        const person = Object.fromEntries(Object.entries(mapped.input).filter(([k]) => PERSON_KEYS.has(k)));
        assert.ok(PersonInput.safeParse(person).success, `accepted ${JSON.stringify(mapped.input)}`);
      }
    }),
    { numRuns: 2000 },
  );
});
