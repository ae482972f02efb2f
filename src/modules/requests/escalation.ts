// Automatic escalation: an open request whose deadline passed with nothing done moves one level
// up the jurisdiction tree (grid → community → street → county), each step on the timeline. The
// new level gets the category's response time before the next step; the county is the top. The
// worker (or a test) runs the job; the clock is the service's, so tests choose the instant.
import { z } from 'zod';
import { defineJob } from '../../platform/jobs/index.ts';
import * as categories from './categories.store.ts';
import type { Ctx } from './context.ts';
import { noticeOfRequestStep } from './notices.ts';
import { escalationTarget, graceAfter, COUNTY_LENGTH } from './flow.ts';
import * as store from './requests.store.ts';

const BATCH = 200;

/** Escalate every request due for it at `ctx.now()`; returns how many moved. */
export async function escalateOverdue(ctx: Ctx): Promise<number> {
  await ctx.ready();
  const limits = new Map((await categories.listCategories(ctx.db)).map((c) => [c.code, c]));
  let moved = 0;
  for (;;) {
    const n = await ctx.db.transaction(async (tx) => {
      const now = ctx.now();
      const due = await store.dueForEscalation(tx, now, BATCH);
      for (const row of due) {
        const up = escalationTarget(row.handlerCode);
        if (!up) {
          await store.update(tx, row.id, { nextEscalationAt: null }, now);
          continue;
        }
        const category = limits.get(row.categoryCode) ?? { responseHours: 24 };
        const breached = row.respondedAt === null ? 'response' : 'resolution';
        const updated = await store.update(tx, row.id, {
          handlerCode: up,
          handlerRole: null,
          department: null,
          escalationLevel: row.escalationLevel + 1,
          nextEscalationAt: up.length > COUNTY_LENGTH ? graceAfter(now, category) : null,
        }, now);
        await store.insertEvent(tx, {
          requestId: row.id,
          at: now,
          actorUserId: null,
          actorName: 'system',
          action: 'escalate',
          fromState: row.state,
          toState: null,
          note: null,
          data: { from: row.handlerCode, to: up, handlerName: await store.placeName(tx, up), level: row.escalationLevel + 1, breached, dueAt: row.dueAt?.toISOString() ?? null },
        });
        // The assignee keeps working on it; the level it reached is told (as if it had no handler there).
        await noticeOfRequestStep(ctx.notifications, tx, 'escalate', row, { ...updated, assigneeUserId: null }, null);
      }
      return due.length;
    });
    moved += n;
    if (n < BATCH) return moved;
  }
}

export function escalateJob(ctx: Ctx) {
  return defineJob({
    name: 'requests.escalate',
    schema: z.object({}),
    maxAttempts: 3,
    handler: async () => ({ escalated: await escalateOverdue(ctx) }),
  });
}
