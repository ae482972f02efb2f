import { Tabs } from 'antd';
import type { ReactNode } from 'react';
import { Navigate, useNavigate, useParams } from 'react-router';
import { canViewAudit, isAdmin } from '../auth/access.ts';
import { useCurrentUser } from '../auth/useSession.ts';
import { PageHeading } from '../components/PageHeading.tsx';
import { AuditPanel } from '../features/audit/AuditPanel.tsx';
import { RolesPanel } from '../features/roles/RolesPanel.tsx';
import { TokensPanel } from '../features/tokens/TokensPanel.tsx';
import { UsersPanel } from '../features/users/UsersPanel.tsx';
import { useI18n } from '../i18n/index.ts';
import { ForbiddenPage } from './ForbiddenPage.tsx';
import { NotFoundPage } from './NotFoundPage.tsx';

const TABS = ['users', 'tokens', 'audit', 'roles'] as const;
type AdminTab = (typeof TABS)[number];
const isTab = (value: string): value is AdminTab => (TABS as readonly string[]).includes(value);

const PANELS: Record<AdminTab, () => ReactNode> = {
  users: () => <UsersPanel />,
  tokens: () => <TokensPanel />,
  audit: () => <AuditPanel />,
  roles: () => <RolesPanel />,
};

/**
 * 系统管理: /admin/users, /admin/tokens, /admin/audit, /admin/roles as tabs, so each has its own
 * URL. Admins see all four; county approvers only the audit log; everyone else gets a 403.
 */
export function AdminPage() {
  const { t } = useI18n();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const { tab } = useParams();

  const allowed: AdminTab[] = isAdmin(user) ? [...TABS] : canViewAudit(user) ? ['audit'] : [];
  const first = allowed[0];
  if (!first) return <ForbiddenPage />;
  if (tab === undefined) return <Navigate to={`/admin/${first}`} replace />;
  if (!isTab(tab)) return <NotFoundPage />;
  if (!allowed.includes(tab)) return <ForbiddenPage />;

  return (
    <div data-testid="admin-page">
      <PageHeading title={t('module.admin.name')} />
      <Tabs
        activeKey={tab}
        onChange={(key) => void navigate(`/admin/${key}`)}
        items={allowed.map((key) => ({
          key,
          label: t(`admin.tab.${key}`),
          children: key === tab ? PANELS[key]() : null,
        }))}
      />
    </div>
  );
}
