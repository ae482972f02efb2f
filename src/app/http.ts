// Mounts every module's routes on the shared HTTP server: the API under /api behind authentication,
// Open311 GeoReport v2 under its own prefix. A new module adds its routes to API_MODULES.
import { buildHttpServer, type HttpServerOptions } from '../platform/http/server.ts';
import type { ZodApp } from '../platform/http/types.ts';
import type { AppDeps, RouteModule } from './types.ts';
import { authRoutes, registerAuthentication } from '../modules/auth/index.ts';
import { jurisdictionRoutes } from '../modules/jurisdictions/index.ts';
import { systemRoutes } from '../modules/system/index.ts';
import { userRoutes } from '../modules/users/index.ts';
import { auditRoutes } from '../modules/audit/index.ts';
import { personRoutes } from '../modules/persons/index.ts';
import { householdRoutes } from '../modules/households/index.ts';
import { importRoutes } from '../modules/imports/index.ts';
import { policyRoutes } from '../modules/policy/index.ts';
import { paymentRoutes } from '../modules/payments/index.ts';
import { caseRoutes } from '../modules/cases/index.ts';
import { campaignRoutes } from '../modules/campaigns/index.ts';
import { open311Routes, requestRoutes } from '../modules/requests/index.ts';
import { notificationRoutes } from '../modules/notifications/index.ts';
import { organisationRoutes } from '../modules/organisations/index.ts';
import { hsdsRoutes, servicePointRoutes } from '../modules/service-points/index.ts';
import { placeRoutes } from '../modules/places/index.ts';
import { figureRoutes } from '../modules/figures/index.ts';
import { charityRoutes, distributionRoutes, wishRoutes } from '../modules/charity/index.ts';

export { WEB_DIST } from '../platform/http/server.ts';
export type BuildAppOptions = HttpServerOptions;

/** Every module's routes; a new module adds one line here. */
const API_MODULES: RouteModule[] = [systemRoutes, authRoutes, userRoutes, auditRoutes, jurisdictionRoutes, personRoutes, householdRoutes, importRoutes, policyRoutes, paymentRoutes, caseRoutes, campaignRoutes, requestRoutes, notificationRoutes, organisationRoutes, servicePointRoutes, hsdsRoutes, placeRoutes, figureRoutes, charityRoutes, distributionRoutes, wishRoutes];

export async function buildApp(deps: AppDeps, options: BuildAppOptions = {}): Promise<ZodApp> {
  return buildHttpServer(
    deps.config,
    {
      api: async (api) => {
        registerAuthentication(api, deps.services.auth);
        for (const routes of API_MODULES) await routes(api, deps);
      },
      // Open311 GeoReport v2 for 12345-style systems: its own paths, api_key and error format.
      others: [{ prefix: '/open311/v2', register: (scope) => open311Routes(deps)(scope) }],
    },
    options,
  );
}
