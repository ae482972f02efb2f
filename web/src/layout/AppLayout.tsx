import { Drawer, Flex, Grid, Layout, Spin } from 'antd';
import { Suspense, useState } from 'react';
import { Outlet } from 'react-router';
import { useI18n } from '../i18n/index.ts';
import { AppHeader } from './AppHeader.tsx';
import { NavMenu } from './NavMenu.tsx';
import { UserBadge } from './UserBadge.tsx';

/** Header + side menu on desktop; on phones and tablets the menu moves into a drawer. */
export function AppLayout() {
  const screens = Grid.useBreakpoint();
  const desktop = screens.lg === true;
  const compact = screens.md !== true;
  const [menuOpen, setMenuOpen] = useState(false);
  const { t } = useI18n();

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <AppHeader compact={compact} onOpenMenu={desktop ? undefined : () => setMenuOpen(true)} />
      <Layout>
        {desktop && (
          <Layout.Sider width={232} theme="light" className="lm-sider">
            <NavMenu />
          </Layout.Sider>
        )}
        <Layout.Content className={compact ? 'lm-content lm-content-compact' : 'lm-content'}>
          <Suspense fallback={<PageSpin />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
      {!desktop && (
        <Drawer
          placement="left"
          size={280}
          open={menuOpen}
          onClose={() => setMenuOpen(false)}
          title={compact ? <UserBadge /> : t('app.fullName')}
          styles={{ body: { padding: 0 } }}
        >
          <NavMenu onNavigate={() => setMenuOpen(false)} />
        </Drawer>
      )}
    </Layout>
  );
}

function PageSpin() {
  return (
    <Flex justify="center" style={{ padding: 48 }}>
      <Spin />
    </Flex>
  );
}
