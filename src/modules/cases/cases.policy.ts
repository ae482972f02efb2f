// Who may use which case routes. Which step a role may act on (and up to which amount) is the
// workflow's business (workflow/transitions.ts) and the approval rules in the service.
import { definePolicy } from '../../platform/authz.ts';

const STAFF = ['admin', 'county_approver', 'township_reviewer', 'social_worker', 'grid_worker'] as const;
const DECIDERS = ['admin', 'county_approver', 'township_reviewer'] as const;

export const casePermissions = definePolicy('cases', {
  read: { roles: STAFF, zh: '查看救助案件', en: 'see assistance cases' },
  dashboard: { roles: [...STAFF, 'statistics_viewer'], zh: '查看救助案件统计', en: 'see case figures' },
  // Grid workers register 主动发现 applications and record visits.
  register: { roles: STAFF, zh: '登记救助申请', en: 'register applications' },
  investigate: { roles: STAFF, zh: '调查核实（入户调查、材料、附件）', en: 'investigate (visits, materials, attachments)' },
  review: { roles: DECIDERS, zh: '审核、公示与异议处理', en: 'review, public notice and objections' },
  approve: { roles: DECIDERS, zh: '审批救助案件', en: 'approve cases' },
  refuse: { roles: DECIDERS, zh: '不予批准、重新办理、终止', en: 'refuse, re-open and close cases' },
  withdraw: { roles: STAFF, zh: '登记撤回申请', en: 'record a withdrawal' },
  prepay: { roles: DECIDERS, zh: '先行救助（备用金）', en: 'pay in advance from the reserve fund' },
  decide: { roles: ['admin', 'county_approver'], zh: '一事一议、延长时限', en: 'case-by-case decisions and extensions' },
  reviews: { roles: DECIDERS, zh: '发起复核', en: 'open reviews' },
});
