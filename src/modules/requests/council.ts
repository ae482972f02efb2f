// 民意直通车: a resident council meeting with its attendees; every item raised becomes a tracked
// request (channel 'council') with an owner, and the meeting report shows where each item is:
// 件件有着落、事事有回音.
import { notFound, validationFailed } from '../../platform/errors.ts';
import { isWithin } from '../../lib/division-code.ts';
import type { Actor } from '../audit/audit.service.ts';
import { nameOf, userIdOf, type Caller, type Ctx } from './context.ts';
import * as council from './council.store.ts';
import { intake } from './intake.ts';
import { isOpen } from './flow.ts';
import { summaryOf } from './queries.ts';
import * as store from './requests.store.ts';
import type { CouncilItemInput, CreateMeetingBody, MeetingReport } from './requests.schema.ts';
import type { DbOrTx } from '../../platform/db/client.ts';

const MEETING_NOT_FOUND = () => notFound('Council meeting', '该议事会');

async function addItems(ctx: Ctx, tx: DbOrTx, caller: Caller, meetingId: number, place: string, items: CouncilItemInput[], actor: Actor): Promise<void> {
  for (const [i, item] of items.entries()) {
    try {
      await intake(ctx, tx, caller, {
        channel: 'council',
        categoryCode: item.categoryCode,
        description: item.description,
        jurisdictionCode: place,
        address: item.address,
        department: item.ownerName,
        assigneeUserId: item.ownerUserId,
        councilMeetingId: meetingId,
      }, actor, nameOf(caller, actor));
    } catch (err) {
      // Name the item in the field path (items.2.categoryCode).
      const fields = (err as { fields?: { field: string; message: string; messageZh: string }[] }).fields;
      if (fields) throw validationFailed(fields.map((f) => ({ ...f, field: `items.${i}.${f.field === 'assigneeUserId' ? 'ownerUserId' : f.field}` })));
      throw err;
    }
  }
}

export async function createMeeting(ctx: Ctx, caller: Caller, body: CreateMeetingBody, actor: Actor): Promise<number> {
  await ctx.ready();
  if (!isWithin(body.jurisdictionCode, caller.scope) || !(await store.placeExists(ctx.db, body.jurisdictionCode))) {
    throw validationFailed([{ field: 'jurisdictionCode', message: 'must be a place inside your jurisdiction', messageZh: '须为本辖区内的区划' }]);
  }
  if (body.heldOn > new Date(ctx.now().getTime() + 8 * 3_600_000).toISOString().slice(0, 10)) {
    throw validationFailed([{ field: 'heldOn', message: 'cannot be in the future', messageZh: '不能晚于今天' }]);
  }
  return ctx.db.transaction(async (tx) => {
    const id = await council.insertMeeting(tx, {
      jurisdictionCode: body.jurisdictionCode,
      heldOn: body.heldOn,
      title: body.title,
      place: body.place ?? null,
      attendees: body.attendees,
      notes: body.notes ?? null,
      createdBy: userIdOf(caller),
      createdAt: ctx.now(),
    });
    await addItems(ctx, tx, caller, id, body.jurisdictionCode, body.items, actor);
    await ctx.audit.record(tx, actor, { action: 'council_meeting.create', entity: 'council_meeting', entityId: id, jurisdictionCode: body.jurisdictionCode, changes: { items: { before: null, after: body.items.length } } });
    return id;
  });
}

export async function addMeetingItems(ctx: Ctx, caller: Caller, id: number, items: CouncilItemInput[], actor: Actor): Promise<number> {
  await ctx.ready();
  const meeting = await council.findInScope(ctx.db, id, caller.scope);
  if (!meeting) throw MEETING_NOT_FOUND();
  await ctx.db.transaction(async (tx) => {
    await addItems(ctx, tx, caller, id, meeting.jurisdictionCode, items, actor);
    await ctx.audit.record(tx, actor, { action: 'council_meeting.add_items', entity: 'council_meeting', entityId: id, jurisdictionCode: meeting.jurisdictionCode, changes: { items: { before: meeting.items, after: meeting.items + items.length } } });
  });
  return id;
}

const summary = (m: council.MeetingRow) => ({
  id: m.id,
  jurisdictionCode: m.jurisdictionCode,
  jurisdictionName: m.jurisdictionName,
  heldOn: m.heldOn,
  title: m.title,
  place: m.place,
  items: m.items,
  resolved: m.resolved,
  createdAt: m.createdAt.toISOString(),
});

export async function listMeetings(ctx: Ctx, caller: Caller, q: { under?: string | undefined; limit: number; offset: number }) {
  const page = await council.list(ctx.db, { scope: caller.scope, ...q });
  return { items: page.items.map(summary), total: page.total };
}

/** The meeting report: each item with its owner, state, deadline and answer. */
export async function meetingReport(ctx: Ctx, caller: Caller, id: number): Promise<MeetingReport> {
  const meeting = await council.findInScope(ctx.db, id, caller.scope);
  if (!meeting) throw MEETING_NOT_FOUND();
  const now = ctx.now();
  // Items are inside the meeting's place, so inside the caller's scope too.
  const items = await store.list(ctx.db, { scope: caller.scope, status: 'all', councilMeetingId: id, limit: 200, offset: 0 });
  const rows = [...items.items].sort((a, b) => a.id - b.id);
  const itemList = rows.map((r) => ({ ...summaryOf(r, now), resolutionNote: r.resolutionNote, resolvedAt: r.resolvedAt?.toISOString() ?? null, satisfaction: r.satisfaction }));
  return {
    ...summary(meeting),
    attendees: meeting.attendees as { name: string; role?: string }[],
    notes: meeting.notes,
    figures: {
      total: rows.length,
      open: rows.filter((r) => isOpen(r.state)).length,
      overdue: itemList.filter((r) => r.overdue).length,
      resolved: rows.filter((r) => r.state === 'resolved').length,
      visited: rows.filter((r) => r.state === 'visited').length,
    },
    itemList,
  };
}
