import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createTtlCache } from './ttl-cache.ts';

test('ttl cache: one load per key until it expires or is cleared; failures are not kept', async () => {
  let now = 0;
  let loads = 0;
  const cache = createTtlCache<string, number>({ ttlMs: 1000, now: () => now });
  const load = async () => ++loads;
  assert.equal(await cache.get('a', load), 1);
  assert.equal(await cache.get('a', load), 1);
  now = 999;
  assert.equal(await cache.get('a', load), 1);
  now = 1000;
  assert.equal(await cache.get('a', load), 2, 'expired');
  cache.clear();
  assert.equal(await cache.get('a', load), 3, 'cleared');
  await assert.rejects(cache.get('b', async () => { throw new Error('down'); }));
  assert.equal(await cache.get('b', load), 4, 'a failure is not cached');
});

test('ttl cache: a load that raced a clear is not kept', async () => {
  let loads = 0;
  let release!: () => void;
  const cache = createTtlCache<string, number>({ ttlMs: 1000, now: () => 0 });
  const slow = cache.get('a', () => new Promise<number>((r) => { release = () => r(++loads); }));
  cache.clear();
  release();
  assert.equal(await slow, 1);
  await new Promise((r) => setImmediate(r));
  assert.equal(await cache.get('a', async () => ++loads), 2);
});
