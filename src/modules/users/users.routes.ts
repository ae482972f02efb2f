import { z } from 'zod';
import type { RouteModule } from '../../app/types.ts';
import { ApiErrorBody } from '../../lib/api-error.schema.ts';
import { actorOf, callerOf } from '../auth/auth.hook.ts';
import {
  CreateUserBody,
  ListUsersQuery,
  ResetPasswordBody,
  RevealBody,
  RevealResponse,
  RoleList,
  SessionList,
  UpdateUserBody,
  UserIdParams,
  UserList,
  UserSummary,
} from './users.schema.ts';
import { userPermissions } from './users.policy.ts';

const errors = { 400: ApiErrorBody, 401: ApiErrorBody, 403: ApiErrorBody, 404: ApiErrorBody };
const tags = ['users'];

export const userRoutes: RouteModule = (app, { services }) => {
  const users = services.users;

  app.get(
    '/roles',
    { config: { permission: userPermissions.roles }, schema: { tags, summary: 'Roles and their permissions / 角色与权限', response: { 200: RoleList, ...errors } } },
    async () => ({ items: users.roles() }),
  );

  app.get(
    '/users',
    { config: { permission: userPermissions.read }, schema: { tags, summary: 'Users in your jurisdiction / 用户列表', querystring: ListUsersQuery, response: { 200: UserList, ...errors } } },
    async (request) => users.list(callerOf(request), request.query),
  );

  app.post(
    '/users',
    { config: { permission: userPermissions.write }, schema: { tags, summary: 'Create a user / 新增用户', body: CreateUserBody, response: { 201: UserSummary, ...errors, 409: ApiErrorBody } } },
    async (request, reply) => reply.status(201).send(await users.create(callerOf(request), request.body, actorOf(request))),
  );

  app.get(
    '/users/:id',
    { config: { permission: userPermissions.read }, schema: { tags, summary: 'One user / 用户详情', params: UserIdParams, response: { 200: UserSummary, ...errors } } },
    async (request) => users.get(callerOf(request), request.params.id),
  );

  app.patch(
    '/users/:id',
    { config: { permission: userPermissions.write }, schema: { tags, summary: 'Change a user / 修改用户', params: UserIdParams, body: UpdateUserBody, response: { 200: UserSummary, ...errors, 409: ApiErrorBody } } },
    async (request) => users.update(callerOf(request), request.params.id, request.body, actorOf(request)),
  );

  app.post(
    '/users/:id/password',
    { config: { permission: userPermissions.write }, schema: { tags, summary: 'Reset a password (changed at next login) / 重置密码', params: UserIdParams, body: ResetPasswordBody, response: { 204: z.null(), ...errors } } },
    async (request, reply) => {
      await users.resetPassword(callerOf(request), request.params.id, request.body.newPassword, actorOf(request));
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/users/:id/unlock',
    { config: { permission: userPermissions.write }, schema: { tags, summary: 'Clear a login lockout / 解除登录锁定', params: UserIdParams, response: { 204: z.null(), ...errors } } },
    async (request, reply) => {
      await users.unlock(callerOf(request), request.params.id, actorOf(request));
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/users/:id/reveal',
    { config: { permission: userPermissions.reveal }, schema: { tags, summary: 'Reveal a sensitive field, with a reason (audited) / 查看完整敏感信息（记录审计）', params: UserIdParams, body: RevealBody, response: { 200: RevealResponse, ...errors } } },
    async (request) => users.reveal(callerOf(request), request.params.id, request.body.field, request.body.reason, actorOf(request)),
  );

  app.get(
    '/users/:id/sessions',
    { config: { permission: userPermissions.read }, schema: { tags, summary: "A user's live sessions / 用户在线会话", params: UserIdParams, response: { 200: SessionList, ...errors } } },
    async (request) => ({ items: await users.sessions(callerOf(request), request.params.id, request.sessionToken) }),
  );

  app.delete(
    '/users/:id/sessions',
    { config: { permission: userPermissions.write }, schema: { tags, summary: 'Log a user out everywhere / 强制下线', params: UserIdParams, response: { 204: z.null(), ...errors } } },
    async (request, reply) => {
      await users.revokeSessions(callerOf(request), request.params.id, actorOf(request));
      return reply.status(204).send(null);
    },
  );
};
