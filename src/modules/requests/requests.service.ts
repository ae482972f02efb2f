// The help-requests service: one object over the parts (intake, handling steps, escalation,
// council meetings, settings, queries, Open311 and the public face). Each action returns the
// request as the caller now sees it.
import type { Actor } from '../audit/audit.service.ts';
import * as actions from './actions.ts';
import { addMeetingItems, createMeeting, listMeetings, meetingReport } from './council.ts';
import { createContext, loadInScope, nameOf, type Caller, type RequestsDeps } from './context.ts';
import { escalateJob, escalateOverdue } from './escalation.ts';
import { intake, intakeWithParts } from './intake.ts';
import * as open311 from './open311.ts';
import { assignees, duplicatesOf, figuresOf, findCallers, listRequests, newRequestDetail, publicStatus, requestDetail } from './queries.ts';
import * as settings from './settings.ts';
import * as store from './requests.store.ts';
import type {
  CategoryBody, CouncilItemInput, CreateMeetingBody, CreateRequestBody, FollowUpBody, ListRequestsQuery, OpenCaseBody, PublicSubmitBody, RoutingRuleBody, TransferBody,
} from './requests.schema.ts';
import type { z } from 'zod';

export type RequestsService = ReturnType<typeof createRequestsService>;
type ListQuery = z.output<typeof ListRequestsQuery>;

/** Who a public submission is recorded as. */
const PUBLIC_CALLER: Caller = { id: null, username: 'public', displayName: '群众（网上提交）', roles: [], scope: '', kind: 'token' };

export function createRequestsService(deps: RequestsDeps) {
  const ctx = createContext(deps);
  const then = (caller: Caller) => (id: number) => requestDetail(ctx, caller, id);
  const job = escalateJob(ctx);

  return {
    jobs: [job],
    escalateJob: job,
    /** Run escalation now (the job's work), at the service's clock. */
    escalateOverdue: () => escalateOverdue(ctx),

    // ── intake and reading ──
    create: async (caller: Caller, body: CreateRequestBody, actor: Actor) => {
      await ctx.ready();
      const got = await ctx.db.transaction((tx) => intakeWithParts(ctx, tx, caller, body, actor, nameOf(caller, actor)));
      return newRequestDetail(ctx, caller, got);
    },
    get: (caller: Caller, id: number) => requestDetail(ctx, caller, id),
    list: (caller: Caller, q: ListQuery) => listRequests(ctx, caller, q),
    figures: (caller: Caller, under?: string) => figuresOf(ctx, caller, under),
    duplicates: async (caller: Caller, id: number) => ({ items: await duplicatesOf(ctx, caller, await loadInScope(ctx.db, caller, id)) }),
    callers: (caller: Caller, q: { cardNo?: string | undefined; phone?: string | undefined }) => findCallers(ctx, caller, q),
    assignees: (caller: Caller, code?: string) => assignees(ctx, caller, code),

    // ── handling ──
    assign: (caller: Caller, id: number, body: { userId: number; note?: string | undefined }, actor: Actor) => actions.assign(ctx, caller, id, body, actor).then(then(caller)),
    take: (caller: Caller, id: number, note: string | undefined, actor: Actor) => actions.take(ctx, caller, id, note, actor).then(then(caller)),
    resolve: (caller: Caller, id: number, note: string, actor: Actor) => actions.resolve(ctx, caller, id, note, actor).then(then(caller)),
    followUp: (caller: Caller, id: number, body: FollowUpBody, actor: Actor) => actions.followUp(ctx, caller, id, body, actor).then(then(caller)),
    // A transfer keeps the request inside the caller's area (another place must be inside it too).
    transfer: (caller: Caller, id: number, body: TransferBody, actor: Actor) => actions.transfer(ctx, caller, id, body, actor).then(then(caller)),
    note: (caller: Caller, id: number, note: string, actor: Actor) => actions.addNote(ctx, caller, id, note, actor).then(then(caller)),
    merge: (caller: Caller, id: number, body: { intoId: number; reason: string }, actor: Actor) => actions.merge(ctx, caller, id, body, actor).then(then(caller)),
    revealContact: (caller: Caller, id: number, reason: string, actor: Actor) => actions.revealContact(ctx, caller, id, reason, actor),
    attach: (caller: Caller, id: number, file: { fileName: string; content: Buffer }, actor: Actor) => actions.attach(ctx, caller, id, file, actor).then(then(caller)),
    download: (caller: Caller, id: number, attachmentId: number, actor: Actor) => actions.download(ctx, caller, id, attachmentId, actor),
    openCase: async (caller: Caller & { id: number }, id: number, body: OpenCaseBody, actor: Actor) => {
      const opened = await actions.openCase(ctx, caller, id, body, actor);
      return { ...opened, request: await requestDetail(ctx, caller, id) };
    },

    // ── council meetings ──
    createMeeting: async (caller: Caller, body: CreateMeetingBody, actor: Actor) => meetingReport(ctx, caller, await createMeeting(ctx, caller, body, actor)),
    addMeetingItems: async (caller: Caller, id: number, items: CouncilItemInput[], actor: Actor) => meetingReport(ctx, caller, await addMeetingItems(ctx, caller, id, items, actor)),
    meetings: (caller: Caller, q: { under?: string | undefined; limit: number; offset: number }) => listMeetings(ctx, caller, q),
    meeting: (caller: Caller, id: number) => meetingReport(ctx, caller, id),

    // ── settings ──
    categories: async (activeOnly = false) => ({ items: await settings.listCategories(ctx, activeOnly) }),
    saveCategory: (caller: Caller, code: string, body: CategoryBody, actor: Actor) => settings.saveCategory(ctx, caller, code, body, actor),
    rules: (caller: Caller) => settings.listRules(ctx, caller),
    saveRule: (caller: Caller, body: RoutingRuleBody, actor: Actor) => settings.saveRule(ctx, caller, body, actor),
    deleteRule: (caller: Caller, id: number, actor: Actor) => settings.deleteRule(ctx, caller, id, actor),

    // ── public face ──
    /** A resident's own submission: anywhere, recorded as the public; answers with the tracking status only. */
    submitPublic: async (body: PublicSubmitBody, actor: Actor) => {
      await ctx.ready();
      const row = await ctx.db.transaction((tx) => intake(ctx, tx, PUBLIC_CALLER, { ...body, channel: 'public_web' }, actor, PUBLIC_CALLER.displayName!));
      return publicStatus(ctx, row.trackingCode);
    },
    track: (trackingCode: string) => publicStatus(ctx, trackingCode),
    publicCategories: async () => ({
      items: (await settings.listCategories(ctx, true)).map((c) => ({ code: c.code, nameZh: c.nameZh, nameEn: c.nameEn, descriptionZh: c.descriptionZh, resolutionHours: c.resolutionHours })),
    }),
    publicPlaces: (parent?: string) => store.publicPlaces(ctx.db, parent),

    // ── Open311 GeoReport v2 ──
    open311: {
      services: () => open311.geoServices(ctx),
      service: (code: string) => open311.geoServiceDefinition(ctx, code),
      create: (caller: Caller, input: open311.GeoPostInput, actor: Actor) => open311.geoCreate(ctx, caller, input, actor),
      query: (caller: Caller | null, q: open311.GeoQuery) => open311.geoQuery(ctx, caller, q),
      one: (caller: Caller | null, id: string) => open311.geoOne(ctx, caller, id),
    },
  };
}
