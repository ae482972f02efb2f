// What the edge check costs a request (src/lib/incoming-text.ts, run on every request's params,
// query and body): a typical household form, a council meeting with 100 items, and a JSON body at
// the 1 MiB limit of Chinese text. Prints µs per call (median of 5 runs). `npx node bench/input-normalise.ts`
import { normaliseIncoming } from '../src/lib/incoming-text.ts';

const person = (i: number) => ({ name: `王秀英${i}`, idNumber: '11010519491231002X', phone: '13912345678', jurisdictionCode: '140107001001', address: '巨轮街道和平社区 9 号楼 2 单元 301', tags: ['elderly_alone'], reason: '入户核查' });
const cases: [string, () => unknown, number][] = [
  ['one person form (7 fields)', () => person(1), 200_000],
  ['council meeting, 100 items', () => ({ title: '民意直通车', attendees: Array.from({ length: 20 }, (_, i) => ({ name: `居民${i}` })), items: Array.from({ length: 100 }, (_, i) => ({ categoryCode: 'facility_repair', description: `${i} 号楼路灯坏了，晚上看不见路，老人出行不便`.repeat(3) })) }), 5_000],
  ['1 MiB of Chinese text in 2,000 strings', () => ({ rows: Array.from({ length: 2_000 }, (_, i) => `${i}${'和平社区居民反映'.repeat(21)}`) }), 50],
  ['the same with decomposed accents (NFC has work to do)', () => ({ rows: Array.from({ length: 2_000 }, (_, i) => `${i}${'Jose\u0301 '.repeat(85)}`) }), 50],
];

for (const [label, make, n] of cases) {
  const inputs = Array.from({ length: n }, make);
  const bytes = Buffer.byteLength(JSON.stringify(inputs[0]));
  const runs: number[] = [];
  for (let r = 0; r < 5; r++) {
    const copies = inputs.map((x) => structuredClone(x));
    const started = performance.now();
    for (const x of copies) normaliseIncoming(x);
    runs.push(((performance.now() - started) * 1000) / n);
  }
  runs.sort((a, b) => a - b);
  console.log(`${label} (${(bytes / 1024).toFixed(1)} KiB): ${runs[2]!.toFixed(1)} µs per request`);
}
