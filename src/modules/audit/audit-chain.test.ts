// The chain checker on its own (pure): each rule, with entries built in memory.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { Sm3Hmac } from '../../platform/crypto/sm3-hmac.ts';
import { canonicalJson, createChainChecker, GENESIS_HASH, KEYED_FIELDS, keyedContent, keyedHash, legacyHash, type ChainBreak, type ChainHead, type StoredEntry } from './audit-chain.ts';

const mac = new Sm3Hmac(Buffer.alloc(32, 7));
const macFor = (id: string) => (id === 'a1' ? mac : undefined);

function chainOf(chain: number, n: number, options: { legacy?: number; startId?: number } = {}): StoredEntry[] {
  const out: StoredEntry[] = [];
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const id = (options.startId ?? chain * 1000) + seq;
    const content = { id, at: '2026-01-01T00:00:00.000Z', actorKind: 'system' as const, actorId: null, actorName: 'system', ip: null, action: 'x', entity: 'y', entityId: String(seq), jurisdictionCode: null, changes: null, reason: null };
    const legacy = seq <= (options.legacy ?? 0);
    const unsigned = { ...content, chain, seq, keyId: legacy ? null : 'a1', prevHash: prev };
    const hash = legacy ? legacyHash(prev, content) : keyedHash(mac, unsigned);
    out.push({ ...unsigned, hash });
    prev = hash;
  }
  return out;
}

const headOf = (entries: StoredEntry[], chain: number): ChainHead => {
  const last = entries.filter((e) => e.chain === chain).at(-1);
  return { chain, lastSeq: last?.seq ?? 0, lastHash: last?.hash ?? GENESIS_HASH };
};

function check(entries: StoredEntry[], heads: ChainHead[]): ChainBreak[] {
  const breaks: ChainBreak[] = [];
  const checker = createChainChecker({ heads, macFor, onBreak: (b) => breaks.push(b) });
  for (const e of entries) checker.check(e);
  checker.finish();
  return breaks;
}

const problems = (breaks: ChainBreak[]) => breaks.map((b) => [b.problem, b.chain, b.seq]);

test('the keyed content is canonical JSON of every stored field but the MAC', () => {
  assert.deepEqual([...KEYED_FIELDS], [...KEYED_FIELDS].sort());
  fc.assert(
    fc.property(fc.record({ reason: fc.option(fc.string()), changes: fc.option(fc.dictionary(fc.string(), fc.record({ before: fc.jsonValue(), after: fc.jsonValue() }))), seq: fc.nat() }), (extra) => {
      const e = { ...chainOf(1, 1)[0]!, ...extra };
      const { hash: _h, ...stored } = e;
      assert.equal(keyedContent(stored), canonicalJson(stored));
    }),
  );
});

test('an intact set of chains, with legacy entries first on chain 0, has no breaks', () => {
  const entries = [...chainOf(0, 6, { legacy: 3 }), ...chainOf(1, 4), ...chainOf(5, 2)];
  assert.deepEqual(check(entries, [0, 1, 2, 5].map((c) => headOf(entries, c))), []);
});

test('each rule reports at its entry and checking goes on', () => {
  const a = chainOf(1, 8);
  a[1] = { ...a[1]!, reason: 'changed' }; // content no longer gives the MAC
  a.splice(4, 1); // seq 5 deleted
  a[5] = { ...a[5]!, keyId: 'a9' }; // seq 7, unknown key
  const b = chainOf(2, 3);
  b[2] = { ...b[2]!, prevHash: 'f'.repeat(64) };
  const entries = [...a, ...b];
  assert.deepEqual(problems(check(entries, [headOf(entries, 1), headOf(entries, 2)])), [
    ['hash_mismatch', 1, 2],
    ['gap', 1, 5],
    ['unknown_key', 1, 7],
    ['prev_hash_mismatch', 2, 3],
    ['hash_mismatch', 2, 3],
  ]);
});

test('a chain that does not start at seq 1 shows a gap, and heads that disagree are reported', () => {
  const entries = chainOf(3, 5).slice(2);
  const head = headOf(entries, 3);
  assert.deepEqual(problems(check(entries, [head])), [['gap', 3, 1]]);
  const full = chainOf(3, 5);
  assert.deepEqual(problems(check(full, [{ ...headOf(full, 3), lastSeq: 7 }])), [['head_mismatch', 3, 7]]);
  assert.deepEqual(problems(check(full, [{ ...headOf(full, 3), lastHash: 'e'.repeat(64) }])), [['head_mismatch', 3, 5]]);
  assert.deepEqual(problems(check([], [{ chain: 4, lastSeq: 2, lastHash: 'e'.repeat(64) }])), [['head_mismatch', 4, 2]], 'a head with no entries left');
  assert.deepEqual(problems(check(full, [])), [['head_mismatch', 3, 5]], 'entries of a chain with no head row');
});

test('unkeyed entries pass only as the start of chain 0, and must be sealed once keyed entries exist', () => {
  const offChain = chainOf(2, 3, { legacy: 1 });
  assert.deepEqual(problems(check(offChain, [headOf(offChain, 2)])), [['unkeyed', 2, 1]]);
  // A keyed entry rewritten in the old format after keyed ones.
  const mixed = chainOf(0, 4, { legacy: 1 });
  const content = { ...mixed[2]!, keyId: null };
  const { chain: _c, seq: _s, keyId: _k, prevHash, hash: _h, ...fields } = content;
  mixed[2] = { ...content, hash: legacyHash(prevHash, fields) };
  assert.deepEqual(problems(check(mixed, [headOf(mixed, 0)])), [['unkeyed', 0, 3], ['prev_hash_mismatch', 0, 4]]);
  // All of chain 0 in the old format while other chains are keyed: the seal is missing.
  const unsealed = [...chainOf(0, 3, { legacy: 3 }), ...chainOf(1, 2)];
  assert.deepEqual(problems(check(unsealed, [headOf(unsealed, 0), headOf(unsealed, 1)])), [['unsealed', 0, 3]]);
});
