import { Alert, Flex, Table, Tag, Typography, type TableProps } from 'antd';
import type { RoleInfo } from '../../../../src/modules/users/users.schema.ts';
import { errorText } from '../../api/errors.ts';
import { useI18n } from '../../i18n/index.ts';
import { roleLabel, useRoles } from '../users/api.ts';

/** 角色权限: what each role may do, as the server defines it (read-only). */
export function RolesPanel() {
  const { lang, t } = useI18n();
  const roles = useRoles();

  const columns: TableProps<RoleInfo>['columns'] = [
    {
      key: 'role',
      title: t('roles.role'),
      width: '30%',
      render: (_, row) => (
        <Flex vertical>
          <Typography.Text strong>{roleLabel(roles.data?.items, row.role, lang)}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {row.role}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      key: 'permissions',
      title: t('roles.permissions'),
      render: (_, row) =>
        row.permissions.length === 0 ? (
          <Typography.Text type="secondary">{t('roles.noPermissions')}</Typography.Text>
        ) : (
          <Flex wrap gap={4}>
            {row.permissions.map((p) => (
              <Tag key={p} style={{ marginInlineEnd: 0, whiteSpace: 'normal', overflowWrap: 'anywhere' }}>
                {p}
              </Tag>
            ))}
          </Flex>
        ),
    },
  ];

  return (
    <div data-testid="admin-roles">
      <Typography.Paragraph type="secondary">{t('roles.intro')}</Typography.Paragraph>
      {roles.isError ? (
        <Alert type="error" showIcon title={errorText(roles.error, lang, t('common.unknownError'))} />
      ) : (
        <Table<RoleInfo>
          rowKey="role"
          size="middle"
          columns={columns}
          dataSource={roles.data?.items ?? []}
          loading={roles.isPending}
          pagination={false}
          tableLayout="fixed"
        />
      )}
    </div>
  );
}
