import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type Session, type TestApp } from '../../../test/support/app.ts';
import { SAMPLE_ID_NUMBERS } from '../../../test/support/sensitive-samples.ts';

let t: TestApp;
let s: Session;
before(async () => {
  t = await createTestApp();
  s = await t.login('grid_worker');
});
after(() => t.close());

const check = (idNumber: unknown) => t.app.inject({ method: 'POST', url: '/api/tools/id-number', headers: s.headers, payload: { idNumber } });

test('a valid ID number gives birth date and sex, masked', async () => {
  const res = await check(SAMPLE_ID_NUMBERS[0]);
  assert.equal(res.statusCode, 200);
  assert.deepEqual(res.json(), { normalised: '1101**********002X', birthDate: '1949-12-31', sex: 'female', regionCode: '110105', convertedFrom15: false });
});

test('a legacy 15-digit number is converted to 18 digits', async () => {
  const res = (await check(SAMPLE_ID_NUMBERS[2])).json();
  assert.equal(res.convertedFrom15, true);
  assert.equal(res.normalised, '1101**********002X');
});

test('bad numbers are refused naming the field, in both languages', async () => {
  const cases: [string, RegExp, RegExp][] = [
    ['140107199001011234', /check digit is wrong \(expected 0\)/, /校验码错误（应为 0）/],
    ['140107199002301230', /birth date 19900230 does not exist/, /出生日期 19900230 不存在/],
    ['14010719900101123', /18 digits/, /18 位/],
  ];
  for (const [value, en, zh] of cases) {
    const res = await check(value);
    assert.equal(res.statusCode, 400, value);
    const [field] = res.json().fields;
    assert.equal(field.field, 'idNumber');
    assert.match(field.message, en);
    assert.match(field.messageZh, zh);
  }
});
