export { requestRoutes } from './requests.routes.ts';
export { open311Routes } from './open311.routes.ts';
export { createRequestsService, type RequestsService } from './requests.service.ts';
export { requestPermissions } from './requests.policy.ts';
export { requestCategories, requestRoutes as requestRoutingRules, councilMeetings, helpRequests, helpRequestEvents, helpRequestFollowers } from './requests.table.ts';
export { requestFigures } from './requests.figures.ts';
