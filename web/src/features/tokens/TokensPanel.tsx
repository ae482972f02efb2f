import { PlusOutlined, StopOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Popconfirm, Table, Tag, Typography, type TableProps } from 'antd';
import { useState } from 'react';
import type { ApiToken } from '../../../../src/modules/auth/auth.schema.ts';
import { errorText, useShowError } from '../../api/errors.ts';
import { useI18n } from '../../i18n/index.ts';
import { formatDateTime, isFuture } from '../../lib/datetime.ts';
import { JurisdictionName } from '../jurisdictions/JurisdictionName.tsx';
import { roleLabel, useRoles } from '../users/api.ts';
import { useRevokeToken, useTokens } from './api.ts';
import { TokenCreatedModal } from './TokenCreatedModal.tsx';
import { TokenFormModal } from './TokenFormModal.tsx';

type Status = 'active' | 'expired' | 'revoked';
const statusOf = (token: ApiToken): Status =>
  token.revokedAt ? 'revoked' : token.expiresAt && !isFuture(token.expiresAt) ? 'expired' : 'active';
const STATUS_COLOR: Record<Status, string | undefined> = { active: 'green', expired: 'orange', revoked: undefined };

/** 接口令牌: tokens other systems use to call the API, each with one role and one jurisdiction. */
export function TokensPanel() {
  const { lang, t } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const tokens = useTokens();
  const roles = useRoles();
  const revoke = useRevokeToken();
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);

  const onRevoke = (token: ApiToken) =>
    revoke.mutate(token.id, {
      onSuccess: () => void message.success(t('tokens.revoked', { name: token.name })),
      onError: showError,
    });

  const dateOr = (iso: string | null, none: string) =>
    iso ? <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(iso)}</span> : <Typography.Text type="secondary">{none}</Typography.Text>;

  const columns: TableProps<ApiToken>['columns'] = [
    { key: 'name', title: t('tokens.name'), render: (_, row) => <Typography.Text strong>{row.name}</Typography.Text> },
    { key: 'role', title: t('tokens.role'), render: (_, row) => <Tag>{roleLabel(roles.data?.items, row.role, lang)}</Tag> },
    { key: 'jurisdiction', title: t('tokens.jurisdiction'), render: (_, row) => <JurisdictionName code={row.jurisdictionCode} /> },
    {
      key: 'status',
      title: t('tokens.status'),
      render: (_, row) => {
        const status = statusOf(row);
        return <Tag color={STATUS_COLOR[status]}>{t(`tokens.status.${status}`)}</Tag>;
      },
    },
    { key: 'expiresAt', title: t('tokens.expiresAt'), render: (_, row) => dateOr(row.expiresAt, t('tokens.never')) },
    { key: 'lastUsedAt', title: t('tokens.lastUsedAt'), render: (_, row) => dateOr(row.lastUsedAt, t('tokens.unused')) },
    { key: 'createdBy', title: t('tokens.createdBy'), dataIndex: 'createdBy' },
    { key: 'createdAt', title: t('tokens.createdAt'), render: (_, row) => dateOr(row.createdAt, '') },
    {
      key: 'actions',
      title: t('common.actions'),
      render: (_, row) =>
        statusOf(row) === 'revoked' ? null : (
          <Popconfirm
            title={t('tokens.revokeConfirm', { name: row.name })}
            description={t('tokens.revokeHint')}
            okText={t('tokens.revoke')}
            okButtonProps={{ danger: true }}
            cancelText={t('common.cancel')}
            onConfirm={() => onRevoke(row)}
          >
            <Button size="small" type="link" danger icon={<StopOutlined />} aria-label={`${t('tokens.revoke')} ${row.name}`}>
              {t('tokens.revoke')}
            </Button>
          </Popconfirm>
        ),
    },
  ];

  return (
    <div data-testid="admin-tokens">
      <Flex wrap align="center" gap={8} style={{ marginBottom: 12 }}>
        <Typography.Text type="secondary" style={{ flex: '1 1 240px' }}>
          {t('tokens.intro')}
        </Typography.Text>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
          {t('tokens.create')}
        </Button>
      </Flex>
      {tokens.isError ? (
        <Alert type="error" showIcon title={errorText(tokens.error, lang, t('common.unknownError'))} />
      ) : (
        <Table<ApiToken>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={tokens.data?.items ?? []}
          loading={tokens.isFetching}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('tokens.empty') }}
          pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
        />
      )}
      {creating && (
        <TokenFormModal
          onClose={() => setCreating(false)}
          onCreated={(token) => {
            setCreating(false);
            setCreated({ name: token.name, token: token.token });
          }}
        />
      )}
      {created && <TokenCreatedModal name={created.name} token={created.token} onClose={() => setCreated(null)} />}
    </div>
  );
}
