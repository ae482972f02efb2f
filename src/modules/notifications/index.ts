export { createNotificationsService, type NotificationsService, type NewNotification, type Notification, type Recipients } from './notifications.service.ts';
export { notificationRoutes } from './notifications.routes.ts';
export { notifications } from './notifications.table.ts';
