// Thin routes of distributions: the hand-over, signing on the phone (with a photo), returns, the
// signing sheet.
import { z } from 'zod';
import type { RouteModule } from '../../app/types.ts';
import { ApiErrorBody } from '../../lib/api-error.schema.ts';
import { actorOf, callerOf } from '../auth/auth.hook.ts';
import { MAX_ATTACHMENT_BYTES } from '../attachments/index.ts';
import { charityPermissions as can } from './charity.policy.ts';
import { disposition } from './charity.routes.ts';
import {
  Benefits, BenefitsQuery, CloseResult, CreateDistributionBody, CreateDistributionResult, DeliverBody, Distribution, DistributionList, IdParams, ListDistributionsQuery, ListRecipientsQuery, Recipient,
  RecipientList, RecipientParams, SheetQuery, UndeliverBody,
} from './charity.schema.ts';

const errors = { 400: ApiErrorBody, 401: ApiErrorBody, 403: ApiErrorBody, 404: ApiErrorBody, 409: ApiErrorBody };
const tags = ['charity'];
const p = (permission: string) => ({ config: { permission } });
const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp'];

export const distributionRoutes: RouteModule = (app, { services }) => {
  const d = services.charity.distributions;
  const missing = IMAGE_TYPES.filter((type) => !app.hasContentTypeParser(type));
  if (missing.length) app.addContentTypeParser(missing, { parseAs: 'buffer', bodyLimit: MAX_ATTACHMENT_BYTES + 1024 }, (_req, body, done) => done(null, body));

  // The benefit ledger (B2) beside the household and person pages: government and charity aid.
  app.get('/households/:id/benefits', { ...p(can.benefits), schema: { tags, summary: 'Everything a household received: government payments and charity money and goods, by year, source, program and cause, with totals and marks / 家庭受助台账', params: IdParams, querystring: BenefitsQuery, response: { 200: Benefits, ...errors } } },
    async (request) => services.charity.benefits.household(callerOf(request), request.params.id, request.query));
  app.get('/persons/:id/benefits', { ...p(can.benefits), schema: { tags, summary: 'What a person received in their own name / 个人受助台账', params: IdParams, querystring: BenefitsQuery, response: { 200: Benefits, ...errors } } },
    async (request) => services.charity.benefits.person(callerOf(request), request.params.id, request.query));

  app.get('/charity/distributions', { ...p(can.read), schema: { tags, summary: 'Distributions of the organisations you see / 发放列表', querystring: ListDistributionsQuery, response: { 200: DistributionList, ...errors } } },
    async (request) => d.list(callerOf(request), request.query));
  app.post('/charity/distributions', { ...p(can.record), schema: { tags, summary: 'Distribute goods or money to the households of a registry query or a list (dryRun: only the match report) / 新建发放', body: CreateDistributionBody, response: { 201: CreateDistributionResult, 200: CreateDistributionResult, ...errors } } },
    async (request, reply) => {
      const result = await d.create(callerOf(request), request.body, actorOf(request));
      return reply.status(result.distribution ? 201 : 200).send(result);
    });
  app.get('/charity/distributions/:id', { ...p(can.read), schema: { tags, summary: 'One distribution with its counts in your area / 发放详情', params: IdParams, response: { 200: Distribution, ...errors } } },
    async (request) => d.get(callerOf(request), request.params.id));
  app.post('/charity/distributions/:id/close', { ...p(can.record), schema: { tags, summary: 'Close: shares not signed for go back to stock / the project / 结束发放（未领退回）', params: IdParams, body: z.object({}).strict(), response: { 200: CloseResult, ...errors } } },
    async (request) => d.close(callerOf(request), request.params.id, actorOf(request)));
  app.get('/charity/distributions/:id/recipients', { ...p(can.read), schema: { tags, summary: 'The households handed over (masked) / 受助户名单', params: IdParams, querystring: ListRecipientsQuery, response: { 200: RecipientList, ...errors } } },
    async (request) => d.recipients(callerOf(request), request.params.id, request.query));
  app.get('/charity/distributions/:id/sheet', { ...p(can.read), schema: { tags, summary: 'The signing sheet (签收表) as PDF, one section per community / 签收表', params: IdParams, querystring: SheetQuery, response: { 200: { description: 'PDF', content: { 'application/pdf': { schema: z.string() } } }, ...errors } } },
    async (request, reply) => {
      const doc = await d.sheet(callerOf(request), request.params.id, request.query.community);
      return reply.type('application/pdf').header('content-disposition', disposition(doc.fileName)).send(doc.body as never);
    });
  app.post('/charity/distributions/:id/recipients/:recipientId/deliver', { ...p(can.sign), schema: { tags, summary: 'The household signed for its share / 签收', params: RecipientParams, body: DeliverBody, response: { 200: Recipient, ...errors } } },
    async (request) => d.deliver(callerOf(request), request.params.id, request.params.recipientId, request.body, actorOf(request)));
  app.post('/charity/distributions/:id/recipients/:recipientId/undeliver', { ...p(can.sign), schema: { tags, summary: 'Not delivered: the share goes back / 未领取退回', params: RecipientParams, body: UndeliverBody, response: { 200: Recipient, ...errors } } },
    async (request) => d.undeliver(callerOf(request), request.params.id, request.params.recipientId, request.body.reason, actorOf(request)));
  app.put('/charity/distributions/:id/recipients/:recipientId/photo', {
    ...p(can.sign),
    bodyLimit: MAX_ATTACHMENT_BYTES + 1024,
    schema: { tags, summary: 'The photo taken at signing (JPEG, PNG or WebP as the raw body; stored encrypted, never public) / 签收照片', params: RecipientParams, body: z.any().describe('the image bytes'), response: { 204: z.null().describe('stored'), ...errors, 413: ApiErrorBody, 415: ApiErrorBody } },
  }, async (request, reply) => {
    await d.putPhoto(callerOf(request), request.params.id, request.params.recipientId, Buffer.isBuffer(request.body) ? request.body : undefined, actorOf(request));
    return reply.status(204).send(null);
  });
};
