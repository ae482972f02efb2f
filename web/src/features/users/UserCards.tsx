import { Empty, Flex, Pagination, Spin, Typography } from 'antd';
import { useI18n } from '../../i18n/index.ts';
import { PhoneCell } from './PhoneCell.tsx';
import { RoleTags } from './RoleTags.tsx';
import { UserActions } from './UserActions.tsx';
import { UserStatusTags } from './UserStatusTags.tsx';
import type { UserViewProps } from './UserTable.tsx';

/** Phone view: one block per account instead of a wide table. */
export function UserCards({ items, loading, roles, pagination, ...handlers }: UserViewProps) {
  const { t } = useI18n();
  return (
    <Spin spinning={loading}>
      {items.length === 0 ? (
        <Empty description={t('users.empty')} />
      ) : (
        <ul className="lm-list">
          {items.map((user) => (
            <li key={user.id} className="lm-list-item">
              <Flex wrap align="baseline" gap={8}>
                <Typography.Text strong>{user.displayName}</Typography.Text>
                <Typography.Text code>{user.username}</Typography.Text>
              </Flex>
              <Typography.Text type="secondary">{user.jurisdictionName}</Typography.Text>
              <Flex wrap gap={4}>
                <RoleTags roles={user.roles} catalogue={roles} />
                <UserStatusTags user={user} />
              </Flex>
              <div>
                <PhoneCell user={user} onReveal={handlers.onReveal} />
              </div>
              <UserActions user={user} {...handlers} />
            </li>
          ))}
        </ul>
      )}
      {pagination.total > pagination.pageSize && (
        <Flex justify="center" style={{ marginTop: 12 }}>
          <Pagination {...pagination} simple size="small" />
        </Flex>
      )}
    </Spin>
  );
}
