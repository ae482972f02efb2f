import { ALL_ROLES, definePolicy } from '../../platform/authz.ts';

export const toolPermissions = definePolicy('tools', {
  use: { roles: ALL_ROLES, zh: '使用校验工具', en: 'use the checking tools' },
});
