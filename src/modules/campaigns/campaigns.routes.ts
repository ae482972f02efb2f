// Thin routes for campaigns: authenticate → permission → validate → service → present.
import { z } from 'zod';
import type { RouteModule } from '../../app/types.ts';
import { ApiErrorBody } from '../../lib/api-error.schema.ts';
import { assertPermission } from '../../platform/authz.ts';
import { actorOf, callerOf } from '../auth/auth.hook.ts';
import { personPermissions } from '../persons/persons.policy.ts';
import { campaignPermissions as can } from './campaigns.policy.ts';
import { exportLedger } from './campaigns.export.ts';
import { MAX_PHOTO_BYTES } from './campaigns.service.ts';
import {
  AssignBody, AutoAssignBody, AutoAssignResult, BuildBody, BuildResult, Campaign, CampaignIdParams, CampaignImportJob, CampaignImportParams, CampaignList, CreateCampaignBody, DueRevisitList,
  DueRevisitsQuery, ExportQuery, ImportQuery, ListCampaignsQuery, ListTargetsQuery, PreviewBody, PreviewResult, Progress, Target,
  TargetDetail, TargetList, TargetParams, UpdateCampaignBody, VisitBody, VisitParams, VisitResult, WorkerList,
} from './campaigns.schema.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp'];
const errors = { 400: ApiErrorBody, 401: ApiErrorBody, 403: ApiErrorBody, 404: ApiErrorBody, 409: ApiErrorBody };
const tags = ['campaigns'];
const p = (permission: string) => ({ config: { permission } });
const binary = (type: string, what: string) => ({ 200: { description: what, content: { [type]: { schema: z.string() } } } });
const disposition = (name: string) => `attachment; filename="${encodeURIComponent(name)}"; filename*=UTF-8''${encodeURIComponent(name)}`;

export const campaignRoutes: RouteModule = (app, { services, database, config }) => {
  const campaigns = services.campaigns;
  // Uploaded lists and photos arrive as the raw body. Other modules may have taught the API these
  // types already (it is one plugin scope); add only what is missing.
  const raw = (types: string[], bodyLimit: number) => {
    const missing = types.filter((type) => !app.hasContentTypeParser(type));
    if (missing.length) app.addContentTypeParser(missing, { parseAs: 'buffer', bodyLimit }, (_req, body, done) => done(null, body));
  };
  raw([XLSX, 'text/csv', 'application/octet-stream'], config.uploads.uploadBytes);
  raw(IMAGE_TYPES, MAX_PHOTO_BYTES + 1024);
  const bytes = (body: unknown) => (Buffer.isBuffer(body) ? body : undefined);

  app.get('/campaigns', { ...p(can.read), schema: { tags, summary: 'Campaigns in your jurisdiction, with their figures for it / 专项行动列表', querystring: ListCampaignsQuery, response: { 200: CampaignList, ...errors } } },
    async (request) => campaigns.list(callerOf(request), request.query));

  app.post('/campaigns', { ...p(can.manage), schema: { tags, summary: 'Set up a campaign; with criteria, its target list is built from the registry at once / 发起专项行动', body: CreateCampaignBody, response: { 201: Campaign, ...errors } } },
    async (request, reply) => reply.status(201).send(await campaigns.create(callerOf(request), request.body, actorOf(request))));

  app.post('/campaigns/preview', { ...p(can.manage), schema: { tags, summary: 'How many people a registry query would list / 预览名单人数', body: PreviewBody, response: { 200: PreviewResult, ...errors } } },
    async (request) => campaigns.preview(callerOf(request), request.body));

  app.get('/campaigns/revisits', { ...p(can.read), schema: { tags, summary: 'Re-visits due today or earlier, across active campaigns / 到期复访', querystring: DueRevisitsQuery, response: { 200: DueRevisitList, ...errors } } },
    async (request) => campaigns.dueRevisits(callerOf(request), { mine: request.query.mine === 'true', limit: request.query.limit }));

  app.get('/campaigns/:id', { ...p(can.read), schema: { tags, summary: 'One campaign with its figures for your jurisdiction / 专项行动详情', params: CampaignIdParams, response: { 200: Campaign, ...errors } } },
    async (request) => campaigns.get(callerOf(request), request.params.id));

  app.patch('/campaigns/:id', { ...p(can.manage), schema: { tags, summary: 'Rename, extend, change the re-visit interval, close or reopen / 修改专项行动', params: CampaignIdParams, body: UpdateCampaignBody, response: { 200: Campaign, ...errors } } },
    async (request) => campaigns.update(callerOf(request), request.params.id, request.body, actorOf(request)));

  app.post('/campaigns/:id/targets/build', { ...p(can.manage), schema: { tags, summary: 'Add the people a registry query finds (set-based) / 按条件生成名单', params: CampaignIdParams, body: BuildBody, response: { 200: BuildResult, ...errors } } },
    async (request) => campaigns.build(callerOf(request), request.params.id, request.body.criteria, actorOf(request)));

  app.post('/campaigns/:id/targets/import', {
    ...p(can.manage),
    bodyLimit: config.uploads.uploadBytes,
    schema: {
      tags,
      summary: 'Add the people of a list (.xlsx or .csv as the raw body), matched by ID number or name, in the background: 202, then GET statusUrl for progress and the report of unmatched rows / 导入名单（后台进行）',
      params: CampaignIdParams,
      querystring: ImportQuery,
      body: z.any().describe('the file bytes'),
      response: { 202: CampaignImportJob, ...errors, 413: ApiErrorBody, 415: ApiErrorBody },
    },
  }, async (request, reply) => {
    const job = await campaigns.importTargets(callerOf(request), request.params.id, { fileName: request.query.fileName, content: bytes(request.body) ?? Buffer.alloc(0), dryRun: request.query.dryRun === 'true' }, actorOf(request));
    return reply.status(202).header('location', job.statusUrl).send(job);
  });

  app.get('/campaigns/:id/targets/import/:importId', { ...p(can.manage), schema: { tags, summary: 'A list import: progress while it runs, then its report (or why it failed) / 名单导入进度与结果', params: CampaignImportParams, response: { 200: CampaignImportJob, ...errors } } },
    async (request) => campaigns.importStatus(callerOf(request), request.params.id, request.params.importId));

  app.post('/campaigns/:id/assign', { ...p(can.manage), schema: { tags, summary: 'Give unassigned open targets to their grid’s grid worker / 按网格自动分配', params: CampaignIdParams, body: AutoAssignBody, response: { 200: AutoAssignResult, ...errors } } },
    async (request) => campaigns.autoAssign(callerOf(request), request.params.id, request.body.under, actorOf(request)));

  app.get('/campaigns/:id/progress', { ...p(can.read), schema: { tags, summary: 'Progress by jurisdiction, grid → community → township → county, counted live / 分级进度', params: CampaignIdParams, response: { 200: Progress, ...errors } } },
    async (request) => campaigns.progress(callerOf(request), request.params.id));

  app.get('/campaigns/:id/workers', { ...p(can.read), schema: { tags, summary: 'Workers who can be responsible for targets here / 可分配的责任人', params: CampaignIdParams, response: { 200: WorkerList, ...errors } } },
    async (request) => campaigns.workers(callerOf(request), request.params.id));

  app.get('/campaigns/:id/targets', { ...p(can.read), schema: { tags, summary: 'The ledger: targets in your jurisdiction, filtered / 台账', params: CampaignIdParams, querystring: ListTargetsQuery, response: { 200: TargetList, ...errors } } },
    async (request) => campaigns.targets(callerOf(request), request.params.id, request.query));

  app.get('/campaigns/:id/export', {
    ...p(can.read),
    schema: {
      tags,
      summary: 'The ledger as .xlsx (masked; reveal=true needs the reveal permission and is audited) / 导出台账',
      params: CampaignIdParams,
      querystring: ExportQuery,
      response: { ...binary(XLSX, 'xlsx file'), ...errors },
    },
  }, async (request, reply) => {
    const caller = callerOf(request);
    const { reveal, ...filter } = request.query;
    if (reveal === 'true') assertPermission(caller, personPermissions.reveal);
    const { stream, done, fileName } = await exportLedger({ db: database.db, audit: services.audit, sensitive: services.sensitive, campaigns }, caller, request.params.id, filter, reveal === 'true', actorOf(request));
    request.raw.on('close', () => stream.destroy());
    done.then((rows) => request.log.info({ rows, reveal }, 'campaign ledger exported'), (err: unknown) => request.log.warn({ err }, 'export stopped'));
    return reply.type(XLSX).header('content-disposition', disposition(fileName)).send(stream as never);
  });

  app.get('/campaigns/:id/targets/:targetId', { ...p(can.read), schema: { tags, summary: 'A target with every visit / 走访对象详情', params: TargetParams, response: { 200: TargetDetail, ...errors } } },
    async (request) => campaigns.target(callerOf(request), request.params.id, request.params.targetId));

  app.patch('/campaigns/:id/targets/:targetId', { ...p(can.manage), schema: { tags, summary: 'Assign a target to a worker, or unassign it / 调整责任人', params: TargetParams, body: AssignBody, response: { 200: Target, ...errors } } },
    async (request) => campaigns.assign(callerOf(request), request.params.id, request.params.targetId, request.body.assigneeUserId, actorOf(request)));

  app.post('/campaigns/:id/targets/:targetId/visits', { ...p(can.visit), schema: { tags, summary: 'Record a visit: a closing result strikes the target off, another schedules a re-visit / 登记走访', params: TargetParams, body: VisitBody, response: { 201: VisitResult, ...errors } } },
    async (request, reply) => reply.status(201).send(await campaigns.visit(callerOf(request), request.params.id, request.params.targetId, request.body, actorOf(request))));

  app.put('/campaigns/:id/targets/:targetId/visits/:visitId/photo', {
    ...p(can.visit),
    bodyLimit: MAX_PHOTO_BYTES + 1024,
    schema: {
      tags,
      summary: 'Attach the visit’s photo (JPEG, PNG or WebP as the raw body; stored encrypted) / 上传走访照片',
      params: VisitParams,
      body: z.any().describe('the image bytes'),
      response: { 204: z.null().describe('stored'), ...errors, 413: ApiErrorBody, 415: ApiErrorBody },
    },
  }, async (request, reply) => {
    await campaigns.putPhoto(callerOf(request), request.params.id, request.params.targetId, request.params.visitId, bytes(request.body), actorOf(request));
    return reply.status(204).send(null);
  });

  app.get('/campaigns/:id/targets/:targetId/visits/:visitId/photo', { ...p(can.read), schema: { tags, summary: 'The visit’s photo (audited) / 查看走访照片', params: VisitParams, response: { ...binary('image/jpeg', 'the photo (JPEG, PNG or WebP)'), ...errors } } },
    async (request, reply) => {
      const photo = await campaigns.getPhoto(callerOf(request), request.params.id, request.params.targetId, request.params.visitId, actorOf(request));
      return reply.type(photo.mimeType).header('cache-control', 'private, no-store').send(photo.content as never);
    });
};
