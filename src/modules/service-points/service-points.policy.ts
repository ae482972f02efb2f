// Who may use the service-point routes. Which point a caller may see or change is decided by
// scope (the point's place lies in the caller's area) in the store. The directory itself is public.
import { definePolicy } from '../../platform/authz.ts';

const STAFF = ['admin', 'county_approver', 'township_reviewer', 'social_worker', 'grid_worker'] as const;

export const servicePointPermissions = definePolicy('servicePoints', {
  read: { roles: [...STAFF, 'service_point_staff', 'statistics_viewer'], zh: '查看服务阵地', en: 'see service points' },
  write: { roles: ['admin', 'county_approver', 'township_reviewer', 'social_worker', 'service_point_staff'], zh: '登记和维护服务阵地（位置、服务、开放时间、状态）', en: 'add and keep service points (place, services, hours, status)' },
  // Visits and consultations are recorded by whoever staffs the point.
  record: { roles: [...STAFF, 'service_point_staff'], zh: '登记服务人次与咨询', en: 'record visits and consultations' },
  // The catalogues have no place: one list for every area, so only the whole system's admin.
  catalogue: { roles: ['admin'], wholeSystem: true, zh: '设置服务阵地类型与服务目录', en: 'set the kinds of point and the service catalogue' },
});
