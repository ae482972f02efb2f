import { z } from 'zod';
import type { RouteModule } from '../../app/types.ts';
import { ApiErrorBody } from '../../lib/api-error.schema.ts';
import { bi } from '../../lib/bilingual.ts';
import { actorOf, callerOf } from '../auth/auth.hook.ts';
import { personPermissions as can } from '../persons/persons.policy.ts';
import {
  AddMemberBody,
  AsOfQuery,
  AssetInput,
  ExpenseInput,
  Household,
  HouseholdIdParams,
  HouseholdInput,
  HouseholdPatch,
  IncomeInput,
  UpdateMemberBody,
} from './households.schema.ts';

const errors = { 400: ApiErrorBody, 401: ApiErrorBody, 403: ApiErrorBody, 404: ApiErrorBody, 409: ApiErrorBody };
const tags = ['households'];
const Reason = z.string().trim().min(4, bi('state a reason (at least 4 characters)', '请填写理由（至少 4 个字）')).max(200);
const MemberParams = HouseholdIdParams.extend({ personId: z.coerce.number().int().positive() });
const ItemParams = HouseholdIdParams.extend({ itemId: z.coerce.number().int().positive() });

export const householdRoutes: RouteModule = (app, { services }) => {
  const households = services.households;
  const write = { config: { permission: can.write } };
  const read = { config: { permission: can.read } };

  app.post('/households', { ...write, schema: { tags, summary: 'Register a household with its head / 建户', body: HouseholdInput, response: { 201: Household, ...errors } } },
    async (request, reply) => reply.status(201).send(await households.create(callerOf(request), request.body, actorOf(request))));

  app.get('/households/:id', { ...read, schema: { tags, summary: 'A household with members, finances and per-capita figures / 户详情', params: HouseholdIdParams, response: { 200: Household, ...errors } } },
    async (request) => households.get(callerOf(request), request.params.id));

  app.patch('/households/:id', { ...write, schema: { tags, summary: 'Change address or bank account / 修改户信息', params: HouseholdIdParams, body: HouseholdPatch, response: { 200: Household, ...errors } } },
    async (request) => households.update(callerOf(request), request.params.id, request.body, actorOf(request)));

  app.get('/households/:id/as-of', { ...read, schema: { tags, summary: 'The household as it stood on a date / 某日的户信息', params: HouseholdIdParams, querystring: AsOfQuery, response: { 200: Household, ...errors } } },
    async (request) => households.asOf(callerOf(request), request.params.id, request.query.date));

  app.get('/households/:id/history', { ...read, schema: { tags, summary: 'Versions of a household / 户信息变更历史', params: HouseholdIdParams, response: { 200: z.object({ items: z.array(z.object({ version: z.number(), validFrom: z.string(), actorName: z.string(), reason: z.string().nullable() })) }), ...errors } } },
    async (request) => ({ items: await households.history(callerOf(request), request.params.id) }));

  app.post('/households/:id/members', { ...write, schema: { tags, summary: 'Add a member (move: take them from their current household) / 添加或迁入成员', params: HouseholdIdParams, body: AddMemberBody.extend({ move: z.boolean().default(false) }), response: { 200: Household, ...errors } } },
    async (request) => households.addMember(callerOf(request), request.params.id, request.body, actorOf(request)));

  app.patch('/households/:id/members/:personId', { ...write, schema: { tags, summary: 'Change a member’s relationship or flags / 修改成员关系与标记', params: MemberParams, body: UpdateMemberBody, response: { 200: Household, ...errors } } },
    async (request) => households.updateMember(callerOf(request), request.params.id, request.params.personId, request.body, actorOf(request)));

  app.post('/households/:id/members/:personId/remove', { ...write, schema: { tags, summary: 'Remove a member (kept in history) / 移出成员', params: MemberParams, body: z.object({ reason: Reason }), response: { 200: Household, ...errors } } },
    async (request) => households.removeMember(callerOf(request), request.params.id, request.params.personId, request.body.reason, actorOf(request)));

  app.post('/households/:id/head', { ...write, schema: { tags, summary: 'Change the head of household / 变更户主', params: HouseholdIdParams, body: z.object({ personId: z.number().int().positive(), reason: Reason }), response: { 200: Household, ...errors } } },
    async (request) => households.changeHead(callerOf(request), request.params.id, request.body.personId, request.body.reason, actorOf(request)));

  for (const [kind, body, zh] of [['incomes', IncomeInput, '收入'], ['assets', AssetInput, '财产'], ['expenses', ExpenseInput, '刚性支出']] as const) {
    app.post(`/households/:id/${kind}`, { ...write, schema: { tags, summary: `Record ${kind} / 登记${zh}`, params: HouseholdIdParams, body, response: { 200: Household, ...errors } } },
      async (request) => households.addItem(callerOf(request), (request.params as { id: number }).id, kind, request.body as never, actorOf(request)));
    app.delete(`/households/:id/${kind}/:itemId`, { ...write, schema: { tags, summary: `Delete a recorded ${kind} item / 删除${zh}记录`, params: ItemParams, response: { 200: Household, ...errors } } },
      async (request) => {
        const params = request.params as { id: number; itemId: number };
        return households.removeItem(callerOf(request), params.id, kind, params.itemId, actorOf(request));
      });
  }
};
