import { z } from 'zod';
import type { ServerResponse } from 'node:http';
import type { RouteModule } from '../../app/types.ts';
import { AppError } from '../../platform/errors.ts';
import { ApiErrorBody } from '../../lib/api-error.schema.ts';
import { callerOf } from '../auth/auth.hook.ts';
import { FollowQuery, ListNotificationsQuery, MarkReadBody, MarkReadResult, NotificationList } from './notifications.schema.ts';
import { notificationPermissions } from './notifications.policy.ts';

const errors = { 400: ApiErrorBody, 401: ApiErrorBody, 403: ApiErrorBody };
const tags = ['notifications'];
// A stream ends after this long and the browser's EventSource reconnects (with Last-Event-ID),
// so a page open for days does not pin one connection and its session is re-checked.
const STREAM_SECONDS = 600;
const HEARTBEAT_MS = 25_000;

export const notificationRoutes: RouteModule = (app, { services }) => {
  const notifications = services.notifications;
  const open = new Set<ServerResponse>();
  app.addHook('preClose', async () => {
    for (const raw of open) raw.end();
    open.clear();
  });

  app.get(
    '/notifications',
    {
      config: { permission: notificationPermissions.own },
      schema: { tags, summary: 'My notifications, newest first / 我的通知', querystring: ListNotificationsQuery, response: { 200: NotificationList, ...errors } },
    },
    async (request) => notifications.list(callerOf(request), request.query),
  );

  app.post(
    '/notifications/read',
    {
      config: { permission: notificationPermissions.own },
      schema: { tags, summary: 'Mark my notifications read (some or all) / 标记为已读', body: MarkReadBody, response: { 200: MarkReadResult, ...errors } },
    },
    async (request) => notifications.markRead(callerOf(request), request.body.ids ?? 'all'),
  );

  app.get(
    '/notifications/stream',
    {
      config: { permission: notificationPermissions.own },
      schema: {
        tags,
        summary: 'My notifications live, as server-sent events / 实时通知（SSE）',
        description: `text/event-stream: a \`notification\` event per new notification (data: the notification and the unread count), a comment every ${HEARTBEAT_MS / 1000} s; ends after ${STREAM_SECONDS} s for the client to reconnect with Last-Event-ID.`,
        'x-event-stream': true,
        querystring: FollowQuery,
        response: { 200: z.string().describe('text/event-stream'), ...errors },
      },
    },
    async (request, reply) => {
      const caller = callerOf(request);
      if (caller.id === null) throw new AppError('forbidden', 'API tokens have no notifications', '接口令牌没有通知');
      const lastEventId = Number(request.headers['last-event-id']);
      const after = Number.isSafeInteger(lastEventId) && lastEventId > 0 ? lastEventId : request.query.after;
      reply.hijack();
      const raw = reply.raw;
      // The page may go before the subscription is in place (a slow LISTEN connect): the close
      // handler is attached first, and a subscription that arrives after it is ended at once.
      let closed = false;
      let stop: (() => void) | undefined;
      const heartbeat = setInterval(() => raw.write(': ping\n\n'), HEARTBEAT_MS);
      const end = setTimeout(() => raw.end(), STREAM_SECONDS * 1000);
      heartbeat.unref();
      end.unref();
      raw.on('close', () => {
        closed = true;
        clearInterval(heartbeat);
        clearTimeout(end);
        open.delete(raw);
        stop?.();
      });
      open.add(raw);
      raw.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', 'x-accel-buffering': 'no', connection: 'keep-alive' });
      try {
        raw.write(`retry: 3000\n: ${await notifications.unread(caller)} unread\n\n`);
        const unsubscribe = await notifications.follow({ id: caller.id }, after, (items, unread) => {
          for (const item of items) raw.write(`id: ${item.id}\nevent: notification\ndata: ${JSON.stringify({ notification: item, unread })}\n\n`);
        });
        if (closed) unsubscribe();
        else stop = unsubscribe;
      } catch (err) {
        request.log.error({ err }, 'notification stream failed');
        raw.end();
      }
    },
  );
};
