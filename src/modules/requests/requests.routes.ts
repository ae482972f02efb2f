// Thin routes for help requests: authenticate → permission → validate → service → present. The
// public routes (submit and track, no login) are rate-limited per client address.
import { rateLimitedError } from '../../platform/http/rate-limit.ts';
import { z } from 'zod';
import type { ZodApp } from '../../platform/http/types.ts';
import type { RouteModule } from '../../app/types.ts';
import { ApiErrorBody } from '../../lib/api-error.schema.ts';
import { actorOf, callerOf } from '../auth/auth.hook.ts';
import { requestPermissions as can } from './requests.policy.ts';
import { ACCEPTED_TYPES, MAX_ATTACHMENT_BYTES } from '../attachments/index.ts';
import {
  AddItemsBody, AssigneeList, AssigneesQuery, AssignBody, AttachmentParams, CallerList, CallerQuery, CategoryBody, CategoryList, CategoryParams,
  Category, CreateMeetingBody, CreateRequestBody, DuplicateSuggestion, FollowUpBody, ListMeetingsQuery, ListRequestsQuery, MeetingIdParams,
  MeetingList, MeetingReport, MergeBody, NoteBody, OpenCaseBody, OptionalNoteBody, PublicCategoryList, PublicPlaceList, PublicPlacesQuery,
  PublicStatus, PublicSubmitBody, RequestDetail, RequestFigures, RequestIdParams, RequestList, ResolveBody, RevealContactBody, RoutingRule,
  RoutingRuleBody, RoutingRuleList, RoutingRuleParams, TrackingParams, TransferBody,
} from './requests.schema.ts';
import { CodeParam } from '../jurisdictions/jurisdictions.schema.ts';

const errors = { 400: ApiErrorBody, 401: ApiErrorBody, 403: ApiErrorBody, 404: ApiErrorBody, 409: ApiErrorBody };
const tags = ['requests'];
const disposition = (name: string) => `attachment; filename="${encodeURIComponent(name)}"; filename*=UTF-8''${encodeURIComponent(name)}`;

export const requestRoutes: RouteModule = (app, deps) => {
  // Encapsulated: the attachment parser below is added here only if no other module added it.
  app.register(async (scope) => registerRoutes(scope as unknown as ZodApp, deps));
};

function registerRoutes(app: ZodApp, { services, config }: Parameters<RouteModule>[1]) {
  const requests = services.requests;
  const missing = ACCEPTED_TYPES.photo_or_pdf.filter((t) => !app.hasContentTypeParser(t));
  if (missing.length) app.addContentTypeParser(missing, { parseAs: 'buffer', bodyLimit: MAX_ATTACHMENT_BYTES + 1024 }, (_req, body, done) => done(null, body));
  const p = (permission: string) => ({ config: { permission } });
  const byId = { params: RequestIdParams, response: { 200: RequestDetail, ...errors } };

  app.get('/requests', { ...p(can.read), schema: { tags, summary: 'Help requests in your area: open ones overdue first / 群众诉求列表', querystring: ListRequestsQuery, response: { 200: RequestList, ...errors } } },
    async (request) => requests.list(callerOf(request), request.query));

  app.post('/requests', { ...p(can.intake), schema: { tags, summary: 'Record a request (连心卡 call, patrol, walk-in); routed at once / 登记群众诉求', body: CreateRequestBody, response: { 201: RequestDetail, ...errors } } },
    async (request, reply) => reply.status(201).send(await requests.create(callerOf(request), request.body, actorOf(request))));

  app.get('/requests/figures', { ...p(can.read), schema: { tags, summary: 'Open, overdue, escalated and awaiting follow-up in your area / 诉求办理统计', querystring: z.object({ under: CodeParam.optional() }), response: { 200: RequestFigures, ...errors } } },
    async (request) => requests.figures(callerOf(request), request.query.under));

  app.get('/requests/callers', { ...p(can.handle), schema: { tags, summary: '连心卡: find the caller by card number or phone / 按连心卡号或电话查找来电人', querystring: CallerQuery, response: { 200: CallerList, ...errors } } },
    async (request) => requests.callers(callerOf(request), request.query));

  app.get('/requests/assignees', { ...p(can.read), schema: { tags, summary: 'Users who can be handed requests at a place / 可派单人员', querystring: AssigneesQuery, response: { 200: AssigneeList, ...errors } } },
    async (request) => requests.assignees(callerOf(request), request.query.jurisdictionCode));

  app.get('/requests/:id', { ...p(can.read), schema: { tags, summary: 'A request with its timeline, followers, attachments and likely duplicates / 诉求详情', ...byId } },
    async (request) => requests.get(callerOf(request), request.params.id));

  app.get('/requests/:id/duplicates', { ...p(can.read), schema: { tags, summary: 'Likely duplicates: same person, or same place and category, recently / 疑似重复诉求', params: RequestIdParams, response: { 200: z.object({ items: z.array(DuplicateSuggestion) }), ...errors } } },
    async (request) => requests.duplicates(callerOf(request), request.params.id));

  app.post('/requests/:id/assign', { ...p(can.dispatch), schema: { tags, summary: 'Assign or re-assign to a user / 派单、改派', body: AssignBody, ...byId } },
    async (request) => requests.assign(callerOf(request), request.params.id, request.body, actorOf(request)));

  app.post('/requests/:id/take', { ...p(can.handle), schema: { tags, summary: 'Take it up: in progress / 接单', body: OptionalNoteBody, ...byId } },
    async (request) => requests.take(callerOf(request), request.params.id, request.body.note, actorOf(request)));

  app.post('/requests/:id/resolve', { ...p(can.handle), schema: { tags, summary: 'Resolved, with what was done / 办结', body: ResolveBody, ...byId } },
    async (request) => requests.resolve(callerOf(request), request.params.id, request.body.note, actorOf(request)));

  app.post('/requests/:id/follow-up', { ...p(can.handle), schema: { tags, summary: 'Follow-up with the caller: satisfaction 1–5; not solved returns it / 回访', body: FollowUpBody, ...byId } },
    async (request) => requests.followUp(callerOf(request), request.params.id, request.body, actorOf(request)));

  app.post('/requests/:id/transfer', { ...p(can.handle), schema: { tags, summary: 'Transfer to a user, a department, one level up or another place, with a reason / 转办', body: TransferBody, ...byId } },
    async (request) => requests.transfer(callerOf(request), request.params.id, request.body, actorOf(request)));

  app.post('/requests/:id/notes', { ...p(can.handle), schema: { tags, summary: 'Add a note to the timeline / 补充办理情况', body: NoteBody, ...byId } },
    async (request) => requests.note(callerOf(request), request.params.id, request.body.note, actorOf(request)));

  app.post('/requests/:id/merge', { ...p(can.dispatch), schema: { tags, summary: 'Merge this duplicate into another request (kept) / 合并重复诉求', body: MergeBody, ...byId } },
    async (request) => requests.merge(callerOf(request), request.params.id, request.body, actorOf(request)));

  app.post('/requests/:id/reveal-contact', { ...p(can.reveal), schema: { tags, summary: 'The caller’s full phone to call back, with a reason (audited) / 查看诉求人电话', params: RequestIdParams, body: RevealContactBody, response: { 200: z.object({ field: z.string(), value: z.string().nullable() }), ...errors } } },
    async (request) => requests.revealContact(callerOf(request), request.params.id, request.body.reason, actorOf(request)));

  app.post('/requests/:id/open-case', {
    ...p(can.handle),
    schema: { tags, summary: 'Open a social-assistance case for the person (主动发现, channel help_request); needs cases.register too / 转救助申请', params: RequestIdParams, body: OpenCaseBody, response: { 201: z.object({ caseId: z.number().int(), caseNo: z.string(), request: RequestDetail }), ...errors } },
  }, async (request, reply) => {
    const caller = callerOf(request);
    return reply.status(201).send(await requests.openCase({ ...caller, id: caller.id }, request.params.id, request.body, actorOf(request)));
  });

  app.post('/requests/:id/attachments', {
    ...p(can.handle),
    bodyLimit: MAX_ATTACHMENT_BYTES + 1024,
    schema: { tags, summary: 'Attach a photo or PDF (raw body, ≤ 5 MB, stored encrypted) / 上传附件', params: RequestIdParams, querystring: z.object({ fileName: z.string().trim().min(1).max(200) }), body: z.any().describe('the file bytes'), response: { 200: RequestDetail, ...errors, 413: ApiErrorBody, 415: ApiErrorBody } },
  }, async (request) => {
    const content = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
    return requests.attach(callerOf(request), request.params.id, { fileName: request.query.fileName, content }, actorOf(request));
  });

  app.get('/requests/:id/attachments/:attachmentId', { ...p(can.read), schema: { tags, summary: 'Download an attachment (audited) / 下载附件', params: AttachmentParams, response: { 200: { description: 'the file', content: { 'application/octet-stream': { schema: z.string() } } }, ...errors } } },
    async (request, reply) => {
      const file = await requests.download(callerOf(request), request.params.id, request.params.attachmentId, actorOf(request));
      return reply.type(file.mimeType).header('content-disposition', disposition(file.fileName)).send(file.content as never);
    });

  // ── resident council meetings ──
  app.get('/council-meetings', { ...p(can.read), schema: { tags, summary: 'Resident council meetings in your area / 民意直通车议事会', querystring: ListMeetingsQuery, response: { 200: MeetingList, ...errors } } },
    async (request) => requests.meetings(callerOf(request), request.query));

  app.post('/council-meetings', { ...p(can.intake), schema: { tags, summary: 'Record a meeting; each item becomes a tracked request with an owner / 登记议事会', body: CreateMeetingBody, response: { 201: MeetingReport, ...errors } } },
    async (request, reply) => reply.status(201).send(await requests.createMeeting(callerOf(request), request.body, actorOf(request))));

  app.get('/council-meetings/:id', { ...p(can.read), schema: { tags, summary: 'The meeting report: every item with its state / 议事会事项办理报告', params: MeetingIdParams, response: { 200: MeetingReport, ...errors } } },
    async (request) => requests.meeting(callerOf(request), request.params.id));

  app.post('/council-meetings/:id/items', { ...p(can.intake), schema: { tags, summary: 'Add items raised at the meeting / 补充议事事项', params: MeetingIdParams, body: AddItemsBody, response: { 200: MeetingReport, ...errors } } },
    async (request) => requests.addMeetingItems(callerOf(request), request.params.id, request.body.items, actorOf(request)));

  // ── categories and routing rules ──
  app.get('/request-categories', { ...p(can.read), schema: { tags, summary: 'Categories with their response and resolution limits / 诉求类别与办理时限', response: { 200: CategoryList, ...errors } } },
    async () => requests.categories());

  app.put('/request-categories/:code', { ...p(can.categories), schema: { tags, summary: 'Create or change a category (new limits apply to new requests) / 设置诉求类别', params: CategoryParams, body: CategoryBody, response: { 200: Category, ...errors } } },
    async (request) => requests.saveCategory(callerOf(request), request.params.code, request.body, actorOf(request)));

  app.get('/request-routes', { ...p(can.read), schema: { tags, summary: 'Routing rules in your area (the most specific place wins) / 诉求分派规则', response: { 200: RoutingRuleList, ...errors } } },
    async (request) => requests.rules(callerOf(request)));

  app.post('/request-routes', { ...p(can.routing), schema: { tags, summary: 'Set the rule for a category and place / 设置分派规则', body: RoutingRuleBody, response: { 200: RoutingRule, ...errors } } },
    async (request) => requests.saveRule(callerOf(request), request.body, actorOf(request)));

  app.delete('/request-routes/:id', { ...p(can.routing), schema: { tags, summary: 'Remove a routing rule / 删除分派规则', params: RoutingRuleParams, response: { 204: z.null().describe('removed'), ...errors } } },
    async (request, reply) => {
      await requests.deleteRule(callerOf(request), request.params.id, actorOf(request));
      return reply.status(204).send(null);
    });

  // ── public: no login, nothing personal comes back, rate-limited per address ──
  const limited = (what: string, whatZh: string) => ({
    public: true,
    rateLimit: {
      max: config.publicRequestPerMinute,
      timeWindow: 60_000,
      errorResponseBuilder: rateLimitedError({ en: what, zh: whatZh }),
    },
  });
  const publicTags = ['requests (public)'];

  app.get('/public/requests/categories', { config: { public: true }, schema: { tags: publicTags, summary: 'Categories residents can choose / 可提交的诉求类别', response: { 200: PublicCategoryList, 429: ApiErrorBody } } },
    async () => requests.publicCategories());

  app.get('/public/requests/places', { config: { public: true }, schema: { tags: publicTags, summary: 'Places to choose from: counties, or the children of one / 可选地点', querystring: PublicPlacesQuery, response: { 200: PublicPlaceList, 400: ApiErrorBody, 429: ApiErrorBody } } },
    async (request) => requests.publicPlaces(request.query.parent));

  app.post('/public/requests', { config: limited('submissions', '提交'), schema: { tags: publicTags, summary: 'Submit a request; the answer is its tracking code and status / 提交诉求', body: PublicSubmitBody, response: { 201: PublicStatus, 400: ApiErrorBody, 429: ApiErrorBody } } },
    async (request, reply) => reply.status(201).send(await requests.submitPublic(request.body, actorOf(request))));

  app.get('/public/requests/:trackingCode', { config: limited('lookups', '查询'), schema: { tags: publicTags, summary: 'Status by tracking code (no personal data) / 凭查询码查询办理进度', params: TrackingParams, response: { 200: PublicStatus, 400: ApiErrorBody, 404: ApiErrorBody, 429: ApiErrorBody } } },
    async (request) => requests.track(request.params.trackingCode));
}
