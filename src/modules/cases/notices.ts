// What a case step tells the people it concerns, through the notification centre: the case's
// handler learns that it was sent back, approved or refused, and a colleague that it was put on
// their desk. Texts name the case by number and program, never the person.
import type { DbOrTx } from '../../platform/db/client.ts';
import type { NotificationsService } from '../notifications/index.ts';
import type * as store from './cases.store.ts';

const PROGRAM = {
  dibao: { zh: '低保', en: 'minimum living allowance' },
  tekun: { zh: '特困供养', en: 'extreme-poverty support' },
  temporary: { zh: '临时救助', en: 'temporary assistance' },
  fcu: { zh: '事实无人抚养儿童', en: 'de facto unsupported child' },
} as Record<string, { zh: string; en: string }>;

const TEXTS: Record<string, (no: string, p: { zh: string; en: string }) => { zh: string; en: string }> = {
  send_back: (no, p) => ({ zh: `${p.zh}案件 ${no} 被退回重新调查`, en: `${p.en} case ${no} was sent back for investigation` }),
  approve: (no, p) => ({ zh: `${p.zh}案件 ${no} 已审批通过`, en: `${p.en} case ${no} was approved` }),
  refuse: (no, p) => ({ zh: `${p.zh}案件 ${no} 未获批准`, en: `${p.en} case ${no} was refused` }),
  assign: (no, p) => ({ zh: `${p.zh}案件 ${no} 已派给您办理`, en: `${p.en} case ${no} was put on your desk` }),
};

/** Who hears of a step: the new assignee of an assignment; for decisions, whoever handles the case (its assignee, else who opened it). */
function recipientOf(action: string, after: store.CaseRow): number | null {
  if (action === 'assign') return after.assigneeUserId;
  return after.assigneeUserId ?? after.createdBy;
}

export async function noticeOfStep(notifications: NotificationsService | undefined, tx: DbOrTx, action: string, after: store.CaseRow, actorUserId: number | null): Promise<void> {
  const text = TEXTS[action];
  const to = recipientOf(action, after);
  if (!notifications || !text || to === null) return;
  const program = PROGRAM[after.program] ?? { zh: after.program, en: after.program };
  await notifications.post(tx, {
    to: { userIds: [to] },
    actorUserId,
    kind: `case.${action}`,
    subject: { kind: 'assistance_case', id: after.id },
    jurisdictionCode: after.jurisdictionCode,
    title: text(after.caseNo, program),
    link: `/cases/${after.id}`,
    data: { caseNo: after.caseNo, program: after.program, state: after.state, ...(action === 'approve' ? { approvedFen: after.approvedFen } : {}) },
  });
}
