export { createServicePointsService, type ServicePointsService } from './service-points.service.ts';
export { servicePointRoutes } from './service-points.routes.ts';
export { servicePointTypes, serviceCatalogue, servicePoints, servicePointServices, servicePointVisits, servicePointConsultations } from './service-points.table.ts';
export { hsdsRoutes } from './hsds/hsds.routes.ts';
