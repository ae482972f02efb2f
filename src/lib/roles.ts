// The roles a user or API token can hold. Plain data: the platform's permission checks, the
// users module's contracts and the web all read this one list.
export const ROLE_NAMES = [
  'admin',
  'county_approver',
  'township_reviewer',
  'social_worker',
  'grid_worker',
  'service_point_staff',
  'organisation',
  'rescue_station',
  'statistics_viewer',
] as const;
export type RoleName = (typeof ROLE_NAMES)[number];
