import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { createTestApp, type Session, type TestApp } from '../../../test/support/app.ts';
import { testDriver } from '../../../test/support/db.ts';
import { queryRows } from '../../platform/db/client.ts';
import { canonicalJson, GENESIS_HASH, legacyHash } from './audit-chain.ts';
import { SYSTEM_ACTOR } from './audit.service.ts';

let t: TestApp;
let admin: Session;
before(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
});
after(() => t.close());

const inject = (s: Session, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object | string) =>
  t.app.inject({ method, url, headers: { ...s.headers, 'content-type': 'application/json' }, ...(payload ? { payload } : {}) });

/** Run SQL with the append-only trigger off, as a superuser could (the tests' database role is one). */
async function bypassingTrigger(run: () => Promise<unknown>): Promise<void> {
  await t.database.db.execute(sql`alter table audit_log disable trigger audit_log_no_update_delete`);
  try {
    await run();
  } finally {
    await t.database.db.execute(sql`alter table audit_log enable trigger audit_log_no_update_delete`);
  }
}

test('canonical JSON sorts keys at every depth and is stable', () => {
  assert.equal(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: null }], c: '中' } }), '{"a":{"c":"中","d":[2,{"y":null,"z":1}]},"b":1}');
  const entry = { id: 1, at: '2026-11-23T00:00:00.000Z', actorKind: 'system' as const, actorId: null, actorName: 'system', ip: null, action: 'x', entity: 'y', entityId: null, jurisdictionCode: null, changes: null, reason: null };
  assert.equal(legacyHash(GENESIS_HASH, entry), legacyHash(GENESIS_HASH, { ...entry }));
  assert.notEqual(legacyHash(GENESIS_HASH, entry), legacyHash(GENESIS_HASH, { ...entry, action: 'z' }));
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

test(`issue 13 reproduction: a lone surrogate in a grid worker's reason leaves the chain intact (${testDriver})`, async () => {
  const created = await inject(admin, 'POST', '/api/persons', { name: '幸福', jurisdictionCode: '140107001001001' });
  assert.equal(created.statusCode, 201, created.body);
  const grid = await t.login('grid_worker');
  const res = await inject(grid, 'PATCH', `/api/persons/${created.json().id}`, '{"address":"幸福路1号","reason":"\\ud800"}');
  // 200 stores it (as U+FFFD); a 400 at the edge refuses it. Either way the chain must verify.
  assert.ok([200, 400].includes(res.statusCode), res.body);
  const verified = await t.services.audit.verify();
  assert.deepEqual(verified.breaks, []);
  assert.equal(verified.ok, true);
  if (res.statusCode === 200) {
    const [row] = await queryRows<{ reason: string }>(t.database.db, sql`select reason from audit_log where entity = 'person' and action = 'update' order by id desc limit 1`);
    assert.equal(row!.reason, '\uFFFD');
  }
});

test(`values PostgreSQL cannot keep as given are hashed as it keeps them: lone surrogates, NUL, -0, BigInt, Dates, undefined (${testDriver})`, async () => {
  const when = new Date('2026-01-02T03:04:05.678Z');
  await t.database.db.transaction((tx) =>
    t.services.audit.record(tx, { ...SYSTEM_ACTOR, name: 'sys\u0000tem\udc00' }, {
      action: 'probe',
      entity: 'x\ud800y',
      entityId: 'a\u0000b',
      reason: 'NUL \u0000 and \ud83d alone',
      changes: { ['k\ud800']: { before: -0, after: 10n ** 30n }, big: { before: 1e21, after: [undefined, when, 0.1, Number.NaN] }, gone: { before: undefined, after: { u: undefined, v: '\u0000' } } },
    }),
  );
  const [row] = await queryRows<{ actor_name: string; entity: string; entity_id: string; reason: string; changes: string }>(
    t.database.db,
    sql`select actor_name, entity, entity_id, reason, changes::text as changes from audit_log where action = 'probe'`,
  );
  assert.equal(row!.actor_name, 'sys\uFFFDtem\uFFFD');
  assert.equal(row!.entity, 'x\uFFFDy');
  assert.equal(row!.entity_id, 'a\uFFFDb');
  assert.equal(row!.reason, 'NUL \uFFFD and \uFFFD alone');
  assert.equal(
    canonicalJson(JSON.parse(row!.changes)),
    canonicalJson({ big: { before: 1e21, after: [null, '2026-01-02T03:04:05.678Z', 0.1, null] }, gone: { after: { v: '\uFFFD' } }, ['k\uFFFD']: { before: 0, after: '1000000000000000000000000000000' } }),
  );
  assert.equal((await t.services.audit.verify()).ok, true);
});

test(`verify reports every broken entry, not only the first: two edits far apart and a deletion (${testDriver})`, async () => {
  // Enough entries that the edits are far apart in one chain.
  for (let i = 0; i < 30; i++) {
    await t.database.db.transaction((tx) => t.services.audit.record(tx, SYSTEM_ACTOR, { action: 'fill', entity: 'test', entityId: i }));
  }
  const clean = await t.services.audit.verify();
  assert.equal(clean.ok, true);
  const rows = await queryRows<{ id: number; chain: number; seq: number; actor_name: string }>(
    t.database.db,
    sql`select id, chain, seq, actor_name from audit_log where chain = (select chain from audit_log group by chain order by count(*) desc limit 1) order by seq`,
  );
  assert.ok(rows.length >= 30);
  const [early, deleted, late] = [rows[2]!, rows[Math.floor(rows.length / 2)]!, rows[rows.length - 2]!];
  const [saved] = await queryRows<Record<string, unknown>>(t.database.db, sql`select * from audit_log where id = ${deleted.id}`);
  await bypassingTrigger(async () => {
    await t.database.db.execute(sql`update audit_log set actor_name = 'someone-else' where id in (${early.id}, ${late.id})`);
    await t.database.db.execute(sql`delete from audit_log where id = ${deleted.id}`);
  });
  const broken = await t.services.audit.verify();
  assert.equal(broken.ok, false);
  assert.deepEqual(
    broken.breaks.map((b) => [b.problem, b.chain, b.seq, b.id]),
    [
      ['hash_mismatch', early.chain, early.seq, early.id],
      ['gap', deleted.chain, deleted.seq, rows[Math.floor(rows.length / 2) + 1]!.id],
      ['hash_mismatch', late.chain, late.seq, late.id],
    ],
  );
  assert.equal(broken.breakCount, 3);
  assert.deepEqual(broken.first, broken.breaks[0], 'the first is the earliest entry');
  assert.equal(broken.checked, clean.checked - 1);

  // Put everything back as it was: the chain heals, so nothing else was touched.
  await bypassingTrigger(async () => {
    await t.database.db.execute(sql`update audit_log set actor_name = ${early.actor_name} where id = ${early.id}`);
    await t.database.db.execute(sql`update audit_log set actor_name = ${late.actor_name} where id = ${late.id}`);
    await t.database.db.execute(sql`insert into audit_log select * from json_populate_record(null::audit_log, ${JSON.stringify(saved)}::json)`);
  });
  assert.equal((await t.services.audit.verify()).ok, true);
});

test(`an entry moved, relinked or cut from the end is found (${testDriver})`, async () => {
  const [last] = await queryRows<{ id: number; chain: number; seq: number; prev_hash: string }>(
    t.database.db,
    sql`select id, chain, seq, prev_hash from audit_log order by id desc limit 1`,
  );
  await bypassingTrigger(() => t.database.db.execute(sql`update audit_log set prev_hash = ${'f'.repeat(64)} where id = ${last!.id}`));
  const relinked = await t.services.audit.verify();
  assert.deepEqual(relinked.breaks.map((b) => b.problem), ['prev_hash_mismatch', 'hash_mismatch'], 'a new link breaks the link and the MAC, which covers it');
  await bypassingTrigger(() => t.database.db.execute(sql`update audit_log set prev_hash = ${last!.prev_hash} where id = ${last!.id}`));
  // Removing the last entry shows at the chain head.
  const [saved] = await queryRows<Record<string, unknown>>(t.database.db, sql`select * from audit_log where id = ${last!.id}`);
  await bypassingTrigger(() => t.database.db.execute(sql`delete from audit_log where id = ${last!.id}`));
  const cut = await t.services.audit.verify();
  assert.deepEqual(cut.breaks.map((b) => [b.problem, b.chain, b.seq]), [['head_mismatch', last!.chain, last!.seq]]);
  await t.database.db.execute(sql`insert into audit_log select * from json_populate_record(null::audit_log, ${JSON.stringify(saved)}::json)`);
  assert.equal((await t.services.audit.verify()).ok, true);
});

test('the audit log is append-only: UPDATE and DELETE are refused by the database', async () => {
  await assert.rejects(t.database.db.execute(sql`update audit_log set reason = 'x'`), (err: unknown) => /append-only/.test(String((err as { cause?: Error }).cause?.message ?? err)));
  await assert.rejects(t.database.db.execute(sql`delete from audit_log`), (err: unknown) => /append-only/.test(String((err as { cause?: Error }).cause?.message ?? err)));
});

test('record refuses to run outside a transaction (its entry would not commit with the change)', async () => {
  await assert.rejects(t.services.audit.record(t.database.db, SYSTEM_ACTOR, { action: 'x', entity: 'y' }), /inside the transaction/);
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

test(`concurrent changes each land in one chain with consecutive seqs (${testDriver})`, async () => {
  const codes = Array.from({ length: 24 }, (_, i) => `140107001002${String(i + 10).padStart(3, '0')}`);
  const results = await Promise.all(codes.map((code, i) => inject(admin, 'POST', '/api/jurisdictions', { code, name: `并发网格${i}` })));
  assert.ok(results.every((r) => r.statusCode === 201), results.map((r) => r.statusCode).join(','));
  const verified = await t.services.audit.verify();
  assert.equal(verified.ok, true);
  const chains = await queryRows<{ chain: number; n: number; max: number; head: number }>(
    t.database.db,
    sql`select l.chain, count(*) as n, max(l.seq) as max, c.last_seq as head from audit_log l join audit_chain c on c.id = l.chain group by l.chain, c.last_seq`,
  );
  for (const c of chains) {
    assert.equal(c.n, c.max, `chain ${c.chain}: seqs are consecutive`);
    assert.equal(c.head, c.max, `chain ${c.chain}: the head is its last entry`);
  }
});

test(`two transactions append at once: one holds its transaction open while another appends and commits (${testDriver})`, { skip: testDriver !== 'pg' && 'PGlite has one connection: transactions run one at a time' }, async () => {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  let holding!: () => void;
  const recorded = new Promise<void>((resolve) => (holding = resolve));
  const slow = t.database.db.transaction(async (tx) => {
    await t.services.audit.record(tx, SYSTEM_ACTOR, { action: 'hold', entity: 'test' });
    holding();
    await held; // keeps its chain locked until the other one has committed
    await t.services.audit.record(tx, SYSTEM_ACTOR, { action: 'hold-again', entity: 'test' });
  });
  await recorded;
  const timeout = new Promise<'blocked'>((resolve) => setTimeout(() => resolve('blocked'), 5000).unref());
  const fast = t.database.db.transaction((tx) => t.services.audit.record(tx, SYSTEM_ACTOR, { action: 'pass', entity: 'test' })).then(() => 'committed' as const);
  const outcome = await Promise.race([fast, timeout]);
  release();
  await slow;
  await fast;
  assert.equal(outcome, 'committed', 'the second writer did not wait for the first');
  const rows = await queryRows<{ action: string; chain: number }>(t.database.db, sql`select action, chain from audit_log where action in ('hold', 'hold-again', 'pass')`);
  const chainOf = Object.fromEntries(rows.map((r) => [r.action, r.chain]));
  assert.equal(chainOf.hold, chainOf['hold-again'], 'one transaction appends to one chain');
  assert.notEqual(chainOf.hold, chainOf.pass);
  assert.equal((await t.services.audit.verify()).ok, true);
});
