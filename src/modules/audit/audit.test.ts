import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { createTestApp, type Session, type TestApp } from '../../../test/support/app.ts';
import { testDriver } from '../../../test/support/db.ts';
import { queryRows } from '../../platform/db/client.ts';
import { canonicalJson, entryHash, GENESIS_HASH } from './audit-chain.ts';

let t: TestApp;
let admin: Session;
before(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
});
after(() => t.close());

const inject = (s: Session, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: s.headers, ...(payload ? { payload } : {}) });

test('canonical JSON sorts keys at every depth and is stable', () => {
  assert.equal(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: null }], c: '中' } }), '{"a":{"c":"中","d":[2,{"y":null,"z":1}]},"b":1}');
  const entry = { id: 1, at: '2026-11-23T00:00:00.000Z', actorKind: 'system' as const, actorId: null, actorName: 'system', ip: null, action: 'x', entity: 'y', entityId: null, jurisdictionCode: null, changes: null, reason: null };
  assert.equal(entryHash(GENESIS_HASH, entry), entryHash(GENESIS_HASH, { ...entry }));
  assert.notEqual(entryHash(GENESIS_HASH, entry), entryHash(GENESIS_HASH, { ...entry, action: 'z' }));
});

test('state changes are recorded with who, where from, and before/after', async () => {
  await inject(admin, 'PATCH', '/api/jurisdictions/140107001', { name: '巨轮街道（改）' });
  const list = (await inject(admin, 'GET', '/api/audit?entity=jurisdiction&entityId=140107001')).json();
  const [entry] = list.items;
  assert.equal(entry.action, 'update');
  assert.equal(entry.actorName, 'admin');
  assert.equal(entry.ip, '127.0.0.1');
  assert.deepEqual(entry.changes, { name: { before: '巨轮街道', after: '巨轮街道（改）' } });
  assert.equal(entry.jurisdictionCode, '140107001');
});

test('the chain verifies; editing one row in SQL is found at that row', async () => {
  const before = await t.services.audit.verify();
  assert.equal(before.ok, true);
  assert.ok(before.checked >= 5);
  const [target] = await queryRows<{ id: number; actor_name: string }>(t.database.db, sql`select id, actor_name from audit_log order by id limit 1 offset 2`);
  // A DBA with enough privilege can switch the guard off; the chain still gives it away.
  await t.database.db.execute(sql`alter table audit_log disable trigger audit_log_no_update_delete`);
  await t.database.db.execute(sql`update audit_log set actor_name = 'someone-else' where id = ${target!.id}`);
  const after = await t.services.audit.verify();
  assert.equal(after.ok, false);
  assert.deepEqual(after.broken, { id: target!.id, problem: 'hash_mismatch' });
  assert.equal(after.checked, target!.id - 1);
  await t.database.db.execute(sql`update audit_log set actor_name = ${target!.actor_name} where id = ${target!.id}`);
  await t.database.db.execute(sql`alter table audit_log enable trigger audit_log_no_update_delete`);
  assert.equal((await t.services.audit.verify()).ok, true, 'restoring the original value heals the chain');
});

test('the audit log is append-only: UPDATE and DELETE are refused by the database', async () => {
  await assert.rejects(t.database.db.execute(sql`update audit_log set reason = 'x'`), (err: unknown) => /append-only/.test(String((err as { cause?: Error }).cause?.message ?? err)));
  await assert.rejects(t.database.db.execute(sql`delete from audit_log`), (err: unknown) => /append-only/.test(String((err as { cause?: Error }).cause?.message ?? err)));
});

test('the viewer is scoped by jurisdiction and filters by actor, action and date', async () => {
  const xhl = await t.login('xhl_approver');
  const wbl = await t.login('wbl_approver');
  await inject(admin, 'PATCH', '/api/jurisdictions/140109001', { name: '千峰街道（改）' });
  const xhlView = (await inject(xhl, 'GET', '/api/audit?limit=500')).json();
  assert.ok(xhlView.items.length > 0);
  assert.ok(xhlView.items.every((e: { jurisdictionCode: string | null }) => e.jurisdictionCode?.startsWith('140107')));
  const wblView = (await inject(wbl, 'GET', '/api/audit?action=update&limit=500')).json();
  assert.deepEqual(wblView.items.map((e: { entityId: string }) => e.entityId), ['140109001']);
  const byActor = (await inject(admin, 'GET', '/api/audit?actor=admin&action=login')).json();
  assert.ok(byActor.total >= 1 && byActor.items.every((e: { actorName: string; action: string }) => e.actorName === 'admin' && e.action === 'login'));
  const future = (await inject(admin, 'GET', '/api/audit?from=2099-01-01')).json();
  assert.equal(future.total, 0);
  const bad = await inject(admin, 'GET', '/api/audit?from=2026-13-01');
  assert.equal(bad.statusCode, 400);
  assert.equal(bad.json().fields[0].field, 'from');
});

test(`concurrent changes chain linearly (${testDriver})`, async () => {
  const codes = Array.from({ length: 24 }, (_, i) => `140107001002${String(i + 10).padStart(3, '0')}`);
  const results = await Promise.all(codes.map((code, i) => inject(admin, 'POST', '/api/jurisdictions', { code, name: `并发网格${i}` })));
  assert.ok(results.every((r) => r.statusCode === 201), results.map((r) => r.statusCode).join(','));
  const verified = await t.services.audit.verify();
  assert.equal(verified.ok, true);
  const [row] = await queryRows<{ n: number; max: number }>(t.database.db, sql`select count(*) as n, max(id) as max from audit_log`);
  assert.equal(row!.n, row!.max, 'ids are consecutive');
});
