// The handling steps: assign, take, resolve, transfer, follow up, note, merge, reveal the caller's
// phone, attachments and opening a social-assistance case. Each step locks the request in the
// caller's scope, checks the state allows it, changes it and appends a timeline entry with who and
// when, in one transaction with its audit entry.
import { AppError, notFound, validationFailed } from '../../platform/errors.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import { assertPermission, hasPermission } from '../../platform/authz.ts';
import { isWithin, levelOf, type Level } from '../../lib/division-code.ts';
import type { Actor, Changes } from '../audit/audit.service.ts';
import * as categories from './categories.store.ts';
import { loadInScope, nameOf, REQUEST_NOT_FOUND, REQUEST_OWNER, userIdOf, type Caller, type Ctx } from './context.ts';
import { assertCan, currentDue, escalationTarget, graceAfter, handlerCodeFor, nextEscalation, type Action } from './flow.ts';
import { checkHandler } from './intake.ts';
import * as store from './requests.store.ts';
import type { FollowUpBody, HandlerLevel, OpenCaseBody, RequestState, TransferBody } from './requests.schema.ts';
import { route, routeData } from './routing.ts';
import { noticeOfRequestStep } from './notices.ts';
import { splitBilingual } from '../../lib/bilingual.ts';
import { CreateCaseBody } from '../cases/cases.schema.ts';

type StepResult = { patch: Partial<store.RequestInsert>; note?: string | null; data?: Record<string, unknown> | null; audit?: Changes; event?: string };

async function categoryOf(db: DbOrTx, code: string) {
  const category = await categories.findCategory(db, code);
  if (!category) throw new AppError('internal', `category ${code} missing`, `诉求类别 ${code} 缺失`);
  return category;
}

/** Lock, check, change, record. Returns the request id. */
async function step(ctx: Ctx, caller: Caller, actor: Actor, id: number, action: Action, fn: (tx: DbOrTx, row: store.RequestRow, now: Date) => Promise<StepResult>): Promise<number> {
  await ctx.db.transaction(async (tx) => {
    const row = await loadInScope(tx, caller, id, true);
    assertCan(action, row.state as RequestState);
    const now = ctx.now();
    const result = await fn(tx, row, now);
    const updated = await store.update(tx, id, result.patch, now);
    await store.insertEvent(tx, {
      requestId: id,
      at: now,
      actorUserId: userIdOf(caller),
      actorName: nameOf(caller, actor),
      action: result.event ?? action,
      fromState: row.state,
      toState: updated.state !== row.state ? updated.state : null,
      note: result.note ?? null,
      data: result.data ?? null,
    });
    await ctx.audit.record(tx, actor, {
      action: `help_request.${result.event ?? action}`,
      entity: 'help_request',
      entityId: id,
      jurisdictionCode: updated.jurisdictionCode,
      changes: { ...(updated.state !== row.state ? { state: { before: row.state, after: updated.state } } : {}), ...result.audit },
      reason: result.note ?? null,
    });
    await noticeOfRequestStep(ctx.notifications, tx, result.event ?? action, row, updated, userIdOf(caller));
  });
  return id;
}

/** Hand the request to a user whose area covers its place (派单 / 改派). */
export function assign(ctx: Ctx, caller: Caller, id: number, body: { userId: number; note?: string | undefined }, actor: Actor) {
  return step(ctx, caller, actor, id, 'assign', async (tx, row, now) => {
    const user = await checkHandler(tx, body.userId, row.jurisdictionCode, 'userId');
    if (user.id === row.assigneeUserId && row.state === 'assigned') throw new AppError('conflict', `Already assigned to ${user.displayName}`, `已派给${user.displayName}`);
    const category = await categoryOf(tx, row.categoryCode);
    return {
      patch: { state: 'assigned', assigneeUserId: user.id, handlerCode: user.jurisdictionCode, handlerRole: user.role, nextEscalationAt: nextEscalation(now, row.dueAt, user.jurisdictionCode, category) },
      note: body.note ?? null,
      data: { from: { assigneeUserId: row.assigneeUserId, handlerCode: row.handlerCode }, to: { assigneeUserId: user.id, assigneeName: user.displayName, handlerCode: user.jurisdictionCode } },
      audit: { assignee: { before: row.assigneeUserId, after: user.id } },
    };
  });
}

/** 接单: the caller works on it now; the response deadline is met, the resolution one counts. */
export function take(ctx: Ctx, caller: Caller, id: number, note: string | undefined, actor: Actor) {
  return step(ctx, caller, actor, id, 'take', async (tx, row, now) => {
    const category = await categoryOf(tx, row.categoryCode);
    const userId = userIdOf(caller) ?? row.assigneeUserId;
    // A caller at a level above the one holding it takes it to their level.
    const handlerCode = caller.jurisdictionCode && caller.jurisdictionCode.length > 0 && isWithin(row.jurisdictionCode, caller.jurisdictionCode) && caller.jurisdictionCode.length < row.handlerCode.length ? caller.jurisdictionCode : row.handlerCode;
    const respondedAt = row.respondedAt ?? now;
    const dueAt = currentDue({ state: 'in_progress', respondedAt, responseDueAt: row.responseDueAt, resolutionDueAt: row.resolutionDueAt });
    return {
      patch: { state: 'in_progress', assigneeUserId: userId, handlerCode, respondedAt, dueAt, nextEscalationAt: nextEscalation(now, dueAt, handlerCode, category) },
      note: note ?? null,
      data: { respondedLate: row.respondedAt === null && now > row.responseDueAt },
    };
  });
}

/** 办结: what was done, shown to the caller as the answer. */
export function resolve(ctx: Ctx, caller: Caller, id: number, note: string, actor: Actor) {
  return step(ctx, caller, actor, id, 'resolve', async (_tx, row, now) => ({
    patch: { state: 'resolved', resolvedAt: now, resolutionNote: note, respondedAt: row.respondedAt ?? now, assigneeUserId: row.assigneeUserId ?? userIdOf(caller), dueAt: null, nextEscalationAt: null },
    note,
    data: { late: now > row.resolutionDueAt },
  }));
}

/** 回访: the caller's satisfaction; not solved sends it back for rework with a new deadline. */
export function followUp(ctx: Ctx, caller: Caller, id: number, body: FollowUpBody, actor: Actor) {
  return step(ctx, caller, actor, id, 'follow_up', async (tx, row, now) => {
    const answer = { satisfaction: body.satisfaction, satisfactionComment: body.comment ?? null, visitedAt: now };
    if (body.solved) return { patch: { state: 'visited', ...answer, closedAt: now }, note: body.comment ?? null, data: { satisfaction: body.satisfaction, solved: true }, audit: { satisfaction: { before: null, after: body.satisfaction } } };
    const category = await categoryOf(tx, row.categoryCode);
    const rework = new Date(now.getTime() + category.resolutionHours * 3_600_000);
    return {
      event: 'return',
      patch: { state: 'returned', ...answer, resolvedAt: null, resolutionDueAt: rework, dueAt: rework, nextEscalationAt: nextEscalation(now, rework, row.handlerCode, category) },
      note: body.comment ?? null,
      data: { satisfaction: body.satisfaction, solved: false, previousResolutionNote: row.resolutionNote, previousResolutionDueAt: row.resolutionDueAt.toISOString(), resolutionDueAt: rework.toISOString() },
      audit: { satisfaction: { before: null, after: body.satisfaction } },
    };
  });
}

const LEVEL_OF_LENGTH: Partial<Record<Level, HandlerLevel>> = { grid: 'grid', village: 'village', township: 'township', county: 'county' };

/** 转办: "not ours" always names where it goes (a user, a department at a level, one level up, or another place) and why. */
export function transfer(ctx: Ctx, caller: Caller, id: number, body: TransferBody, actor: Actor) {
  return step(ctx, caller, actor, id, 'transfer', async (tx, row, now) => {
    const category = await categoryOf(tx, row.categoryCode);
    const from = { handlerCode: row.handlerCode, department: row.department, assigneeUserId: row.assigneeUserId, jurisdictionCode: row.jurisdictionCode };
    const target = body.target;
    let patch: Partial<store.RequestInsert>;
    let to: Record<string, unknown>;
    if (target.kind === 'user') {
      const user = await checkHandler(tx, target.userId, row.jurisdictionCode, 'target.userId');
      if (user.id === row.assigneeUserId) throw validationFailed([{ field: 'target.userId', message: 'it is already with this user', messageZh: '该诉求已由此人办理' }]);
      patch = { assigneeUserId: user.id, handlerCode: user.jurisdictionCode, handlerRole: user.role, department: null };
      to = { assigneeUserId: user.id, assigneeName: user.displayName, handlerCode: user.jurisdictionCode };
    } else if (target.kind === 'department') {
      const level = target.level ?? LEVEL_OF_LENGTH[levelOf(row.handlerCode) ?? 'county'] ?? 'county';
      const handlerCode = handlerCodeFor(row.jurisdictionCode, level);
      if (handlerCode === row.handlerCode && target.department === row.department) throw validationFailed([{ field: 'target.department', message: 'it is already with this department', messageZh: '该诉求已在此部门' }]);
      patch = { assigneeUserId: null, handlerCode, handlerRole: null, department: target.department };
      to = { handlerCode, department: target.department };
    } else if (target.kind === 'up') {
      const up = escalationTarget(row.handlerCode);
      if (!up) throw new AppError('conflict', 'It is already with the county; transfer it to a department or a user', '已在县级，请转给具体部门或人员');
      patch = { assigneeUserId: null, handlerCode: up, handlerRole: null, department: null };
      to = { handlerCode: up };
    } else {
      const place = target.jurisdictionCode;
      if (place === row.jurisdictionCode) throw validationFailed([{ field: 'target.jurisdictionCode', message: 'it is already there', messageZh: '诉求已在此地' }]);
      if (!isWithin(place, caller.scope) || !(await store.placeExists(tx, place))) throw validationFailed([{ field: 'target.jurisdictionCode', message: 'must be a place inside your jurisdiction', messageZh: '须为本辖区内的区划' }]);
      const routed = await route(tx, place, row.categoryCode);
      patch = { jurisdictionCode: place, assigneeUserId: routed.assignee?.id ?? null, handlerCode: routed.handlerCode, handlerRole: routed.handlerRole, department: routed.department };
      await ctx.attachments.relocate(tx, { kind: REQUEST_OWNER, id }, place);
      to = { jurisdictionCode: place, ...routeData(routed, await store.placeName(tx, routed.handlerCode)) };
    }
    const handlerCode = patch.handlerCode!;
    patch = { ...patch, state: 'transferred', nextEscalationAt: handlerCode.length > 6 ? graceAfter(now, category) : null };
    return { patch, note: body.reason, data: { kind: target.kind, from, to, handlerName: await store.placeName(tx, handlerCode) }, audit: { handler: { before: from, after: to } } };
  });
}

export function addNote(ctx: Ctx, caller: Caller, id: number, note: string, actor: Actor) {
  return step(ctx, caller, actor, id, 'note', async () => ({ patch: {}, note }));
}

/**
 * Merge a duplicate into the request that is kept: the duplicate points to it and is closed; its
 * timeline and attachments stay (the kept request shows them), its caller and followers become
 * the kept request's followers, and requests merged into it before now point to the kept one.
 */
export async function merge(ctx: Ctx, caller: Caller, sourceId: number, body: { intoId: number; reason: string }, actor: Actor): Promise<number> {
  if (sourceId === body.intoId) throw validationFailed([{ field: 'intoId', message: 'cannot merge a request into itself', messageZh: '不能与自身合并' }]);
  await ctx.db.transaction(async (tx) => {
    // Lock in id order, so two opposite merges cannot deadlock.
    const [first, second] = sourceId < body.intoId ? [sourceId, body.intoId] : [body.intoId, sourceId];
    const a = await store.findInScope(tx, first, caller.scope, true);
    const b = await store.findInScope(tx, second, caller.scope, true);
    if (!a || !b) throw REQUEST_NOT_FOUND();
    const source = a.id === sourceId ? a : b;
    const target = a.id === sourceId ? b : a;
    assertCan('merge', source.state as RequestState);
    if (target.state === 'merged') throw new AppError('conflict', `Request ${target.trackingCode} was itself merged; merge into the request it points to`, `诉求 ${target.trackingCode} 已被合并，请合并到其指向的诉求`);
    const now = ctx.now();
    const name = nameOf(caller, actor);
    await store.update(tx, source.id, { state: 'merged', mergedIntoId: target.id, closedAt: now, dueAt: null, nextEscalationAt: null }, now);
    await store.moveFollowers(tx, source.id, target.id);
    if (source.personId !== null || source.contactName !== null || source.contactPhoneEnc !== null) {
      await store.insertFollower(tx, { requestId: target.id, personId: source.personId, name: source.contactName, phoneEnc: source.contactPhoneEnc, sourceRequestId: source.id, addedBy: name, addedAt: now });
    }
    await store.repointMerged(tx, source.id, target.id);
    await store.update(tx, target.id, {}, now);
    const who = { at: now, actorUserId: userIdOf(caller), actorName: name, note: body.reason };
    await store.insertEvent(tx, { ...who, requestId: source.id, action: 'merged_into', fromState: source.state, toState: 'merged', data: { intoId: target.id, trackingCode: target.trackingCode } });
    await store.insertEvent(tx, { ...who, requestId: target.id, action: 'merge', fromState: null, toState: null, data: { fromId: source.id, trackingCode: source.trackingCode } });
    await ctx.audit.record(tx, actor, { action: 'help_request.merge', entity: 'help_request', entityId: source.id, jurisdictionCode: source.jurisdictionCode, changes: { mergedInto: { before: null, after: target.id } }, reason: body.reason });
  });
  return body.intoId;
}

/** The caller's full phone, to call them back; audited with the reason. */
export async function revealContact(ctx: Ctx, caller: Caller, id: number, reason: string, actor: Actor): Promise<{ field: string; value: string | null }> {
  return ctx.db.transaction(async (tx) => {
    const row = await loadInScope(tx, caller, id);
    let value = ctx.sensitive.decrypt(row.contactPhoneEnc);
    // The registry's own phone of the person is revealed only to those who may reveal it there.
    if (value === null && row.personId !== null && hasPermission(caller, 'persons.reveal')) value = ctx.sensitive.decrypt((await store.personInScope(tx, row.personId, ''))?.phoneEnc ?? null);
    await ctx.audit.record(tx, actor, { action: 'reveal', entity: 'help_request', entityId: id, jurisdictionCode: row.jurisdictionCode, changes: { contactPhone: { before: null, after: '(revealed)' } }, reason });
    return { field: 'contactPhone', value };
  });
}

// ── attachments ── (kept by the attachments module, owned by ('help_request', id); a merged
// request's files stay its own and show on the request it was merged into)

export function attach(ctx: Ctx, caller: Caller, id: number, file: { fileName: string; content: Buffer }, actor: Actor) {
  const checked = ctx.attachments.check({ content: file.content });
  return step(ctx, caller, actor, id, 'attach', async (tx, row) => {
    const stored = await ctx.attachments.put(tx, { kind: REQUEST_OWNER, id, jurisdictionCode: row.jurisdictionCode }, { content: file.content, fileName: file.fileName, checked }, userIdOf(caller));
    return { patch: {}, data: { attachmentId: stored.id, fileName: stored.fileName, mimeType: stored.mediaType, sizeBytes: stored.sizeBytes, sha256: stored.sha256 } };
  });
}

export async function download(ctx: Ctx, caller: Caller, id: number, attachmentId: number, actor: Actor) {
  const row = await loadInScope(ctx.db, caller, id);
  const ids = [id, ...(await store.mergedInto(ctx.db, id)).map((m) => m.id)];
  const file = await ctx.attachments.open([{ kind: REQUEST_OWNER, ids }], attachmentId, actor, { jurisdictionCode: row.jurisdictionCode, label: row.trackingCode });
  return { fileName: file.meta.fileName, mimeType: file.meta.mediaType, content: file.content };
}

/**
 * 主动发现: open a social-assistance case for the request's person through the cases service
 * (channel help_request, source_ref help_request:<id>), then link it here. The case is its own
 * transaction in the cases module; the link follows it (a failure in between leaves a case that
 * still names its request in source_ref).
 */
export async function openCase(ctx: Ctx, caller: Caller & { id: number }, id: number, body: OpenCaseBody, actor: Actor): Promise<{ caseId: number; caseNo: string }> {
  if (!ctx.cases) throw new AppError('unavailable', 'Cases are not available here', '救助案件功能不可用');
  // A case records the user who registered it; an API token is not one.
  if (caller.kind === 'token') throw new AppError('beyond_authority', 'Cases are opened by staff, not API tokens', '救助申请须由工作人员登记，接口令牌不能登记');
  assertPermission(caller, 'cases.register');
  const row = await loadInScope(ctx.db, caller, id);
  assertCan('open_case', row.state as RequestState);
  if (row.caseId !== null) throw new AppError('conflict', `This request already opened case ${row.caseId}`, `该诉求已转为救助申请（案件 ${row.caseId}）`);
  if (row.personId === null) throw validationFailed([{ field: 'personId', message: 'link the person concerned first', messageZh: '请先关联诉求人（人员）' }]);
  const parsed = CreateCaseBody.safeParse({ ...body, applicantPersonId: row.personId, channel: 'help_request', sourceRef: `help_request:${id}` });
  if (!parsed.success) {
    throw validationFailed(parsed.error.issues.map((i) => {
      const text = splitBilingual(i.message) ?? { en: i.message, zh: i.message };
      return { field: i.path.join('.') || 'program', message: text.en, messageZh: text.zh };
    }));
  }
  const opened = await ctx.cases.register({ ...caller, username: caller.username ?? actor.name }, parsed.data, actor);
  await step(ctx, caller, actor, id, 'open_case', async () => ({ patch: { caseId: opened.id }, data: { caseId: opened.id, caseNo: opened.caseNo, program: body.program } }));
  return { caseId: opened.id, caseNo: opened.caseNo };
}
