export { jurisdictionRoutes } from './jurisdictions.routes.ts';
export { createJurisdictionsService, type JurisdictionsService } from './jurisdictions.service.ts';
export { jurisdictions } from './jurisdictions.table.ts';
export { insertManyIgnoringExisting as insertJurisdictionsIgnoringExisting } from './jurisdictions.store.ts';
