// Who is offered the dashboards (figures.policy.ts decides on the server).
export const FIGURE_READERS = ['admin', 'county_approver', 'township_reviewer', 'social_worker', 'grid_worker', 'statistics_viewer'] as const;
