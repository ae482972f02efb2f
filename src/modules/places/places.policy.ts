import { definePolicy } from '../../platform/authz.ts';

// A place's location is read by every staff role and set by those who keep the place list.
export const placePermissions = definePolicy('places', {
  read: { roles: ['admin', 'county_approver', 'township_reviewer', 'social_worker', 'grid_worker', 'service_point_staff', 'statistics_viewer'], zh: '查看区划位置', en: 'see where places are' },
  write: { roles: ['admin', 'county_approver', 'township_reviewer'], zh: '设置区划位置（中心点）', en: 'set where places are (centre points)' },
});
