export { authRoutes } from './auth.routes.ts';
export { registerAuthentication, callerOf, actorOf, CSRF_COOKIE, CSRF_HEADER, SESSION_COOKIE } from './auth.hook.ts';
export { createAuthService, assertPasswordPolicy, toAuthUser, hashToken, type AuthService, type AuthUser } from './auth.service.ts';
export { createTokensService, type TokensService } from './tokens.service.ts';
export { users, sessions, apiTokens, loginThrottles } from './auth.table.ts';
export { countUsers } from './auth.store.ts';
export { ROLE_LABELS } from './roles.ts';
export { authPermissions, tokenPermissions } from './auth.policy.ts';
