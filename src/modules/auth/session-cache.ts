// Who a session token belongs to, kept for a few seconds so a read request does not pay a
// database round trip just to learn its caller (issue #23). Keyed by the token's hash.
// Invalidation: in this process, logout, password changes and any change to a user (roles, area,
// disabling, sessions revoked) forget the entries at once; another app process forgets them
// within the TTL (LASTMILE_SESSION_CACHE_SECONDS, default 5; 0 turns the cache off).
// A lookup that started before a forget is not stored (the epoch check), so a read racing a
// commit cannot put back what the commit just ended.

export type SessionCache<V extends { userId: number }> = ReturnType<typeof createSessionCache<V>>;

export function createSessionCache<V extends { userId: number }>(options: { ttlMs: number; now: () => number; max?: number }) {
  const entries = new Map<string, { value: V; until: number }>();
  const max = options.max ?? 10_000;
  let epoch = 0;

  return {
    /** The cached caller of a token hash, or undefined (then look it up, see `put`). */
    get(tokenHash: string): V | undefined {
      const hit = entries.get(tokenHash);
      if (!hit) return undefined;
      if (hit.until > options.now()) return hit.value;
      entries.delete(tokenHash);
      return undefined;
    },
    /** Call before the lookup; pass the result to `put`. */
    epoch: () => epoch,
    /** Keep a looked-up caller until the TTL or the session's own expiry, whichever comes first. */
    put(tokenHash: string, value: V, expiresAt: number, startedAt: number): void {
      if (options.ttlMs <= 0 || startedAt !== epoch) return;
      if (entries.size >= max) entries.clear(); // a burst of distinct tokens: start over rather than grow
      entries.set(tokenHash, { value, until: Math.min(options.now() + options.ttlMs, expiresAt) });
    },
    forgetToken(tokenHash: string): void {
      epoch++;
      entries.delete(tokenHash);
    },
    forgetUser(userId: number): void {
      epoch++;
      for (const [k, e] of entries) if (e.value.userId === userId) entries.delete(k);
    },
    size: () => entries.size,
  };
}
