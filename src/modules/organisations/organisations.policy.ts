// Who may use the organisations registry. Staff see the organisations serving inside or over their
// area; a user of the `organisation` role sees only the organisation they act for.
import { definePolicy } from '../../platform/authz.ts';

export const organisationPermissions = definePolicy('organisations', {
  read: {
    roles: ['admin', 'county_approver', 'township_reviewer', 'social_worker', 'grid_worker', 'service_point_staff', 'organisation', 'statistics_viewer'],
    zh: '查看社会力量组织',
    en: 'see organisations',
  },
  manage: { roles: ['admin', 'county_approver', 'township_reviewer'], zh: '登记和修改社会力量组织', en: 'register and change organisations' },
  members: { roles: ['admin'], zh: '指定组织用户所属的组织', en: 'link organisation users to their organisation' },
});
