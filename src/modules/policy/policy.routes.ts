import { z } from 'zod';
import { rateLimitedError } from '../../platform/http/rate-limit.ts';
import type { RouteModule } from '../../app/types.ts';
import { ApiErrorBody } from '../../lib/api-error.schema.ts';
import { actorOf, callerOf } from '../auth/auth.hook.ts';
import { policyPermissions as can } from './policy.policy.ts';
import {
  EligibilityQuery, EligibilityResponse, NewParameterEntry, ParameterEntriesResponse, ParameterEntrySchema, ParametersQuery,
  ParametersResponse, ProgramInfo, PublicPlacesResponse, ScreeningResultsQuery, ScreeningResultsResponse, ScreeningRunsResponse,
  SelfCheckBody, SelfCheckResponse,
} from './policy.schema.ts';

const errors = { 400: ApiErrorBody, 401: ApiErrorBody, 403: ApiErrorBody, 404: ApiErrorBody };
const tags = ['policy'];
const IdParams = z.object({ id: z.coerce.number().int().positive() });

export const policyRoutes: RouteModule = (app, { services, config }) => {
  const policy = services.policy;

  app.get('/policy/programs', { config: { permission: can.read }, schema: { tags, summary: 'Programs the engine decides / 救助项目', response: { 200: z.object({ items: z.array(ProgramInfo) }), ...errors } } },
    async () => ({ items: policy.programs() }));

  app.get('/policy/parameters', { config: { permission: can.read }, schema: { tags, summary: 'Parameters in force for a place and date, with their sources / 某地某日适用的政策参数', querystring: ParametersQuery, response: { 200: ParametersResponse, ...errors } } },
    async (request) => policy.parameters(callerOf(request), request.query));

  app.get('/policy/parameters/:key/entries', {
    config: { permission: can.read },
    schema: { tags, summary: 'Dated values of one parameter along a jurisdiction chain / 参数的历次取值', params: z.object({ key: z.string() }), querystring: z.object({ jurisdiction: z.string().regex(/^\d{0,15}$/).default('') }), response: { 200: ParameterEntriesResponse, ...errors } },
  }, async (request) => policy.history(request.params.key, request.query.jurisdiction));

  app.post('/policy/parameters', { config: { permission: can.editParameters }, schema: { tags, summary: 'Add a dated parameter value (validated, audited) / 新增带生效日期的参数值', body: NewParameterEntry, response: { 201: ParameterEntrySchema, ...errors } } },
    async (request, reply) => reply.status(201).send(await policy.addParameter(callerOf(request), actorOf(request), request.body)));

  app.get('/households/:id/eligibility', { config: { permission: can.evaluate }, schema: { tags, summary: 'Every program for a household, with explanations / 家庭可享受救助测算及依据', params: IdParams, querystring: EligibilityQuery, response: { 200: EligibilityResponse, ...errors } } },
    async (request) => policy.eligibility(callerOf(request), request.params.id, request.query));

  app.get('/policy/screening/runs', { config: { permission: can.screen }, schema: { tags, summary: 'Batch screening runs in your area / 批量筛查批次', response: { 200: ScreeningRunsResponse, ...errors } } },
    async (request) => policy.runs(callerOf(request)));

  app.get('/policy/screening/runs/:id/results', { config: { permission: can.screen }, schema: { tags, summary: 'Results of a screening run in your area / 筛查结果', params: IdParams, querystring: ScreeningResultsQuery, response: { 200: ScreeningResultsResponse, ...errors } } },
    async (request) => policy.results(callerOf(request), request.params.id, request.query));

  // ── public: no login, nothing stored, rate-limited per address ──
  app.get('/public/places', { config: { public: true }, schema: { tags, summary: 'Counties for the self-check / 可选区县', response: { 200: PublicPlacesResponse, 429: ApiErrorBody } } },
    async () => policy.publicPlaces());

  app.post('/public/self-check', {
    config: {
      public: true,
      rateLimit: {
        max: config.selfCheckPerMinute,
        timeWindow: 60_000,
        errorResponseBuilder: rateLimitedError({ en: 'checks', zh: '测算' }),
      },
    },
    schema: { tags, summary: 'Self-check: which programs might I qualify for? (anonymous, nothing stored) / 我能申请什么', body: SelfCheckBody, response: { 200: SelfCheckResponse, 400: ApiErrorBody, 429: ApiErrorBody } },
  }, async (request) => policy.selfCheck(request.body));
};
