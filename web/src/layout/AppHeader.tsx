import { LogoutOutlined, MenuOutlined } from '@ant-design/icons';
import { Button, Flex, Layout, Typography } from 'antd';
import { Link } from 'react-router';
import { useLogout } from '../auth/useSession.ts';
import { LanguageSwitch } from '../components/LanguageSwitch.tsx';
import { useI18n } from '../i18n/index.ts';
import { UserMenu } from './UserMenu.tsx';
import { NotificationBell } from '../features/notifications/NotificationBell.tsx';

interface Props {
  /** Phones and tablets: the navigation lives in a drawer opened from here. */
  onOpenMenu?: () => void;
  compact: boolean;
}

export function AppHeader({ onOpenMenu, compact }: Props) {
  const { t } = useI18n();
  const logout = useLogout();
  return (
    <Layout.Header className="lm-header">
      <Flex align="center" gap={compact ? 8 : 16} style={{ height: '100%' }}>
        {onOpenMenu && <Button type="text" icon={<MenuOutlined />} aria-label={t('nav.menu')} onClick={onOpenMenu} />}
        <Link to="/" className="lm-brand">
          <img src="/favicon.svg" alt="" width={24} height={24} />
          <Typography.Text strong style={{ fontSize: 16, whiteSpace: 'nowrap' }}>
            {compact ? t('app.name') : t('app.fullName')}
          </Typography.Text>
        </Link>
        <Flex align="center" gap={compact ? 8 : 16} style={{ marginInlineStart: 'auto', minWidth: 0 }}>
          <NotificationBell compact={compact} />
          <UserMenu compact={compact} />
          <LanguageSwitch compact={compact} />
          <Button
            type="text"
            icon={<LogoutOutlined />}
            loading={logout.isPending}
            onClick={() => logout.mutate()}
            aria-label={t('auth.logout')}
            title={t('auth.logout')}
          >
            {compact ? null : t('auth.logout')}
          </Button>
        </Flex>
      </Flex>
    </Layout.Header>
  );
}
