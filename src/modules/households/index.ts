export { householdRoutes } from './households.routes.ts';
export { createHouseholdsService, type HouseholdsService } from './households.service.ts';
export { households, householdMembers } from './households.table.ts';
