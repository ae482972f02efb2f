import { definePolicy } from '../../platform/authz.ts';

export const userPermissions = definePolicy('users', {
  read: { roles: ['admin'], zh: '查看用户', en: 'see users' },
  write: { roles: ['admin'], zh: '管理用户', en: 'manage users' },
  reveal: { roles: ['admin'], zh: '查看用户完整敏感信息', en: 'reveal users’ sensitive fields' },
  roles: { roles: ['admin'], zh: '查看角色权限', en: 'see roles and permissions' },
});
