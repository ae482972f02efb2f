// The masking rules on their own (the real driver errors are in test/error-logs.test.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { maskValues, safeError, safeErrorSummary, safeMessageOf } from './safe-error.ts';

const dbError = (message: string, fields: Record<string, unknown>) => Object.assign(new Error(message), { severity: 'ERROR', ...fields });

test('free text: non-ASCII runs, e-mail addresses, dates and long digit runs are masked; the sentence stays', () => {
  assert.equal(maskValues('no household for 王秀英 (13912345678, a@b.cn) born 1949-12-31 in row 12'), 'no household for [redacted] ([redacted], [redacted]) born [redacted] in row 12');
  assert.equal(maskValues(maskValues('王')), '[redacted]', 'masking twice changes nothing');
});

test('PostgreSQL messages: names of things kept where the class quotes only names, values masked elsewhere', () => {
  assert.equal(safeMessageOf(dbError('relation "persons" does not exist', { code: '42P01' })), 'relation "persons" does not exist');
  assert.equal(safeMessageOf(dbError('duplicate key value violates unique constraint "persons_id_number_uq"', { code: '23505' })), 'duplicate key value violates unique constraint "persons_id_number_uq"');
  assert.equal(safeMessageOf(dbError('invalid input syntax for type integer: "wangxiuying"', { code: '22P02' })), 'invalid input syntax for type integer: [redacted]');
  assert.equal(safeMessageOf(dbError('value "13912345678" is out of range for type integer', { code: '22003' })), 'value "[redacted]" is out of range for type integer');
  assert.equal(safeMessageOf(dbError('custom: zhangsan lives here', { code: 'P0001' })), 'custom: [redacted]');
});

test('details: key and failing-row shapes keep their columns only; any other detail is left out', () => {
  const key = safeError(dbError('duplicate key value violates unique constraint "x_uq"', { code: '23505', detail: 'Key (name, pinyin)=(王秀英, wangxiuying) already exists.' }));
  assert.equal(key.detail, 'Key (name, pinyin)=([redacted]) already exists.');
  const fk = safeError(dbError('insert or update on table "a" violates foreign key constraint "a_fk"', { code: '23503', detail: 'Key (place)=(zhangsan) is not present in table "places".' }));
  assert.equal(fk.detail, 'Key (place)=([redacted]) is not present in table "places".');
  const row = safeError(dbError('new row for relation "persons" violates check constraint "c"', { code: '23514', detail: 'Failing row contains (1, wangxiuying).' }));
  assert.equal(row.detail, 'Failing row contains ([redacted]).');
  const other = safeError(dbError('invalid input syntax for type json', { code: '22P02', detail: 'Token "wangxiuying" is invalid.', where: 'JSON data, line 1: wangxiuying' }));
  assert.equal(other.detail, undefined);
  assert.doesNotMatch(JSON.stringify(other), /wangxiuying/);
});

test("drizzle's wrapper: the SQL text stays, its params line goes, from the message and the stack", () => {
  const cause = dbError('new row for relation "persons" violates check constraint "c"', { code: '23514' });
  const err = Object.assign(new Error('Failed query: insert into persons (name) values ($1)\nparams: wangxiuying', { cause }), { query: 'insert into persons (name) values ($1)', params: ['wangxiuying'] });
  const safe = safeError(err);
  assert.equal(safe.message, 'Failed query: insert into persons (name) values ($1)');
  assert.equal(safe.cause?.code, '23514');
  assert.equal(safe.cause?.type, 'DatabaseError');
  assert.doesNotMatch(JSON.stringify(safe), /wangxiuying|params/);
  assert.equal(safeErrorSummary(err), 'Failed query: insert into persons (name) values ($1) ← new row for relation "persons" violates check constraint "c" [SQLSTATE 23514]');
});

test('only known fields are copied: custom properties of an error never reach the log', () => {
  const err = Object.assign(new Error('boom'), { code: 'ERR_X', person: { name: 'wangxiuying' }, hint: 'wangxiuying', internalQuery: 'select wangxiuying' });
  const safe = safeError(err);
  assert.deepEqual(Object.keys(safe).sort(), ['code', 'message', 'stack', 'type']);
  assert.equal(safe.code, 'ERR_X');
});
