// Role names and their labels. Which role may do what is declared in each module's policy file.
import type { RoleName } from '../users/users.schema.ts';

export const ROLE_LABELS: Record<RoleName, { zh: string; en: string }> = {
  admin: { zh: '系统管理员', en: 'Administrator' },
  county_approver: { zh: '县级审批', en: 'County approver' },
  township_reviewer: { zh: '乡镇审核', en: 'Township reviewer' },
  social_worker: { zh: '社工', en: 'Social worker' },
  grid_worker: { zh: '网格员', en: 'Grid worker' },
  service_point_staff: { zh: '服务站点管理员', en: 'Service-point staff' },
  organisation: { zh: '社会组织', en: 'Charity / volunteer organisation' },
  rescue_station: { zh: '救助站', en: 'Rescue-station staff' },
  statistics_viewer: { zh: '只读统计', en: 'Statistics (read-only)' },
};
