// What the UI offers to whom. The server enforces the same rules; this only hides what would fail.

interface HasRoles {
  roles: readonly string[];
}

export const isAdmin = (user: HasRoles): boolean => user.roles.includes('admin');

/** County approvers review what happened in their county, so they may read the audit log too. */
export const canViewAudit = (user: HasRoles): boolean => isAdmin(user) || user.roles.includes('county_approver');
