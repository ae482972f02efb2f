// Request and response shapes of the notification centre (zod only: the web imports these).
import { z } from 'zod';

export const NotificationOut = z.object({
  id: z.number().int(),
  kind: z.string().describe("'<module>.<event>', e.g. case.sent_back, request.assigned"),
  subjectKind: z.string().describe('The record it is about: assistance_case, help_request, …'),
  subjectId: z.number().int(),
  jurisdictionCode: z.string().nullable(),
  titleZh: z.string(),
  titleEn: z.string(),
  bodyZh: z.string().nullable(),
  bodyEn: z.string().nullable(),
  link: z.string().nullable().describe('Path of the web page to open'),
  data: z.unknown(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});

export const NotificationList = z.object({
  items: z.array(NotificationOut),
  unread: z.number().int().describe('All unread notifications of the caller'),
});

const Id = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

export const ListNotificationsQuery = z.object({
  unread: z.enum(['true', 'false']).optional().transform((v) => v === 'true').describe('Only unread ones'),
  before: Id.optional().describe('Page back: ids below this one'),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

export const MarkReadBody = z.object({
  ids: z.array(Id).min(1).max(500).optional().describe('Which to mark read; absent means all'),
});
export const MarkReadResult = z.object({ marked: z.number().int(), unread: z.number().int() });

export const FollowQuery = z.object({
  after: Id.optional().describe('Deliver what came after this id first (a reconnecting page)'),
});
