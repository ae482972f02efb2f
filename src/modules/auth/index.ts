export { authRoutes } from './auth.routes.ts';
export { registerAuthentication, callerOf, CSRF_COOKIE, CSRF_HEADER, SESSION_COOKIE } from './auth.hook.ts';
export { createAuthService, type AuthService, type AuthUser } from './auth.service.ts';
export { users, sessions } from './auth.table.ts';
export { countUsers } from './auth.store.ts';
export { ROLES, assertAnyRole, type Role } from './roles.ts';
