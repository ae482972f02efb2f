// What a help request's step tells the people it concerns, through the notification centre: the
// user it was handed to, or — when it moved to a place without a named handler (transferred up,
// escalated on its deadline) — the staff of that place who handle requests. Texts name the request
// by its tracking code, never the caller.
import type { DbOrTx } from '../../platform/db/client.ts';
import { rolesHolding } from '../../platform/authz.ts';
import type { NotificationsService } from '../notifications/index.ts';
import { requestPermissions } from './requests.policy.ts';
import type * as store from './requests.store.ts';

type Moved = Pick<store.RequestRow, 'id' | 'trackingCode' | 'jurisdictionCode' | 'assigneeUserId' | 'handlerCode' | 'state' | 'categoryCode'>;

export async function noticeOfRequestStep(notifications: NotificationsService | undefined, tx: DbOrTx, event: string, before: Moved, after: Moved, actorUserId: number | null): Promise<void> {
  if (!notifications) return;
  const code = after.trackingCode;
  const common = { actorUserId, subject: { kind: 'help_request', id: after.id }, jurisdictionCode: after.jurisdictionCode, link: `/requests/${after.id}`, data: { trackingCode: code, categoryCode: after.categoryCode, state: after.state, event } };
  if (after.assigneeUserId !== null && after.assigneeUserId !== before.assigneeUserId) {
    await notifications.post(tx, { ...common, to: { userIds: [after.assigneeUserId] }, kind: 'request.assigned', title: { zh: `诉求 ${code} 已派给您办理`, en: `Request ${code} was assigned to you` } });
    return;
  }
  if (after.assigneeUserId === null && after.handlerCode !== before.handlerCode) {
    const escalated = event === 'escalate';
    await notifications.post(tx, {
      ...common,
      to: { roles: rolesHolding(requestPermissions.handle).filter((r) => r !== 'admin'), jurisdictionCode: after.handlerCode },
      kind: escalated ? 'request.escalated' : 'request.transferred',
      title: escalated
        ? { zh: `诉求 ${code} 逾期未办，已升级到本级`, en: `Request ${code} is overdue and was escalated to your level` }
        : { zh: `诉求 ${code} 已转到本级办理`, en: `Request ${code} was transferred to your level` },
    });
  }
}
