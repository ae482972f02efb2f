// The state machine of a case, as data: for every action, the states it starts from, the
// procedures it belongs to, the roles that may take it at that step, the guard and the next state.
// Pure (no I/O, no clock: `today` comes in the snapshot) so the service, the UI and the tests
// read the same rules. Route permissions (cases.policy.ts) are the coarse gate; this is the step.
import type { RoleName } from '../../users/users.schema.ts';
import { OPEN_STATES, isOpen, type Procedure, type State } from './states.ts';

/** Actions that move the case to another state. */
export const TRANSITION_ACTIONS = ['start_investigation', 'submit_review', 'opinion', 'object', 'end_publicity', 'send_back', 'approve', 'refuse', 'withdraw', 'reopen', 'close'] as const;
export type TransitionAction = (typeof TRANSITION_ACTIONS)[number];

/** Actions recorded on the case that leave its state as it is. */
export const SIDE_ACTIONS = ['materials', 'visit', 'county_visit', 'prepay', 'exception', 'extend', 'assign', 'notice_served', 'attach'] as const;
export type SideAction = (typeof SIDE_ACTIONS)[number];
export type Action = TransitionAction | SideAction;

/** What the rules need to know about a case (and the day it is). */
export type Snapshot = {
  state: State;
  procedure: Procedure;
  /** Who approves, decided at 审核 (null before). */
  approvalLevel: 'township' | 'county' | null;
  materialsMissing: number;
  promiseSigned: boolean;
  dataCheckAuthorised: boolean;
  /** A qualifying 家庭经济状况调查 record exists (see investigationDone in the service). */
  investigationDone: boolean;
  separatelyRegistered: boolean;
  countyVisitDone: boolean;
  publicityTo: string | null;
  noticeServed: boolean;
  prepaidFen: number;
  today: string;
};

export type Text = { en: string; zh: string };
export type Verdict = { ok: true; to: State | null } | { ok: false; why: 'state' | 'role' | 'guard'; en: string; zh: string };

type Roles = readonly RoleName[];
const FIELD: Roles = ['township_reviewer', 'social_worker', 'grid_worker'];
const DECIDERS: Roles = ['township_reviewer', 'county_approver'];
const TOWNSHIP: Roles = ['township_reviewer'];
const COUNTY: Roles = ['county_approver'];

/** Who approves at 审批: the county always may; the township only when the case is delegated to it. */
function approvers(s: Snapshot): Roles {
  return s.approvalLevel === 'township' ? DECIDERS : COUNTY;
}

/** Field staff act at 受理/调查; the county too while a separately registered case awaits its visit. */
function fieldRoles(s: Snapshot): Roles {
  return s.separatelyRegistered && !s.countyVisitDone ? [...FIELD, 'county_approver'] : FIELD;
}

type Def = {
  from: readonly State[];
  procedures?: readonly Procedure[];
  roles: (s: Snapshot) => Roles;
  guard?: (s: Snapshot) => Text | null;
  to?: (s: Snapshot, option?: string) => State;
};

const materialsGuard = (s: Snapshot): Text | null => {
  const missing: Text[] = [];
  if (s.materialsMissing > 0) missing.push({ en: `${s.materialsMissing} required material(s) missing`, zh: `尚缺 ${s.materialsMissing} 项必需材料` });
  if (!s.promiseSigned) missing.push({ en: 'the applicant’s promise is not signed', zh: '申请人未签署承诺书' });
  if (!s.dataCheckAuthorised) missing.push({ en: 'the data-check authorisation is not signed', zh: '未签署家庭经济状况核对授权书' });
  if (missing.length === 0) return null;
  return { en: `Cannot start the investigation: ${missing.map((m) => m.en).join('; ')} (see the one-time notice)`, zh: `不能开始调查：${missing.map((m) => m.zh).join('；')}（见一次性告知）` };
};

export const TRANSITIONS: Record<TransitionAction, Def> = {
  start_investigation: { from: ['accepted'], roles: fieldRoles, guard: materialsGuard, to: () => 'investigating' },
  submit_review: {
    from: ['investigating'],
    roles: fieldRoles,
    guard: (s) => (s.investigationDone ? null : { en: 'Record the household investigation first (a home visit by at least two investigators, confirmed by the family)', zh: '请先录入家庭经济状况调查（至少两名调查人员入户、家庭签字确认）' }),
    to: () => 'reviewing',
  },
  // 乡镇审核意见: with 公示 in the general procedure, straight to 审批 otherwise.
  opinion: { from: ['reviewing'], roles: () => TOWNSHIP, to: (s) => (s.procedure === 'general' ? 'publicizing' : 'approving') },
  object: {
    from: ['publicizing'],
    procedures: ['general'],
    roles: () => DECIDERS,
    guard: (s) => (s.publicityTo !== null && s.today > s.publicityTo
      ? { en: `The public notice ended on ${s.publicityTo}: a later objection is handled as a complaint`, zh: `公示已于 ${s.publicityTo} 结束，此后的异议按投诉处理` }
      : null),
    to: () => 'investigating',
  },
  end_publicity: {
    from: ['publicizing'],
    roles: () => TOWNSHIP,
    guard: (s) => (s.publicityTo === null || s.today <= s.publicityTo
      ? { en: `The public notice runs until ${s.publicityTo ?? '?'}; it can be closed from the next day`, zh: `公示期至 ${s.publicityTo ?? '?'}，期满次日方可结束公示` }
      : null),
    to: () => 'approving',
  },
  send_back: { from: ['reviewing', 'approving'], roles: (s) => (s.state === 'approving' ? approvers(s) : DECIDERS), to: () => 'investigating' },
  approve: {
    from: ['approving'],
    roles: approvers,
    guard: (s) => (s.separatelyRegistered && !s.countyVisitDone
      ? { en: 'Registered separately (a relative of staff): the county must visit the household itself before approval', zh: '该申请已单独登记备案（经办人员近亲属），须县级民政部门入户调查后方可审批' }
      : null),
    to: () => 'approved',
  },
  refuse: { from: OPEN_STATES, roles: (s) => (s.state === 'approving' ? approvers(s) : DECIDERS), to: () => 'refused' },
  withdraw: { from: OPEN_STATES, roles: () => [...FIELD, 'county_approver'], to: () => 'withdrawn' },
  reopen: { from: ['refused', 'withdrawn'], roles: () => DECIDERS, to: (_s, option) => (option === 'investigating' ? 'investigating' : 'accepted') },
  close: { from: ['approved'], roles: () => DECIDERS, to: () => 'closed' },
};

const SIDE: Record<SideAction, Def> = {
  materials: { from: ['accepted', 'investigating'], roles: (s) => [...fieldRoles(s), 'county_approver'] },
  visit: { from: ['accepted', 'investigating'], roles: (s) => [...fieldRoles(s), 'county_approver'] },
  // The county's own visit of a separately registered household, at any step before the decision.
  county_visit: { from: OPEN_STATES, roles: () => COUNTY },
  prepay: {
    from: OPEN_STATES,
    procedures: ['emergency'],
    roles: () => DECIDERS,
    guard: (s) => (s.prepaidFen > 0 ? { en: 'The advance payment has already been made', zh: '已先行救助，不能重复发放' } : null),
  },
  exception: { from: OPEN_STATES, roles: () => COUNTY },
  extend: { from: OPEN_STATES, roles: () => COUNTY },
  assign: { from: [...OPEN_STATES, 'refused'], roles: () => DECIDERS },
  notice_served: { from: ['approved', 'refused', 'closed'], roles: () => DECIDERS },
  attach: { from: [...OPEN_STATES, 'approved'], roles: (s) => [...fieldRoles(s), 'county_approver'] },
};

function defOf(action: Action): Def {
  return (TRANSITIONS as Record<string, Def>)[action] ?? SIDE[action as SideAction];
}

const ACTION_LABELS: Record<Action, Text> = {
  start_investigation: { en: 'start the investigation', zh: '开始调查' },
  submit_review: { en: 'submit for township review', zh: '提交乡镇审核' },
  opinion: { en: 'give the township opinion', zh: '提出审核意见' },
  object: { en: 'record an objection', zh: '登记公示异议' },
  end_publicity: { en: 'end the public notice', zh: '结束公示' },
  send_back: { en: 'send back for investigation', zh: '退回重新调查' },
  approve: { en: 'approve', zh: '审批' },
  refuse: { en: 'refuse', zh: '不予批准' },
  withdraw: { en: 'withdraw', zh: '撤回申请' },
  reopen: { en: 're-open', zh: '重新办理' },
  close: { en: 'close', zh: '终止' },
  materials: { en: 'update the materials', zh: '更新材料' },
  visit: { en: 'record a visit', zh: '录入调查记录' },
  county_visit: { en: 'record the county’s home visit', zh: '录入县级入户调查' },
  prepay: { en: 'pay in advance (先行救助)', zh: '先行救助' },
  exception: { en: 'record a case-by-case decision (一事一议)', zh: '录入一事一议决定' },
  extend: { en: 'extend the deadline', zh: '延长办理时限' },
  assign: { en: 'assign the case', zh: '指派经办人' },
  notice_served: { en: 'record the notice as served', zh: '登记送达告知书' },
  attach: { en: 'attach a file', zh: '上传附件' },
};

export function actionLabel(action: Action): Text {
  return ACTION_LABELS[action];
}

/** Whether these roles may take the action now, and the state it leads to. Checks state, then role, then guard. */
export function check(action: Action, s: Snapshot, roles: readonly string[], option?: string): Verdict {
  const def = defOf(action);
  const label = ACTION_LABELS[action];
  if (!def.from.includes(s.state) || (def.procedures && !def.procedures.includes(s.procedure))) {
    return { ok: false, why: 'state', en: `Cannot ${label.en} at this step (${s.state}, ${s.procedure} procedure)`, zh: `当前环节（${s.state}）不能${label.zh}` };
  }
  if (!roles.includes('admin') && !def.roles(s).some((r) => roles.includes(r))) {
    return { ok: false, why: 'role', en: `Your role may not ${label.en} at this step`, zh: `您的角色不能在此环节${label.zh}` };
  }
  const problem = def.guard?.(s);
  if (problem) return { ok: false, why: 'guard', ...problem };
  return { ok: true, to: def.to ? def.to(s, option) : null };
}

/** Every action these roles may take now (for the UI's buttons). */
export function availableActions(s: Snapshot, roles: readonly string[]): Action[] {
  return ([...TRANSITION_ACTIONS, ...SIDE_ACTIONS] as Action[]).filter((a) => check(a, s, roles).ok);
}

/**
 * The roles whose holders have the current step on their desk (the work queue): field staff at
 * 受理/调查, the township at 审核/公示, the approvers at 审批, the deciders for a refusal notice
 * still to be served. Admins see everything and are not listed.
 */
export function stepRoles(s: Pick<Snapshot, 'state' | 'approvalLevel' | 'separatelyRegistered' | 'countyVisitDone' | 'noticeServed'>): RoleName[] {
  const full = s as Snapshot;
  switch (s.state) {
    case 'accepted':
    case 'investigating':
      return [...fieldRoles(full)];
    case 'reviewing':
    case 'publicizing':
      return [...TOWNSHIP];
    case 'approving':
      return [...approvers(full)];
    case 'refused':
      return s.noticeServed ? [] : [...DECIDERS];
    default:
      return [];
  }
}

/** One predicate of the work queue, which the store turns into SQL (kept equal to stepRoles by a test). */
export type QueueRule = { states: readonly State[]; approvalLevel?: 'township'; awaitingCountyVisit?: true; noticeUnserved?: true };

/** The cases on the desk of someone holding these roles, as predicates over the case row. */
export function queueRules(roles: readonly string[]): QueueRule[] {
  const out: QueueRule[] = [];
  if (roles.includes('admin')) out.push({ states: OPEN_STATES }, { states: ['refused'], noticeUnserved: true });
  if (roles.includes('township_reviewer')) {
    out.push({ states: ['accepted', 'investigating', 'reviewing', 'publicizing'] }, { states: ['approving'], approvalLevel: 'township' }, { states: ['refused'], noticeUnserved: true });
  }
  if (roles.includes('social_worker') || roles.includes('grid_worker')) out.push({ states: ['accepted', 'investigating'] });
  if (roles.includes('county_approver')) {
    out.push({ states: ['approving'] }, { states: ['refused'], noticeUnserved: true }, { states: ['accepted', 'investigating'], awaitingCountyVisit: true });
  }
  return out;
}

export { isOpen };
