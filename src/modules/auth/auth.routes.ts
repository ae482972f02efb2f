import { z } from 'zod';
import { Int4IdParam } from '../../lib/row-id.ts';
import { rateLimitedError } from '../../platform/http/rate-limit.ts';
import type { RouteModule } from '../../app/types.ts';
import { ApiErrorBody } from '../../lib/api-error.schema.ts';
import { ApiTokenList, ChangePasswordBody, CreateApiTokenBody, CreatedApiToken, LoginBody, SessionResponse } from './auth.schema.ts';
import { CSRF_COOKIE, SESSION_COOKIE, actorOf, callerOf } from './auth.hook.ts';
import { authPermissions, tokenPermissions } from './auth.policy.ts';

const errors = { 400: ApiErrorBody, 401: ApiErrorBody, 403: ApiErrorBody };

export const authRoutes: RouteModule = (app, { services, config }) => {
  const cookie = { path: '/', sameSite: 'lax' as const, secure: config.secureCookies, maxAge: config.sessionHours * 3600 };

  app.post(
    '/auth/login',
    {
      config: {
        public: true,
        // Per client address, per process; the account lockout (in the database) bounds guessing across processes.
        rateLimit: {
          max: config.login.ratePerMinute,
          timeWindow: 60_000,
          errorResponseBuilder: rateLimitedError({ en: 'login attempts', zh: '登录尝试' }),
        },
      },
      schema: {
        tags: ['auth'],
        summary: 'Log in with username and password / 用户名密码登录',
        body: LoginBody,
        response: { 200: SessionResponse, ...errors, 429: ApiErrorBody },
      },
    },
    async (request, reply) => {
      const result = await services.auth.login({ ...request.body, ip: request.ip, userAgent: request.headers['user-agent'] ?? null });
      reply.setCookie(SESSION_COOKIE, result.token, { ...cookie, httpOnly: true });
      // Readable by the page, echoed back in the x-csrf-token header (double submit).
      reply.setCookie(CSRF_COOKIE, result.csrfToken, { ...cookie, httpOnly: false });
      return { user: result.user };
    },
  );

  app.post(
    '/auth/logout',
    { config: { public: true }, schema: { tags: ['auth'], summary: 'Log out / 退出登录', response: { 204: z.null(), 403: ApiErrorBody } } },
    async (request, reply) => {
      if (request.sessionToken) await services.auth.logout(request.sessionToken, actorOf(request));
      reply.clearCookie(SESSION_COOKIE, { path: '/' }).clearCookie(CSRF_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/auth/me',
    {
      config: { permission: authPermissions.self },
      schema: { tags: ['auth'], summary: 'The logged-in user / 当前用户', response: { 200: SessionResponse, ...errors } },
    },
    async (request) => ({ user: callerOf(request) }),
  );

  app.post(
    '/auth/password',
    {
      config: { permission: authPermissions.self },
      schema: {
        tags: ['auth'],
        summary: 'Change your own password / 修改本人密码',
        body: ChangePasswordBody,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await services.auth.changeOwnPassword(callerOf(request), { ...request.body, sessionToken: request.sessionToken }, actorOf(request));
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/tokens',
    {
      config: { permission: tokenPermissions.manage },
      schema: { tags: ['auth'], summary: 'API tokens in your scope / 接口令牌列表', response: { 200: ApiTokenList, ...errors } },
    },
    async (request) => ({ items: await services.tokens.list(callerOf(request)) }),
  );

  app.post(
    '/tokens',
    {
      config: { permission: tokenPermissions.manage },
      schema: {
        tags: ['auth'],
        summary: 'Create an API token (shown once) / 创建接口令牌',
        body: CreateApiTokenBody,
        response: { 201: CreatedApiToken, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await services.tokens.create(callerOf(request), request.body, actorOf(request))),
  );

  app.delete(
    '/tokens/:id',
    {
      config: { permission: tokenPermissions.manage },
      schema: {
        tags: ['auth'],
        summary: 'Revoke an API token / 吊销接口令牌',
        params: z.object({ id: Int4IdParam }),
        response: { 204: z.null(), ...errors, 404: ApiErrorBody, 409: ApiErrorBody },
      },
    },
    async (request, reply) => {
      await services.tokens.revoke(callerOf(request), request.params.id, actorOf(request));
      return reply.status(204).send(null);
    },
  );
};
