// Policy engine throughput: N generated households (default 1,000,000) turned into the facts the
// screener builds (registry row → factsFromRegistry), then every program of PROGRAM_LIST on every
// household on one thread; then the same 低保 and 临时救助 eligibility in json-rules-engine on a
// sample, with an agreement check. Prints figures; not a test.
//   node bench/policy-engine.ts [N=1000000] [--jre-sample 20000] [--warmup 50000] [--share 0.05] [--passes 3]
import { PerformanceObserver, type PerformanceEntry } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Engine } from 'json-rules-engine';
import { demoResidences, generateHouseholds } from '../src/seed/generator/index.ts';
import { factsFromRegistry } from '../src/modules/policy/registry-facts.ts';
import { readParameterFiles } from '../src/modules/policy/policy.files.ts';
import { ParameterIndex, type ParameterSet } from '../src/modules/policy/engine/parameters.ts';
import { evaluateWith } from '../src/modules/policy/engine/evaluate.ts';
import type { Decision } from '../src/modules/policy/engine/decision.ts';
import type { HouseholdFacts } from '../src/modules/policy/engine/facts.ts';
import type { Program } from '../src/modules/policy/engine/program.ts';
import { ymd } from '../src/modules/policy/engine/dates.ts';
import { PROGRAM_LIST, PROGRAMS } from '../src/modules/policy/programs/index.ts';
import { factsWindow, registryRowFromGenerated } from './lib/generated-facts.ts';
import { addSyntheticApplications, syntheticTemporary } from './lib/synthetic-applications.ts';
import { DIBAO_RULES, TEMPORARY_RULES, jreFacts, type JreFacts } from './lib/jre-rules.ts';

// ─── options ──────────────────────────────────────────────────────────────────────────────────
const argv = process.argv.slice(2);
function option(name: string, fallback: number): number {
  const i = argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const v = Number(argv[i + 1]);
  if (!Number.isFinite(v) || v < 0) throw new Error(`--${name} needs a number`);
  argv.splice(i, 2);
  return v;
}
const JRE_SAMPLE = Math.floor(option('jre-sample', 20_000));
const WARMUP = Math.floor(option('warmup', 50_000));
const SHARE = option('share', 0.05);
const PASSES = Math.max(1, Math.floor(option('passes', 3)));
const N = Math.floor(Number(argv[0] ?? 1_000_000));
if (!(N > 0)) throw new Error('N must be a positive number');

const SEED = 2026;
const DATE = '2026-11-01';
const DATE_YMD = ymd(DATE);
const TARGET_RATE = 1_000_000;
const TARGET_RATIO = 30;

// A full collection before each timed part: the generator's garbage is not the engine's to collect.
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;
// Garbage collection inside the timed pass (the decisions' garbage is the engine's).
const gcEntries: PerformanceEntry[] = [];
const gcObserver = new PerformanceObserver((list) => { for (const e of list.getEntries()) gcEntries.push(e); });
gcObserver.observe({ entryTypes: ['gc'] });
async function gcMsBetween(from: number, to: number): Promise<number> {
  await new Promise((resolve) => setTimeout(resolve, 100)); // entries arrive some time after the synchronous pass
  let ms = 0;
  for (const e of gcEntries) if (e.startTime >= from && e.startTime < to) ms += e.duration;
  return ms;
}

const cpuMsSince = (from: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(from);
  return (used.user + used.system) / 1000;
};
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const pct = (a: number, b: number) => (b === 0 ? '0.0' : ((100 * a) / b).toFixed(1));
const secs = (ms: number) => (ms / 1000).toFixed(2);
const mark = (ok: boolean) => (ok ? 'met' : 'NOT met');

console.log(`policy engine bench: ${fmt(N)} households, reference date ${DATE}, seed ${SEED}, node ${process.version}, one thread`);
console.log(`programs (${PROGRAM_LIST.length}): ${PROGRAM_LIST.map((p) => `${p.id}${p.level === 'person' ? ' [person]' : ''}`).join(', ')}`);

// ─── parameters: one set per county, resolved once ─────────────────────────────────────────────
const parameterIndex = new ParameterIndex(readParameterFiles());
const setByCounty = new Map<string, ParameterSet>();
function parametersFor(county: string): ParameterSet {
  let set = setByCounty.get(county);
  if (!set) setByCounty.set(county, (set = parameterIndex.resolve(county, DATE)));
  return set;
}

// ─── build the facts (not timed) ───────────────────────────────────────────────────────────────
const facts: HouseholdFacts[] = new Array<HouseholdFacts>(N);
const params: ParameterSet[] = new Array<ParameterSet>(N);
const factsPeriod = factsWindow(DATE);
let generateMs = 0;
let convertMs = 0;
let synthetic = 0;
let members = 0;
{
  const started = performance.now();
  let i = 0;
  let t = started;
  for (const h of generateHouseholds({ seed: SEED, count: N, residences: demoResidences(), today: DATE })) {
    const t1 = performance.now();
    generateMs += t1 - t;
    const row = registryRowFromGenerated(h, h.index + 1, factsPeriod);
    const f = factsFromRegistry(row, DATE).facts;
    f.subject = 0; // person-level programs set it per member; present from the start keeps one shape
    if (addSyntheticApplications(f, h.index, DATE_YMD, SHARE)) synthetic++;
    facts[i] = f;
    params[i] = parametersFor(row.jurisdictionCode.slice(0, 6));
    members += f.members.length;
    i++;
    t = performance.now();
    convertMs += t - t1;
  }
}
console.log(`generate ${secs(generateMs)} s; registry rows + factsFromRegistry ${secs(convertMs)} s (not timed); ${fmt(members)} members, ${(members / N).toFixed(2)} per household`);
console.log(`parameter sets: ${setByCounty.size} counties (${[...setByCounty.keys()].join(' ')}), resolved once`);
console.log(`synthetic facts: ${fmt(synthetic)} households (${pct(synthetic, N)}%, deterministic) get a 临时救助 application (facts.temporary) and a job-loss record (facts.unemployment), which the registry does not hold; the rest have neither`);

// ─── the pass ──────────────────────────────────────────────────────────────────────────────────
const statusIndex = (s: Decision['status']) => (s === 'eligible' ? 0 : s === 'ineligible' ? 1 : 2);
const programs = PROGRAM_LIST;
const P = programs.length;
const personLevel = programs.map((p) => p.level === 'person');

/** Every program on households [from, to); returns evaluations; adds statuses to `counts` (P × 3). */
function pass(from: number, to: number, counts: Float64Array): number {
  let evaluations = 0;
  for (let h = from; h < to; h++) {
    const f = facts[h]!;
    const set = params[h]!;
    const n = f.members.length;
    // As the screener does: the household figures programs share are computed once per household.
    const opts = { shared: {} };
    for (let k = 0; k < P; k++) {
      const program = programs[k]!;
      if (personLevel[k]) {
        for (let i = 0; i < n; i++) {
          f.subject = i;
          counts[k * 3 + statusIndex(evaluateWith(program, f, DATE_YMD, set, opts).status)]!++;
        }
        f.subject = 0;
        evaluations += n;
      } else {
        counts[k * 3 + statusIndex(evaluateWith(program, f, DATE_YMD, set, opts).status)]!++;
        evaluations++;
      }
    }
  }
  return evaluations;
}

const warmupCount = Math.min(WARMUP, N);
pass(0, warmupCount, new Float64Array(P * 3));
// The machine may be shared: time the full pass PASSES times and report the median (each shown).
type Timing = { ms: number; cpuMs: number; gcMs: number; evaluations: number; counts: Float64Array };
const timings: Timing[] = [];
for (let r = 0; r < PASSES; r++) {
  const passCounts = new Float64Array(P * 3);
  collectGarbage();
  const cpu = process.cpuUsage();
  const started = performance.now();
  const evaluations = pass(0, N, passCounts);
  const ended = performance.now();
  timings.push({ ms: ended - started, cpuMs: cpuMsSince(cpu), gcMs: await gcMsBetween(started, ended), evaluations, counts: passCounts });
}
const byTime = [...timings].sort((a, b) => a.ms - b.ms);
const median = byTime[Math.floor(byTime.length / 2)]!;
const { evaluations, counts } = median;
const rate = evaluations / (median.ms / 1000);
const householdEvals = programs.filter((p) => p.level === 'household').length * N;

console.log('');
console.log(`warm-up: ${fmt(warmupCount)} households; then ${PASSES} timed pass(es) over all of them (median shown):`);
console.log(`  households              ${fmt(N)}`);
console.log(`  evaluations             ${fmt(evaluations)} (${fmt(householdEvals)} household-level + ${fmt(evaluations - householdEvals)} person-level, one per member)`);
console.log(`  seconds                 ${(median.ms / 1000).toFixed(3)} (garbage collection inside: ${(median.gcMs / 1000).toFixed(3)}; every pass: ${timings.map((x) => (x.ms / 1000).toFixed(3)).join(', ')})`);
console.log(`  evaluations/s           ${fmt(rate)}   target ≥ ${fmt(TARGET_RATE)}/s/core: ${mark(rate >= TARGET_RATE)}`);
console.log(`  per CPU-second          ${fmt(evaluations / (median.cpuMs / 1000))} (process CPU time, all threads: ${(median.cpuMs / 1000).toFixed(3)} s)`);
console.log(`  households/s            ${fmt(N / (median.ms / 1000))} (all ${P} programs each)`);
console.log('  per program             eligible     ineligible   needs_information');
for (let k = 0; k < P; k++) {
  const [e, i, m] = [counts[k * 3]!, counts[k * 3 + 1]!, counts[k * 3 + 2]!];
  console.log(`    ${programs[k]!.id.padEnd(22)}${fmt(e).padStart(10)}${fmt(i).padStart(15)}${fmt(m).padStart(20)}${personLevel[k] ? '   (members)' : ''}`);
}
const dibaoIndex = programs.findIndex((p) => p.id === 'dibao');
if (dibaoIndex < 0 || counts[dibaoIndex * 3]! === 0) console.log('  SANITY FAILED: no household is eligible for 低保');

// Per program, program-major order on a slice (which programs cost what).
{
  const slice = Math.min(N, 200_000);
  const parts: string[] = [];
  for (let k = 0; k < P; k++) {
    const program = programs[k]!;
    const one = (from: number, to: number): number => {
      let n = 0;
      for (let h = from; h < to; h++) {
        const f = facts[h]!;
        if (personLevel[k]) {
          for (let i = 0; i < f.members.length; i++) { f.subject = i; evaluateWith(program, f, DATE_YMD, params[h]!); n++; }
          f.subject = 0;
        } else { evaluateWith(program, f, DATE_YMD, params[h]!); n++; }
      }
      return n;
    };
    one(0, Math.min(slice, 20_000));
    collectGarbage();
    const cpu = process.cpuUsage();
    const n = one(0, slice);
    parts.push(`${program.id} ${fmt(n / (cpuMsSince(cpu) / 1000))}`);
  }
  console.log(`  per program alone, evaluations per CPU-second (first ${fmt(slice)} households): ${parts.join(', ')}`);
}
console.log(`  peak RSS                ${fmt(process.resourceUsage().maxRSS / 1024)} MiB (all ${fmt(N)} households' facts held in memory)`);
gcObserver.disconnect();

// ─── json-rules-engine on a sample ─────────────────────────────────────────────────────────────
await compareWithJre();

async function compareWithJre(): Promise<void> {
  const S = Math.min(JRE_SAMPLE, N);
  if (S === 0) return;
  const dibao = PROGRAMS.get('dibao');
  if (!dibao) throw new Error('no dibao program');
  const temporary: Program | undefined = PROGRAMS.get('temporary');
  console.log('');
  console.log(`json-rules-engine 7.3.1 vs ours on a sample of ${fmt(S)} households (evenly spaced)`);
  if (!temporary) console.log('  临时救助: no temporary program yet: comparing 低保 only');
  console.log('  every sample household gets a synthetic 临时救助 application here (so both engines do the 临时救助 work);');
  console.log('  JRE gets precomputed facts it cannot compute (counted members, per-capita counted income, deposit limit,');
  console.log('  edge line, remaining yearly caps, 单人保 candidates), built outside the timing: that favours JRE.');

  const sample: HouseholdFacts[] = [];
  const sets: ParameterSet[] = [];
  const jre: JreFacts[] = [];
  for (let k = 0; k < S; k++) {
    const h = Math.floor((k * N) / S);
    const f: HouseholdFacts = { ...facts[h]!, temporary: syntheticTemporary(h) };
    sample.push(f);
    sets.push(params[h]!);
    jre.push(jreFacts(f, params[h]!.values, DATE_YMD));
  }
  const programsCompared = temporary ? 2 : 1;
  const engine = new Engine(temporary ? [...DIBAO_RULES, ...TEMPORARY_RULES] : DIBAO_RULES, { allowUndefinedFacts: false });

  // JRE: warm up, then one run per household (both programs' rules in one run: one almanac, favours JRE).
  const jreDibao = new Uint8Array(S);
  const jreDibaoMain = new Uint8Array(S);
  const jreTemporary = new Uint8Array(S);
  for (let k = 0; k < Math.min(S, 2_000); k++) await engine.run(jre[k]!);
  collectGarbage();
  const jreCpu = process.cpuUsage();
  const jreStarted = performance.now();
  for (let k = 0; k < S; k++) {
    const { events } = await engine.run(jre[k]!);
    for (const e of events) {
      if (e.type === 'dibao') { jreDibao[k] = 1; jreDibaoMain[k] = 1; }
      else if (e.type === 'dibao_single') jreDibao[k] = 1;
      else if (e.type === 'temporary') jreTemporary[k] = 1;
    }
  }
  const jreMs = performance.now() - jreStarted;
  const jreCpuMs = cpuMsSince(jreCpu);
  const jreRate = (S * programsCompared) / (jreMs / 1000);

  // Ours on the same sample: the same two programs, repeated until the time is measurable.
  const ours: (Decision | undefined)[][] = [[], []];
  const oursOnce = (keep: boolean) => {
    for (let k = 0; k < S; k++) {
      const d = evaluateWith(dibao, sample[k]!, DATE_YMD, sets[k]!);
      const t = temporary ? evaluateWith(temporary, sample[k]!, DATE_YMD, sets[k]!) : undefined;
      if (keep) { ours[0]![k] = d; ours[1]![k] = t; }
    }
  };
  oursOnce(true);
  collectGarbage();
  let rounds = 0;
  const oursCpu = process.cpuUsage();
  const oursStarted = performance.now();
  do { oursOnce(false); rounds++; } while (performance.now() - oursStarted < 1000);
  const oursMs = performance.now() - oursStarted;
  const oursCpuMs = cpuMsSince(oursCpu);
  const oursRate = (S * programsCompared * rounds) / (oursMs / 1000);

  // Agreement, program by program.
  const report = (label: string, oursOf: (k: number) => Decision, jreOf: (k: number) => boolean, explain: (k: number) => string) => {
    let agree = 0;
    let eligible = 0;
    const mismatches: number[] = [];
    for (let k = 0; k < S; k++) {
      const o = oursOf(k).status === 'eligible';
      if (o) eligible++;
      if (o === jreOf(k)) agree++;
      else mismatches.push(k);
    }
    console.log(`  agreement ${label.padEnd(34)} ${fmt(agree)}/${fmt(S)} (${fmt(eligible)} eligible by ours)${mismatches.length ? `, ${fmt(mismatches.length)} MISMATCHES` : ''}`);
    for (const k of mismatches.slice(0, 5)) console.log(`      #${Math.floor((k * N) / S)}: ${explain(k)}`);
    return mismatches.length;
  };
  const describe = (k: number) => {
    const d = ours[0]![k]!;
    const j = jre[k]!;
    return `ours ${d.status}${d.category ? `/${d.category}` : ''}; perCapita ${j['perCapitaFen']} standard ${j['standardFen']} counted ${j['countedMembers']} deposits ${j['depositsFen']}≤${j['depositLimitFen']} vehicles ${j['vehicles']} houses ${j['houses']} businesses ${j['businesses']} single ${j['singlePersonMembers']}`;
  };
  const briefOnly = report('低保 (rules as briefed, no 单人保)', (k) => ours[0]![k]!, (k) => jreDibaoMain[k] === 1, describe);
  const withSingle = report('低保 (with the 单人保 rule)', (k) => ours[0]![k]!, (k) => jreDibao[k] === 1, describe);
  let temporaryMismatches = 0;
  if (temporary) {
    temporaryMismatches = report('临时救助', (k) => ours[1]![k]!, (k) => jreTemporary[k] === 1, (k) => {
      const d = ours[1]![k]!;
      const j = jre[k]!;
      return `ours ${d.status}${d.category ? `/${d.category}` : ''} missing=${d.missing.join(',')}; kind ${j['kind']} cause ${j['cause']} previous [${(j['previousCauses'] as string[]).join(',')}] exception ${j['exception']} local ${j['localHukou']} perCapita ${j['perCapitaFen']} < ${j['disposableMonthlyFen']} remaining ${j['remainingPersonFen']}/${j['remainingHouseholdFen']}`;
    });
  }
  if (briefOnly > 0 && withSingle === 0) console.log(`      (the ${fmt(briefOnly)} 低保 differences without the 单人保 rule are all 单人保 households: eligible through a member who qualifies alone)`);
  const jreCpuRate = (S * programsCompared) / (jreCpuMs / 1000);
  const oursCpuRate = (S * programsCompared * rounds) / (oursCpuMs / 1000);
  console.log(`  JRE evaluations/s                  ${fmt(jreRate)} (${fmt(S)} runs × ${programsCompared} programs in ${secs(jreMs)} s; per CPU-second ${fmt(jreCpuRate)})`);
  console.log(`  ours, same ${programsCompared} program(s), same sample  ${fmt(oursRate)} (${rounds} rounds in ${secs(oursMs)} s; per CPU-second ${fmt(oursCpuRate)})`);
  const ratio = oursRate / jreRate;
  console.log(`  ratio ours / JRE                   ${ratio.toFixed(1)}× (per CPU-second ${(oursCpuRate / jreCpuRate).toFixed(1)}×)   target ≥ ${TARGET_RATIO}×: ${mark(ratio >= TARGET_RATIO)}`);
  if (withSingle + temporaryMismatches > 0) console.log('  AGREEMENT FAILED: see the mismatches above');
  console.log(`  peak RSS                           ${fmt(process.resourceUsage().maxRSS / 1024)} MiB`);
}
