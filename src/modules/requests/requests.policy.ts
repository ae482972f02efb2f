// Who may use which help-request routes. Which request a caller may act on is decided by scope
// (the request's place lies in the caller's area) in the store.
import { definePolicy } from '../../platform/authz.ts';

const STAFF = ['admin', 'county_approver', 'township_reviewer', 'social_worker', 'grid_worker'] as const;

export const requestPermissions = definePolicy('requests', {
  read: { roles: [...STAFF, 'service_point_staff'], zh: '查看群众诉求', en: 'see help requests' },
  // Service points record walk-ins; everyone on the ground records calls, patrols and council items.
  intake: { roles: [...STAFF, 'service_point_staff'], zh: '登记群众诉求（来电、巡查、来访、议事会）', en: 'record help requests (calls, patrols, walk-ins, council meetings)' },
  handle: { roles: STAFF, zh: '办理群众诉求（接单、转办、办结、回访）', en: 'handle help requests (take, transfer, resolve, follow up)' },
  dispatch: { roles: ['admin', 'county_approver', 'township_reviewer', 'social_worker'], zh: '派单、改派与合并重复诉求', en: 'assign, re-assign and merge duplicate requests' },
  // The phone the caller left with the request; a registered person's own phone needs persons.reveal too.
  reveal: { roles: STAFF, zh: '查看诉求人留下的完整电话（记录审计）', en: 'reveal the phone a caller left (audited)' },
  routing: { roles: ['admin', 'county_approver'], zh: '设置诉求分派规则', en: 'set routing rules' },
  // Categories have no jurisdiction: one list for every area, so only the whole system's admin.
  categories: { roles: ['admin'], wholeSystem: true, zh: '设置诉求类别与办理时限', en: 'set categories and time limits' },
});
