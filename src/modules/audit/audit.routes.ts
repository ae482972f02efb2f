import type { RouteModule } from '../../app/types.ts';
import { ApiErrorBody } from '../../lib/api-error.schema.ts';
import { callerOf } from '../auth/auth.hook.ts';
import { AuditList, ListAuditQuery } from './audit.schema.ts';
import { auditPermissions } from './audit.policy.ts';

export const auditRoutes: RouteModule = (app, { services }) => {
  app.get(
    '/audit',
    {
      config: { permission: auditPermissions.read },
      schema: {
        tags: ['audit'],
        summary: 'Audit log in your jurisdiction / 审计日志',
        querystring: ListAuditQuery,
        response: { 200: AuditList, 400: ApiErrorBody, 401: ApiErrorBody, 403: ApiErrorBody },
      },
    },
    async (request) => services.audit.list(callerOf(request), request.query),
  );
};
