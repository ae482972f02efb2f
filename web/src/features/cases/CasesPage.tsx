import { PlusOutlined } from '@ant-design/icons';
import { Badge, Button, Tabs, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Navigate, useNavigate } from 'react-router';
import { useCurrentUser } from '../../auth/useSession.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { useI18n } from '../../i18n/index.ts';
import { ForbiddenPage } from '../../pages/ForbiddenPage.tsx';
import { canReadCases, canRegisterCases, canSeeCaseDashboard } from './access.ts';
import { useWorkQueue } from './api.ts';
import { CaseDashboard } from './CaseDashboard.tsx';
import { CaseSearch } from './CaseSearch.tsx';
import { PublicityPanel } from './PublicityPanel.tsx';
import { WorkQueue } from './WorkQueue.tsx';

export const CASE_TABS = ['queue', 'list', 'dashboard', 'publicity'] as const;
export type CaseTab = (typeof CASE_TABS)[number];
const PATH: Record<CaseTab, string> = { queue: '/cases', list: '/cases/list', dashboard: '/cases/dashboard', publicity: '/cases/publicity' };

const PANELS: Record<CaseTab, () => ReactNode> = {
  queue: () => <WorkQueue />,
  list: () => <CaseSearch />,
  dashboard: () => <CaseDashboard />,
  publicity: () => <PublicityPanel />,
};

function QueueLabel() {
  const { t } = useI18n();
  const queue = useWorkQueue();
  const overdue = queue.data?.items.filter((c) => c.overdue).length ?? 0;
  return (
    <span>
      {t('case.tab.queue')}{' '}
      {queue.data && <Badge count={queue.data.total} color={overdue > 0 ? 'red' : 'blue'} showZero size="small" data-testid="queue-count" />}
    </span>
  );
}

/** 社会救助: 待我办理 (the landing tab), all cases, the township dashboard and the 公示 lists. */
export function CasesPage({ tab }: { tab: CaseTab }) {
  const { t } = useI18n();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const staff = canReadCases(user);
  // Statistics viewers see the figures only.
  if (!staff && canSeeCaseDashboard(user) && tab !== 'dashboard') return <Navigate to="/cases/dashboard" replace />;
  if (!staff && !canSeeCaseDashboard(user)) return <ForbiddenPage />;
  const tabs = staff ? CASE_TABS : (['dashboard'] as const);

  return (
    <div data-testid="cases-page">
      <PageHeading
        title={t('module.cases.name')}
        extra={
          canRegisterCases(user) && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => void navigate('/cases/new')} data-testid="case-new">
              {t('case.new.title')}
            </Button>
          )
        }
      >
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
          {t('case.intro')}
        </Typography.Paragraph>
      </PageHeading>
      <Tabs
        activeKey={tab}
        onChange={(key) => void navigate(PATH[key as CaseTab])}
        items={tabs.map((key) => ({
          key,
          label: key === 'queue' ? <QueueLabel /> : t(`case.tab.${key}`),
          children: key === tab ? PANELS[key]() : null,
        }))}
      />
    </div>
  );
}
