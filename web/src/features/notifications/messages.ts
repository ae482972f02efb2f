// The notification centre's strings, spread into the two dictionaries (i18n/zh.ts, i18n/en.ts).
export const notificationsZh = {
  'notifications.title': '通知',
  'notifications.open': '打开通知（{count} 条未读）',
  'notifications.empty': '暂无通知',
  'notifications.markAllRead': '全部标为已读',
  'notifications.unread': '未读',
};

export const notificationsEn: Record<keyof typeof notificationsZh, string> = {
  'notifications.title': 'Notifications',
  'notifications.open': 'Open notifications ({count} unread)',
  'notifications.empty': 'No notifications',
  'notifications.markAllRead': 'Mark all read',
  'notifications.unread': 'Unread',
};
