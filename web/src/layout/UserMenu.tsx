import { DownOutlined, KeyOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Dropdown, Typography, type MenuProps } from 'antd';
import { Link } from 'react-router';
import { CHANGE_PASSWORD_PATH } from '../auth/RequireAuth.tsx';
import { useCurrentUser } from '../auth/useSession.ts';
import { useI18n } from '../i18n/index.ts';
import { UserBadge } from './UserBadge.tsx';

/** The logged-in user (name and jurisdiction) with their own account actions. */
export function UserMenu({ compact }: { compact: boolean }) {
  const { t } = useI18n();
  const user = useCurrentUser();
  const items: MenuProps['items'] = [
    // On phones the header has no room for the name, so the menu says who is logged in.
    ...(compact
      ? [
          {
            key: 'who',
            disabled: true,
            label: (
              <>
                <Typography.Text strong>{user.displayName}</Typography.Text>
                <br />
                <Typography.Text type="secondary">{user.jurisdictionName}</Typography.Text>
              </>
            ),
          },
          { type: 'divider' as const },
        ]
      : []),
    { key: 'password', icon: <KeyOutlined />, label: <Link to={CHANGE_PASSWORD_PATH}>{t('account.changePassword')}</Link> },
  ];
  return (
    <Dropdown menu={{ items }} trigger={['click']} placement="bottomRight">
      {compact ? (
        <Button type="text" icon={<UserOutlined />} aria-label={t('nav.userMenu')} title={t('nav.userMenu')} />
      ) : (
        <Button type="text" aria-label={t('nav.userMenu')} style={{ minWidth: 0, maxWidth: 360 }}>
          <UserBadge />
          <DownOutlined style={{ fontSize: 10 }} />
        </Button>
      )}
    </Dropdown>
  );
}
