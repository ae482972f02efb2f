// The help-request pages under /requests (App routes `requests/*` here). The public pages under
// /help are PublicPages.tsx (their own chunk: residents' phones load only those).
import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../../pages/NotFoundPage.tsx';
import { CouncilPage, MeetingPage } from './CouncilPages.tsx';
import { IntakePage } from './IntakePage.tsx';
import { PhoneView } from './PhoneView.tsx';
import { RequestPage } from './RequestPage.tsx';
import { RequestsPage } from './RequestsPage.tsx';
import { SettingsPage } from './SettingsPage.tsx';

export function RequestRoutes() {
  return (
    <Routes>
      <Route index element={<RequestsPage />} />
      <Route path="new" element={<IntakePage />} />
      <Route path="mine" element={<PhoneView />} />
      <Route path="council" element={<CouncilPage />} />
      <Route path="council/:id" element={<MeetingPage />} />
      <Route path="settings" element={<SettingsPage />} />
      <Route path=":id" element={<RequestPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
