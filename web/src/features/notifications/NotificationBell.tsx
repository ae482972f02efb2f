// The header's bell: the unread count as a badge, the latest notifications in a pop-over (a
// click opens the record and marks it read), and a short message when one arrives live.
import { useCallback } from 'react';
import { BellOutlined } from '@ant-design/icons';
import { App, Badge, Button, Empty, Flex, List, Popover, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { useI18n } from '../../i18n/index.ts';
import { useSession } from '../../auth/useSession.ts';
import { useLiveNotifications, useMarkRead, useNotifications } from './api.ts';

export function NotificationBell({ compact }: { compact: boolean }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const list = useNotifications();
  const markRead = useMarkRead();
  const onArrive = useCallback((title: { zh: string; en: string }) => void message.info(lang === 'en' ? title.en : title.zh), [message, lang]);
  const session = useSession().data;
  // Reopened for another user, and once a first password has been changed (refused until then).
  useLiveNotifications(session && !session.mustChangePassword ? String(session.id) : null, onArrive);
  const unread = list.data?.unread ?? 0;
  const items = list.data?.items ?? [];

  const content = (
    <div style={{ width: compact ? 280 : 360, maxHeight: 420, overflowY: 'auto' }}>
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notifications.empty')} />
      ) : (
        <List
          size="small"
          dataSource={items}
          renderItem={(n) => (
            <List.Item
              data-testid="notification-item"
              style={{ cursor: n.link ? 'pointer' : 'default', fontWeight: n.readAt ? 'normal' : 600 }}
              onClick={() => {
                if (!n.readAt) markRead.mutate([n.id]);
                if (n.link) void navigate(n.link);
              }}
            >
              <Flex vertical gap={2}>
                <Typography.Text>{lang === 'en' ? n.titleEn : n.titleZh}</Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {new Date(n.createdAt).toLocaleString(lang === 'en' ? 'en-GB' : 'zh-CN', { timeZone: 'Asia/Shanghai', hour12: false })}
                </Typography.Text>
              </Flex>
            </List.Item>
          )}
        />
      )}
    </div>
  );

  return (
    <Popover
      trigger="click"
      placement="bottomRight"
      title={
        <Flex justify="space-between" align="center">
          <span>{t('notifications.title')}</span>
          {unread > 0 && (
            <Button size="small" type="link" onClick={() => markRead.mutate('all')} loading={markRead.isPending}>
              {t('notifications.markAllRead')}
            </Button>
          )}
        </Flex>
      }
      content={content}
    >
      <Button type="text" aria-label={t('notifications.open', { count: unread })} title={t('notifications.title')} data-testid="notification-bell">
        <Badge count={unread} size="small" overflowCount={99}>
          <BellOutlined style={{ fontSize: 18 }} />
        </Badge>
      </Button>
    </Popover>
  );
}
