// The state machine alone: each procedure's path, its guards, who may act at which step, and
// that the work-queue predicates (the SQL) say exactly what stepRoles says.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ROLE_NAMES } from '../../users/users.schema.ts';
import { OPEN_STATES, STATES, procedureFor, type Procedure, type State } from './states.ts';
import { availableActions, check, queueRules, stepRoles, type Action, type Snapshot } from './transitions.ts';

const base: Snapshot = {
  state: 'accepted', procedure: 'general', approvalLevel: null, materialsMissing: 0, promiseSigned: true, dataCheckAuthorised: true,
  investigationDone: true, separatelyRegistered: false, countyVisitDone: false, publicityTo: null, noticeServed: false, prepaidFen: 0, today: '2025-09-01',
};
const snap = (patch: Partial<Snapshot>): Snapshot => ({ ...base, ...patch });
const ADMIN = ['admin'];

/** Walk a procedure: each action must be allowed and lead where expected. */
function walk(procedure: Procedure, steps: [Action, State][], start: Partial<Snapshot> = {}) {
  let s = snap({ procedure, ...start });
  for (const [action, to] of steps) {
    const v = check(action, s, ADMIN);
    assert.ok(v.ok, `${procedure}: ${action} at ${s.state} refused: ${v.ok ? '' : v.en}`);
    assert.equal(v.to, to, `${procedure}: ${action} → ${to}`);
    s = { ...s, state: to, ...(to === 'publicizing' ? { publicityTo: '2025-09-08', today: '2025-09-09' } : {}) };
  }
}

test('general procedure: 受理 → 调查 → 审核 → 公示 → 审批 → 发放', () => {
  walk('general', [['start_investigation', 'investigating'], ['submit_review', 'reviewing'], ['opinion', 'publicizing'], ['end_publicity', 'approving'], ['approve', 'approved']]);
});

test('no-publicity and emergency procedures go from 审核 straight to 审批; reviews too', () => {
  for (const procedure of ['no_publicity', 'emergency'] as const) {
    walk(procedure, [['start_investigation', 'investigating'], ['submit_review', 'reviewing'], ['opinion', 'approving'], ['approve', 'approved']]);
  }
  walk('review', [['opinion', 'approving'], ['approve', 'approved']], { state: 'reviewing' });
  assert.equal(check('object', snap({ state: 'publicizing', procedure: 'no_publicity' }), ADMIN).ok, false);
});

test('an objection during 公示 returns to 调查; after the last day it is a complaint', () => {
  const during = snap({ state: 'publicizing', publicityTo: '2025-09-08', today: '2025-09-05' });
  assert.deepEqual(check('object', during, ADMIN), { ok: true, to: 'investigating' });
  const late = check('object', { ...during, today: '2025-09-09' }, ADMIN);
  assert.equal(late.ok, false);
  assert.match(late.ok ? '' : late.zh, /投诉/);
  // 公示 cannot be ended on its last day, only after it.
  assert.equal(check('end_publicity', { ...during, today: '2025-09-08' }, ADMIN).ok, false);
  assert.equal(check('end_publicity', { ...during, today: '2025-09-09' }, ADMIN).ok, true);
});

test('guards: materials and signatures before the investigation, a home visit before review, the county visit before approval', () => {
  const missing = check('start_investigation', snap({ materialsMissing: 2, promiseSigned: false }), ADMIN);
  assert.equal(missing.ok, false);
  assert.match(missing.ok ? '' : missing.zh, /尚缺 2 项.*承诺书/);
  assert.equal(check('submit_review', snap({ state: 'investigating', investigationDone: false }), ADMIN).ok, false);
  const separate = snap({ state: 'approving', approvalLevel: 'county', separatelyRegistered: true });
  const blocked = check('approve', separate, ['county_approver']);
  assert.equal(blocked.ok, false);
  assert.equal(blocked.ok ? '' : blocked.why, 'guard');
  assert.equal(check('approve', { ...separate, countyVisitDone: true }, ['county_approver']).ok, true);
});

test('approval authority: the township approves only what is delegated to it', () => {
  const county = snap({ state: 'approving', approvalLevel: 'county' });
  const v = check('approve', county, ['township_reviewer']);
  assert.deepEqual(v.ok ? null : v.why, 'role');
  assert.equal(check('approve', county, ['county_approver']).ok, true);
  assert.equal(check('approve', { ...county, approvalLevel: 'township' }, ['township_reviewer']).ok, true);
  assert.equal(check('approve', county, ['grid_worker']).ok, false);
  // Refusing at 审批 belongs to whoever may approve.
  assert.equal(check('refuse', county, ['township_reviewer']).ok, false);
  assert.equal(check('refuse', snap({ state: 'investigating' }), ['township_reviewer']).ok, true);
});

test('refusal, withdrawal and re-open', () => {
  for (const state of OPEN_STATES) {
    assert.equal(check('withdraw', snap({ state, approvalLevel: 'county' }), ['social_worker']).ok, true, state);
    assert.deepEqual(check('refuse', snap({ state, approvalLevel: 'county' }), ['county_approver']), { ok: true, to: 'refused' });
  }
  assert.deepEqual(check('reopen', snap({ state: 'refused' }), ['township_reviewer'], 'investigating'), { ok: true, to: 'investigating' });
  assert.deepEqual(check('reopen', snap({ state: 'withdrawn' }), ['township_reviewer']), { ok: true, to: 'accepted' });
  assert.equal(check('reopen', snap({ state: 'approved' }), ADMIN).ok, false);
  assert.equal(check('reopen', snap({ state: 'refused' }), ['grid_worker']).ok, false);
});

test('先行救助 only on the emergency path, once', () => {
  assert.equal(check('prepay', snap({ procedure: 'emergency' }), ['township_reviewer']).ok, true);
  assert.equal(check('prepay', snap({ procedure: 'general' }), ['township_reviewer']).ok, false);
  assert.equal(check('prepay', snap({ procedure: 'emergency', prepaidFen: 100 }), ['township_reviewer']).ok, false);
  assert.equal(check('prepay', snap({ procedure: 'emergency', state: 'approved' }), ['township_reviewer']).ok, false);
});

test('procedures by program: no 公示 for 事实无人抚养 and minors in 特困; 急难型 临时救助 pays first', () => {
  assert.equal(procedureFor({ program: 'dibao' }), 'general');
  assert.equal(procedureFor({ program: 'fcu' }), 'no_publicity');
  assert.equal(procedureFor({ program: 'tekun', beneficiaryIsMinor: true }), 'no_publicity');
  assert.equal(procedureFor({ program: 'tekun', beneficiaryIsMinor: false }), 'general');
  assert.equal(procedureFor({ program: 'temporary', category: 'emergency' }), 'emergency');
  assert.equal(procedureFor({ program: 'temporary', category: 'expenditure' }), 'general');
});

test('the grid worker registers and visits, never decides', () => {
  const actions = availableActions(snap({ state: 'investigating' }), ['grid_worker']);
  assert.ok(actions.includes('visit') && actions.includes('submit_review') && actions.includes('withdraw'));
  assert.ok(!actions.includes('refuse') && !actions.includes('approve'));
  assert.deepEqual(availableActions(snap({ state: 'reviewing' }), ['grid_worker']).filter((a) => a !== 'withdraw' && a !== 'attach'), []);
});

test('the work-queue predicates match stepRoles for every state, level and flag', () => {
  const matches = (rule: ReturnType<typeof queueRules>[number], s: Snapshot) =>
    rule.states.includes(s.state) && (!rule.approvalLevel || s.approvalLevel === rule.approvalLevel)
    && (!rule.awaitingCountyVisit || (s.separatelyRegistered && !s.countyVisitDone)) && (!rule.noticeUnserved || !s.noticeServed);
  for (const state of STATES) for (const approvalLevel of ['township', 'county', null] as const) for (const separatelyRegistered of [true, false]) for (const countyVisitDone of [true, false]) for (const noticeServed of [true, false]) {
    const s = snap({ state, approvalLevel, separatelyRegistered, countyVisitDone, noticeServed });
    for (const role of ROLE_NAMES.filter((r) => r !== 'admin')) {
      const onDesk = stepRoles(s).includes(role);
      const inQueue = queueRules([role]).some((r) => matches(r, s));
      assert.equal(inQueue, onDesk, `${role} at ${JSON.stringify({ state, approvalLevel, separatelyRegistered, countyVisitDone, noticeServed })}`);
    }
  }
});
