import { definePolicy } from '../../platform/authz.ts';

// Figures and the lists behind them: staff and statistics viewers, each within their own area.
// Full names and ID numbers in a list need persons.reveal (checked in the service, audited).
export const figurePermissions = definePolicy('figures', {
  read: { roles: ['admin', 'county_approver', 'township_reviewer', 'social_worker', 'grid_worker', 'statistics_viewer'], zh: '查看统计指标及明细', en: 'see figures and the lists behind them' },
});
