import { test } from 'node:test';
import assert from 'node:assert/strict';
import { waitText } from './wait-time.ts';

test('waits read as whole seconds, minutes, or hours and minutes in both languages', () => {
  assert.deepEqual(waitText(43_000), { en: '43 seconds', zh: '43 秒' });
  assert.deepEqual(waitText(200), { en: '1 second', zh: '1 秒' }, 'never "0 seconds"');
  assert.deepEqual(waitText(60_000), { en: '1 minute', zh: '1 分钟' });
  assert.deepEqual(waitText(61_000), { en: '2 minutes', zh: '2 分钟' }, 'rounded up: never earlier than allowed');
  assert.deepEqual(waitText(15 * 60_000), { en: '15 minutes', zh: '15 分钟' });
  assert.deepEqual(waitText(125 * 60_000), { en: '2 hours 5 minutes', zh: '2 小时 5 分钟' });
  assert.deepEqual(waitText(60 * 60_000), { en: '1 hour', zh: '1 小时' });
});
