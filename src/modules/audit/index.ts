export { auditRoutes } from './audit.routes.ts';
export { createAuditService, diffChanges, SYSTEM_ACTOR, type Actor, type AuditService } from './audit.service.ts';
export { auditPermissions } from './audit.policy.ts';
