// Anchors kept outside the database catch what the key cannot: a history rewritten by someone
// holding the audit key, or a chain cut back with its head reset.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { createTestApp, testKeyRing, type TestApp } from '../../../test/support/app.ts';
import { testDriver } from '../../../test/support/db.ts';
import { createLogger } from '../../platform/logger.ts';
import { queryRows } from '../../platform/db/client.ts';
import { Sm3Hmac } from '../../platform/crypto/sm3-hmac.ts';
import { keyedHash } from './audit-chain.ts';
import { SYSTEM_ACTOR } from './audit.service.ts';
import { anchorJob } from './audit.jobs.ts';
import * as store from './audit.store.ts';

let t: TestApp;
before(async () => {
  t = await createTestApp({}, { seed: false });
  for (let i = 0; i < 12; i++) {
    await t.database.db.transaction((tx) => t.services.audit.record(tx, SYSTEM_ACTOR, { action: 'anchored', entity: 'test', entityId: i, reason: `第 ${i} 条` }));
  }
});
after(() => t.close());

async function withTriggerOff(run: () => Promise<void>): Promise<void> {
  await t.database.db.execute(sql`alter table audit_log disable trigger audit_log_no_update_delete`);
  try {
    await run();
  } finally {
    await t.database.db.execute(sql`alter table audit_log enable trigger audit_log_no_update_delete`);
  }
}

/** What a thief of the key file can do: change an entry and recompute every later MAC and the head. */
async function rewriteWithKey(chain: number, seq: number, reason: string): Promise<void> {
  const entries = (await store.entriesAfter(t.database.db, { chain, seq: seq - 1 }, 10_000)).filter((e) => e.chain === chain);
  let prevHash = entries[0]!.prevHash;
  await withTriggerOff(async () => {
    for (const e of entries) {
      const changed = { ...e, prevHash, ...(e.seq === seq ? { reason } : {}) };
      const hash = keyedHash(new Sm3Hmac(testKeyRing.audit.keys.get(e.keyId!)!), changed);
      await t.database.db.execute(sql`update audit_log set reason = ${changed.reason}, prev_hash = ${prevHash}, hash = ${hash} where id = ${e.id}`);
      prevHash = hash;
    }
    await t.database.db.execute(sql`update audit_chain set last_hash = ${prevHash} where id = ${chain}`);
  });
}

test(`an anchor verifies against the chain it was taken from (${testDriver})`, async () => {
  const anchor = await t.services.audit.anchor();
  assert.equal(anchor.keyId, testKeyRing.audit.current);
  assert.ok(anchor.heads.length >= 1 && anchor.heads.every((h) => h.seq > 0));
  const result = await t.services.audit.verify({ anchors: [JSON.stringify(anchor), ''] });
  assert.deepEqual(result.breaks, []);
  assert.equal(result.anchorsChecked, 1);
});

test(`a history rewritten with recomputed MACs passes without anchors and is caught by one (${testDriver})`, async () => {
  const anchor = await t.services.audit.anchor();
  const [busiest] = await queryBusiestChain();
  await rewriteWithKey(busiest!.chain, 3, '改写的历史');
  assert.equal((await t.services.audit.verify()).ok, true, 'with the key, a rewrite is self-consistent');
  const result = await t.services.audit.verify({ anchors: [JSON.stringify(anchor)] });
  const head = anchor.heads.find((h) => h.chain === busiest!.chain)!;
  assert.deepEqual(result.breaks.map((b) => [b.problem, b.chain, b.seq]), [['anchor_mismatch', busiest!.chain, head.seq]]);
  assert.equal(result.ok, false);
});

test(`a chain cut back with its head reset is caught by an anchor (${testDriver})`, async () => {
  const anchor = await t.services.audit.anchor();
  const [busiest] = await queryBusiestChain();
  const last = busiest!.last_seq;
  await withTriggerOff(async () => {
    const [prev] = await store.entriesAfter(t.database.db, { chain: busiest!.chain, seq: last - 2 }, 1);
    await t.database.db.execute(sql`delete from audit_log where chain = ${busiest!.chain} and seq > ${last - 1}`);
    await t.database.db.execute(sql`update audit_chain set last_seq = ${last - 1}, last_hash = ${prev!.hash} where id = ${busiest!.chain}`);
  });
  assert.equal((await t.services.audit.verify()).ok, true, 'the chain alone cannot tell');
  const result = await t.services.audit.verify({ anchors: [JSON.stringify(anchor)] });
  assert.deepEqual(result.breaks.map((b) => [b.problem, b.seq, b.id]), [['anchor_mismatch', last, null]]);
  assert.match(result.breaks[0]!.detail!, /no longer in the chain/);
});

test('anchor lines that do not parse, are forged, or name an unknown key are reported', async () => {
  const anchor = await t.services.audit.anchor();
  const forged = { ...anchor, heads: anchor.heads.map((h) => ({ ...h, hash: 'f'.repeat(64) })) };
  const unknown = { ...anchor, keyId: 'a99' };
  const result = await t.services.audit.verify({ anchors: ['{not json', JSON.stringify(forged), JSON.stringify(unknown), JSON.stringify(anchor)] });
  assert.deepEqual(
    result.breaks.map((b) => b.detail),
    ['anchor line 1: not JSON', `anchor line 2: MAC does not match (anchor of ${anchor.at})`, 'anchor line 3: audit key "a99" is not in the key ring'],
  );
  assert.equal(result.anchorsChecked, 1);
});

test('the anchor job appends to the anchor file and writes the same anchor to the log', async () => {
  const file = join(mkdtempSync(join(tmpdir(), 'lastmile-anchor-')), 'sub', 'anchors.jsonl');
  const lines: string[] = [];
  const log = createLogger('info', new Writable({ write: (chunk, _e, done) => (lines.push(String(chunk)), done()) }));
  const job = anchorJob(t.services.audit, file);
  const ctx = { jobId: 1, attempt: 1, log, signal: new AbortController().signal, reportProgress: async () => {} };
  await job.handler({}, ctx);
  await job.handler({}, ctx);
  const written = readFileSync(file, 'utf8').trim().split('\n');
  assert.equal(written.length, 2);
  const logged = lines.map((l) => JSON.parse(l)).filter((l) => l.msg === 'audit anchor');
  assert.deepEqual(logged.map((l) => JSON.stringify(l.auditAnchor)), written);
  assert.equal((await t.services.audit.verify({ anchors: written })).anchorsChecked, 2);
});

async function queryBusiestChain() {
  return queryRows<{ chain: number; last_seq: number }>(t.database.db, sql`select id as chain, last_seq from audit_chain order by last_seq desc limit 1`);
}
