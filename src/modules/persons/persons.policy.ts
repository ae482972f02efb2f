import { definePolicy } from '../../platform/authz.ts';

const STAFF = ['admin', 'county_approver', 'township_reviewer', 'social_worker', 'grid_worker'] as const;

export const personPermissions = definePolicy('persons', {
  read: { roles: [...STAFF, 'statistics_viewer', 'rescue_station'], zh: '查看人员与家庭', en: 'see persons and households' },
  write: { roles: STAFF, zh: '登记和修改人员与家庭', en: 'register and change persons and households' },
  reveal: { roles: ['admin', 'county_approver', 'township_reviewer'], zh: '查看完整身份证号、手机号', en: 'reveal full ID numbers and phones' },
  merge: { roles: ['admin', 'county_approver'], zh: '合并重复人员', en: 'merge duplicate persons' },
});
