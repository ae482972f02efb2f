import { LogoutOutlined } from '@ant-design/icons';
import { Alert, App, Button, Drawer, Empty, Grid, Popconfirm, Spin, Tag, Typography } from 'antd';
import type { UserSummary } from '../../../../src/modules/users/users.schema.ts';
import { errorText, useShowError } from '../../api/errors.ts';
import { useI18n } from '../../i18n/index.ts';
import { formatDateTime } from '../../lib/datetime.ts';
import { useRevokeSessions, useUserSessions } from './api.ts';

/** Where a user is logged in, and a way to log them out everywhere (lost phone, staff leaving). */
export function SessionsDrawer({ user, onClose }: { user: UserSummary; onClose: () => void }) {
  const { lang, t } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const phone = Grid.useBreakpoint().sm !== true;
  const sessions = useUserSessions(user.id);
  const revoke = useRevokeSessions();
  const items = sessions.data?.items ?? [];

  const revokeAll = () =>
    revoke.mutate(user.id, {
      onSuccess: () => void message.success(t('users.sessionsRevoked', { name: user.displayName })),
      onError: showError,
    });

  return (
    <Drawer
      open
      placement="right"
      size={phone ? '100%' : 480}
      title={t('users.sessionsTitle', { name: user.displayName })}
      onClose={onClose}
      destroyOnHidden
      extra={
        <Popconfirm
          title={t('users.revokeAllConfirm', { name: user.displayName })}
          okText={t('users.revokeAll')}
          okButtonProps={{ danger: true }}
          cancelText={t('common.cancel')}
          onConfirm={revokeAll}
          disabled={items.length === 0}
        >
          <Button danger icon={<LogoutOutlined />} loading={revoke.isPending} disabled={items.length === 0}>
            {t('users.revokeAll')}
          </Button>
        </Popconfirm>
      }
    >
      {sessions.isError ? (
        <Alert type="error" showIcon title={errorText(sessions.error, lang, t('common.unknownError'))} />
      ) : sessions.isPending ? (
        <Spin />
      ) : items.length === 0 ? (
        <Empty description={t('users.noSessions')} />
      ) : (
        <ul className="lm-list" data-testid="user-sessions">
          {items.map((s) => (
            <li key={s.id} className="lm-list-item">
              <div>
                <Typography.Text strong>{s.ip ?? t('users.unknownIp')}</Typography.Text>
                {s.current && (
                  <Tag color="blue" style={{ marginInlineStart: 8 }}>
                    {t('users.currentSession')}
                  </Tag>
                )}
              </div>
              <Typography.Text type="secondary">
                {t('users.sessionTimes', { created: formatDateTime(s.createdAt), expires: formatDateTime(s.expiresAt) })}
              </Typography.Text>
              {s.userAgent && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {s.userAgent}
                </Typography.Text>
              )}
            </li>
          ))}
        </ul>
      )}
    </Drawer>
  );
}
