// Opening hours and "open now" on the national calendar, without a database: a holiday closes a
// government office but not a 爱心驿站; a 调休 make-up Saturday opens the office with Monday's hours.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultWorkCalendar } from '../../lib/workdays.data.ts';
import { checkHours, openAt, type Range, type Schedule } from './hours.ts';

const cal = defaultWorkCalendar();
const weekdays = (opens: string, closes: string, days = [1, 2, 3, 4, 5]): Range[] => days.map((day) => ({ day, opens, closes }));
const office: Schedule = { alwaysOpen: false, hours: weekdays('09:00', '17:00'), holidayRule: 'workdays' };
const station: Schedule = { alwaysOpen: false, hours: weekdays('08:00', '20:00', [1, 2, 3, 4, 5, 6, 7]), holidayRule: 'as_usual' };
const canteen: Schedule = { alwaysOpen: false, hours: weekdays('11:00', '13:00'), holidayRule: 'closed_on_holidays' };
const open = { status: 'open' as const, closedUntil: null };
const at = (local: string) => new Date(`${local}+08:00`);

test('overlapping ranges and ranges ending before they start are refused, naming the range', () => {
  assert.deepEqual(checkHours(weekdays('09:00', '17:00')), []);
  assert.deepEqual(checkHours([{ day: 1, opens: '20:00', closes: '24:00' }, { day: 2, opens: '00:00', closes: '08:00' }]), []);
  const overlap = checkHours([{ day: 1, opens: '09:00', closes: '12:00' }, { day: 1, opens: '11:30', closes: '17:00' }]);
  assert.deepEqual(overlap.map((p) => p.field), ['hours.1.opens']);
  assert.match(overlap[0]!.messageZh, /重叠/);
  const backwards = checkHours([{ day: 3, opens: '18:00', closes: '08:00' }]);
  assert.deepEqual(backwards.map((p) => p.field), ['hours.0.closes']);
  assert.match(backwards[0]!.message, /after the opening time/);
  assert.equal(checkHours([{ day: 3, opens: '09:00', closes: '09:00' }]).length, 1);
});

test('国庆 (Friday 2026-10-02): the office and the canteen are closed for the holiday, the station is open', () => {
  const t = at('2026-10-02T10:00:00');
  const o = openAt({ ...office, ...open }, cal, t);
  assert.equal(o.open, false);
  assert.equal(o.reason, 'holiday');
  assert.equal(o.dayKind, 'holiday');
  assert.equal(o.holiday?.zh, '国庆节');
  assert.equal(openAt({ ...canteen, ...open }, cal, at('2026-10-02T12:00:00')).open, false);
  const s = openAt({ ...station, ...open }, cal, t);
  assert.equal(s.open, true);
  assert.equal(s.closesAt, '20:00');
});

test('a make-up working Saturday (2026-10-10) opens the office with Monday’s hours; an ordinary Saturday does not', () => {
  const made = openAt({ ...office, ...open }, cal, at('2026-10-10T10:00:00'));
  assert.equal(made.dayKind, 'make_up_workday');
  assert.equal(made.open, true);
  assert.deepEqual(made.today, [{ opens: '09:00', closes: '17:00' }]);
  assert.equal(openAt({ ...office, ...open }, cal, at('2026-10-10T17:00:00')).open, false);
  assert.equal(openAt({ ...office, ...open }, cal, at('2026-10-17T10:00:00')).open, false);
  // The canteen keeps its weekly hours (none on Saturday) on a make-up day.
  assert.equal(openAt({ ...canteen, ...open }, cal, at('2026-10-10T12:00:00')).open, false);
  assert.equal(openAt({ ...canteen, ...open }, cal, at('2026-10-12T12:00:00')).open, true);
});

test('24-hour points, temporary closures and years the calendar lacks', () => {
  const rescue: Schedule = { alwaysOpen: true, hours: [], holidayRule: 'as_usual' };
  assert.equal(openAt({ ...rescue, ...open }, cal, at('2026-02-17T03:00:00')).open, true);
  const closed = openAt({ ...station, status: 'temporarily_closed', closedUntil: '2026-10-05' }, cal, at('2026-10-05T10:00:00'));
  assert.deepEqual([closed.open, closed.reason], [false, 'temporarily_closed']);
  assert.equal(openAt({ ...station, status: 'temporarily_closed', closedUntil: '2026-10-05' }, cal, at('2026-10-06T10:00:00')).open, true);
  const unknown = openAt({ ...office, ...open }, cal, at('2031-03-03T10:00:00'));
  assert.deepEqual([unknown.open, unknown.dayKind], [true, 'calendar_unknown']);
});
