import { definePolicy } from '../../platform/authz.ts';

const STAFF = ['admin', 'county_approver', 'township_reviewer', 'social_worker', 'grid_worker'] as const;

export const policyPermissions = definePolicy('policy', {
  read: { roles: [...STAFF, 'statistics_viewer'], zh: '查看政策参数与规则', en: 'see policy parameters and programs' },
  evaluate: { roles: STAFF, zh: '测算家庭可享受的救助', en: 'evaluate households against the programs' },
  editParameters: { roles: ['admin', 'county_approver'], zh: '设置本辖区政策参数', en: 'set policy parameters for the own area' },
  screen: { roles: ['admin', 'county_approver', 'township_reviewer', 'statistics_viewer'], zh: '查看批量筛查结果', en: 'see batch screening results' },
});
