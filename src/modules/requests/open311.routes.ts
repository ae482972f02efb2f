// Open311 GeoReport v2 (JSON) at /open311/v2, for 12345-style systems: services.json,
// services/{code}.json, requests.json (GET and POST) and requests/{id}.json. POST needs an
// api_key: one of our API tokens whose role may record requests; GET works without one (public
// view) or with one (full view of the token's area). Form-encoded and JSON bodies. Errors are
// GeoReport's [{ code, description }].
import { rateLimitedError } from '../../platform/http/rate-limit.ts';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { ZodApp } from '../../platform/http/types.ts';
import type { AppDeps } from '../../app/types.ts';
import { AppError } from '../../platform/errors.ts';
import { InstantText } from '../../lib/date.schema.ts';
import { personName } from '../../lib/person-name.schema.ts';
import { hasPermission } from '../../platform/authz.ts';
import { toErrorBody } from '../../platform/http/error-handler.ts';
import { requestPermissions as can } from './requests.policy.ts';
import type { AuthUser } from '../auth/auth.service.ts';
import type { Actor } from '../audit/audit.service.ts';

const GeoError = z.array(z.object({ code: z.number().int(), description: z.string() })).meta({ id: 'Open311Error' });
const errors = { 400: GeoError, 401: GeoError, 403: GeoError, 404: GeoError, 429: GeoError };
const tags = ['open311'];
const Service = z.object({ service_code: z.string(), service_name: z.string(), description: z.string(), metadata: z.boolean(), type: z.string(), keywords: z.string(), group: z.string() });
const GeoRequest = z
  .object({
    service_request_id: z.string().describe('the tracking code'),
    status: z.enum(['open', 'closed']),
    status_notes: z.string().nullable(),
    service_name: z.string(),
    service_code: z.string(),
    description: z.string().nullable().optional(),
    agency_responsible: z.string().nullable(),
    service_notice: z.string().nullable(),
    requested_datetime: z.string(),
    updated_datetime: z.string(),
    expected_datetime: z.string().nullable(),
    address: z.string().nullable().optional(),
    address_id: z.string().nullable().optional(),
    zipcode: z.string().nullable().optional(),
    lat: z.number().nullable().optional(),
    long: z.number().nullable().optional(),
    media_url: z.string().nullable().optional(),
  })
  .meta({ id: 'Open311Request' });
const Key = z.string().trim().max(200).optional().describe('an API token (lastmile “接口令牌”)');
const optionalNumber = z.preprocess((v) => (v === '' || v === null ? undefined : v), z.coerce.number().optional());
const PostBody = z.object({
  api_key: Key,
  jurisdiction_id: z.string().max(20).optional(),
  service_code: z.string().trim().min(1).max(40),
  lat: optionalNumber.pipe(z.number().min(-90).max(90).optional()),
  long: optionalNumber.pipe(z.number().min(-180).max(180).optional()),
  address_string: z.string().max(200).optional(),
  address_id: z.string().max(20).optional().describe('a jurisdiction code (grid or community) inside the key’s area'),
  email: z.string().max(200).optional(),
  device_id: z.string().max(200).optional(),
  account_id: z.string().max(200).optional(),
  first_name: personName(50, { allowEmpty: true }).optional(),
  last_name: personName(50, { allowEmpty: true }).optional(),
  phone: z.string().max(30).optional(),
  description: z.string().max(4000).optional(),
  media_url: z.string().max(500).optional(),
});
const QueryParams = z.object({
  api_key: Key,
  jurisdiction_id: z.string().max(20).optional(),
  service_request_id: z.string().max(2000).optional().describe('comma-separated ids; other filters are then ignored'),
  service_code: z.string().max(400).optional(),
  start_date: InstantText.optional(),
  end_date: InstantText.optional(),
  status: z.string().max(20).optional().describe('open, closed or both'),
});

/** [{ code, description }] with the HTTP status as the code; Chinese first, then English. */
function geoErrorHandler(error: unknown, request: FastifyRequest, reply: FastifyReply) {
  const { status, body, log } = toErrorBody(error, request.id);
  if (log) request.log.error({ err: error }, 'open311 request failed');
  const fields = body.fields?.length ? `：${body.fields.map((f) => `${f.field} ${f.messageZh}`).join('；')}` : '';
  const description = body.error === 'validation_failed' ? `参数有误${fields} (${body.message})` : `${body.messageZh} (${body.message})`;
  return reply.status(status).send([{ code: status, description }]);
}

export function open311Routes(deps: AppDeps) {
  return async (scope: ZodApp) => {
    const { services, config } = deps;
    const requests = services.requests;
    scope.setErrorHandler(geoErrorHandler as (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => void);
    // JSON only (no .xml), and unknown paths answer in GeoReport's format too.
    scope.setNotFoundHandler(async (request) => {
      throw new AppError('route_not_found', `No Open311 route ${request.method} ${request.url.split('?')[0]} (JSON only)`, `无此 Open311 接口：${request.method} ${request.url.split('?')[0]}（仅支持 JSON）`);
    });
    scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(body as string)));
    });

    const keyOf = (request: FastifyRequest): string | undefined => {
      const fromBody = (request.body as { api_key?: unknown } | undefined)?.api_key;
      const fromQuery = (request.query as { api_key?: unknown } | undefined)?.api_key;
      const bearer = request.headers.authorization?.startsWith('Bearer ') ? request.headers.authorization.slice(7).trim() : undefined;
      const key = typeof fromBody === 'string' ? fromBody : typeof fromQuery === 'string' ? fromQuery : bearer;
      return key || undefined;
    };
    /** The token behind an api_key, holding `permission`; null without a key. */
    const callerFor = async (request: FastifyRequest, permission: string): Promise<AuthUser | null> => {
      const key = keyOf(request);
      if (!key) return null;
      const caller = await services.auth.authenticateToken(key);
      if (!caller) throw new AppError('unauthenticated', 'api_key is invalid, expired or revoked', 'api_key 无效、已过期或已吊销');
      if (!hasPermission(caller, permission)) throw new AppError('forbidden', 'This api_key may not do this', '此 api_key 无此权限');
      return caller;
    };
    const actorFor = (caller: AuthUser, request: FastifyRequest): Actor => ({ kind: 'token', id: caller.id, name: caller.username, ip: request.ip });
    // Keyless callers share the public limit; a valid key is not limited here.
    const rateLimit = {
      max: config.publicRequestPerMinute,
      timeWindow: 60_000,
      hook: 'preHandler' as const,
      allowList: (request: FastifyRequest) => keyOf(request) !== undefined,
      errorResponseBuilder: rateLimitedError({ en: 'requests', zh: '请求' }),
    };
    const cfg = { public: true, rateLimit };

    scope.get('/services.json', { config: cfg, schema: { tags, summary: 'Open311: the service list (our categories) / 服务类别列表', querystring: z.object({ jurisdiction_id: z.string().max(20).optional() }), response: { 200: z.array(Service), ...errors } } },
      async () => requests.open311.services());

    scope.get('/services/:code.json', { config: cfg, schema: { tags, summary: 'Open311: a service definition (no extra attributes) / 服务定义', params: z.object({ code: z.string().max(40) }), response: { 200: z.object({ service_code: z.string(), attributes: z.array(z.unknown()) }), ...errors } } },
      async (request) => requests.open311.service(request.params.code));

    scope.get('/requests.json', { config: cfg, schema: { tags, summary: 'Open311: query requests (without api_key: public view, resident submissions only) / 查询诉求', querystring: QueryParams, response: { 200: z.array(GeoRequest), ...errors } } },
      async (request) => requests.open311.query(await callerFor(request, can.read), request.query));

    scope.post('/requests.json', {
      config: cfg,
      schema: { tags, summary: 'Open311: submit a request (api_key required; form-encoded or JSON) / 提交诉求', body: PostBody, response: { 201: z.array(z.object({ service_request_id: z.string(), service_notice: z.string(), account_id: z.string().nullable() })), ...errors } },
    }, async (request, reply) => {
      const caller = await callerFor(request, can.intake);
      if (!caller) throw new AppError('unauthenticated', 'api_key is required to submit', '提交诉求须提供 api_key');
      return reply.status(201).send([await requests.open311.create(caller, request.body, actorFor(caller, request))]);
    });

    scope.get('/requests/:id.json', { config: cfg, schema: { tags, summary: 'Open311: one request by its id (tracking code) / 查询单条诉求', params: z.object({ id: z.string().max(20) }), querystring: QueryParams.pick({ api_key: true, jurisdiction_id: true }), response: { 200: z.array(GeoRequest), ...errors } } },
      async (request) => requests.open311.one(await callerFor(request, can.read), request.params.id));
  };
}
