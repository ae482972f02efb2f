import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  OutsideCalendarError,
  addCalendarDays,
  addWorkingDays,
  buildWorkCalendar,
  calendarPeriodEnd,
  calendarYear,
  extendToWorkday,
  holidayOn,
  isWeekend,
  isWorkday,
  nextWorkday,
  workingDaysBetween,
} from './workdays.ts';
import { CalendarDataError, defaultWorkCalendar, loadWorkCalendar, parseHolidayFile } from './workdays.data.ts';

const cal = defaultWorkCalendar();

test('the repository calendar covers 2025–2027; 2025 and 2026 are official, 2027 provisional', () => {
  assert.deepEqual([...cal.years.keys()], [2025, 2026, 2027]);
  assert.equal(calendarYear(cal, 2025)?.status, 'official');
  assert.match(calendarYear(cal, 2025)!.source, /国办发明电〔2024〕12号/);
  assert.equal(calendarYear(cal, 2026)?.status, 'official');
  assert.match(calendarYear(cal, 2026)!.source, /国办发明电〔2025〕7号/);
  assert.equal(calendarYear(cal, 2027)?.status, 'provisional');
  assert.equal(calendarYear(cal, 2028), undefined);
  assert.equal(defaultWorkCalendar(), cal, 'cached');
});

test('each year has 13 statutory days off: working days = weekdays − 13 (make-up days balance the moved ones)', () => {
  for (const year of [2025, 2026, 2027]) {
    let weekdays = 0;
    for (let d = `${year}-01-01`; d <= `${year}-12-31`; d = addCalendarDays(d, 1)) if (!isWeekend(d)) weekdays++;
    // 1 January is always a holiday, so (Jan 1, Dec 31] holds every working day of the year.
    assert.equal(workingDaysBetween(cal, `${year}-01-01`, `${year}-12-31`), weekdays - 13, String(year));
  }
});

test('isWorkday: holidays, make-up weekend days, plain weekends and weekdays', () => {
  assert.equal(isWorkday(cal, '2025-01-01'), false, '元旦 (Wednesday)');
  assert.equal(isWorkday(cal, '2025-01-26'), true, 'make-up Sunday for 春节');
  assert.equal(isWorkday(cal, '2025-02-08'), true, 'make-up Saturday for 春节');
  assert.equal(isWorkday(cal, '2025-10-08'), false, 'last day of 国庆 + 中秋 (Wednesday)');
  assert.equal(isWorkday(cal, '2025-10-09'), true);
  assert.equal(isWorkday(cal, '2025-10-12'), false, 'ordinary Sunday');
  assert.equal(isWorkday(cal, '2026-02-14'), true, 'make-up Saturday before 春节 2026');
  assert.equal(isWorkday(cal, '2026-02-23'), false, '初七 2026');
  assert.equal(isWorkday(cal, '2026-03-03'), true, 'ordinary Tuesday');
  assert.deepEqual(holidayOn(cal, '2025-10-04'), { zh: '国庆节、中秋节', en: 'National Day and Mid-Autumn Festival' });
  assert.equal(holidayOn(cal, '2025-10-09'), undefined);
});

test('10 working days from 2025-09-26 cross National Day and count make-up Sun 09-28 and Sat 10-11', () => {
  // 09-28 (Sun) 1, 09-29 2, 09-30 3, [10-01…10-08 off], 10-09 4, 10-10 5, 10-11 (Sat) 6, 10-13…10-16 7–10
  assert.equal(addWorkingDays(cal, '2025-09-26', 10), '2025-10-16');
  assert.equal(addWorkingDays(cal, '2025-09-26', 1), '2025-09-28', 'the make-up Sunday is the first');
  assert.equal(addWorkingDays(cal, '2025-09-30', 1), '2025-10-09');
  assert.equal(workingDaysBetween(cal, '2025-09-26', '2025-10-16'), 10);
  // Weekends only would say 2025-10-10: the holiday calendar moves it by 4 working days.
});

test('working days across 春节 2026, with make-up Saturdays 02-14 and 02-28 counted', () => {
  // 02-13 (Fri) 1, 02-14 (Sat) 2, [02-15…02-23 off], 02-24 3, 02-25 4, 02-26 5
  assert.equal(addWorkingDays(cal, '2026-02-12', 5), '2026-02-26');
  assert.equal(addWorkingDays(cal, '2026-02-27', 1), '2026-02-28', 'make-up Saturday');
  assert.equal(nextWorkday(cal, '2026-02-13'), '2026-02-14');
  assert.equal(nextWorkday(cal, '2026-02-14'), '2026-02-24');
  assert.equal(workingDaysBetween(cal, '2026-02-13', '2026-02-24'), 2);
});

test('counting starts the day after the event, even when the event is on a holiday', () => {
  assert.equal(addWorkingDays(cal, '2025-10-03', 1), '2025-10-09');
  assert.equal(addWorkingDays(cal, '2025-10-03', 0), '2025-10-03');
  assert.equal(addWorkingDays(cal, '2025-10-09', -1), '2025-09-30', 'negative counts back');
  assert.equal(addWorkingDays(cal, '2025-10-13', -1), '2025-10-11', 'make-up Saturday counts back too');
  assert.throws(() => addWorkingDays(cal, '2025-10-09', 1.5), RangeError);
});

test('workingDaysBetween is the inverse of addWorkingDays, forwards and backwards', () => {
  for (const start of ['2025-02-05', '2025-09-26', '2025-10-04', '2026-02-12', '2026-12-31', '2027-02-03']) {
    for (let n = -15; n <= 15; n++) {
      assert.equal(workingDaysBetween(cal, start, addWorkingDays(cal, start, n)), n, `${start} ${n}`);
    }
  }
  assert.equal(workingDaysBetween(cal, '2025-10-04', '2025-10-04'), 0);
  assert.equal(workingDaysBetween(cal, '2025-10-13', '2025-10-10'), -2, 'Fri 10-10 and Sat 10-11 are before Mon 10-13');
});

test('extendToWorkday (民法典 第二百零三条): a 公示 ending 2025-10-04 runs to 2025-10-09', () => {
  assert.equal(extendToWorkday(cal, '2025-10-04'), '2025-10-09');
  assert.equal(extendToWorkday(cal, '2025-10-09'), '2025-10-09', 'a working day stays');
  assert.equal(extendToWorkday(cal, '2025-09-28'), '2025-09-28', 'a make-up Sunday is a working day');
  assert.equal(extendToWorkday(cal, '2025-11-15'), '2025-11-17', 'an ordinary Saturday');
  // 公示 7 days from 2025-09-27: the 7th day is 10-04, inside the holiday.
  assert.equal(calendarPeriodEnd(cal, '2025-09-27', 7), '2025-10-09');
  assert.equal(calendarPeriodEnd(cal, '2025-11-03', 7), '2025-11-10');
});

test('a date outside the covered years is an error, never weekends-only', () => {
  for (const run of [
    () => isWorkday(cal, '2024-12-31'),
    () => addWorkingDays(cal, '2027-12-28', 10),
    () => workingDaysBetween(cal, '2027-06-01', '2028-01-05'),
    () => extendToWorkday(cal, '2028-01-01'),
  ]) {
    assert.throws(run, (e: unknown) => {
      assert.ok(e instanceof OutsideCalendarError);
      assert.ok(e instanceof RangeError);
      assert.match(e.message, /No holiday calendar for 20(24|28)/);
      assert.match(e.message, /节假日日历未包含 20(24|28) 年/);
      assert.match(e.text.zh, /2025–2027/);
      return true;
    });
  }
  assert.throws(() => isWorkday(cal, '2025-02-29'), /not a date/);
  assert.throws(() => isWorkday(cal, '2025-1-5'), /不是有效日期/);
  assert.throws(() => isWorkday(buildWorkCalendar([]), '2025-01-02'), /covered years: none/);
});

const YEAR = (body: string) => `years:\n  - year: 2025\n    status: official\n    source: test\n${body}`;
const HOLIDAYS = '    holidays:\n      - { zh: 春节, en: Spring Festival, from: 2025-01-28, to: 2025-02-04 }\n';

test('parseHolidayFile accepts a well-formed year', () => {
  const years = parseHolidayFile(YEAR(`${HOLIDAYS}    workdays:\n      - { date: 2025-01-26, for: 春节 }\n`));
  assert.deepEqual(years, [
    { year: 2025, status: 'official', source: 'test', holidays: [{ name: { zh: '春节', en: 'Spring Festival' }, from: '2025-01-28', to: '2025-02-04' }], workdays: [{ date: '2025-01-26', for: '春节' }] },
  ]);
});

test('parseHolidayFile rejects inconsistent data, naming the problem in both languages', () => {
  const bad: [string, RegExp][] = [
    [YEAR(`${HOLIDAYS}    workdays:\n      - { date: 2025-02-01, for: 春节 }\n`), /2025-02-01 is both a day off \(春节\) and a make-up workday.*既是春节假期又是调休上班日/],
    [YEAR(`${HOLIDAYS}    workdays:\n      - { date: 2025-01-27, for: 春节 }\n`), /2025-01-27 is not a Saturday or Sunday/],
    [YEAR(`${HOLIDAYS}    workdays:\n      - { date: 2025-01-26, for: 国庆节 }\n`), /not a holiday of 2025/],
    [YEAR(`${HOLIDAYS}    workdays:\n      - { date: 2025-01-26, for: 春节 }\n      - { date: 2025-01-26, for: 春节 }\n`), /listed twice/],
    [YEAR(`    holidays:\n      - { zh: 元旦, en: "New Year's Day", from: 2024-12-30, to: 2025-01-01 }\n    workdays: []\n`), /not within 2025.*不在 2025 年内/],
    [YEAR(`    holidays:\n      - { zh: 春节, en: Spring Festival, from: 2025-02-04, to: 2025-01-28 }\n    workdays: []\n`), /ends \(2025-01-28\) before it starts/],
    [YEAR(`${HOLIDAYS}      - { zh: 元宵, en: Lantern, from: 2025-02-04, to: 2025-02-04 }\n    workdays: []\n`), /2025-02-04 is already a day off for 春节/],
    [YEAR(`${HOLIDAYS}    workdays:\n      - { date: 2025-02-30, for: 春节 }\n`), /years\.0\.workdays\.0\.date/],
    [YEAR(`${HOLIDAYS}    workdays: []\n`).replace('official', 'final'), /years\.0\.status/],
    [`${YEAR(`${HOLIDAYS}    workdays: []\n`)}${YEAR(`${HOLIDAYS}    workdays: []\n`).replace('years:\n', '')}`, /year 2025 is listed twice/],
    ['years: [', /not valid YAML/],
  ];
  for (const [text, pattern] of bad) {
    assert.throws(() => parseHolidayFile(text, 'x.yaml'), (e: unknown) => {
      assert.ok(e instanceof CalendarDataError, String(e));
      assert.match(e.message, /^x\.yaml: /);
      assert.match(e.message, pattern);
      assert.match(e.messageZh, /^x\.yaml：/);
      return true;
    });
  }
});

test('loadWorkCalendar reads another file and caches per path', () => {
  const file = join(mkdtempSync(join(tmpdir(), 'workdays-')), 'h.yaml');
  writeFileSync(file, YEAR(`${HOLIDAYS}    workdays:\n      - { date: 2025-01-26, for: 春节 }\n`));
  const small = loadWorkCalendar(file);
  assert.equal(loadWorkCalendar(file), small);
  assert.equal(isWorkday(small, '2025-01-26'), true);
  assert.equal(isWorkday(small, '2025-10-01'), true, 'this file has no 国庆 break');
  assert.throws(() => isWorkday(small, '2026-01-05'), OutsideCalendarError);
});

test('workingDaysBetween agrees with counting day by day over every pair of days in 2025–2027 a month apart', () => {
  const days: string[] = [];
  for (let ms = Date.parse('2025-01-01'); ms <= Date.parse('2027-12-31'); ms += 86_400_000) days.push(new Date(ms).toISOString().slice(0, 10));
  const work = days.map((d) => isWorkday(cal, d));
  for (let i = 0; i < days.length; i += 5) {
    let count = 0;
    for (let j = i; j < Math.min(days.length, i + 40); j++) {
      if (j > i && work[j]) count++;
      assert.equal(workingDaysBetween(cal, days[i]!, days[j]!), count, `${days[i]} → ${days[j]}`);
      assert.equal(workingDaysBetween(cal, days[j]!, days[i]!), j === i ? 0 : -(count - (work[j] ? 1 : 0) + (work[i] ? 1 : 0)), `${days[j]} → ${days[i]}`);
    }
  }
  assert.equal(workingDaysBetween(cal, '2025-01-01', '2027-12-31'), work.filter(Boolean).length - (work[0] ? 1 : 0));
});
