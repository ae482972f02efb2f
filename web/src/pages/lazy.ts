// Pages behind the login load on demand, so the login screen and app shell stay small on phones;
// antd parts that only one page uses (Table, Result, ...) travel with that page.
import { lazy } from 'react';

export const HomePage = lazy(() => import('./HomePage.tsx').then((m) => ({ default: m.HomePage })));
export const JurisdictionsPage = lazy(() =>
  import('./JurisdictionsPage.tsx').then((m) => ({ default: m.JurisdictionsPage })),
);
export const ComingSoonPage = lazy(() => import('./ComingSoonPage.tsx').then((m) => ({ default: m.ComingSoonPage })));
export const NotFoundPage = lazy(() => import('./NotFoundPage.tsx').then((m) => ({ default: m.NotFoundPage })));
export const AdminPage = lazy(() => import('./AdminPage.tsx').then((m) => ({ default: m.AdminPage })));
export const ChangePasswordPage = lazy(() =>
  import('./ChangePasswordPage.tsx').then((m) => ({ default: m.ChangePasswordPage })),
);
export const RegistryPage = lazy(() => import('./RegistryPage.tsx').then((m) => ({ default: m.RegistryPage })));
export const PersonPage = lazy(() => import('./PersonPage.tsx').then((m) => ({ default: m.PersonPage })));
export const HouseholdPage = lazy(() => import('./HouseholdPage.tsx').then((m) => ({ default: m.HouseholdPage })));
export const PoliciesPage = lazy(() => import('./PoliciesPage.tsx').then((m) => ({ default: m.PoliciesPage })));
/** Public (no login), outside the app shell: App wraps it in its own Suspense. */
export const SelfCheckPage = lazy(() => import('./SelfCheckPage.tsx').then((m) => ({ default: m.SelfCheckPage })));
export const ImportPage = lazy(() => import('./ImportPage.tsx').then((m) => ({ default: m.ImportPage })));
// Assistance cases (救助案件) and the payment ledger (资金发放).
export const CasesPage = lazy(() => import('../features/cases/CasesPage.tsx').then((m) => ({ default: m.CasesPage })));
export const CasePage = lazy(() => import('../features/cases/CasePage.tsx').then((m) => ({ default: m.CasePage })));
export const NewCasePage = lazy(() => import('../features/cases/NewCasePage.tsx').then((m) => ({ default: m.NewCasePage })));
export const VisitPage = lazy(() => import('../features/cases/VisitPage.tsx').then((m) => ({ default: m.VisitPage })));
export const PaymentsPage = lazy(() => import('../features/payments/PaymentsPage.tsx').then((m) => ({ default: m.PaymentsPage })));
export const BatchPage = lazy(() => import('../features/payments/BatchPage.tsx').then((m) => ({ default: m.BatchPage })));
export const CampaignRoutes = lazy(() => import('../features/campaigns/CampaignRoutes.tsx').then((m) => ({ default: m.CampaignRoutes })));
// Help requests (群众诉求): staff pages under /requests; the public submit/track pages under /help.
export const RequestRoutes = lazy(() => import('../features/requests/RequestRoutes.tsx').then((m) => ({ default: m.RequestRoutes })));
export const PublicRequestRoutes = lazy(() => import('../features/requests/PublicPages.tsx').then((m) => ({ default: m.PublicRequestRoutes })));
export const NearPage = lazy(() => import('../features/service-points/NearPage.tsx').then((m) => ({ default: m.NearPage })));
export const ServicePointsPage = lazy(() => import('../features/service-points/ServicePointsPage.tsx').then((m) => ({ default: m.ServicePointsPage })));
// 统计看板: figures with the lists behind them.
export const DashboardPage = lazy(() => import('../features/figures/DashboardPage.tsx').then((m) => ({ default: m.DashboardPage })));
