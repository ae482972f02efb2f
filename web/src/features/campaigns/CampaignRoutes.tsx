// The campaigns module's pages under /campaigns (App routes `campaigns/*` here).
import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../../pages/NotFoundPage.tsx';
import { CampaignPage } from './CampaignPage.tsx';
import { CampaignsPage } from './CampaignsPage.tsx';
import { CampaignWizard } from './CampaignWizard.tsx';
import { TargetPage } from './TargetPage.tsx';

export function CampaignRoutes() {
  return (
    <Routes>
      <Route index element={<CampaignsPage />} />
      <Route path="new" element={<CampaignWizard />} />
      <Route path=":id" element={<CampaignPage />} />
      <Route path=":id/targets/:targetId" element={<TargetPage />} />
      <Route path=":id/:tab" element={<CampaignPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
