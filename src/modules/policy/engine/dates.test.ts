import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ageAt, monthsBetween, ymd, ymdToIso } from './dates.ts';

test('ymd and ymdToIso convert both ways', () => {
  assert.equal(ymd('2022-03-15'), 20220315);
  assert.equal(ymd('1999-01-05'), 19990105);
  assert.equal(ymdToIso(20220315), '2022-03-15');
  assert.equal(ymdToIso(20220105), '2022-01-05');
  assert.equal(ymdToIso(ymd('2024-12-31')), '2024-12-31');
});

test('ageAt: a birthday counts on the day itself', () => {
  assert.equal(ageAt(20050315, 20230315), 18);
  assert.equal(ageAt(20050315, 20230314), 17);
  assert.equal(ageAt(20050315, 20230316), 18);
  assert.equal(ageAt(19630601, 20230601), 60);
  assert.equal(ageAt(19630601, 20230531), 59);
});

test('ageAt: across year ends and on the day of birth', () => {
  assert.equal(ageAt(20051231, 20231230), 17);
  assert.equal(ageAt(20051231, 20231231), 18);
  assert.equal(ageAt(20060101, 20231231), 17);
  assert.equal(ageAt(20230601, 20230601), 0);
});

test('ageAt: born on 29 February — a year older on 1 March in common years', () => {
  assert.equal(ageAt(20000229, 20180228), 17);
  assert.equal(ageAt(20000229, 20180301), 18);
  assert.equal(ageAt(20000229, 20200229), 20);
});

test('monthsBetween: completed months', () => {
  assert.equal(monthsBetween(20220115, 20220714), 5);
  assert.equal(monthsBetween(20220115, 20220715), 6);
  assert.equal(monthsBetween(20220115, 20220115), 0);
  assert.equal(monthsBetween(20220115, 20220201), 0);
  assert.equal(monthsBetween(20220115, 20220215), 1);
});

test('monthsBetween: across year ends', () => {
  assert.equal(monthsBetween(20211231, 20220131), 1);
  assert.equal(monthsBetween(20211215, 20220114), 0);
  assert.equal(monthsBetween(20210601, 20230601), 24);
  assert.equal(monthsBetween(20210601, 20230531), 23);
});

test('monthsBetween: a month from the 31st completes on a later day number only', () => {
  // No 31 February: 31 January → 28 February is not yet a completed month; 1 March is.
  assert.equal(monthsBetween(20220131, 20220228), 0);
  assert.equal(monthsBetween(20220131, 20220301), 1);
});

test('monthsBetween: a later start is negative', () => {
  assert.equal(monthsBetween(20220715, 20220115), -6);
});
