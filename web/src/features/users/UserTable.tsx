import { Table, Typography, type TableProps } from 'antd';
import type { RoleInfo, UserSummary } from '../../../../src/modules/users/users.schema.ts';
import { useI18n } from '../../i18n/index.ts';
import { formatDateTime } from '../../lib/datetime.ts';
import { PhoneCell } from './PhoneCell.tsx';
import { RoleTags } from './RoleTags.tsx';
import { UserActions, type UserHandlers } from './UserActions.tsx';
import { UserStatusTags } from './UserStatusTags.tsx';

export interface UserViewProps extends UserHandlers {
  items: UserSummary[];
  loading: boolean;
  roles: RoleInfo[] | undefined;
  pagination: { current: number; pageSize: number; total: number; onChange: (page: number) => void };
}

/** Desktop view: one row per account; the table scrolls sideways rather than squeezing columns. */
export function UserTable({ items, loading, roles, pagination, ...handlers }: UserViewProps) {
  const { t } = useI18n();
  const columns: TableProps<UserSummary>['columns'] = [
    {
      key: 'username',
      title: t('users.username'),
      render: (_, user) => <Typography.Text code>{user.username}</Typography.Text>,
    },
    { key: 'displayName', title: t('users.displayName'), dataIndex: 'displayName' },
    { key: 'jurisdiction', title: t('users.jurisdiction'), dataIndex: 'jurisdictionName' },
    { key: 'roles', title: t('users.roles'), render: (_, user) => <RoleTags roles={user.roles} catalogue={roles} /> },
    { key: 'status', title: t('users.status'), render: (_, user) => <UserStatusTags user={user} /> },
    { key: 'phone', title: t('users.phone'), render: (_, user) => <PhoneCell user={user} onReveal={handlers.onReveal} /> },
    {
      key: 'lastLogin',
      title: t('users.lastLogin'),
      render: (_, user) =>
        user.lastLoginAt ? (
          <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(user.lastLoginAt)}</span>
        ) : (
          <Typography.Text type="secondary">{t('users.neverLoggedIn')}</Typography.Text>
        ),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      fixed: 'right', // stays in view when the table scrolls sideways
      render: (_, user) => <UserActions user={user} {...handlers} />,
    },
  ];
  return (
    <Table<UserSummary>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={items}
      loading={loading}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: t('users.empty') }}
      pagination={{
        ...pagination,
        showSizeChanger: false,
        hideOnSinglePage: true,
        showTotal: (total) => t('common.total', { n: total }),
      }}
    />
  );
}
