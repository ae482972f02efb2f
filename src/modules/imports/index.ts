export { importRoutes } from './imports.routes.ts';
export { createImportsService, type ImportsService } from './imports.service.ts';
