import { test } from 'node:test';
import assert from 'node:assert/strict';
import { InstantText, LocalDate, parseInstant, YearMonth } from './date.schema.ts';

const messages = (r: { success: boolean; error?: { issues: { message: string }[] } }) => r.error?.issues.map((i) => i.message.split('\u241F')[0]) ?? [];

test('local dates: real days from 1900-01-01 to 2100-12-31; one message per problem', () => {
  for (const ok of ['1900-01-01', '2024-02-29', '2100-12-31']) assert.equal(LocalDate.safeParse(ok).success, true, ok);
  assert.deepEqual(messages(LocalDate.safeParse('0000-01-01')), ['must lie between 1900-01-01 and 2100-12-31']);
  assert.deepEqual(messages(LocalDate.safeParse('1899-12-31')), ['must lie between 1900-01-01 and 2100-12-31']);
  assert.deepEqual(messages(LocalDate.safeParse('2101-01-01')), ['must lie between 1900-01-01 and 2100-12-31']);
  assert.deepEqual(messages(LocalDate.safeParse('2023-02-29')), ['a date as YYYY-MM-DD']);
  assert.deepEqual(messages(LocalDate.safeParse('abc')), ['a date as YYYY-MM-DD']);
});

test('months: 1900-01 … 2100-12', () => {
  assert.equal(YearMonth.safeParse('2100-12').success, true);
  assert.deepEqual(messages(YearMonth.safeParse('0000-01')), ['must lie between 1900-01 and 2100-12']);
  assert.deepEqual(messages(YearMonth.safeParse('2024-13')), ['a month as YYYY-MM']);
});

test('instants: W3C date-times, Asia/Shanghai without a zone, real days and times only, within the range', () => {
  assert.equal(parseInstant('2025-01-31')?.toISOString(), '2025-01-30T16:00:00.000Z');
  assert.equal(parseInstant('2025-01-31T09:00')?.toISOString(), '2025-01-31T01:00:00.000Z');
  assert.equal(parseInstant('2025-01-31T09:00:00Z')?.toISOString(), '2025-01-31T09:00:00.000Z');
  assert.equal(parseInstant('2025-01-31 09:00:00+0800')?.toISOString(), '2025-01-31T01:00:00.000Z');
  for (const bad of ['2025-02-30', '2025-01-31T24:00', 'yesterday', '1']) assert.equal(parseInstant(bad), undefined, bad);
  assert.equal(InstantText.safeParse('1899-12-31T23:00:00Z').success, true, 'that is 1900-01-01 07:00 in Shanghai');
  assert.deepEqual(messages(InstantText.safeParse('0000-01-01')), ['must lie between 1900-01-01 and 2100-12-31']);
  assert.deepEqual(messages(InstantText.safeParse('2101-01-01T00:00')), ['must lie between 1900-01-01 and 2100-12-31']);
});
