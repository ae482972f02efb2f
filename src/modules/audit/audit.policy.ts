import { definePolicy } from '../../platform/authz.ts';

export const auditPermissions = definePolicy('audit', {
  read: { roles: ['admin', 'county_approver'], zh: '查看审计日志', en: 'see the audit log' },
});
