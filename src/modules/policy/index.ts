export { policyRoutes } from './policy.routes.ts';
export { createPolicyService, type PolicyService } from './policy.service.ts';
export { policyParameters, screeningRuns, screeningResults } from './policy.table.ts';
export { policyFigures } from './policy.figures.ts';
