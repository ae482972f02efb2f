// The social-force ledgers as one service object with a part per job.
import type { CharityDeps } from './context.ts';
import { createProjectsService } from './projects.service.ts';
import { createDonationsService } from './donations.service.ts';
import { createStockService } from './stock.service.ts';

export type CharityService = ReturnType<typeof createCharityService>;

export function createCharityService(deps: CharityDeps) {
  return {
    projects: createProjectsService(deps),
    donations: createDonationsService(deps),
    stock: createStockService(deps),
  };
}
