// TanStack Query hooks for /api/notifications, and the live stream: an EventSource that, on each
// notification, refreshes the list and the unread count (and reconnects by itself, resuming from
// the last event id the browser saw).
import { useEffect } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { MarkReadResult, NotificationList } from '../../../../src/modules/notifications/notifications.schema.ts';
import { request } from '../../api/client.ts';

const KEY = ['notifications'] as const;

export function useNotifications() {
  return useQuery({ queryKey: KEY, queryFn: () => request('/notifications', { query: { limit: 20 }, schema: NotificationList }), staleTime: 60_000 });
}

export function useMarkRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (ids: number[] | 'all') => request('/notifications/read', { method: 'POST', body: ids === 'all' ? {} : { ids }, schema: MarkReadResult }),
    onSuccess: () => client.invalidateQueries({ queryKey: KEY }),
  });
}

/** Keeps the notification list fresh while a page is open: pushed by the server, no polling. */
export function useLiveNotifications(onArrive?: (title: { zh: string; en: string }) => void) {
  const client = useQueryClient();
  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    const source = new EventSource('/api/notifications/stream');
    source.addEventListener('notification', (event) => {
      void client.invalidateQueries({ queryKey: KEY });
      try {
        const { notification } = JSON.parse((event as MessageEvent<string>).data) as { notification: { titleZh: string; titleEn: string } };
        onArrive?.({ zh: notification.titleZh, en: notification.titleEn });
      } catch {
        // A malformed event only skips the pop-up; the list is refreshed anyway.
      }
    });
    return () => source.close();
  }, [client, onArrive]);
}
