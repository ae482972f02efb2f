// What the help-request pages offer to whom (requests.* permissions on the server, which decides).
interface HasRoles {
  roles: readonly string[];
}

const STAFF = ['admin', 'county_approver', 'township_reviewer', 'social_worker', 'grid_worker'] as const;
export const REQUEST_READERS = [...STAFF, 'service_point_staff'] as const;

const hasAny = (user: HasRoles, roles: readonly string[]) => user.roles.some((r) => roles.includes(r));

/** Record calls, patrols, walk-ins and council meetings. */
export const canIntake = (user: HasRoles): boolean => hasAny(user, REQUEST_READERS);
/** Take, transfer, resolve and follow up; reveal a caller's phone; open a case (cases.register has the same roles). */
export const canHandle = (user: HasRoles): boolean => hasAny(user, STAFF);
/** Assign, re-assign and merge duplicates. */
export const canDispatch = (user: HasRoles): boolean => hasAny(user, ['admin', 'county_approver', 'township_reviewer', 'social_worker']);
/** Routing rules for one's area. */
export const canSetRouting = (user: HasRoles): boolean => hasAny(user, ['admin', 'county_approver']);
/** Categories and their time limits. */
export const canSetCategories = (user: HasRoles): boolean => hasAny(user, ['admin']);
