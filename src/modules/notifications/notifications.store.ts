// SQL for the notification centre. Every read and write names the recipient: a user sees and
// marks only their own notifications, so no other scoping applies here.
import { and, desc, eq, gt, inArray, isNull, lt, ne, sql, type SQL } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../../platform/db/client.ts';
import { users } from '../auth/auth.table.ts';
import { notifications } from './notifications.table.ts';

export type NotificationRow = typeof notifications.$inferSelect;
export type NotificationContent = Omit<typeof notifications.$inferInsert, 'id' | 'userId' | 'readAt'>;

/** Who gets it: named users, or every active user at exactly that place holding any of the roles. */
export type Recipients = { userIds: readonly number[] } | { roles: readonly string[]; jurisdictionCode: string };

export const CHANNEL = 'lastmile_notifications';

function recipientsSql(to: Recipients, exceptUserId: number | null): SQL {
  const active = and(eq(users.disabled, false), exceptUserId === null ? undefined : ne(users.id, exceptUserId));
  const who = 'userIds' in to
    ? inArray(users.id, to.userIds.length > 0 ? [...to.userIds] : [-1])
    : and(eq(users.jurisdictionCode, to.jurisdictionCode), sql`${users.roles} && ${sql.param([...to.roles])}::text[]`);
  return and(who, active)!;
}

/**
 * One row per recipient in one statement, and a NOTIFY naming them, both in the caller's
 * transaction: listeners hear of it only if it commits. Returns the recipients' ids.
 */
export async function insertFor(tx: DbOrTx, to: Recipients, exceptUserId: number | null, content: NotificationContent): Promise<number[]> {
  const n = notifications;
  const rows = await queryRows<{ user_id: number }>(tx, sql`
    insert into ${n} (${sql.identifier(n.userId.name)}, ${sql.identifier(n.kind.name)}, ${sql.identifier(n.subjectKind.name)}, ${sql.identifier(n.subjectId.name)},
      ${sql.identifier(n.jurisdictionCode.name)}, ${sql.identifier(n.titleZh.name)}, ${sql.identifier(n.titleEn.name)}, ${sql.identifier(n.bodyZh.name)},
      ${sql.identifier(n.bodyEn.name)}, ${sql.identifier(n.link.name)}, ${sql.identifier(n.data.name)}, ${sql.identifier(n.createdAt.name)})
    select ${users.id}, ${content.kind}, ${content.subjectKind}, ${content.subjectId}::bigint, ${content.jurisdictionCode ?? null}::varchar,
      ${content.titleZh}, ${content.titleEn}, ${content.bodyZh ?? null}::text, ${content.bodyEn ?? null}::text, ${content.link ?? null}::text,
      ${content.data === undefined || content.data === null ? null : JSON.stringify(content.data)}::jsonb, ${(content.createdAt ?? new Date()).toISOString()}::timestamptz
    from ${users} where ${recipientsSql(to, exceptUserId)}
    returning ${sql.identifier(n.userId.name)}`);
  const ids = [...new Set(rows.map((r) => Number(r.user_id)))];
  // A payload is at most 8,000 bytes: a very wide fan-out just says "everyone, look again".
  if (ids.length > 0) await tx.execute(sql`select pg_notify(${CHANNEL}, ${ids.length <= 500 ? ids.join(',') : '*'})`);
  return ids;
}

export type ListQuery = { unreadOnly?: boolean; beforeId?: number; afterId?: number; limit: number };

export async function listFor(db: DbOrTx, userId: number, q: ListQuery): Promise<NotificationRow[]> {
  const where = and(
    eq(notifications.userId, userId),
    q.unreadOnly ? isNull(notifications.readAt) : undefined,
    q.beforeId !== undefined ? lt(notifications.id, q.beforeId) : undefined,
    q.afterId !== undefined ? gt(notifications.id, q.afterId) : undefined,
  );
  return db.select().from(notifications).where(where).orderBy(desc(notifications.id)).limit(q.limit);
}

export async function unreadCount(db: DbOrTx, userId: number): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return row?.n ?? 0;
}

/** Marks the given (or all) unread notifications of the user read; returns how many changed. */
export async function markRead(db: DbOrTx, userId: number, ids: readonly number[] | 'all', at: Date): Promise<number> {
  const rows = await db
    .update(notifications)
    .set({ readAt: at })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt), ids === 'all' ? undefined : inArray(notifications.id, ids.length > 0 ? [...ids] : [-1])))
    .returning({ id: notifications.id });
  return rows.length;
}

export async function latestId(db: DbOrTx, userId: number): Promise<number> {
  const [row] = await db.select({ id: sql<number>`coalesce(max(${notifications.id}), 0)::bigint` }).from(notifications).where(eq(notifications.userId, userId));
  return Number(row?.id ?? 0);
}
