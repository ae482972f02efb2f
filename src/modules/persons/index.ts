export { personRoutes } from './persons.routes.ts';
export { createPersonsService, type PersonsService } from './persons.service.ts';
export { personPermissions } from './persons.policy.ts';
export { persons } from './persons.table.ts';
export { createPersonFactsService, type PersonFactsService } from './facts.service.ts';
