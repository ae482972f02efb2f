// What the UI offers to whom. The server enforces the same rules; this only hides what would fail.

interface HasRoles {
  roles: readonly string[];
}

export const isAdmin = (user: HasRoles): boolean => user.roles.includes('admin');

/** County approvers review what happened in their county, so they may read the audit log too. */
export const canViewAudit = (user: HasRoles): boolean => isAdmin(user) || user.roles.includes('county_approver');

// The people registry (persons.* permissions on the server).
const REGISTRY_STAFF = ['admin', 'county_approver', 'township_reviewer', 'social_worker', 'grid_worker'];
export const REGISTRY_READERS = [...REGISTRY_STAFF, 'statistics_viewer', 'rescue_station'] as const;
const hasAny = (user: HasRoles, roles: readonly string[]) => user.roles.some((r) => roles.includes(r));

/** Register and change persons and households, import ledgers. */
export const canEditRegistry = (user: HasRoles): boolean => hasAny(user, REGISTRY_STAFF);
/** See full ID numbers and phones (each time with a reason, audited); export them unmasked. */
export const canRevealPersons = (user: HasRoles): boolean => hasAny(user, ['admin', 'county_approver', 'township_reviewer']);

// Policy parameters and programs (policy.* permissions on the server).
/** Read programs, parameters and a household's eligibility. */
export const canReadPolicies = (user: HasRoles): boolean => hasAny(user, REGISTRY_READERS);

/**
 * Add a dated parameter value: admins anywhere in their scope, county approvers for their own
 * area (a jurisdiction at or under theirs). The server checks the same.
 */
export function canEditPolicyAt(user: HasRoles & { jurisdictionCode: string }, jurisdiction: string): boolean {
  if (isAdmin(user)) return true;
  return user.roles.includes('county_approver') && user.jurisdictionCode !== '' && jurisdiction.startsWith(user.jurisdictionCode);
}
/** Whether the user may add parameter values anywhere at all (shows the form). */
export const canEditPolicies = (user: HasRoles): boolean => isAdmin(user) || user.roles.includes('county_approver');

/** The benefit ledger of a household or person (charity.benefits on the server): staff, never an organisation. */
export const canReadBenefits = (user: HasRoles): boolean => hasAny(user, [...REGISTRY_STAFF, 'statistics_viewer']);
