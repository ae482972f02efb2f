// Authentication and authorization for every /api route, in one place: who is calling (session
// cookie with CSRF check, or bearer API token), may they use this route (its declared
// permission), and must they change their password first.
import { timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../../platform/errors.ts';
import { assertPermission, permissionSpec } from '../../platform/authz.ts';
import type { ZodApp } from '../../platform/http/types.ts';
import type { Actor } from '../audit/audit.service.ts';
import type { AuthService, AuthUser } from './auth.service.ts';
import { authPermissions } from './auth.policy.ts';

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

/** The authenticated caller; throws 401 when there is none (only public routes can get there). */
export function callerOf(request: FastifyRequest): AuthUser {
  if (!request.caller) throw unauthenticated();
  return request.caller;
}

/** Who did it, for the audit log. */
export function actorOf(request: FastifyRequest): Actor {
  const c = request.caller;
  return c
    ? { kind: c.kind, id: c.id, name: c.username, ip: request.ip }
    : { kind: 'system', id: null, name: 'anonymous', ip: request.ip };
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

  // A route with neither `public` nor a declared permission is a mistake: refuse to start.
  app.addHook('onRoute', (route) => {
    const config = (route.config ?? {}) as { public?: boolean; permission?: string };
    if (!config.public && (!config.permission || !permissionSpec(config.permission))) {
      throw new Error(`Route ${route.method} ${route.url} declares no known permission (config.permission)`);
    }
    // Publish the policy in the OpenAPI document, where clients and the access-matrix test read it.
    if (route.schema) {
      const permission = config.public ? 'public' : config.permission!;
      const spec = config.public ? null : permissionSpec(permission)!;
      const roles = spec ? `${spec.roles.join(', ')}${spec.wholeSystem ? '; whole-system scope only' : ''}` : 'anyone';
      Object.assign(route.schema, { 'x-permission': permission, ...(spec?.wholeSystem ? { 'x-whole-system': true } : {}), description: `Permission: \`${permission}\` (${roles})` });
    }
  });

  app.addHook('onRequest', async (request) => {
    const authorization = request.headers.authorization;
    if (authorization?.startsWith('Bearer ')) {
      const caller = await auth.authenticateToken(authorization.slice(7).trim());
      if (!caller) throw new AppError('unauthenticated', 'The API token is invalid, expired or revoked', '接口令牌无效、已过期或已吊销');
      request.caller = caller; // bearer tokens are not sent by browsers on their own: no CSRF check
    } else {
      const token = request.cookies[SESSION_COOKIE];
      const session = token ? await auth.authenticate(token) : undefined;
      if (session) {
        if (!SAFE_METHODS.has(request.method) && !sameToken(request.headers[CSRF_HEADER] as string | undefined, session.csrfToken)) {
          throw new AppError('csrf_failed', 'Missing or wrong CSRF token; reload the page', 'CSRF 校验失败，请刷新页面后重试');
        }
        request.caller = session.user;
        request.sessionToken = token!;
      }
    }
    const config = request.routeOptions.config;
    if (config.public) return;
    const caller = callerOf(request);
    const permission = config.permission!;
    if (caller.mustChangePassword && permission !== authPermissions.self) {
      throw new AppError('password_change_required', 'Change your password before continuing', '请先修改密码后再继续操作');
    }
    assertPermission(caller, permission);
  });
}
