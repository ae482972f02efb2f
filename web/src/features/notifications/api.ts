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

/**
 * Keeps the notification list fresh while a page is open: pushed by the server, no polling.
 * `userKey` names who is logged in and whether they may use the API yet (a user who must first
 * change their password is refused the stream): the stream opens only when it is set, and again
 * whenever it changes. A browser's EventSource gives up for good on a refused answer (not 200),
 * so a closed stream is reopened after a pause that grows (3 s … 60 s); its own reconnects
 * after a dropped connection keep the Last-Event-ID.
 */
export function useLiveNotifications(userKey: string | null, onArrive?: (title: { zh: string; en: string }) => void) {
  const client = useQueryClient();
  useEffect(() => {
    if (typeof EventSource === 'undefined' || userKey === null) return;
    let source: EventSource | undefined;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let pause = 3_000;
    let stopped = false;
    const open = () => {
      source = new EventSource('/api/notifications/stream');
      source.addEventListener('open', () => {
        pause = 3_000;
        // What arrived while no stream was open.
        void client.invalidateQueries({ queryKey: KEY });
      });
      source.addEventListener('error', () => {
        if (stopped || source?.readyState !== EventSource.CLOSED) return;
        retry = setTimeout(open, pause);
        pause = Math.min(pause * 2, 60_000);
      });
      source.addEventListener('notification', (event) => {
        void client.invalidateQueries({ queryKey: KEY });
        try {
          const { notification } = JSON.parse((event as MessageEvent<string>).data) as { notification: { titleZh: string; titleEn: string } };
          onArrive?.({ zh: notification.titleZh, en: notification.titleEn });
        } catch {
          // A malformed event only skips the pop-up; the list is refreshed anyway.
        }
      });
    };
    open();
    return () => {
      stopped = true;
      clearTimeout(retry);
      source?.close();
    };
  }, [client, onArrive, userKey]);
}
