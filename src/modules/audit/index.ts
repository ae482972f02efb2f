export { auditRoutes } from './audit.routes.ts';
export { createAuditService, diffChanges, SYSTEM_ACTOR, type Actor, type AuditRecorder, type AuditService, type VerifyResult } from './audit.service.ts';
export { auditPermissions } from './audit.policy.ts';
export { anchorJob } from './audit.jobs.ts';
export { appendAnchor, readAnchorLines } from './anchor-file.ts';
