import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkDigit, isValidIdNumber, makeIdNumber, parseIdNumber, type ParsedIdNumber } from './id-number.ts';

const TODAY = '2025-06-15';

function problem(result: ParsedIdNumber) {
  assert.equal(result.ok, false, 'expected a rejection');
  return result as Extract<ParsedIdNumber, { ok: false }>;
}

test('the textbook example 11010519491231002X is valid (check digit worked by hand: 167 mod 11 = 2 → X)', () => {
  assert.equal(checkDigit('11010519491231002'), 'X');
  assert.deepEqual(parseIdNumber('11010519491231002X', TODAY), {
    ok: true,
    value: '11010519491231002X',
    birthDate: '1949-12-31',
    sex: 'female',
    regionCode: '110105',
    convertedFrom15: false,
  });
});

test('a second hand-checked number: 140107199001011230 (177 mod 11 = 1 → 0)', () => {
  assert.equal(checkDigit('14010719900101123'), '0');
  const r = parseIdNumber('140107199001011230', TODAY);
  assert.ok(r.ok);
  assert.equal(r.birthDate, '1990-01-01');
  assert.equal(r.sex, 'male', '17th digit 3 is odd');
  assert.equal(r.regionCode, '140107');
});

test('makeIdNumber builds numbers that parse back to their parts', () => {
  for (const [region, date, seq, sex] of [
    ['140107', '1990-01-01', 123, 'male'],
    ['410883', '2000-02-29', 0, 'female'],
    ['650102', '1900-01-01', 999, 'male'],
    ['110105', TODAY, 42, 'female'],
  ] as const) {
    const id = makeIdNumber(region, date, seq);
    assert.equal(id.length, 18);
    const r = parseIdNumber(id, TODAY);
    assert.ok(r.ok, `${id} should be valid`);
    assert.equal(r.birthDate, date);
    assert.equal(r.regionCode, region);
    assert.equal(r.sex, sex);
    assert.equal(r.value.slice(14, 17), String(seq).padStart(3, '0'));
  }
  assert.throws(() => makeIdNumber('010107', '1990-01-01', 1), RangeError);
  assert.throws(() => makeIdNumber('140107', '1990-02-30', 1), RangeError);
  assert.throws(() => makeIdNumber('140107', '19900101', 1), RangeError);
  assert.throws(() => makeIdNumber('140107', '1990-01-01', 1000), RangeError);
  assert.throws(() => makeIdNumber('140107', '1990-01-01', 1.5), RangeError);
});

test('input is trimmed; lowercase x and full-width characters are accepted and normalised', () => {
  const r = parseIdNumber('  11010519491231002x \n', TODAY);
  assert.ok(r.ok);
  assert.equal(r.value, '11010519491231002X');
  const wide = parseIdNumber('１１０１０５１９４９１２３１００２Ｘ', TODAY);
  assert.ok(wide.ok);
  assert.equal(wide.value, '11010519491231002X');
  assert.ok(isValidIdNumber('11010519491231002x'));
});

test('a wrong check digit names the expected one in both languages', () => {
  const p = problem(parseIdNumber('140107199001011234', TODAY));
  assert.equal(p.reason, 'check_digit');
  assert.equal(p.message, 'check digit is wrong (expected 0)');
  assert.equal(p.messageZh, '校验码错误（应为 0）');
  assert.equal(problem(parseIdNumber('110105194912310020', TODAY)).reason, 'check_digit');
  assert.ok(!isValidIdNumber('110105194912310021'));
});

test('birth dates must exist on the calendar, leap years included', () => {
  const feb30 = problem(parseIdNumber('140107199002301230', TODAY));
  assert.equal(feb30.reason, 'date');
  assert.equal(feb30.message, 'the birth date 19900230 does not exist');
  assert.equal(feb30.messageZh, '出生日期 19900230 不存在');

  assert.ok(parseIdNumber(makeIdNumber('140107', '2000-02-29', 1), TODAY).ok, '2000 is a leap year (divisible by 400)');
  // 1900 is not a leap year (divisible by 100 but not 400); the check digit is right, the date is not.
  const first17 = '14010719000229001';
  assert.equal(problem(parseIdNumber(first17 + checkDigit(first17), TODAY)).reason, 'date');
  const feb29in2001 = '14010720010229001';
  assert.equal(problem(parseIdNumber(feb29in2001 + checkDigit(feb29in2001), TODAY)).reason, 'date');
  for (const bad of ['14010719901301001', '14010719900001001', '14010719900100001', '14010719900431001']) {
    assert.equal(problem(parseIdNumber(bad + checkDigit(bad), TODAY)).reason, 'date', bad);
  }
});

test('birth dates before 1900 are rejected', () => {
  const old = '44052418991231001';
  const p = problem(parseIdNumber(old + checkDigit(old), TODAY));
  assert.equal(p.reason, 'date');
  assert.equal(p.message, 'the birth date 18991231 is before 1900');
  assert.equal(p.messageZh, '出生日期 18991231 早于 1900 年');
});

test('a birth date after today is "future"; today itself is fine', () => {
  const tomorrow = '11010520250616001';
  const p = problem(parseIdNumber(tomorrow + checkDigit(tomorrow), TODAY));
  assert.equal(p.reason, 'future');
  assert.equal(p.messageZh, '出生日期 20250616 晚于今天');
  assert.ok(parseIdNumber(tomorrow + checkDigit(tomorrow), '2025-06-16').ok);
  // Without `today`, the real date in Asia/Shanghai is used: a birth date in 2999 is always future.
  const far = '11010529990101001';
  assert.equal(problem(parseIdNumber(far + checkDigit(far))).reason, 'future');
  assert.ok(parseIdNumber('11010519491231002X').ok);
  assert.throws(() => parseIdNumber('11010519491231002X', '2025/06/15'), RangeError);
  assert.throws(() => parseIdNumber('11010519491231002X', '2025-02-30'), RangeError);
});

test('15-digit legacy numbers are converted to 18 digits', () => {
  assert.deepEqual(parseIdNumber('110105491231002', TODAY), {
    ok: true,
    value: '11010519491231002X',
    birthDate: '1949-12-31',
    sex: 'female',
    regionCode: '110105',
    convertedFrom15: true,
  });
  const male = parseIdNumber(' 140107900101123 ', TODAY);
  assert.ok(male.ok);
  assert.equal(male.value, '140107199001011230');
  assert.equal(male.sex, 'male');
  assert.equal(problem(parseIdNumber('140107900230123', TODAY)).reason, 'date', 'legacy dates are checked too');
  assert.equal(problem(parseIdNumber('14010790010112X', TODAY)).reason, 'format', 'no X in a 15-digit number');
});

test('wrong lengths, letters and a zero region code are rejected', () => {
  for (const s of ['', '   ', '1101051949123100', '11010519491231002X1', '1101054912310']) {
    const p = problem(parseIdNumber(s, TODAY));
    assert.equal(p.reason, 'length', JSON.stringify(s));
  }
  const short = problem(parseIdNumber('1101051949', TODAY));
  assert.equal(short.message, 'must be 18 digits (or a legacy 15-digit number), got 10');
  assert.equal(short.messageZh, '应为 18 位（或旧版 15 位），实际为 10 位');

  for (const s of ['1101051949123100AX', 'X1010519491231002X', '110105 949123100 X', '11010519491231002Y']) {
    assert.equal(problem(parseIdNumber(s, TODAY)).reason, 'format', s);
  }
  const zero = '01010519491231002';
  assert.equal(problem(parseIdNumber(zero + checkDigit(zero), TODAY)).reason, 'format');
  assert.ok(!isValidIdNumber('not an id number'));
});

test('checkDigit refuses anything but 17 digits', () => {
  assert.throws(() => checkDigit('1101051949123100'), RangeError);
  assert.throws(() => checkDigit('1101051949123100X'), RangeError);
});
