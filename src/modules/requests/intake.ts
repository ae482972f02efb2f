// 受理: one path for every channel (连心卡 call, patrol, walk-in, council item, web form, Open311).
// Checks the category, person and place, fixes both deadlines from the category, routes it and
// writes the request with its first timeline entries, all in the caller's transaction.
import type { DbOrTx } from '../../platform/db/client.ts';
import { validationFailed, type FieldProblem } from '../../platform/errors.ts';
import { isWithin } from '../../lib/division-code.ts';
import type { Actor } from '../audit/audit.service.ts';
import * as categories from './categories.store.ts';
import { userIdOf, type Caller, type Ctx } from './context.ts';
import { deadlines, nextEscalation, newTrackingCode } from './flow.ts';
import { requestPermissions } from './requests.policy.ts';
import * as store from './requests.store.ts';
import type { Channel } from './requests.schema.ts';
import { route, routeData } from './routing.ts';
import { rolesHolding } from '../../platform/authz.ts';

export type IntakeInput = {
  channel: Channel;
  categoryCode: string;
  description: string;
  personId?: number | undefined;
  jurisdictionCode?: string | undefined;
  address?: string | undefined;
  lat?: number | undefined;
  long?: number | undefined;
  contactName?: string | undefined;
  contactPhone?: string | undefined;
  department?: string | undefined;
  assigneeUserId?: number | undefined;
  councilMeetingId?: number | undefined;
  mediaUrl?: string | undefined;
};

const problem = (field: string, en: string, zh: string): FieldProblem => ({ field, message: en, messageZh: zh });

/** Roles that handle requests (and so may be handed one). */
export const handlerRoles = () => rolesHolding(requestPermissions.handle);

/** A user who may be handed a request at `place`: active, a handler role, their area covering the place. */
export async function checkHandler(db: DbOrTx, userId: number, place: string, field: string) {
  const user = await store.userById(db, userId);
  const roles = handlerRoles();
  if (!user || user.disabled || !user.jurisdictionCode || !user.roles.some((r) => roles.includes(r as never)) || !isWithin(place, user.jurisdictionCode)) {
    throw validationFailed([problem(field, 'not a user who handles requests in this place', '该用户不负责此地的诉求办理')]);
  }
  return { ...user, jurisdictionCode: user.jurisdictionCode, role: user.roles.find((r) => roles.includes(r as never)) ?? null };
}

/**
 * Register a request inside `tx`. `caller.scope` bounds the person and the place (the public and
 * Open311 paths pass the scope they are allowed); returns the new row. Call `ctx.ready()` before
 * opening the transaction (PGlite has one connection: the defaults cannot be written beside it).
 */
export async function intake(ctx: Ctx, tx: DbOrTx, caller: Caller, input: IntakeInput, actor: Actor, actorName: string): Promise<store.RequestRow> {
  return (await intakeWithParts(ctx, tx, caller, input, actor, actorName)).row;
}

/** What intake read and wrote, so the new request's detail is built without reading it back. */
export type Intaken = {
  row: store.RequestRow;
  category: categories.CategoryRow;
  person: Awaited<ReturnType<typeof store.personInScope>>;
  placeName: string | null;
  handlerName: string | null;
  assignee: { id: number; displayName: string } | null;
  events: store.EventRow[];
};

export async function intakeWithParts(ctx: Ctx, tx: DbOrTx, caller: Caller, input: IntakeInput, actor: Actor, actorName: string): Promise<Intaken> {
  const problems: FieldProblem[] = [];
  const category = await ctx.category(input.categoryCode, tx);
  if (!category || !category.active) problems.push(problem('categoryCode', `unknown category ${input.categoryCode}`, `诉求类别不存在或已停用：${input.categoryCode}`));
  const person = input.personId !== undefined ? await store.personInScope(tx, input.personId, caller.scope) : undefined;
  if (input.personId !== undefined && (!person || person.mergedInto !== null)) problems.push(problem('personId', 'no such person in your jurisdiction', '本辖区内无此人员'));
  const place = input.jurisdictionCode ?? person?.jurisdictionCode;
  if (place === undefined) problems.push(problem('jurisdictionCode', 'give the place (or the person concerned)', '请选择诉求所在地（或关联人员）'));
  const placeInfo = place !== undefined && isWithin(place, caller.scope) ? await ctx.place(place, tx) : undefined;
  if (place !== undefined && !placeInfo?.exists) problems.push(problem('jurisdictionCode', 'must be a place inside your jurisdiction', '须为本辖区内的区划'));
  if (problems.length) throw validationFailed(problems);

  const now = ctx.now();
  const clock = deadlines(now, category!);
  let handler: { code: string; role: string | null; department: string | null; assignee: { id: number; displayName: string } | null; data: object };
  if (input.assigneeUserId !== undefined) {
    const user = await checkHandler(tx, input.assigneeUserId, place!, 'assigneeUserId');
    handler = { code: user.jurisdictionCode, role: user.role, department: input.department ?? null, assignee: { id: user.id, displayName: user.displayName }, data: { handlerCode: user.jurisdictionCode, assigneeUserId: user.id, assigneeName: user.displayName, direct: true } };
  } else {
    const routed = await route(tx, place!, category!.code);
    handler = { code: routed.handlerCode, role: routed.handlerRole, department: input.department ?? routed.department, assignee: routed.assignee, data: routeData(routed, (await ctx.place(routed.handlerCode, tx)).name) };
  }
  // Handed over: to a user, or to a department or person named on the spot (a council item's owner).
  const state = handler.assignee || input.department ? 'assigned' : 'new';
  const values: store.RequestInsert = {
    trackingCode: '',
    channel: input.channel,
    categoryCode: category!.code,
    state,
    description: input.description,
    personId: person?.id ?? null,
    jurisdictionCode: place!,
    address: input.address ?? null,
    lat: input.lat ?? null,
    long: input.long ?? null,
    contactName: input.contactName ?? null,
    contactPhoneEnc: ctx.sensitive.encrypt(input.contactPhone),
    contactPhoneIndex: input.contactPhone ? ctx.sensitive.index('phone', input.contactPhone) : null,
    mediaUrl: input.mediaUrl ?? null,
    handlerCode: handler.code,
    handlerRole: handler.role,
    department: handler.department,
    assigneeUserId: handler.assignee?.id ?? null,
    councilMeetingId: input.councilMeetingId ?? null,
    ...clock,
    dueAt: clock.responseDueAt,
    nextEscalationAt: nextEscalation(now, clock.responseDueAt, handler.code, category!),
    createdBy: userIdOf(caller),
    submittedBy: actorName,
    createdAt: now,
    updatedAt: now,
  };
  const row = await insertWithTrackingCode(tx, values);
  const who = { requestId: row.id, at: now, actorUserId: userIdOf(caller), actorName };
  const events = await store.insertEvents(tx, [
    { ...who, action: 'create', fromState: null, toState: 'new', note: null, data: { channel: input.channel, categoryCode: category!.code } },
    { ...who, action: 'route', fromState: 'new', toState: state === 'new' ? null : state, note: null, data: handler.data },
  ]);
  await ctx.audit.record(tx, actor, { action: 'help_request.create', entity: 'help_request', entityId: row.id, jurisdictionCode: row.jurisdictionCode, changes: { channel: { before: null, after: input.channel }, category: { before: null, after: category!.code } } });
  const handlerName = handler.code === row.jurisdictionCode ? placeInfo!.name : (await ctx.place(handler.code, tx)).name;
  return { row, category: category!, person, placeName: placeInfo!.name, handlerName, assignee: handler.assignee, events };
}

/** A fresh random tracking code; on the (very rare) collision, another one (ON CONFLICT DO NOTHING, no savepoint). */
async function insertWithTrackingCode(tx: DbOrTx, values: store.RequestInsert): Promise<store.RequestRow> {
  for (let attempt = 1; ; attempt++) {
    const row = await store.insertRequestUnlessCodeTaken(tx, { ...values, trackingCode: newTrackingCode() });
    if (row) return row;
    if (attempt >= 5) throw new Error('no free tracking code after 5 draws');
  }
}
