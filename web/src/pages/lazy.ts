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
