// The states of an assistance case and the procedures that route it (pure, browser-safe).
// 受理 → 调查 → 审核 → 公示 → 审批 → 发放; refusal and withdrawal end a case, a re-open restarts it.

export const STATES = ['accepted', 'investigating', 'reviewing', 'publicizing', 'approving', 'approved', 'closed', 'refused', 'withdrawn'] as const;
export type State = (typeof STATES)[number];

/** States in which the case is still being decided. */
export const OPEN_STATES = ['accepted', 'investigating', 'reviewing', 'publicizing', 'approving'] as const satisfies readonly State[];
export type OpenState = (typeof OPEN_STATES)[number];

export function isOpen(state: string): state is OpenState {
  return (OPEN_STATES as readonly string[]).includes(state);
}

export const STATE_LABELS: Record<State, { zh: string; en: string }> = {
  accepted: { zh: '受理', en: 'Accepted' },
  investigating: { zh: '调查', en: 'Investigating' },
  reviewing: { zh: '审核', en: 'Township review' },
  publicizing: { zh: '公示', en: 'Public notice' },
  approving: { zh: '审批', en: 'Approval' },
  approved: { zh: '已批准（发放）', en: 'Approved (paying)' },
  closed: { zh: '已终止', en: 'Closed' },
  refused: { zh: '不予批准', en: 'Refused' },
  withdrawn: { zh: '已撤回', en: 'Withdrawn' },
};

/**
 * general: the full procedure with 公示. emergency: 急难型 临时救助, paid first (先行救助) and
 * the paperwork completed after, no 公示. no_publicity: minors and 事实无人抚养儿童 (privacy).
 * review: 复核 of an approved case, opened with the engine's proposal at 审核.
 */
export const PROCEDURES = ['general', 'emergency', 'no_publicity', 'review'] as const;
export type Procedure = (typeof PROCEDURES)[number];

export const PROGRAMS = ['dibao', 'tekun', 'temporary', 'fcu'] as const;
export type CaseProgram = (typeof PROGRAMS)[number];

export const PROGRAM_LABELS: Record<CaseProgram, { zh: string; en: string }> = {
  dibao: { zh: '最低生活保障', en: 'Minimum living guarantee (dibao)' },
  tekun: { zh: '特困人员救助供养', en: 'Support for people in extreme poverty (tekun)' },
  temporary: { zh: '临时救助', en: 'Temporary assistance' },
  fcu: { zh: '事实无人抚养儿童基本生活保障', en: 'Children without de-facto care' },
};

/** Monthly programs pay every month from the month after approval; 临时救助 pays once. */
export function paymentPeriodOf(program: CaseProgram): 'monthly' | 'once' {
  return program === 'temporary' ? 'once' : 'monthly';
}

/** The procedure an application follows (policy-digest §1–4). */
export function procedureFor(a: { program: CaseProgram; category?: string | null; beneficiaryIsMinor?: boolean }): Procedure {
  if (a.program === 'temporary') return a.category === 'emergency' ? 'emergency' : 'general';
  if (a.program === 'fcu') return 'no_publicity';
  // 特困: "公示 7 days (none for minors)".
  if (a.program === 'tekun' && a.beneficiaryIsMinor) return 'no_publicity';
  return 'general';
}
