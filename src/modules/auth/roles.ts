// Roles a user can hold (the identity work adds per-action policies on top of these).
import { AppError } from '../../platform/errors.ts';

export const ROLES = {
  admin: '系统管理员',
  county_approver: '县级审批',
  township_reviewer: '乡镇审核',
  social_worker: '社工',
  grid_worker: '网格员',
  service_point_staff: '服务站点管理员',
  organisation: '社会组织',
  rescue_station: '救助站',
  statistics_viewer: '只读统计',
} as const;
export type Role = keyof typeof ROLES;

export function assertAnyRole(user: { roles: string[] }, ...allowed: Role[]): void {
  if (!allowed.some((r) => user.roles.includes(r))) {
    throw new AppError(
      'forbidden',
      `This needs one of the roles: ${allowed.join(', ')}`,
      `需要以下角色之一：${allowed.map((r) => ROLES[r]).join('、')}`,
    );
  }
}
