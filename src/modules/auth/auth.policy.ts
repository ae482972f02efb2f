import { ALL_ROLES, definePolicy } from '../../platform/authz.ts';

export const authPermissions = definePolicy('session', {
  self: { roles: ALL_ROLES, zh: '查看和维护本人账号', en: 'see and manage your own account' },
});

export const tokenPermissions = definePolicy('tokens', {
  manage: { roles: ['admin'], zh: '管理接口令牌', en: 'manage API tokens' },
});
