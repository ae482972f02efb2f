import { Tabs, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Navigate, useNavigate, useParams } from 'react-router';
import { canReadPolicies } from '../auth/access.ts';
import { useCurrentUser } from '../auth/useSession.ts';
import { PageHeading } from '../components/PageHeading.tsx';
import { ParametersPanel } from '../features/policy/ParametersPanel.tsx';
import { ProgramsPanel } from '../features/policy/ProgramsPanel.tsx';
import { useI18n } from '../i18n/index.ts';
import { ForbiddenPage } from './ForbiddenPage.tsx';
import { NotFoundPage } from './NotFoundPage.tsx';

const TABS = ['parameters', 'programs'] as const;
type PolicyTab = (typeof TABS)[number];
const isTab = (value: string): value is PolicyTab => (TABS as readonly string[]).includes(value);

const PANELS: Record<PolicyTab, () => ReactNode> = {
  parameters: () => <ParametersPanel />,
  programs: () => <ProgramsPanel />,
};

/** 政策规则: /policies/parameters (resolved values, history, new dated values) and /policies/programs. */
export function PoliciesPage() {
  const { t } = useI18n();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const { tab } = useParams();

  if (!canReadPolicies(user)) return <ForbiddenPage />;
  if (tab === undefined) return <Navigate to="/policies/parameters" replace />;
  if (!isTab(tab)) return <NotFoundPage />;

  return (
    <div data-testid="policies-page">
      <PageHeading title={t('module.policies.name')}>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('policy.intro')}
        </Typography.Paragraph>
      </PageHeading>
      <Tabs
        activeKey={tab}
        onChange={(key) => void navigate(`/policies/${key}`)}
        items={TABS.map((key) => ({
          key,
          label: t(`policy.tab.${key}`),
          children: key === tab ? PANELS[key]() : null,
        }))}
      />
    </div>
  );
}
