// Authentication for every /api route, registered once: reads the session cookie, loads the
// caller, and checks the CSRF token (double submit) on state-changing requests.
import { timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../../platform/errors.ts';
import type { ZodApp } from '../../platform/http/types.ts';
import type { AuthService, AuthUser } from './auth.service.ts';

export const SESSION_COOKIE = 'lm_session';
export const CSRF_COOKIE = 'lm_csrf';
export const CSRF_HEADER = 'x-csrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

declare module 'fastify' {
  interface FastifyRequest {
    caller: AuthUser | null;
    sessionToken: string | null;
  }
}

export const unauthenticated = () => new AppError('unauthenticated', 'Please log in', '请先登录');

/** The logged-in caller; throws 401 when there is none (only public routes can get there). */
export function callerOf(request: FastifyRequest): AuthUser {
  if (!request.caller) throw unauthenticated();
  return request.caller;
}

function sameToken(a: string | undefined, b: string): boolean {
  if (!a) return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function registerAuthentication(app: ZodApp, auth: AuthService): void {
  app.decorateRequest('caller', null);
  app.decorateRequest('sessionToken', null);
  app.addHook('onRequest', async (request) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token) {
      const session = await auth.authenticate(token);
      if (session) {
        if (!SAFE_METHODS.has(request.method) && !sameToken(request.headers[CSRF_HEADER] as string | undefined, session.csrfToken)) {
          throw new AppError('csrf_failed', 'Missing or wrong CSRF token; reload the page', 'CSRF 校验失败，请刷新页面后重试');
        }
        request.caller = session.user;
        request.sessionToken = token;
      }
    }
    if (!request.caller && !request.routeOptions.config.public) throw unauthenticated();
  });
}
