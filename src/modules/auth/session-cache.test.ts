import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createSessionCache } from './session-cache.ts';

test('session cache: keeps an entry for the TTL, never past the session expiry', () => {
  let now = 1_000;
  const cache = createSessionCache<{ userId: number }>({ ttlMs: 5_000, now: () => now });
  cache.put('a', { userId: 1 }, 100_000, cache.epoch());
  cache.put('b', { userId: 2 }, 3_000, cache.epoch());
  assert.deepEqual(cache.get('a'), { userId: 1 });
  now = 3_000;
  assert.equal(cache.get('b'), undefined, 'the session itself expired');
  now = 5_999;
  assert.deepEqual(cache.get('a'), { userId: 1 });
  now = 6_000;
  assert.equal(cache.get('a'), undefined, 'the TTL ran out');
});

test('session cache: forgetting a user or a token drops their entries; a lookup begun before is not stored', () => {
  const cache = createSessionCache<{ userId: number }>({ ttlMs: 5_000, now: () => 0 });
  cache.put('a', { userId: 1 }, 1e9, cache.epoch());
  cache.put('a2', { userId: 1 }, 1e9, cache.epoch());
  cache.put('b', { userId: 2 }, 1e9, cache.epoch());
  cache.forgetUser(1);
  assert.equal(cache.get('a'), undefined);
  assert.equal(cache.get('a2'), undefined);
  assert.deepEqual(cache.get('b'), { userId: 2 });
  const started = cache.epoch();
  cache.forgetToken('b');
  assert.equal(cache.get('b'), undefined);
  cache.put('b', { userId: 2 }, 1e9, started); // read before the logout committed: stale
  assert.equal(cache.get('b'), undefined);
});

test('session cache: a TTL of 0 keeps nothing', () => {
  const cache = createSessionCache<{ userId: number }>({ ttlMs: 0, now: () => 0 });
  cache.put('a', { userId: 1 }, 1e9, cache.epoch());
  assert.equal(cache.get('a'), undefined);
});
