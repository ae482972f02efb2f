import { ALL_ROLES, definePolicy } from '../../platform/authz.ts';

// Everyone reads and marks their own notifications; nobody reads another's.
export const notificationPermissions = definePolicy('notifications', {
  own: { roles: ALL_ROLES, zh: '查看本人的通知', en: 'see your own notifications' },
});
