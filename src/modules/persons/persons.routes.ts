import { z } from 'zod';
import type { RouteModule } from '../../app/types.ts';
import { ApiErrorBody } from '../../lib/api-error.schema.ts';
import { bi } from '../../lib/bilingual.ts';
import { actorOf, callerOf } from '../auth/auth.hook.ts';
import { AsOfQuery } from '../households/households.schema.ts';
import { Person, PersonIdParams, PersonInput, PersonList, PersonPatch, SearchPersonsQuery } from './persons.schema.ts';
import { personPermissions as can } from './persons.policy.ts';
import { exportPersons } from './persons.export.ts';
import { assertPermission } from '../../platform/authz.ts';
import { listVocabulary } from './vocabulary.store.ts';
import { personFactRoutes } from './facts.routes.ts';

const errors = { 400: ApiErrorBody, 401: ApiErrorBody, 403: ApiErrorBody, 404: ApiErrorBody };
const tags = ['persons'];
const Reason = z.string().trim().min(4, bi('state a reason (at least 4 characters)', '请填写理由（至少 4 个字）')).max(200);

export const personRoutes: RouteModule = (app, deps) => {
  const { services, database } = deps;
  const persons = services.persons;
  personFactRoutes(app, deps);

  app.get('/persons', { config: { permission: can.read }, schema: { tags, summary: 'Search persons in your jurisdiction / 查询人员', querystring: SearchPersonsQuery, response: { 200: PersonList, ...errors } } },
    async (request) => persons.search(callerOf(request), request.query));

  app.post('/persons', { config: { permission: can.write }, schema: { tags, summary: 'Register a person / 登记人员', body: PersonInput, response: { 201: Person, ...errors, 409: ApiErrorBody } } },
    async (request, reply) => reply.status(201).send(await persons.create(callerOf(request), request.body, actorOf(request))));

  app.get('/persons/export', {
    config: { permission: can.read },
    schema: {
      tags,
      summary: 'Export the list to .xlsx (masked; reveal=true needs the reveal permission and is audited) / 导出人员名单',
      querystring: SearchPersonsQuery.omit({ limit: true, offset: true }).extend({ reveal: z.enum(['true', 'false']).default('false') }),
      response: { 200: { description: 'xlsx file', content: { 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: z.string() } } }, ...errors },
    },
  }, async (request, reply) => {
    const caller = callerOf(request);
    const reveal = request.query.reveal === 'true';
    if (reveal) assertPermission(caller, can.reveal);
    const { reveal: _r, ...filter } = request.query;
    const { stream, done } = await exportPersons({ db: database.db, audit: services.audit, sensitive: services.sensitive, persons }, caller, filter, reveal, actorOf(request));
    request.raw.on('close', () => stream.destroy());
    done.then((rows) => request.log.info({ rows, reveal }, 'persons exported'), (err: unknown) => request.log.warn({ err }, 'export stopped'));
    const name = encodeURIComponent(`人员名单-${new Date().toISOString().slice(0, 10)}.xlsx`);
    return reply
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="persons.xlsx"; filename*=UTF-8''${name}`)
      .send(stream as never); // a stream is sent as is (no serialization)
  });

  app.get('/vocabularies/:kind', {
    config: { permission: can.read },
    schema: {
      tags, summary: 'A configurable list (special-group tags, serious illnesses) with labels / 可配置词表（特殊群体标签、重特大疾病）',
      params: z.object({ kind: z.enum(['tag', 'illness']) }),
      response: { 200: z.object({ items: z.array(z.object({ code: z.string(), labelZh: z.string(), labelEn: z.string() })) }), ...errors },
    },
  }, async (request) => ({ items: await listVocabulary(database.db, request.params.kind) }));

  app.get('/persons/duplicates', { config: { permission: can.merge }, schema: { tags, summary: 'Likely duplicates in a county (same name and birth date, or same phone) / 疑似重复人员', response: { 200: z.object({ items: z.array(z.object({ a: z.number(), b: z.number(), reason: z.string() })) }), ...errors } } },
    async (request) => ({ items: await persons.duplicates(callerOf(request)) }));

  app.get('/persons/:id', { config: { permission: can.read }, schema: { tags, summary: 'One person / 人员详情', params: PersonIdParams, response: { 200: Person, ...errors } } },
    async (request) => persons.get(callerOf(request), request.params.id));

  app.patch('/persons/:id', { config: { permission: can.write }, schema: { tags, summary: 'Change a person (versioned) / 修改人员信息', params: PersonIdParams, body: PersonPatch, response: { 200: Person, ...errors, 409: ApiErrorBody } } },
    async (request) => persons.update(callerOf(request), request.params.id, request.body, actorOf(request)));

  app.get('/persons/:id/history', { config: { permission: can.read }, schema: { tags, summary: 'Versions of a person / 人员信息变更历史', params: PersonIdParams, response: { 200: z.object({ items: z.array(z.object({ version: z.number(), validFrom: z.string(), actorName: z.string(), reason: z.string().nullable() })) }), ...errors } } },
    async (request) => ({ items: await persons.history(callerOf(request), request.params.id) }));

  app.get('/persons/:id/as-of', { config: { permission: can.read }, schema: { tags, summary: 'The person as registered on a date / 某日的人员信息', params: PersonIdParams, querystring: AsOfQuery, response: { 200: Person, ...errors } } },
    async (request) => persons.asOf(callerOf(request), request.params.id, request.query.date));

  app.post('/persons/:id/reveal', { config: { permission: can.reveal }, schema: { tags, summary: 'Reveal the full ID number or phone, with a reason (audited) / 查看完整敏感信息（记录审计）', params: PersonIdParams, body: z.object({ field: z.enum(['idNumber', 'phone']), reason: Reason }), response: { 200: z.object({ field: z.string(), value: z.string().nullable() }), ...errors } } },
    async (request) => persons.reveal(callerOf(request), request.params.id, request.body.field, request.body.reason, actorOf(request)));

  app.post('/persons/:id/merge', { config: { permission: can.merge }, schema: { tags, summary: 'Merge this duplicate into another person / 合并重复人员', params: PersonIdParams, body: z.object({ intoId: z.number().int().positive(), reason: Reason }), response: { 200: Person, ...errors } } },
    async (request) => persons.merge(callerOf(request), request.params.id, request.body.intoId, request.body.reason, actorOf(request)));
};
