// Who is offered what in the cases module. The server decides (cases.policy.ts and the workflow's
// rules per step); these only hide what would be refused. Per-case buttons follow `case.actions`.

interface HasRoles {
  roles: readonly string[];
}
const hasAny = (user: HasRoles, roles: readonly string[]) => user.roles.some((r) => roles.includes(r));

/** Staff who see, register and investigate cases (cases.read / register / investigate). */
export const CASE_STAFF = ['admin', 'county_approver', 'township_reviewer', 'social_worker', 'grid_worker'] as const;
/** The module's menu entry: staff, and statistics viewers for the dashboard only. */
export const CASE_MODULE_ROLES = [...CASE_STAFF, 'statistics_viewer'] as const;

export const canReadCases = (user: HasRoles): boolean => hasAny(user, CASE_STAFF);
export const canRegisterCases = (user: HasRoles): boolean => hasAny(user, CASE_STAFF);
export const canSeeCaseDashboard = (user: HasRoles): boolean => hasAny(user, CASE_MODULE_ROLES);
