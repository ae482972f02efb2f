// LISTEN on a channel of either driver, so a process hears what any process committed: a
// `pg_notify` sent inside a transaction is delivered only when that transaction commits (on
// PGlite as on a server), so listeners never see a change that was rolled back.
//
// On a server the listener holds one connection of its own (not from the pool: a pooled client
// would be handed to queries and lose the LISTEN); when it drops, it reconnects with back-off and
// tells the caller through `onReconnect`, so anything missed meanwhile can be re-read.
import pg from 'pg';
import type { Database } from './client.ts';

export type Listener = { close(): Promise<void> };

export type ListenOptions = {
  onMessage: (payload: string) => void;
  /** After a lost connection came back: notifications in between were missed. */
  onReconnect?: () => void;
  /** Called with connection errors (they are retried, never thrown). */
  onError?: (err: unknown) => void;
};

const CHANNEL = /^[a-z_][a-z0-9_]{0,62}$/;

export async function listen(database: Database, channel: string, options: ListenOptions): Promise<Listener> {
  if (!CHANNEL.test(channel)) throw new Error(`listen: bad channel name ${channel}`);
  if (database.kind === 'pglite') {
    const unlisten = await database.client.listen(channel, options.onMessage);
    return { close: () => (database.client.closed ? Promise.resolve() : unlisten()) };
  }
  const { connectionString } = database.pool.options as { connectionString?: string };
  let closed = false;
  let client: pg.Client | undefined;
  let retry: NodeJS.Timeout | undefined;
  let delayMs = 500;

  const connect = async (reconnecting: boolean): Promise<void> => {
    const next = new pg.Client({ connectionString, application_name: 'lastmile-listen' });
    next.on('notification', (m) => {
      if (m.channel === channel) options.onMessage(m.payload ?? '');
    });
    next.on('error', (err) => {
      options.onError?.(err);
      schedule();
    });
    next.on('end', () => schedule());
    try {
      await next.connect();
      await next.query(`LISTEN ${channel}`);
    } catch (err) {
      next.removeAllListeners('end');
      await next.end().catch(() => {});
      throw err;
    }
    if (closed) {
      await next.end().catch(() => {});
      return;
    }
    client = next;
    delayMs = 500;
    if (reconnecting) options.onReconnect?.();
  };

  const schedule = () => {
    if (closed || retry) return;
    client?.removeAllListeners('end');
    client = undefined;
    retry = setTimeout(() => {
      retry = undefined;
      connect(true).catch((err) => {
        options.onError?.(err);
        delayMs = Math.min(delayMs * 2, 30_000);
        schedule();
      });
    }, delayMs);
    retry.unref();
  };

  await connect(false);
  return {
    async close() {
      closed = true;
      if (retry) clearTimeout(retry);
      const c = client;
      client = undefined;
      c?.removeAllListeners('end');
      await c?.end().catch(() => {});
    },
  };
}
