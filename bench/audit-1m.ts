// The audit chains at scale, on PostgreSQL: build N correctly chained, keyed entries (default
// 1,000,000) over the 16 chains by COPY, tamper one entry in the middle and two elsewhere (one
// altered, one deleted), run verify and print its time, entries/s and every break it found.
// Then append throughput through the service with 1 and 8 concurrent writers, next to the same
// writers made to queue on one chain-head lock first (what every write did before the chains).
// `DATABASE_URL=postgres://… node bench/audit-1m.ts [N]`; BENCH_KEEP=1 keeps the database.
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { openPostgres, queryRows } from '../src/platform/db/client.ts';
import { migrateDatabase } from '../src/platform/db/migrate.ts';
import { copyField, copyInto } from '../src/platform/db/bulk-insert.ts';
import { generateKeyRingJson, parseKeyRing } from '../src/platform/crypto/field-crypto.ts';
import { Sm3Hmac } from '../src/platform/crypto/sm3-hmac.ts';
import { createAuditService, SYSTEM_ACTOR } from '../src/modules/audit/audit.service.ts';
import { GENESIS_HASH, keyedHash, type StoredEntry } from '../src/modules/audit/audit-chain.ts';
import { CHAIN_COUNT } from '../src/modules/audit/audit.store.ts';
import { adminQuery, databaseUrl } from '../test/support/templates.ts';

const base = process.env.DATABASE_URL;
if (!base) throw new Error('set DATABASE_URL (PostgreSQL)');
const N = Number(process.argv[2] ?? 1_000_000);
const BATCH = 50_000;
const APPEND_SECONDS = 5;
const name = `lastmile_bench_${randomBytes(3).toString('hex')}`;
await adminQuery(base, `create database ${name}`);
const database = await openPostgres(databaseUrl(base, name), 10);
const ring = parseKeyRing(generateKeyRingJson());
const keyId = ring.audit.current;
const mac = new Sm3Hmac(ring.audit.keys.get(keyId)!);
const audit = createAuditService({ db: database.db, keys: ring.audit });
const COLUMNS = ['id', 'chain', 'seq', 'key_id', 'at', 'actor_kind', 'actor_id', 'actor_name', 'ip', 'action', 'entity', 'entity_id', 'jurisdiction_code', 'changes', 'reason', 'prev_hash', 'hash'];
const seconds = (from: number) => (performance.now() - from) / 1000;

/** Entry i of the bench: a realistic update of a person, round-robin over the chains. */
function entryOf(i: number, chain: number, seq: number, prevHash: string): StoredEntry {
  const unsigned = {
    id: i, chain, seq, keyId, prevHash,
    at: new Date(Date.UTC(2025, 0, 1) + i * 30_000).toISOString(),
    actorKind: 'user' as const, actorId: 1 + (i % 500), actorName: `worker${i % 500}`, ip: `10.0.${i % 250}.${i % 200}`,
    action: 'update', entity: 'person', entityId: String(1 + (i % 400_000)), jurisdictionCode: `1401070010${String(i % 100).padStart(2, '0')}`,
    changes: { address: { before: `幸福路${i % 997}号`, after: `和平街${i % 991}号` }, phone: { before: '138****5678', after: '139****1234' } },
    reason: i % 7 === 0 ? '入户核实后更正' : null,
  };
  return { ...unsigned, hash: keyedHash(mac, unsigned) };
}

async function build(): Promise<void> {
  const started = performance.now();
  const heads = Array.from({ length: CHAIN_COUNT }, () => ({ seq: 0, hash: GENESIS_HASH }));
  for (let from = 1; from <= N; from += BATCH) {
    let text = '';
    for (let i = from; i < Math.min(from + BATCH, N + 1); i++) {
      const chain = i % CHAIN_COUNT;
      const head = heads[chain]!;
      const e = entryOf(i, chain, head.seq + 1, head.hash);
      heads[chain] = { seq: e.seq, hash: e.hash };
      text += [e.id, e.chain, e.seq, e.keyId, e.at, e.actorKind, e.actorId, e.actorName, e.ip, e.action, e.entity, e.entityId, e.jurisdictionCode, JSON.stringify(e.changes), e.reason, e.prevHash, e.hash]
        .map((v) => copyField(v as string | number | null)).join('\t') + '\n';
    }
    await database.db.transaction((tx) => copyInto(tx, 'audit_log', COLUMNS, text));
    process.stderr.write(`\r  built ${Math.min(from + BATCH - 1, N)}`);
  }
  for (const [chain, head] of heads.entries()) {
    await database.db.execute(sql`update audit_chain set last_seq = ${head.seq}, last_hash = ${head.hash}, last_key_id = ${keyId} where id = ${chain}`);
  }
  await database.db.execute(sql`select setval('audit_log_id_seq', ${N + 1}, false)`);
  await database.db.execute(sql`analyze audit_log`);
  console.log(`\nbuilt ${N.toLocaleString()} chained entries over ${CHAIN_COUNT} chains in ${seconds(started).toFixed(1)} s`);
}

async function tamper(): Promise<number[]> {
  // On three different chains (entry i is on chain i mod 16).
  const [middle, early, late] = [Math.floor(N / 2), Math.floor(N / 10) + 3, Math.floor((N * 9) / 10) + 7];
  await database.db.execute(sql`alter table audit_log disable trigger audit_log_no_update_delete`);
  await database.db.execute(sql`update audit_log set reason = '篡改' where id = ${middle}`);
  await database.db.execute(sql`update audit_log set actor_name = 'someone-else' where id = ${early}`);
  await database.db.execute(sql`delete from audit_log where id = ${late}`);
  await database.db.execute(sql`alter table audit_log enable trigger audit_log_no_update_delete`);
  console.log(`tampered: entry ${middle} (reason), entry ${early} (actor), entry ${late} deleted`);
  return [middle, early, late];
}

/** `writers` loops appending one entry per transaction for a few seconds; returns entries/s. */
async function appendRate(writers: number, oneLock: boolean): Promise<number> {
  const until = performance.now() + APPEND_SECONDS * 1000;
  let done = 0;
  await Promise.all(
    Array.from({ length: writers }, async () => {
      while (performance.now() < until) {
        await database.db.transaction(async (tx) => {
          // The old design: every writer took the one chain-head row lock.
          if (oneLock) await tx.execute(sql`select 1 from audit_chain where id = 0 for update`);
          await audit.record(tx, SYSTEM_ACTOR, { action: 'bench', entity: 'append', reason: 'throughput' });
        });
        done++;
      }
    }),
  );
  return done / APPEND_SECONDS;
}

try {
  await migrateDatabase(database);
  await build();
  const intact = performance.now();
  const clean = await audit.verify();
  console.log(`verify (intact): ${clean.checked.toLocaleString()} entries, ok=${clean.ok}, ${seconds(intact).toFixed(1)} s`);
  await tamper();
  const started = performance.now();
  const result = await audit.verify({ onProgress: (n) => n % 200_000 < 5000 && process.stderr.write(`\r  checked ${n}`) });
  const took = seconds(started);
  console.log(`\nverify (tampered): ${result.checked.toLocaleString()} entries in ${took.toFixed(1)} s = ${Math.round(result.checked / took).toLocaleString()} entries/s`);
  console.log(`breaks found: ${result.breakCount}; first: ${JSON.stringify(result.first)}`);
  for (const b of result.breaks) console.log(`  chain ${b.chain} seq ${b.seq} entry ${b.id}: ${b.problem}${b.detail ? ` (${b.detail})` : ''}`);
  for (const writers of [1, 8]) {
    const chains = await appendRate(writers, false);
    const oneLock = await appendRate(writers, true);
    console.log(`append, ${writers} writer(s): ${Math.round(chains)} entries/s over ${CHAIN_COUNT} chains; ${Math.round(oneLock)} entries/s queued on one lock`);
  }
  const [{ n }] = (await queryRows<{ n: number }>(database.db, sql`select count(distinct chain) as n from audit_log where action = 'bench'`)) as [{ n: number }];
  console.log(`appends spread over ${n} chain(s)`);
} finally {
  await database.close();
  if (!process.env.BENCH_KEEP) await adminQuery(base, `drop database ${name} with (force)`);
  else console.log(`kept database ${name}`);
}
