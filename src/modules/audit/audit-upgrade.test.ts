// An installation upgraded from the single unkeyed chain (migration 0001): its entries keep
// verifying with the old formula, the first keyed entry seals them, and rewriting them afterwards
// (even with every legacy hash recomputed) is found.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { createEmptyPgDatabase, testDriver } from '../../../test/support/db.ts';
import { testKeyRing } from '../../../test/support/app.ts';
import { openPglite, openPostgres, queryRows, type Database } from '../../platform/db/client.ts';
import { migrateDatabase } from '../../platform/db/migrate.ts';
import { migrationsBefore } from '../../../test/support/migrations.ts';
import { GENESIS_HASH, legacyHash, type ChainedEntry } from './audit-chain.ts';
import { createAuditService, SYSTEM_ACTOR } from './audit.service.ts';

let database: Database;
let drop: (() => Promise<void>) | undefined;

const legacy: (ChainedEntry & { prevHash: string; hash: string })[] = [];

before(async () => {
  if (testDriver === 'pg') {
    const empty = await createEmptyPgDatabase();
    database = await openPostgres(empty.url, 4);
    drop = empty.drop;
  } else {
    database = await openPglite();
  }
  await migrateDatabase(database, migrationsBefore('0011_audit_chains'));
  // Five entries as the 0001 code wrote them: one chain, consecutive ids, SM3 without a key.
  let prev = GENESIS_HASH;
  for (let id = 1; id <= 5; id++) {
    const entry: ChainedEntry = {
      id, at: new Date(Date.UTC(2025, 0, id, 8)).toISOString(), actorKind: 'user', actorId: 1, actorName: 'admin', ip: '10.0.0.1', action: 'update',
      entity: 'person', entityId: String(id), jurisdictionCode: '140107001', changes: { address: { before: `旧${id}`, after: `新${id}` } }, reason: id === 3 ? '更正' : null,
    };
    const hash = legacyHash(prev, entry);
    await database.db.execute(sql`insert into audit_log (id, at, actor_kind, actor_id, actor_name, ip, action, entity, entity_id, jurisdiction_code, changes, reason, prev_hash, hash)
      values (${id}, ${entry.at}::timestamptz, 'user', 1, 'admin', '10.0.0.1', 'update', 'person', ${entry.entityId}, '140107001', ${JSON.stringify(entry.changes)}::jsonb, ${entry.reason}, ${prev}, ${hash})`);
    legacy.push({ ...entry, prevHash: prev, hash });
    prev = hash;
  }
  await database.db.execute(sql`update audit_chain set last_id = 5, last_hash = ${prev} where id = 1`);
  await migrateDatabase(database);
});
after(async () => {
  await database.close();
  await drop?.();
});

const audit = () => createAuditService({ db: database.db, keys: testKeyRing.audit });

test(`entries written before the upgrade verify with the old formula (${testDriver})`, async () => {
  const rows = await queryRows<{ chain: number; seq: number; key_id: string | null }>(database.db, sql`select chain, seq, key_id from audit_log order by id`);
  assert.deepEqual(rows, legacy.map((e) => ({ chain: 0, seq: e.id, key_id: null })));
  const result = await audit().verify();
  assert.deepEqual(result.breaks, []);
  assert.equal(result.checked, 5);
});

test(`the first keyed entry goes to chain 0 and seals the old ones (${testDriver})`, async () => {
  await database.db.transaction((tx) => audit().record(tx, SYSTEM_ACTOR, { action: 'upgrade-check', entity: 'test' }));
  const [row] = await queryRows<{ id: number; chain: number; seq: number; key_id: string; prev_hash: string }>(database.db, sql`select id, chain, seq, key_id, prev_hash from audit_log where action = 'upgrade-check'`);
  assert.deepEqual({ ...row }, { id: 6, chain: 0, seq: 6, key_id: testKeyRing.audit.current, prev_hash: legacy[4]!.hash });
  assert.equal((await audit().verify()).ok, true);
});

test(`rewriting an old entry with every old hash recomputed breaks at the seal (${testDriver})`, async () => {
  // Without the audit key the attacker can only redo the unkeyed formula, up to entry 5.
  let prev = legacy[1]!.hash;
  await database.db.execute(sql`alter table audit_log disable trigger audit_log_no_update_delete`);
  for (const e of legacy.slice(2)) {
    const forged = { ...e, reason: e.id === 3 ? '没有更正' : e.reason };
    const { prevHash: _p, hash: _h, ...content } = forged;
    const hash = legacyHash(prev, content);
    await database.db.execute(sql`update audit_log set reason = ${forged.reason}, prev_hash = ${prev}, hash = ${hash} where id = ${e.id}`);
    prev = hash;
  }
  await database.db.execute(sql`alter table audit_log enable trigger audit_log_no_update_delete`);
  const result = await audit().verify();
  assert.deepEqual(result.breaks.map((b) => [b.problem, b.chain, b.seq]), [['prev_hash_mismatch', 0, 6]]);
});
