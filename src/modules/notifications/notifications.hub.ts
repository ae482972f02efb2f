// Live delivery to open pages: one LISTEN per process (started with the first open page), and
// for each committed notification the open pages of its recipients are woken to read what is new
// for them. A page that was offline (or a lost listener connection) catches up the same way, from
// the last id it saw, so nothing depends on a message arriving.
import { listen, type Listener } from '../../platform/db/listen.ts';
import type { Database } from '../../platform/db/client.ts';
import { CHANNEL } from './notifications.store.ts';

export type Wake = () => void;

export type Hub = {
  /** Calls `wake` whenever something may be new for the user; returns the unsubscribe. */
  subscribe(userId: number, wake: Wake): Promise<() => void>;
  /** Open subscriptions (for tests and the shutdown). */
  size(): number;
  close(): Promise<void>;
};

export function createHub(database: Database, onError: (err: unknown) => void = () => {}): Hub {
  const byUser = new Map<number, Set<Wake>>();
  let listener: Promise<Listener> | undefined;
  let closed = false;

  const wakeAll = () => {
    for (const set of byUser.values()) for (const wake of set) wake();
  };
  const onMessage = (payload: string) => {
    if (payload === '*') return wakeAll();
    for (const part of payload.split(',')) {
      const set = byUser.get(Number(part));
      if (set) for (const wake of set) wake();
    }
  };

  return {
    async subscribe(userId, wake) {
      if (closed) throw new Error('notifications hub closed');
      listener ??= listen(database, CHANNEL, { onMessage, onReconnect: wakeAll, onError }).catch((err) => {
        listener = undefined;
        throw err;
      });
      await listener;
      let set = byUser.get(userId);
      if (!set) byUser.set(userId, (set = new Set()));
      set.add(wake);
      return () => {
        set.delete(wake);
        if (set.size === 0 && byUser.get(userId) === set) byUser.delete(userId);
      };
    },
    size: () => [...byUser.values()].reduce((n, s) => n + s.size, 0),
    async close() {
      closed = true;
      byUser.clear();
      const l = listener;
      listener = undefined;
      if (l) await (await l.catch(() => null))?.close();
    },
  };
}
