// The pure rules: which step follows which state, deadlines, escalation targets, rule precedence.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertCan, currentDue, deadlines, DEFAULT_RULE, escalationTarget, handlerCodeFor, metresBetween, newTrackingCode, nextEscalation, pickRule, type Rule } from './flow.ts';

test('steps follow states: follow-up only after resolution, nothing but notes once followed up', () => {
  assert.doesNotThrow(() => assertCan('take', 'assigned'));
  assert.doesNotThrow(() => assertCan('resolve', 'new'));
  assert.throws(() => assertCan('follow_up', 'in_progress'), (e: Error & { messageZh?: string }) => e.messageZh === '诉求处理中，不能回访');
  assert.throws(() => assertCan('transfer', 'visited'), (e: Error & { code?: string }) => e.code === 'conflict');
  assert.throws(() => assertCan('take', 'merged'));
  assert.doesNotThrow(() => assertCan('note', 'visited'));
});

test('deadlines come from the category; the response counts until someone takes it up', () => {
  const at = new Date('2025-01-01T00:00:00Z');
  const d = deadlines(at, { responseHours: 2, resolutionHours: 48 });
  assert.equal(d.responseDueAt.toISOString(), '2025-01-01T02:00:00.000Z');
  assert.equal(d.resolutionDueAt.toISOString(), '2025-01-03T00:00:00.000Z');
  assert.equal(currentDue({ state: 'assigned', respondedAt: null, ...d })?.toISOString(), d.responseDueAt.toISOString());
  assert.equal(currentDue({ state: 'in_progress', respondedAt: at, ...d })?.toISOString(), d.resolutionDueAt.toISOString());
  assert.equal(currentDue({ state: 'resolved', respondedAt: at, ...d }), null);
});

test('escalation climbs grid → community → street → county and stops there', () => {
  assert.equal(escalationTarget('140107001001001'), '140107001001');
  assert.equal(escalationTarget('140107001001'), '140107001');
  assert.equal(escalationTarget('140107001'), '140107');
  assert.equal(escalationTarget('140107'), undefined);
  const now = new Date('2025-01-01T10:00:00Z');
  assert.equal(nextEscalation(now, new Date('2025-01-01T12:00:00Z'), '140107001', { responseHours: 1 })?.toISOString(), '2025-01-01T12:00:00.000Z');
  assert.equal(nextEscalation(now, new Date('2025-01-01T09:00:00Z'), '140107001', { responseHours: 1 })?.toISOString(), '2025-01-01T11:00:00.000Z', 'already past: a grace period');
  assert.equal(nextEscalation(now, new Date('2025-01-01T12:00:00Z'), '140107', { responseHours: 1 }), null, 'the county is the top');
});

test('the most specific place wins, then the category’s own rule; no rule → the grid worker', () => {
  const rule = (id: number, categoryCode: string | null, jurisdictionCode: string | null): Rule => ({ id, categoryCode, jurisdictionCode, handlerLevel: 'village', handlerRole: 'social_worker', department: null });
  const rules = [rule(1, null, null), rule(2, 'mediation', '140107'), rule(3, null, '140107001'), rule(4, 'mediation', '140107001'), rule(5, 'mediation', '140109')];
  assert.equal(pickRule(rules, 'mediation', '140107001001001').id, 4);
  assert.equal(pickRule(rules, 'errand', '140107001001001').id, 3);
  assert.equal(pickRule(rules, 'mediation', '140107002001001').id, 2);
  assert.equal(pickRule(rules, 'errand', '140108001').id, 1);
  assert.equal(pickRule([], 'errand', '140107001001001'), DEFAULT_RULE);
  assert.equal(handlerCodeFor('140107001001001', 'grid'), '140107001001001');
  assert.equal(handlerCodeFor('140107001001001', 'township'), '140107001');
  assert.equal(handlerCodeFor('140107001', 'grid'), '140107001', 'a place above the level handles itself');
});

test('tracking codes avoid look-alike characters; distances in metres', () => {
  for (let i = 0; i < 200; i++) assert.match(newTrackingCode(), /^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
  const d = metresBetween({ lat: 37.87, long: 112.55 }, { lat: 37.871, long: 112.55 });
  assert.ok(d > 100 && d < 120, String(d));
});
