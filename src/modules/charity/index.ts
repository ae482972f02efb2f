export { createCharityService, type CharityService } from './charity.service.ts';
export { charityRoutes } from './charity.routes.ts';
export { distributionRoutes } from './distributions.routes.ts';
export { wishRoutes } from './wishes.routes.ts';
export { charityPermissions } from './charity.policy.ts';
export { charityFigures } from './charity.figures.ts';
