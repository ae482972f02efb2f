import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/es/locale/en_US';
import zhCN from 'antd/es/locale/zh_CN';
import { Suspense, type ReactNode } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { CHANGE_PASSWORD_PATH, RequireAuth } from './auth/RequireAuth.tsx';
import { FullPageSpin } from './components/FullPageSpin.tsx';
import { I18nProvider } from './i18n/I18nProvider.tsx';
import { useI18n } from './i18n/index.ts';
import { AppLayout } from './layout/AppLayout.tsx';
import { MODULES } from './modules.ts';
import {
  AdminPage,
  CampaignRoutes,
  BatchPage,
  CasePage,
  CasesPage,
  ChangePasswordPage,
  ComingSoonPage,
  DashboardPage,
  HomePage,
  HouseholdPage,
  ImportPage,
  JurisdictionsPage,
  NewCasePage,
  NotFoundPage,
  PaymentsPage,
  PersonPage,
  PoliciesPage,
  PublicRequestRoutes,
  RegistryPage,
  RequestRoutes,
  SelfCheckPage,
  NearPage,
  ServicePointsPage,
  VisitPage,
} from './pages/lazy.ts';
import { LoginPage } from './pages/LoginPage.tsx';

function AppRoutes() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      {/* Public: residents check what they might apply for, without an account. */}
      <Route
        path="/self-check"
        element={
          <Suspense fallback={<FullPageSpin />}>
            <SelfCheckPage />
          </Suspense>
        }
      />
      {/* Public: residents submit a help request and follow it by tracking code. */}
      <Route
        path="/help/*"
        element={
          <Suspense fallback={<FullPageSpin />}>
            <PublicRequestRoutes />
          </Suspense>
        }
      />
      {/* Public: the nearest service points open now (爱心驿站, 医保服务点 …), on the phone. */}
      <Route
        path="/near"
        element={
          <Suspense fallback={<FullPageSpin />}>
            <NearPage />
          </Suspense>
        }
      />
      <Route element={<RequireAuth />}>
        {/* AppLayout wraps its outlet in Suspense, so lazy pages load inside the shell. */}
        <Route element={<AppLayout />}>
          <Route index element={<HomePage />} />
          <Route path="jurisdictions" element={<JurisdictionsPage />} />
          <Route path="jurisdictions/:code" element={<JurisdictionsPage />} />
          <Route path="registry" element={<RegistryPage />} />
          <Route path="registry/import" element={<ImportPage />} />
          <Route path="registry/persons/:id" element={<PersonPage />} />
          <Route path="registry/households/:id" element={<HouseholdPage />} />
          <Route path="policies" element={<PoliciesPage />} />
          <Route path="policies/:tab" element={<PoliciesPage />} />
          <Route path="admin" element={<AdminPage />} />
          <Route path="admin/:tab" element={<AdminPage />} />
          <Route path="cases" element={<CasesPage tab="queue" />} />
          <Route path="cases/list" element={<CasesPage tab="list" />} />
          <Route path="cases/dashboard" element={<CasesPage tab="dashboard" />} />
          <Route path="cases/publicity" element={<CasesPage tab="publicity" />} />
          <Route path="cases/new" element={<NewCasePage />} />
          <Route path="cases/:id" element={<CasePage />} />
          <Route path="cases/:id/visit" element={<VisitPage />} />
          <Route path="payments" element={<PaymentsPage />} />
          <Route path="payments/batches/:id" element={<BatchPage />} />
          <Route path="campaigns/*" element={<CampaignRoutes />} />
          <Route path="requests/*" element={<RequestRoutes />} />
          <Route path="service-points" element={<ServicePointsPage />} />
          <Route path="dashboards/*" element={<DashboardPage />} />
          <Route path={CHANGE_PASSWORD_PATH} element={<ChangePasswordPage />} />
          {MODULES.filter((m) => !m.ready).map((m) => (
            <Route key={m.key} path={`${m.path}/*`} element={<ComingSoonPage module={m.key} />} />
          ))}
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Route>
    </Routes>
  );
}

/** antd follows the chosen language (pagination, empty states, confirm buttons, ...). */
function LocalizedAntd({ children }: { children: ReactNode }) {
  const { lang } = useI18n();
  return (
    <ConfigProvider
      locale={lang === 'zh' ? zhCN : enUS}
      // Without this antd renders two-character Chinese buttons as "登 录", which breaks text lookups.
      button={{ autoInsertSpace: false }}
    >
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}

export function App({ queryClient }: { queryClient: QueryClient }) {
  return (
    <QueryClientProvider client={queryClient}>
      <I18nProvider>
        <LocalizedAntd>
          <BrowserRouter>
            <AppRoutes />
          </BrowserRouter>
        </LocalizedAntd>
      </I18nProvider>
    </QueryClientProvider>
  );
}
