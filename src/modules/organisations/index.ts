export { createOrganisationsService, isOrganisationOnly, type OrganisationsService, type Viewer as OrganisationViewer } from './organisations.service.ts';
export { organisationRoutes } from './organisations.routes.ts';
export { organisations, organisationUsers } from './organisations.table.ts';
export { organisationPermissions } from './organisations.policy.ts';
export { ORGANISATION_KINDS, type OrganisationKind } from './organisations.kinds.ts';
