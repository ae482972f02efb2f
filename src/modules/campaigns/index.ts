export { campaignRoutes } from './campaigns.routes.ts';
export { createCampaignsService, type CampaignsService } from './campaigns.service.ts';
export { campaignPermissions } from './campaigns.policy.ts';
export { campaignFigures } from './campaigns.figures.ts';
