// Thin routes for service points: staff CRUD and usage behind permissions (scoped by place in the
// store), and the public directory (no login, nothing personal, rate-limited per address).
import { z } from 'zod';
import type { RouteModule } from '../../app/types.ts';
import { ApiErrorBody } from '../../lib/api-error.schema.ts';
import { rateLimitedError } from '../../platform/http/rate-limit.ts';
import { actorOf, callerOf } from '../auth/auth.hook.ts';
import { CodeParam } from '../jurisdictions/jurisdictions.schema.ts';
import { servicePointPermissions as can } from './service-points.policy.ts';
import {
  Catalogue, CodeParams, CoverageAnswer, CoverageQuery, MealBody, MealMonth, MealOut, MonthQuery, SettleBody, SettlementOut, ConsultationBody, ConsultationList, ConsultationOut, Figures, ListQuery, NearestAnswer, NearestQuery, PointBody, PointIdParams,
  PointList, PointOutSchema, ServiceBody, ServiceOut, StatusBody, TypeBody, TypeOut, VisitFigures, VisitsBody, VisitsQuery,
} from './service-points.schema.ts';

const errors = { 400: ApiErrorBody, 401: ApiErrorBody, 403: ApiErrorBody, 404: ApiErrorBody };
const tags = ['service points'];

export const servicePointRoutes: RouteModule = (app, { services, config }) => {
  const points = services.servicePoints;
  const p = (permission: string) => ({ config: { permission } });
  const byId = { params: PointIdParams, response: { 200: PointOutSchema, ...errors } };

  app.get('/service-points/catalogue', { ...p(can.read), schema: { tags, summary: 'Kinds of point and the service catalogue / 服务阵地类型与服务目录', response: { 200: Catalogue, ...errors } } },
    async () => points.catalogue());
  app.put('/service-points/types/:code', { ...p(can.catalogue), schema: { tags, summary: 'Add or change a kind of point / 设置服务阵地类型', params: CodeParams, body: TypeBody, response: { 200: TypeOut, ...errors } } },
    async (request) => points.saveType(callerOf(request), request.params.code, request.body, actorOf(request)));
  app.put('/service-points/services/:code', { ...p(can.catalogue), schema: { tags, summary: 'Add or change a service in the catalogue / 设置服务目录', params: CodeParams, body: ServiceBody, response: { 200: ServiceOut, ...errors } } },
    async (request) => points.saveService(callerOf(request), request.params.code, request.body, actorOf(request)));

  app.get('/service-points', { ...p(can.read), schema: { tags, summary: 'Service points in your area / 服务阵地列表', querystring: ListQuery, response: { 200: PointList, ...errors } } },
    async (request) => points.list(callerOf(request), request.query));
  app.get('/service-points/figures', { ...p(can.read), schema: { tags, summary: 'Points by type and place, visits by service and month / 服务阵地统计', querystring: z.object({ under: CodeParam.optional() }), response: { 200: Figures, ...errors } } },
    async (request) => points.figures(callerOf(request), request.query.under));
  app.get('/service-points/coverage', { ...p(can.read), schema: { tags, summary: 'Coverage: each community’s distance to the nearest point of each kind; those beyond the circle / 服务圈覆盖', querystring: CoverageQuery, response: { 200: CoverageAnswer, ...errors } } },
    async (request) => points.coverage(callerOf(request), request.query));
  app.post('/service-points', { ...p(can.write), schema: { tags, summary: 'Add a point: place, coordinates (any map system), services, hours / 新增服务阵地', body: PointBody, response: { 201: PointOutSchema, ...errors } } },
    async (request, reply) => reply.status(201).send(await points.create(callerOf(request), request.body, actorOf(request))));
  app.get('/service-points/:id', { ...p(can.read), schema: { tags, summary: 'A service point / 服务阵地详情', ...byId } },
    async (request) => points.get(callerOf(request), request.params.id));
  app.put('/service-points/:id', { ...p(can.write), schema: { tags, summary: 'Change a point (the whole record) / 修改服务阵地', body: PointBody, ...byId } },
    async (request) => points.update(callerOf(request), request.params.id, request.body, actorOf(request)));
  app.post('/service-points/:id/status', { ...p(can.write), schema: { tags, summary: 'Open, temporarily closed (with reason, until) or closed / 设置开放状态', body: StatusBody, ...byId } },
    async (request) => points.setStatus(callerOf(request), request.params.id, request.body, actorOf(request)));

  app.post('/service-points/:id/visits', { ...p(can.record), schema: { tags, summary: 'Count visits by service for a day (anonymous, or one registered person) / 登记服务人次', params: PointIdParams, body: VisitsBody, response: { 200: VisitFigures, ...errors } } },
    async (request) => points.recordVisits(callerOf(request), request.params.id, request.body, actorOf(request)));
  app.get('/service-points/:id/visits', { ...p(can.read), schema: { tags, summary: 'Visits by service and month / 服务人次统计', params: PointIdParams, querystring: VisitsQuery, response: { 200: VisitFigures, ...errors } } },
    async (request) => points.visitFigures(callerOf(request), request.params.id, request.query));
  app.post('/service-points/:id/consultations', { ...p(can.record), schema: { tags, summary: 'Record a question answered here and its outcome (e.g. referred to the 失业补助金 self-check) / 登记咨询', params: PointIdParams, body: ConsultationBody, response: { 201: ConsultationOut, ...errors } } },
    async (request, reply) => reply.status(201).send(await points.consult(callerOf(request), request.params.id, request.body, actorOf(request))));
  app.get('/service-points/:id/consultations', { ...p(can.read), schema: { tags, summary: 'Consultations at the point, newest first / 咨询记录', params: PointIdParams, response: { 200: ConsultationList, ...errors } } },
    async (request) => points.consultations(callerOf(request), request.params.id));

  // ── 幸福食堂 meals ──
  app.post('/service-points/:id/meals', { ...p(can.record), schema: { tags, summary: 'A subsidised meal for a registered person (once a day) / 登记助餐', params: PointIdParams, body: MealBody, response: { 201: MealOut, ...errors } } },
    async (request, reply) => reply.status(201).send(await points.meals.record(callerOf(request), request.params.id, request.body, actorOf(request))));
  app.get('/service-points/:id/meals', { ...p(can.read), schema: { tags, summary: 'A canteen’s subsidised meals of a month, with its settlement / 助餐明细', params: PointIdParams, querystring: MonthQuery, response: { 200: MealMonth, ...errors } } },
    async (request) => points.meals.month(callerOf(request), request.params.id, request.query.month));
  app.post('/service-points/:id/meal-settlements', { ...p(can.write), schema: { tags, summary: 'Settle a finished month’s meal subsidies to the operator, once / 助餐补贴月结', params: PointIdParams, body: SettleBody, response: { 201: SettlementOut, ...errors, 409: ApiErrorBody } } },
    async (request, reply) => reply.status(201).send(await points.meals.settle(callerOf(request), request.params.id, request.body.month, actorOf(request))));

  // ── public: no login, nothing personal comes back, rate-limited per address ──
  const limited = { public: true, rateLimit: { max: config.publicRequestPerMinute, timeWindow: 60_000, errorResponseBuilder: rateLimitedError({ en: 'searches', zh: '查询' }) } };
  const publicTags = ['service points (public)'];
  app.get('/public/service-points/catalogue', { config: limited, schema: { tags: publicTags, summary: 'Kinds of point and services to search by / 可查询的服务', response: { 200: Catalogue, 429: ApiErrorBody } } },
    async () => points.catalogue());
  app.get('/public/service-points/nearest', { config: limited, schema: { tags: publicTags, summary: 'Nearest points (open now), by service, within a radius / 附近的服务阵地', querystring: NearestQuery, response: { 200: NearestAnswer, 400: ApiErrorBody, 429: ApiErrorBody } } },
    async (request) => points.nearest(request.query));
};
