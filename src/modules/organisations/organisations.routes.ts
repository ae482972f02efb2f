// Thin routes of the organisations registry: authenticate → permission → validate → service → present.
import type { RouteModule } from '../../app/types.ts';
import { ApiErrorBody } from '../../lib/api-error.schema.ts';
import { actorOf, callerOf } from '../auth/auth.hook.ts';
import { organisationPermissions as can } from './organisations.policy.ts';
import {
  AddMemberBody, CreateOrganisationBody, KindList, ListOrganisationsQuery, MemberList, MemberParams, Organisation, OrganisationIdParams, OrganisationList, UpdateOrganisationBody,
} from './organisations.schema.ts';

const errors = { 400: ApiErrorBody, 401: ApiErrorBody, 403: ApiErrorBody, 404: ApiErrorBody, 409: ApiErrorBody };
const tags = ['organisations'];
const p = (permission: string) => ({ config: { permission } });

export const organisationRoutes: RouteModule = (app, { services }) => {
  const orgs = services.organisations;

  app.get('/organisations/kinds', { ...p(can.read), schema: { tags, summary: 'Kinds of organisation and charity statuses, with labels / 组织类型', response: { 200: KindList, ...errors } } },
    async () => orgs.kinds());

  app.get('/organisations', { ...p(can.read), schema: { tags, summary: 'Organisations serving in or over your area (an organisation user: its own) / 社会力量组织列表', querystring: ListOrganisationsQuery, response: { 200: OrganisationList, ...errors } } },
    async (request) => orgs.list(callerOf(request), request.query));

  app.post('/organisations', { ...p(can.manage), schema: { tags, summary: 'Register an organisation (统一社会信用代码 checked) / 登记组织', body: CreateOrganisationBody, response: { 201: Organisation, ...errors } } },
    async (request, reply) => reply.status(201).send(await orgs.create(callerOf(request), request.body, actorOf(request))));

  app.get('/organisations/:id', { ...p(can.read), schema: { tags, summary: 'One organisation / 组织详情', params: OrganisationIdParams, response: { 200: Organisation, ...errors } } },
    async (request) => orgs.get(callerOf(request), request.params.id));

  app.patch('/organisations/:id', { ...p(can.manage), schema: { tags, summary: 'Change an organisation, or deactivate it / 修改组织', params: OrganisationIdParams, body: UpdateOrganisationBody, response: { 200: Organisation, ...errors } } },
    async (request) => orgs.update(callerOf(request), request.params.id, request.body, actorOf(request)));

  app.get('/organisations/:id/users', { ...p(can.read), schema: { tags, summary: 'Users acting for the organisation / 组织用户', params: OrganisationIdParams, response: { 200: MemberList, ...errors } } },
    async (request) => orgs.members(callerOf(request), request.params.id));

  app.post('/organisations/:id/users', { ...p(can.members), schema: { tags, summary: 'Link a user of the organisation role to this organisation (moving them from another) / 关联组织用户', params: OrganisationIdParams, body: AddMemberBody, response: { 200: MemberList, ...errors } } },
    async (request) => orgs.addMember(callerOf(request), request.params.id, request.body.userId, actorOf(request)));

  app.delete('/organisations/:id/users/:userId', { ...p(can.members), schema: { tags, summary: 'Unlink a user from the organisation / 解除组织用户', params: MemberParams, response: { 200: MemberList, ...errors } } },
    async (request) => orgs.removeMember(callerOf(request), request.params.id, request.params.userId, actorOf(request)));
};
