import { UserOutlined } from '@ant-design/icons';
import { Flex, Typography } from 'antd';
import { useCurrentUser } from '../auth/useSession.ts';
import { useI18n } from '../i18n/index.ts';

/** Who is logged in and for which jurisdiction: staff act within that scope only. */
export function UserBadge() {
  const user = useCurrentUser();
  const { t } = useI18n();
  return (
    <Flex align="center" gap={8} aria-label={t('nav.user')} style={{ minWidth: 0 }}>
      <UserOutlined />
      <Typography.Text strong ellipsis>
        {user.displayName}
      </Typography.Text>
      <Typography.Text type="secondary" ellipsis>
        {user.jurisdictionName}
      </Typography.Text>
    </Flex>
  );
}
