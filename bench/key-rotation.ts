// `lastmile keys rotate` at size: N persons (ID number and phone sealed), N/10 registry snapshots,
// F attachments of S bytes; prints rows/s and MB/s per column, the no-op second run and the peak
// memory of this process. PGlite by default, or a fresh database next to DATABASE_URL.
//   npx node bench/key-rotation.ts [persons=100000] [files=200] [fileKiB=1024]
import { performance } from 'node:perf_hooks';
import { generateKeyRingJson, parseKeyRing, type KeyRing } from '../src/platform/crypto/field-crypto.ts';
import { unnestInsert } from '../src/platform/db/bulk-insert.ts';
import { reencryptAll } from '../src/app/key-rotation.ts';
import { freshDatabase } from './import-fixture.ts';

const [persons = 100_000, files = 200, fileKiB = 1024] = process.argv.slice(2).map(Number);
const GRID = '140107001001001';
const k1Json = generateKeyRingJson();
const bench = await freshDatabase(parseKeyRing(k1Json));
const { database, services } = bench;
const ring = services.sensitive;

try {
  console.log(`${database.kind}: ${persons} persons, ${persons / 10} registry snapshots, ${files} attachments of ${fileKiB} KiB`);
  for (let from = 0; from < persons; from += 10_000) {
    const n = Math.min(10_000, persons - from);
    const idx = Array.from({ length: n }, (_, i) => from + i);
    const ids = ring.encryptMany(idx.map((i) => `1401071950${String(i).padStart(8, '0')}`));
    const phones = ring.encryptMany(idx.map((i) => `139${String(i).padStart(8, '0')}`));
    await unnestInsert(database.db, 'persons', [['name', 'text'], ['name_pinyin', 'text'], ['name_initials', 'text'], ['jurisdiction_code', 'text'], ['id_number_enc', 'text'], ['phone_enc', 'text']],
      [idx.map(() => '测试'), idx.map(() => 'ce shi'), idx.map(() => 'cs'), idx.map(() => GRID), ids, phones]);
    const snaps = idx.filter((i) => i % 10 === 0);
    await unnestInsert(database.db, 'registry_history', [['entity', 'text'], ['entity_id', 'bigint'], ['version', 'integer'], ['valid_from', 'timestamptz'], ['data', 'jsonb'], ['actor_name', 'text']],
      [snaps.map(() => 'person'), snaps, snaps.map(() => 1), snaps.map(() => new Date().toISOString()), snaps.map((i) => ({ id: i, name: '测试', idNumberEnc: ids[i - from], phoneEnc: phones[i - from], address: '和平社区' })), snaps.map(() => 'bench')]);
  }
  const photo = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(fileKiB * 1024 - 4, 7)]);
  for (let i = 0; i < files; i++) {
    await database.db.transaction((tx) => services.attachments.put(tx, { kind: 'bench', id: i, jurisdictionCode: GRID }, { content: photo, kind: 'photo' }, null));
  }

  console.log(`peak RSS after filling: ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);
  const next: KeyRing = parseKeyRing(generateKeyRingJson(k1Json));
  const perColumn = new Map<string, { started: number; done: number; ms: number }>();
  const started = performance.now();
  const result = await reencryptAll(database, next, (p) => {
    const key = `${p.table}.${p.column}`;
    const c = perColumn.get(key) ?? { started: performance.now(), done: 0, ms: 0 };
    c.done = p.done;
    c.ms = performance.now() - c.started;
    perColumn.set(key, c);
  });
  const total = (performance.now() - started) / 1000;
  for (const [column, c] of perColumn) {
    if (c.done === 0) continue;
    const mb = column === 'attachments.content' ? ` (${((c.done * photo.length) / 1048576 / (c.ms / 1000)).toFixed(1)} MB/s of files)` : '';
    console.log(`  ${column.padEnd(24)} ${String(c.done).padStart(8)} values in ${(c.ms / 1000).toFixed(1)} s = ${Math.round(c.done / (c.ms / 1000))}/s${mb}`);
  }
  console.log(`rotation: ${result.rewritten} values re-encrypted in ${total.toFixed(1)} s; unreadable ${result.unreadable.length}`);
  const t2 = performance.now();
  const again = await reencryptAll(database, next);
  console.log(`second run (nothing to do): ${again.rewritten} values, ${((performance.now() - t2) / 1000).toFixed(1)} s`);
  console.log(`peak RSS after rotating: ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);
} finally {
  await bench.close();
}

