// The notification centre every module posts to. A module calls `post` inside the transaction of
// the step that happened (assigned, sent back, approved, escalated …) with the text in both
// languages; the recipients read, mark and follow them here, and open pages get them live.
import type { Database, Db, DbOrTx } from '../../platform/db/client.ts';
import * as store from './notifications.store.ts';
import { createHub, type Hub } from './notifications.hub.ts';

export type Recipients = store.Recipients;
export type Notification = {
  id: number;
  kind: string;
  subjectKind: string;
  subjectId: number;
  jurisdictionCode: string | null;
  titleZh: string;
  titleEn: string;
  bodyZh: string | null;
  bodyEn: string | null;
  link: string | null;
  data: unknown;
  createdAt: string;
  readAt: string | null;
};

export type NewNotification = {
  to: Recipients;
  /** The user who did it: never notified of their own step. */
  actorUserId?: number | null;
  kind: string;
  subject: { kind: string; id: number };
  jurisdictionCode?: string | null;
  title: { zh: string; en: string };
  body?: { zh: string; en: string } | null;
  link?: string | null;
  data?: Record<string, unknown> | null;
};

type Reader = { id: number | null };

export type NotificationsService = ReturnType<typeof createNotificationsService>;

export function present(row: store.NotificationRow): Notification {
  return {
    id: row.id,
    kind: row.kind,
    subjectKind: row.subjectKind,
    subjectId: row.subjectId,
    jurisdictionCode: row.jurisdictionCode,
    titleZh: row.titleZh,
    titleEn: row.titleEn,
    bodyZh: row.bodyZh,
    bodyEn: row.bodyEn,
    link: row.link,
    data: row.data ?? null,
    createdAt: row.createdAt.toISOString(),
    readAt: row.readAt?.toISOString() ?? null,
  };
}

export function createNotificationsService(deps: { db: Db; database?: Database; now?: () => Date; onError?: (err: unknown) => void }) {
  const { db } = deps;
  const now = deps.now ?? (() => new Date());
  let hub: Hub | undefined;
  const hubOf = () => {
    if (!deps.database) throw new Error('live notifications need the database handle');
    return (hub ??= createHub(deps.database, deps.onError));
  };

  return {
    /** Notify inside the caller's transaction; returns the recipients' user ids. */
    async post(tx: DbOrTx, n: NewNotification): Promise<number[]> {
      if (n.link !== undefined && n.link !== null && !/^\/[A-Za-z0-9/_?=&.-]{0,200}$/.test(n.link)) throw new Error(`notification link must be a relative path: ${n.link}`);
      return store.insertFor(tx, n.to, n.actorUserId ?? null, {
        kind: n.kind,
        subjectKind: n.subject.kind,
        subjectId: n.subject.id,
        jurisdictionCode: n.jurisdictionCode ?? null,
        titleZh: n.title.zh,
        titleEn: n.title.en,
        bodyZh: n.body?.zh ?? null,
        bodyEn: n.body?.en ?? null,
        link: n.link ?? null,
        data: n.data ?? null,
        createdAt: now(),
      });
    },

    async list(reader: Reader, q: { unread?: boolean; before?: number; limit?: number }) {
      if (reader.id === null) return { items: [], unread: 0 };
      const rows = await store.listFor(db, reader.id, { unreadOnly: q.unread ?? false, ...(q.before !== undefined ? { beforeId: q.before } : {}), limit: q.limit ?? 20 });
      return { items: rows.map(present), unread: await store.unreadCount(db, reader.id) };
    },

    async unread(reader: Reader): Promise<number> {
      return reader.id === null ? 0 : store.unreadCount(db, reader.id);
    },

    /** Marks some (or all) of the reader's notifications read; others' ids are ignored. */
    async markRead(reader: Reader, ids: readonly number[] | 'all') {
      if (reader.id === null) return { marked: 0, unread: 0 };
      const marked = await store.markRead(db, reader.id, ids, now());
      return { marked, unread: await store.unreadCount(db, reader.id) };
    },

    /**
     * Follow the reader's notifications live: `send` gets every notification after `afterId`
     * (or after the newest when absent) as it commits, oldest first, with the unread count.
     */
    async follow(reader: { id: number }, afterId: number | undefined, send: (items: Notification[], unread: number) => void): Promise<() => void> {
      let last = afterId ?? (await store.latestId(db, reader.id));
      let running: Promise<void> | undefined;
      let again = false;
      let stopped = false;
      const drain = async () => {
        do {
          again = false;
          const rows = await store.listFor(db, reader.id, { afterId: last, limit: 50 });
          if (stopped) return;
          if (rows.length > 0) {
            last = rows[0]!.id;
            send(rows.reverse().map(present), await store.unreadCount(db, reader.id));
          }
        } while (again && !stopped);
      };
      const wake = () => {
        if (running) {
          again = true;
          return;
        }
        running = drain()
          .catch((err) => deps.onError?.(err))
          .finally(() => {
            running = undefined;
          });
      };
      const unsubscribe = await hubOf().subscribe(reader.id, wake);
      if (afterId !== undefined) wake(); // catch up what came while the page was away
      return () => {
        stopped = true;
        unsubscribe();
      };
    },

    /** Open live followers in this process. */
    following: () => hub?.size() ?? 0,

    async close() {
      await hub?.close();
      hub = undefined;
    },
  };
}
