// Reading requests: lists, the detail with its timeline (including requests merged into it),
// duplicate suggestions, figures, 连心卡 caller lookup, assignee candidates and the public status.
import { ageOn } from '../../lib/age.ts';
import { todayLocal } from '../../lib/local-date.ts';
import { notFound } from '../../platform/errors.ts';
import * as categories from './categories.store.ts';
import { loadInScope, REQUEST_OWNER, type Caller, type Ctx } from './context.ts';
import { isOpen, metresBetween } from './flow.ts';
import { handlerRoles, type Intaken } from './intake.ts';
import * as store from './requests.store.ts';
import { DUPLICATE_WINDOW_DAYS, type ListRequestsQuery, type PublicStatus, type RequestDetail, type RequestState, type RequestSummary } from './requests.schema.ts';
import type { z } from 'zod';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function summaryOf(row: store.ListRow, now: Date): RequestSummary {
  return {
    id: row.id,
    trackingCode: row.trackingCode,
    channel: row.channel as RequestSummary['channel'],
    categoryCode: row.categoryCode,
    categoryName: row.categoryName,
    state: row.state as RequestState,
    description: row.description,
    personName: row.personName,
    contactName: row.contactName,
    jurisdictionCode: row.jurisdictionCode,
    jurisdictionName: row.jurisdictionName,
    address: row.address,
    handlerCode: row.handlerCode,
    department: row.department,
    assignee: row.assigneeUserId !== null ? { id: row.assigneeUserId, displayName: row.assigneeName ?? '' } : null,
    dueAt: iso(row.dueAt),
    overdue: isOpen(row.state) && row.dueAt !== null && row.dueAt < now,
    escalationLevel: row.escalationLevel,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export async function listRequests(ctx: Ctx, caller: Caller, q: z.output<typeof ListRequestsQuery>) {
  await ctx.ready();
  const now = ctx.now();
  const term = q.q?.trim();
  const isCode = term !== undefined && /^[0-9A-Za-z]{4}-?[0-9A-Za-z]{4}$/.test(term);
  const trackingCode = isCode ? `${term.slice(0, 4)}-${term.slice(-4)}`.toUpperCase() : undefined;
  const page = await store.list(ctx.db, {
    scope: caller.scope,
    status: trackingCode ? 'all' : q.status,
    state: q.state,
    category: q.category,
    channel: q.channel,
    under: q.under,
    overdueAt: q.overdue === 'true' ? now : undefined,
    assigneeId: q.mine === 'true' ? (caller.kind === 'token' ? -1 : (caller.id ?? -1)) : undefined,
    councilMeetingId: q.councilMeetingId,
    trackingCode,
    text: isCode || !term ? undefined : term,
    limit: q.limit,
    offset: q.offset,
  });
  return { items: page.items.map((r) => summaryOf(r, now)), total: page.total, totalCapped: page.totalCapped };
}

/** Suggested duplicates: the same category and the same person, the same place, or within 200 m, in the last days. */
export async function duplicatesOf(ctx: Ctx, caller: Caller, row: store.RequestRow) {
  const since = new Date(row.createdAt.getTime() - DUPLICATE_WINDOW_DAYS * 86_400_000);
  const candidates = await store.duplicateCandidates(ctx.db, row, caller.scope, since);
  return candidates
    .map((c) => {
      const reason: 'same_person' | 'same_place' | 'nearby' | null = row.personId !== null && c.personId === row.personId && c.categoryCode === row.categoryCode ? 'same_person'
        : c.jurisdictionCode === row.jurisdictionCode && c.categoryCode === row.categoryCode ? 'same_place'
        : row.lat !== null && row.long !== null && c.lat !== null && c.long !== null && c.categoryCode === row.categoryCode && metresBetween({ lat: row.lat, long: row.long }, { lat: c.lat, long: c.long }) <= 200 ? 'nearby'
        : null;
      return reason ? { id: c.id, trackingCode: c.trackingCode, state: c.state as RequestState, description: c.description, createdAt: c.createdAt.toISOString(), reason } : null;
    })
    .filter((x) => x !== null);
}

export async function requestDetail(ctx: Ctx, caller: Caller, id: number): Promise<RequestDetail> {
  await ctx.ready();
  const now = ctx.now();
  const row = await loadInScope(ctx.db, caller, id);
  const merged = await store.mergedInto(ctx.db, id);
  const ids = [id, ...merged.map((m) => m.id)];
  const [category, jurisdiction, handler, person, assignee, events, followers, attachments, mergedIntoCode, duplicates] = await Promise.all([
    ctx.category(row.categoryCode),
    ctx.place(row.jurisdictionCode),
    ctx.place(row.handlerCode),
    row.personId !== null ? store.personInScope(ctx.db, row.personId, '') : Promise.resolve(undefined),
    row.assigneeUserId !== null ? store.userById(ctx.db, row.assigneeUserId) : Promise.resolve(undefined),
    store.eventsOf(ctx.db, ids),
    store.followersOf(ctx.db, id),
    ctx.attachments.list([{ kind: REQUEST_OWNER, ids }]),
    row.mergedIntoId !== null ? store.trackingCodeOf(ctx.db, row.mergedIntoId) : Promise.resolve(undefined),
    isOpen(row.state) ? duplicatesOf(ctx, caller, row) : Promise.resolve([]),
  ]);
  return detailOf(ctx, row, { merged, category, jurisdictionName: jurisdiction.name, handlerName: handler.name, person, assignee, events, followers, attachments, mergedIntoCode, duplicates }, now);
}

/** A request just registered, from what intake read and wrote: only its likely duplicates are read (issue #23). */
export async function newRequestDetail(ctx: Ctx, caller: Caller, got: Intaken): Promise<RequestDetail> {
  const duplicates = isOpen(got.row.state) ? await duplicatesOf(ctx, caller, got.row) : [];
  return detailOf(ctx, got.row, {
    merged: [], category: got.category, jurisdictionName: got.placeName, handlerName: got.handlerName, person: got.person, assignee: got.assignee ?? undefined,
    events: got.events, followers: [], attachments: [], mergedIntoCode: undefined, duplicates,
  }, ctx.now());
}

type DetailParts = {
  merged: { id: number; trackingCode: string }[];
  category: { nameZh: string } | undefined;
  jurisdictionName: string | null;
  handlerName: string | null;
  person: { id: number; name: string; phoneEnc: string | null; contactCardNo: string | null } | undefined;
  assignee: { displayName: string } | undefined;
  events: store.EventRow[];
  followers: Awaited<ReturnType<typeof store.followersOf>>;
  attachments: Awaited<ReturnType<Ctx['attachments']['list']>>;
  mergedIntoCode: string | undefined;
  duplicates: Awaited<ReturnType<typeof duplicatesOf>>;
};

function detailOf(ctx: Ctx, row: store.RequestRow, { merged, category, jurisdictionName, handlerName, person, assignee, events, followers, attachments, mergedIntoCode, duplicates }: DetailParts, now: Date): RequestDetail {
  const summary = summaryOf({ ...row, jurisdictionName, categoryName: category?.nameZh ?? row.categoryCode, personName: person?.name ?? null, assigneeName: assignee?.displayName ?? null }, now);
  return {
    ...summary,
    person: person ? { id: person.id, name: person.name, phoneMasked: ctx.sensitive.masked('phone', person.phoneEnc), contactCardNo: person.contactCardNo } : null,
    lat: row.lat,
    long: row.long,
    contactPhoneMasked: ctx.sensitive.masked('phone', row.contactPhoneEnc),
    mediaUrl: row.mediaUrl,
    handlerName,
    handlerRole: row.handlerRole,
    councilMeetingId: row.councilMeetingId,
    caseId: row.caseId,
    mergedInto: row.mergedIntoId !== null ? { id: row.mergedIntoId, trackingCode: mergedIntoCode ?? '' } : null,
    merged,
    responseDueAt: row.responseDueAt.toISOString(),
    resolutionDueAt: row.resolutionDueAt.toISOString(),
    nextEscalationAt: iso(row.nextEscalationAt),
    respondedAt: iso(row.respondedAt),
    resolvedAt: iso(row.resolvedAt),
    closedAt: iso(row.closedAt),
    resolutionNote: row.resolutionNote,
    satisfaction: row.satisfaction,
    satisfactionComment: row.satisfactionComment,
    visitedAt: iso(row.visitedAt),
    submittedBy: row.submittedBy,
    version: row.version,
    events: events.map((e) => ({ id: e.id, requestId: e.requestId, at: e.at.toISOString(), actorName: e.actorName, action: e.action, fromState: e.fromState, toState: e.toState, note: e.note, data: (e.data as Record<string, unknown> | null) ?? null })),
    followers: followers.map((f) => ({ id: f.id, name: f.name, phoneMasked: ctx.sensitive.masked('phone', f.phoneEnc), personId: f.personId, sourceTrackingCode: f.sourceTrackingCode, addedAt: f.addedAt.toISOString() })),
    attachments: attachments.map((a) => ({ id: a.id, requestId: a.ownerId, fileName: a.fileName, mimeType: a.mediaType, sizeBytes: a.sizeBytes, createdAt: a.createdAt.toISOString() })),
    duplicates,
  };
}

export async function figuresOf(ctx: Ctx, caller: Caller, under?: string) {
  const f = await store.figures(ctx.db, caller.scope, under, ctx.now(), caller.jurisdictionCode ?? caller.scope);
  const open = ['new', 'assigned', 'in_progress', 'returned', 'transferred'].reduce((n, s) => n + (f.byState[s] ?? 0), 0);
  return { open, overdue: f.overdue, escalated: f.escalated, awaitingFollowUp: f.byState.resolved ?? 0, byState: f.byState };
}

/** 连心卡: who is calling, by card number or phone, with their grid worker(s). */
export async function findCallers(ctx: Ctx, caller: Caller, q: { cardNo?: string | undefined; phone?: string | undefined }) {
  const phone = q.phone?.replace(/[\s]/g, '');
  const rows = await store.callers(ctx.db, caller.scope, { cardNo: q.cardNo || undefined, phoneIndex: phone ? ctx.sensitive.index('phone', phone) : undefined });
  const today = todayLocal(ctx.now());
  return {
    items: await Promise.all(rows.map(async (p) => ({
      id: p.id,
      name: p.name,
      age: p.birthDate ? ageOn(p.birthDate, today) : null,
      phoneMasked: ctx.sensitive.masked('phone', p.phoneEnc),
      contactCardNo: p.contactCardNo,
      jurisdictionCode: p.jurisdictionCode,
      jurisdictionName: p.jurisdictionName,
      address: p.address,
      tags: p.tags,
      gridWorkers: (await store.usersCovering(ctx.db, p.jurisdictionCode, ['grid_worker'])).filter((u) => u.jurisdictionCode === p.jurisdictionCode).map((u) => ({ id: u.id, displayName: u.displayName })),
      openRequests: p.openRequests,
    }))),
  };
}

/** Who may be handed requests at a place: users above it (covering it) and, for supervisors, under it. */
export async function assignees(ctx: Ctx, caller: Caller, code: string | undefined) {
  const place = code ?? caller.scope;
  if (place === '' || !place.startsWith(caller.scope)) return { items: [] };
  const roles = handlerRoles();
  const [covering, under] = await Promise.all([store.usersCovering(ctx.db, place, roles), store.usersUnder(ctx.db, place, roles)]);
  const seen = new Set<number>();
  const items = [...covering, ...under]
    .filter((u) => !seen.has(u.id) && seen.add(u.id))
    .map((u) => ({ id: u.id, displayName: u.displayName, jurisdictionCode: u.jurisdictionCode ?? '', jurisdictionName: u.jurisdictionName, roles: u.roles, openAssigned: u.openAssigned }));
  return { items };
}

// ── public ──
const TRACKING_NOT_FOUND = () => notFound('Request with this tracking code', '该查询码对应的诉求');

/** The status a resident may see by tracking code: no description, place detail, names or phones. */
export async function publicStatus(ctx: Ctx, trackingCode: string): Promise<PublicStatus> {
  let row = await store.findByTracking(ctx.db, trackingCode);
  if (!row) throw TRACKING_NOT_FOUND();
  const asked = row;
  // A merged request answers with the one it was merged into.
  for (let hops = 0; row.state === 'merged' && row.mergedIntoId !== null && hops < 5; hops++) {
    const kept = await store.findById(ctx.db, row.mergedIntoId);
    if (!kept) break;
    row = kept;
  }
  const [category, handledBy, events] = await Promise.all([
    categories.findCategory(ctx.db, row.categoryCode),
    store.placeName(ctx.db, row.handlerCode.slice(0, Math.min(row.handlerCode.length, 12))),
    store.eventsOf(ctx.db, [row.id]),
  ]);
  return {
    trackingCode: asked.trackingCode,
    categoryName: category?.nameZh ?? row.categoryCode,
    categoryNameEn: category?.nameEn ?? row.categoryCode,
    state: row.state as RequestState,
    submittedAt: asked.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    expectedBy: isOpen(row.state) ? row.resolutionDueAt.toISOString() : null,
    handledBy,
    answered: row.state === 'resolved' || row.state === 'visited',
    mergedInto: asked.id !== row.id ? row.trackingCode : null,
    steps: events.filter((e) => e.toState !== null).map((e) => ({ at: e.at.toISOString(), state: e.toState as RequestState })),
  };
}
