import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ConfigError, loadConfig } from './config.ts';

test('defaults: embedded PGlite in ./data on port 3000', () => {
  const config = loadConfig({});
  assert.equal(config.database.kind, 'pglite');
  assert.ok(config.database.kind === 'pglite' && config.database.dataDir.endsWith('/data'));
  assert.equal(config.http.port, 3000);
  assert.equal(config.migrateOnStart, true);
});

test('DATABASE_URL switches to PostgreSQL', () => {
  const config = loadConfig({ DATABASE_URL: 'postgres://u@db:5432/lastmile', LASTMILE_DB_POOL_SIZE: '20' });
  assert.deepEqual(config.database, { kind: 'postgres', url: 'postgres://u@db:5432/lastmile', poolSize: 20 });
});

test('every problem is listed at once, naming the variable', () => {
  try {
    loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud', LASTMILE_SEED_DEMO: 'maybe' });
    assert.fail('expected ConfigError');
  } catch (err) {
    assert.ok(err instanceof ConfigError);
    const fields = err.problems.map((p) => p.split(':')[0]).sort();
    assert.deepEqual(fields, ['DATABASE_URL', 'LASTMILE_SEED_DEMO', 'LOG_LEVEL', 'PORT']);
    assert.match(err.message, /配置有误/);
  }
});

test('empty strings count as unset', () => {
  const config = loadConfig({ DATABASE_URL: '', PORT: '' });
  assert.equal(config.database.kind, 'pglite');
  assert.equal(config.http.port, 3000);
});

test('audit anchors: beside the data by default, every 60 minutes; both can be set', () => {
  const defaults = loadConfig({ LASTMILE_DATA_DIR: '/srv/lastmile' });
  assert.deepEqual(defaults.audit, { anchorFile: '/srv/lastmile/audit-anchors.jsonl', anchorMinutes: 60 });
  const set = loadConfig({ LASTMILE_AUDIT_ANCHOR_FILE: '/mnt/ship/anchors.jsonl', LASTMILE_AUDIT_ANCHOR_MINUTES: '0' });
  assert.deepEqual(set.audit, { anchorFile: '/mnt/ship/anchors.jsonl', anchorMinutes: 0 });
  assert.throws(() => loadConfig({ LASTMILE_AUDIT_ANCHOR_MINUTES: 'hourly' }), /LASTMILE_AUDIT_ANCHOR_MINUTES/);
});
