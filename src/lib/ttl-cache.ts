// A small map whose entries expire: for rarely changed reference data (request categories, place
// names) read on every write. The process that changes the data clears it at once; other
// processes see the change when the entry expires. Loads of the same key share one promise.

export type TtlCache<K, V> = ReturnType<typeof createTtlCache<K, V>>;

export function createTtlCache<K, V>(options: { ttlMs: number; now?: () => number; max?: number }) {
  const now = options.now ?? Date.now;
  const max = options.max ?? 10_000;
  const entries = new Map<K, { value: Promise<V>; until: number }>();
  let generation = 0;
  return {
    get(key: K, load: () => Promise<V>): Promise<V> {
      const hit = entries.get(key);
      const at = now();
      if (hit && hit.until > at) return hit.value;
      const started = generation;
      const value = load();
      if (options.ttlMs > 0) {
        if (entries.size >= max) entries.clear();
        entries.set(key, { value, until: at + options.ttlMs });
        // A failed load or one that raced a clear() is not kept.
        value.then(
          () => { if (started !== generation && entries.get(key)?.value === value) entries.delete(key); },
          () => { if (entries.get(key)?.value === value) entries.delete(key); },
        );
      }
      return value;
    },
    clear(): void {
      generation++;
      entries.clear();
    },
  };
}
