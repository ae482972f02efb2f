import { z } from 'zod';
import type { RouteModule } from '../../platform/http/types.ts';
import { ApiErrorBody } from '../../lib/api-error.schema.ts';
import { LoginBody, SessionResponse } from './auth.schema.ts';
import { CSRF_COOKIE, SESSION_COOKIE, callerOf } from './auth.hook.ts';

export const authRoutes: RouteModule = (app, { services, config }) => {
  const secure = false; // set behind TLS by the proxy config in the identity work; cookies stay HttpOnly + SameSite
  const maxAge = config.sessionHours * 3600;

  app.post(
    '/auth/login',
    {
      config: { public: true },
      schema: {
        tags: ['auth'],
        summary: 'Log in with username and password / 用户名密码登录',
        body: LoginBody,
        response: { 200: SessionResponse, 400: ApiErrorBody, 401: ApiErrorBody },
      },
    },
    async (request, reply) => {
      const result = await services.auth.login({
        ...request.body,
        ip: request.ip,
        userAgent: request.headers['user-agent'] ?? null,
      });
      reply.setCookie(SESSION_COOKIE, result.token, { path: '/', httpOnly: true, sameSite: 'lax', secure, maxAge });
      // Readable by the page, echoed back in the x-csrf-token header (double submit).
      reply.setCookie(CSRF_COOKIE, result.csrfToken, { path: '/', httpOnly: false, sameSite: 'lax', secure, maxAge });
      const { scope: _scope, ...user } = result.user;
      return { user };
    },
  );

  app.post(
    '/auth/logout',
    {
      config: { public: true },
      schema: { tags: ['auth'], summary: 'Log out / 退出登录', response: { 204: z.null(), 403: ApiErrorBody } },
    },
    async (request, reply) => {
      if (request.sessionToken) await services.auth.logout(request.sessionToken);
      reply.clearCookie(SESSION_COOKIE, { path: '/' }).clearCookie(CSRF_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/auth/me',
    { schema: { tags: ['auth'], summary: 'The logged-in user / 当前用户', response: { 200: SessionResponse, 401: ApiErrorBody } } },
    async (request) => {
      const { scope: _scope, ...user } = callerOf(request);
      return { user };
    },
  );
};
