// Who may use which campaign routes. Which targets a caller sees is their jurisdiction's business:
// a grid worker sees their grid's targets, a community its grids, a county all of them.
import { definePolicy } from '../../platform/authz.ts';

const STAFF = ['admin', 'county_approver', 'township_reviewer', 'social_worker', 'grid_worker'] as const;
const ORGANISERS = ['admin', 'county_approver', 'township_reviewer', 'social_worker'] as const;

export const campaignPermissions = definePolicy('campaigns', {
  read: { roles: [...STAFF, 'statistics_viewer'], zh: '查看专项行动台账与进度', en: 'see campaign ledgers and progress' },
  manage: { roles: ORGANISERS, zh: '发起专项行动、生成名单、分配责任人', en: 'set up campaigns, build target lists and assign workers' },
  visit: { roles: STAFF, zh: '登记走访与销号', en: 'record visits and strike targets off' },
});
