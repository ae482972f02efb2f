// No personal data in error logs: real database errors (unique, check and foreign-key
// violations, invalid byte sequence, values out of range, a failure inside a transaction) and a
// thrown error, each carrying sample names, ID numbers, phones, addresses, card numbers, pinyin
// and birth dates, are logged through the app's own logger and the captured lines are scanned.
// The same errors must still say what failed: SQLSTATE, constraint and table.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { createTestApp, type Session, type TestApp } from './support/app.ts';
import {
  SAMPLE_ADDRESSES, SAMPLE_BIRTH_DATES, SAMPLE_CARD_NUMBERS, SAMPLE_ID_NUMBERS, SAMPLE_NAMES, SAMPLE_PHONES, SAMPLE_PINYIN,
} from './support/sensitive-samples.ts';
import { safeErrorSummary } from '../src/platform/safe-error.ts';

const lines: string[] = [];
const capture = new Writable({
  write(chunk, _encoding, done) {
    lines.push(...chunk.toString().split('\n').filter(Boolean));
    done();
  },
});

/** DDL takes no parameters: a sample as an SQL literal (samples hold no quotes). */
const literal = (s: string) => sql.raw(`'${s}'`);

let t: TestApp;
let admin: Session;
before(async () => {
  t = await createTestApp({}, { logTo: capture });
  admin = await t.login('admin');
  // A table holding plaintext the way a careless future table might: every kind of value there.
  await t.database.db.execute(sql`create table lm_log_ref (code text primary key)`);
  await t.database.db.execute(sql`create table lm_log_probe (
    name text constraint lm_log_probe_name_ck check (name <> ${literal(SAMPLE_NAMES[1]!)}),
    pinyin text, id_number text constraint lm_log_probe_id_uq unique, phone text, address text, card text,
    birth date, age integer, place text constraint lm_log_probe_place_fk references lm_log_ref (code))`);
});
after(() => t.close());

const [name, otherName] = SAMPLE_NAMES as [string, string];
const row = (over: Record<string, unknown> = {}) => ({
  name, pinyin: SAMPLE_PINYIN[0], id_number: SAMPLE_ID_NUMBERS[0], phone: SAMPLE_PHONES[0], address: SAMPLE_ADDRESSES[0],
  card: SAMPLE_CARD_NUMBERS[0], birth: SAMPLE_BIRTH_DATES[0], age: 70, place: null, ...over,
});
const insert = (db: typeof t.database.db, r: Record<string, unknown>) =>
  db.execute(sql`insert into lm_log_probe (name, pinyin, id_number, phone, address, card, birth, age, place)
    values (${r.name}, ${r.pinyin}, ${r.id_number}, ${r.phone}, ${r.address}, ${r.card}, ${r.birth}, ${r.age}, ${r.place})`);

async function failure(run: () => Promise<unknown>): Promise<unknown> {
  try {
    await run();
  } catch (err) {
    return err;
  }
  assert.fail('expected the statement to fail');
}

const NEEDLES = [
  ...SAMPLE_NAMES, ...SAMPLE_PINYIN, ...SAMPLE_ID_NUMBERS, ...SAMPLE_ID_NUMBERS.map((s) => s.toLowerCase()), ...SAMPLE_PHONES,
  ...SAMPLE_ADDRESSES, ...SAMPLE_CARD_NUMBERS, ...SAMPLE_BIRTH_DATES, '0000-01-01',
];
const leaks = (text: string) => NEEDLES.filter((n) => text.includes(n));
const errorLines = () => lines.filter((l) => JSON.parse(l).level >= 40);

/** Logs `err` as the app does and returns the line, after checking it holds none of the samples. */
function logAndScan(err: unknown, what: string): Record<string, unknown> {
  const before = lines.length;
  t.app.log.error({ err }, what);
  const logged = lines.slice(before).join('\n');
  assert.deepEqual(leaks(logged), [], `${what}: ${logged}`);
  const summary = safeErrorSummary(err);
  assert.deepEqual(leaks(summary), [], `${what} (summary): ${summary}`);
  return JSON.parse(logged).err as Record<string, unknown>;
}

/** The SQLSTATE and the driver's naming fields, wherever in the cause chain they are. */
function chain(err: Record<string, unknown>): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (let e: Record<string, unknown> | undefined = err; e; e = e.cause as Record<string, unknown> | undefined) out.push(e);
  return out;
}
const has = (err: Record<string, unknown>, field: string, value: string) => chain(err).some((e) => e[field] === value);

test('a unique violation: SQLSTATE, constraint and the key column, not the key value nor the other params', async () => {
  await insert(t.database.db, row());
  const err = logAndScan(await failure(() => insert(t.database.db, row({ name: otherName.slice(0, 1) + name }))), 'unique');
  assert.ok(has(err, 'code', '23505'));
  assert.ok(has(err, 'constraint', 'lm_log_probe_id_uq'));
  assert.ok(chain(err).some((e) => e.detail === 'Key (id_number)=([redacted]) already exists.'), JSON.stringify(err));
  assert.match(String(err.query), /insert into lm_log_probe/);
});

test('a check violation: the failing row is not logged', async () => {
  const err = logAndScan(await failure(() => insert(t.database.db, row({ name: otherName, id_number: SAMPLE_ID_NUMBERS[1] }))), 'check');
  assert.ok(has(err, 'code', '23514'));
  assert.ok(has(err, 'constraint', 'lm_log_probe_name_ck'));
  assert.ok(chain(err).some((e) => e.detail === 'Failing row contains ([redacted]).'));
});

test('a foreign-key violation: the missing key is not logged', async () => {
  const err = logAndScan(await failure(() => insert(t.database.db, row({ id_number: SAMPLE_ID_NUMBERS[2], place: SAMPLE_ADDRESSES[1] }))), 'fk');
  assert.ok(has(err, 'code', '23503'));
  assert.ok(has(err, 'constraint', 'lm_log_probe_place_fk'));
});

test('data exceptions below the edge: NUL (invalid byte sequence), year 0000, a phone in an integer column', async () => {
  const nul = logAndScan(await failure(() => insert(t.database.db, row({ id_number: 'x1', name: `${name}\u0000` }))), 'nul');
  assert.ok(has(nul, 'code', '22021'));
  const year0 = logAndScan(await failure(() => insert(t.database.db, row({ id_number: 'x2', birth: '0000-01-01' }))), 'year 0');
  assert.ok(has(year0, 'code', '22008'));
  const range = logAndScan(await failure(() => insert(t.database.db, row({ id_number: 'x3', age: SAMPLE_PHONES[0] }))), 'out of range');
  assert.ok(has(range, 'code', '22003'));
  assert.match(JSON.stringify(range), /out of range for type integer/, 'the kind of problem is still there');
});

test('inside a transaction: the failed statement and an error thrown with values in its message', async () => {
  const inTx = await failure(() =>
    t.database.db.transaction(async (tx) => {
      await insert(tx, row({ id_number: 'tx-1' }));
      await insert(tx, row({ id_number: 'tx-1', address: SAMPLE_ADDRESSES[2] }));
    }),
  );
  assert.ok(has(logAndScan(inTx, 'transaction'), 'code', '23505'));
  const thrown = await failure(() =>
    t.database.db.transaction(async () => {
      throw new Error(`cannot merge ${name} (${SAMPLE_ID_NUMBERS[0]}, ${SAMPLE_PHONES[1]}, ${SAMPLE_ADDRESSES[0]}, card ${SAMPLE_CARD_NUMBERS[0]}, born ${SAMPLE_BIRTH_DATES[1]})`);
    }),
  );
  // Free text cannot be parsed for values: what looks like one (non-ASCII, long digit runs,
  // dates) is masked, and the rest of the sentence stays readable.
  const message = String(logAndScan(thrown, 'thrown').message);
  assert.match(message, /^cannot merge \[redacted\] \(\[redacted\], \[redacted\], .*, card LX-\[redacted\], born \[redacted\]\)$/);
});

test('HTTP: a person whose insert fails (500) logs the constraint, not the name, address, card or birth date', async () => {
  await t.database.db.execute(sql`alter table persons add constraint lm_log_refuse check (name <> ${literal(SAMPLE_NAMES[0]!)}) not valid`);
  const before = lines.length;
  try {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/persons',
      headers: admin.headers,
      payload: { name: SAMPLE_NAMES[0], idNumber: SAMPLE_ID_NUMBERS[1], phone: SAMPLE_PHONES[0], jurisdictionCode: '140107001001', address: SAMPLE_ADDRESSES[0], contactCardNo: SAMPLE_CARD_NUMBERS[0] },
    });
    assert.equal(res.statusCode, 500, res.body);
  } finally {
    await t.database.db.execute(sql`alter table persons drop constraint lm_log_refuse`);
  }
  const logged = lines.slice(before).join('\n');
  assert.deepEqual(leaks(logged), [], logged);
  assert.match(logged, /"code":"23514"/);
  assert.match(logged, /lm_log_refuse/);
});

test('HTTP, anonymous: a public help request that fails (500) logs no caller name, address or description', async () => {
  await t.database.db.execute(sql`create unique index lm_log_caller_uq on help_requests (contact_name)`);
  const before = lines.length;
  try {
    const submit = () =>
      t.app.inject({
        method: 'POST',
        url: '/api/public/requests',
        payload: { categoryCode: 'facility_repair', description: `${SAMPLE_NAMES[4]}家楼道灯坏了，电话 ${SAMPLE_PHONES[1]}`, jurisdictionCode: '140107001001', address: SAMPLE_ADDRESSES[1], contactName: SAMPLE_NAMES[4], contactPhone: SAMPLE_PHONES[1] },
      });
    assert.equal((await submit()).statusCode, 201);
    assert.equal((await submit()).statusCode, 500);
  } finally {
    await t.database.db.execute(sql`drop index lm_log_caller_uq`);
  }
  const logged = lines.slice(before).join('\n');
  assert.deepEqual(leaks(logged), [], logged);
  assert.match(logged, /lm_log_caller_uq/);
  assert.match(logged, /Key \(contact_name\)=\(\[redacted\]\) already exists/);
});

test('the captured log is not empty (the scan above would pass vacuously)', () => {
  assert.ok(errorLines().length >= 9, `${errorLines().length} error lines`);
});
