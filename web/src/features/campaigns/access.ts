// What the campaign pages offer to whom (campaigns.* permissions on the server, which decides).
interface HasRoles {
  roles: readonly string[];
}

const VISITORS = ['admin', 'county_approver', 'township_reviewer', 'social_worker', 'grid_worker'] as const;
const ORGANISERS = ['admin', 'county_approver', 'township_reviewer', 'social_worker'] as const;
export const CAMPAIGN_READERS = [...VISITORS, 'statistics_viewer'] as const;

const hasAny = (user: HasRoles, roles: readonly string[]) => user.roles.some((r) => roles.includes(r));

/** Set up campaigns, build and import lists, assign workers. */
export const canOrganiseCampaigns = (user: HasRoles): boolean => hasAny(user, ORGANISERS);
/** Record visits (走访) and strike targets off. */
export const canVisit = (user: HasRoles): boolean => hasAny(user, VISITORS);
