import { ALL_ROLES, definePolicy } from '../../platform/authz.ts';

export const jurisdictionPermissions = definePolicy('jurisdictions', {
  read: { roles: ALL_ROLES, zh: '查看区划', en: 'see jurisdictions' },
  write: { roles: ['admin'], zh: '维护区划', en: 'change jurisdictions' },
});
