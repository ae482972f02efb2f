// The social-force ledgers as one service object with a part per job.
import type { CharityDeps } from './context.ts';
import { createProjectsService } from './projects.service.ts';
import { createDonationsService } from './donations.service.ts';
import { createStockService } from './stock.service.ts';
import { createDistributionsService } from './distributions.service.ts';
import { createBenefitsService } from './benefits.service.ts';
import { createWishesService } from './wishes.service.ts';
import type { PolicyService } from '../policy/index.ts';

export type CharityService = ReturnType<typeof createCharityService>;

export function createCharityService(deps: CharityDeps & { policy: PolicyService }) {
  return {
    projects: createProjectsService(deps),
    donations: createDonationsService(deps),
    stock: createStockService(deps),
    distributions: createDistributionsService(deps),
    benefits: createBenefitsService(deps),
    wishes: createWishesService(deps),
  };
}
