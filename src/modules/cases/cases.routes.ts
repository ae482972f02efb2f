// Thin routes for assistance cases: authenticate → permission → validate → service → present.
import { z } from 'zod';
import type { RouteModule } from '../../app/types.ts';
import { ApiErrorBody } from '../../lib/api-error.schema.ts';
import { actorOf, callerOf } from '../auth/auth.hook.ts';
import { casePermissions as can } from './cases.policy.ts';
import { MAX_ATTACHMENT_BYTES } from './attachments.ts';
import {
  ApproveBody, AssignBody, OverrideList, OverridesQuery, AttachmentParams, AttachmentQuery, Case, CaseIdParams, CaseList, CreateCaseBody, Dashboard, DashboardQuery,
  DueReview, DueReviewsQuery, ExceptionBody, ListQuery, MaterialsBody, MaterialsList, MaterialsQuery, NoteBody, NoticeServedBody,
  ObjectionBody, OpenedReview, OpenReviewsBody, OpinionBody, PageQuery, PrepayBody, PublicityQuery, ReasonBody, ReopenBody, VisitBody,
} from './cases.schema.ts';

const errors = { 400: ApiErrorBody, 401: ApiErrorBody, 403: ApiErrorBody, 404: ApiErrorBody, 409: ApiErrorBody };
const tags = ['cases'];
const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'];
const binary = (type: string, what: string) => ({ 200: { description: what, content: { [type]: { schema: z.string() } } } });
const disposition = (name: string) => `attachment; filename="${encodeURIComponent(name)}"; filename*=UTF-8''${encodeURIComponent(name)}`;

export const caseRoutes: RouteModule = (app, { services }) => {
  const cases = services.cases;
  // Photos and scans arrive as the raw body (octet-stream is already parsed by the imports routes).
  app.addContentTypeParser(IMAGE_TYPES, { parseAs: 'buffer', bodyLimit: MAX_ATTACHMENT_BYTES + 1024 }, (_req, body, done) => done(null, body));
  const p = (permission: string) => ({ config: { permission } });
  const byId = { params: CaseIdParams, response: { 200: Case, ...errors } };

  app.get('/cases/materials', { ...p(can.read), schema: { tags, summary: 'Materials each program asks for / 各救助项目申请材料清单', querystring: MaterialsQuery, response: { 200: MaterialsList, ...errors } } },
    async (request) => ({ items: cases.materials(request.query.program, request.query.category) }));

  app.get('/cases', { ...p(can.read), schema: { tags, summary: 'Cases in your area / 救助案件列表', querystring: ListQuery, response: { 200: CaseList, ...errors } } },
    async (request) => cases.list(callerOf(request), request.query));

  app.post('/cases', { ...p(can.register), schema: { tags, summary: 'Register an application (受理) / 登记救助申请', body: CreateCaseBody, response: { 201: Case, ...errors } } },
    async (request, reply) => reply.status(201).send(await cases.register(callerOf(request), request.body, actorOf(request))));

  app.get('/cases/queue', { ...p(can.read), schema: { tags, summary: 'My work queue: overdue first, then by due date / 待我办理', querystring: PageQuery, response: { 200: CaseList, ...errors } } },
    async (request) => cases.queue(callerOf(request), request.query));

  app.get('/cases/dashboard', { ...p(can.dashboard), schema: { tags, summary: 'Open cases by township and step, overdue counts / 案件办理统计', querystring: DashboardQuery, response: { 200: Dashboard, ...errors } } },
    async (request) => cases.dashboard(callerOf(request), request.query.under));

  app.get('/cases/reviews/due', { ...p(can.read), schema: { tags, summary: 'Approved cases due for review / 到期复核', querystring: DueReviewsQuery, response: { 200: z.object({ items: z.array(DueReview) }), ...errors } } },
    async (request) => ({ items: await cases.dueReviews(callerOf(request), request.query.date) }));

  app.post('/cases/reviews/open', { ...p(can.reviews), schema: { tags, summary: 'Open reviews of due cases, with the engine’s proposal / 发起复核', body: OpenReviewsBody, response: { 200: z.object({ opened: z.array(OpenedReview) }), ...errors } } },
    async (request) => ({ opened: await cases.openReviews(callerOf(request), request.body, actorOf(request)) }));

  app.get('/cases/overrides', { ...p(can.read), schema: { tags, summary: 'Approvals against the engine’s decision, with the reasons / 与政策引擎意见不一致的审批', querystring: OverridesQuery, response: { 200: OverrideList, ...errors } } },
    async (request) => cases.overrides(callerOf(request), request.query));

  app.get('/cases/publicity', {
    ...p(can.read),
    schema: { tags, summary: 'The 公示 list of a community, HTML or PDF / 公示名单', querystring: PublicityQuery, response: { 200: { description: 'HTML page or PDF', content: { 'text/html': { schema: z.string() }, 'application/pdf': { schema: z.string() } } }, ...errors } },
  }, async (request, reply) => {
    const doc = await cases.publicity(callerOf(request), request.query);
    if (request.query.format === 'pdf') reply.header('content-disposition', disposition('公示名单.pdf'));
    return reply.type(doc.type).send(doc.body as never);
  });

  app.get('/cases/:id', { ...p(can.read), schema: { tags, summary: 'A case with its timeline, visits and attachments / 案件详情', ...byId } },
    async (request) => cases.get(callerOf(request), request.params.id));

  app.get('/cases/:id/notice', { ...p(can.read), schema: { tags, summary: 'The written decision (准予/不予通知书) as PDF / 审批决定通知书', params: CaseIdParams, response: { ...binary('application/pdf', 'PDF'), ...errors } } },
    async (request, reply) => {
      const doc = await cases.notice(callerOf(request), request.params.id, actorOf(request));
      return reply.type('application/pdf').header('content-disposition', disposition(doc.fileName)).send(doc.body as never);
    });

  app.post('/cases/:id/materials', { ...p(can.investigate), schema: { tags, summary: 'Record materials received; the one-time notice lists what is missing / 材料补正', body: MaterialsBody, ...byId } },
    async (request) => cases.updateMaterials(callerOf(request), request.params.id, request.body, actorOf(request)));

  app.post('/cases/:id/start-investigation', { ...p(can.investigate), schema: { tags, summary: 'Accepted → investigating / 开始调查', body: NoteBody, ...byId } },
    async (request) => cases.startInvestigation(callerOf(request), request.params.id, request.body.note, actorOf(request)));

  app.post('/cases/:id/visits', { ...p(can.investigate), schema: { tags, summary: 'Record a visit or check (入户调查 by ≥2 investigators) / 录入调查记录', body: VisitBody, ...byId } },
    async (request) => cases.recordVisit(callerOf(request), request.params.id, request.body, actorOf(request)));

  app.post('/cases/:id/submit-review', { ...p(can.investigate), schema: { tags, summary: 'Investigating → township review / 提交审核', body: NoteBody, ...byId } },
    async (request) => cases.submitForReview(callerOf(request), request.params.id, request.body.note, actorOf(request)));

  app.post('/cases/:id/opinion', { ...p(can.review), schema: { tags, summary: 'Township opinion with the engine’s decision; → 公示 or 审批 / 乡镇审核意见', body: OpinionBody, ...byId } },
    async (request) => cases.opinion(callerOf(request), request.params.id, request.body, actorOf(request)));

  app.post('/cases/:id/objections', { ...p(can.review), schema: { tags, summary: 'An objection during 公示: back to investigation / 登记公示异议', body: ObjectionBody, ...byId } },
    async (request) => cases.object(callerOf(request), request.params.id, request.body, actorOf(request)));

  app.post('/cases/:id/end-publicity', { ...p(can.review), schema: { tags, summary: '公示 over without objection → approval / 公示期满', body: NoteBody, ...byId } },
    async (request) => cases.endPublicity(callerOf(request), request.params.id, request.body.note, actorOf(request)));

  app.post('/cases/:id/send-back', { ...p(can.review), schema: { tags, summary: 'Back to investigation with reasons / 退回重新调查', body: ReasonBody, ...byId } },
    async (request) => cases.sendBack(callerOf(request), request.params.id, request.body.reason, actorOf(request)));

  app.post('/cases/:id/approve', { ...p(can.approve), schema: { tags, summary: 'Approve within the caps and your authority; payments start / 审批', body: ApproveBody, ...byId } },
    async (request) => cases.approve(callerOf(request), request.params.id, request.body, actorOf(request)));

  app.post('/cases/:id/prepay', { ...p(can.prepay), schema: { tags, summary: 'Pay 急难型 临时救助 first from the reserve fund / 先行救助', body: PrepayBody, ...byId } },
    async (request) => cases.prepay(callerOf(request), request.params.id, request.body, actorOf(request)));

  app.post('/cases/:id/refuse', { ...p(can.refuse), schema: { tags, summary: 'Refuse with written reasons; the notice falls due / 不予批准', body: ReasonBody, ...byId } },
    async (request) => cases.refuse(callerOf(request), request.params.id, request.body.reason, actorOf(request)));

  app.post('/cases/:id/withdraw', { ...p(can.withdraw), schema: { tags, summary: 'The applicant withdraws / 撤回申请', body: ReasonBody, ...byId } },
    async (request) => cases.withdraw(callerOf(request), request.params.id, request.body.reason, actorOf(request)));

  app.post('/cases/:id/reopen', { ...p(can.refuse), schema: { tags, summary: 'Re-open a refused or withdrawn case / 重新办理', body: ReopenBody, ...byId } },
    async (request) => cases.reopen(callerOf(request), request.params.id, request.body, actorOf(request)));

  app.post('/cases/:id/close', { ...p(can.refuse), schema: { tags, summary: 'Close an approved case; payments stop / 终止救助', body: ReasonBody, ...byId } },
    async (request) => cases.close(callerOf(request), request.params.id, request.body.reason, actorOf(request)));

  app.post('/cases/:id/notice-served', { ...p(can.refuse), schema: { tags, summary: 'The written notice was served / 登记送达', body: NoticeServedBody, ...byId } },
    async (request) => cases.noticeServed(callerOf(request), request.params.id, request.body, actorOf(request)));

  app.post('/cases/:id/exception', { ...p(can.decide), schema: { tags, summary: 'County 一事一议 decision above the yearly caps / 一事一议', body: ExceptionBody, ...byId } },
    async (request) => cases.exception(callerOf(request), request.params.id, request.body, actorOf(request)));

  app.post('/cases/:id/extend', { ...p(can.decide), schema: { tags, summary: 'Extend the whole-procedure deadline (30 → 45 working days) / 延长办理时限', body: ReasonBody, ...byId } },
    async (request) => cases.extend(callerOf(request), request.params.id, request.body.reason, actorOf(request)));

  app.post('/cases/:id/assign', { ...p(can.review), schema: { tags, summary: 'Assign the case to a colleague / 指派经办人', body: AssignBody, ...byId } },
    async (request) => cases.assign(callerOf(request), request.params.id, request.body.userId, actorOf(request)));

  app.post('/cases/:id/attachments', {
    ...p(can.investigate),
    bodyLimit: MAX_ATTACHMENT_BYTES + 1024,
    schema: { tags, summary: 'Attach a photo or scan (raw body, ≤ 5 MB, stored encrypted) / 上传附件', params: CaseIdParams, querystring: AttachmentQuery, body: z.any().describe('the file bytes'), response: { 200: Case, ...errors, 413: ApiErrorBody, 415: ApiErrorBody } },
  }, async (request) => {
    const content = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
    return cases.uploadAttachment(callerOf(request), request.params.id, { ...request.query, content }, actorOf(request));
  });

  app.get('/cases/:id/attachments/:attachmentId', { ...p(can.read), schema: { tags, summary: 'Download an attachment (audited) / 下载附件', params: AttachmentParams, response: { ...binary('application/octet-stream', 'the file'), ...errors } } },
    async (request, reply) => {
      const file = await cases.downloadAttachment(callerOf(request), request.params.id, request.params.attachmentId, actorOf(request));
      return reply.type(file.mimeType).header('content-disposition', disposition(file.fileName)).send(file.content as never);
    });
};
