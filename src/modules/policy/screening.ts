// Batch screening (the base of dynamic monitoring): households are read in id order, page by
// page, every program is evaluated in fast mode (no traces), and each page's results commit in
// one transaction together with the run's progress marker — so a run killed at any point resumes
// after its last committed page, with nothing duplicated and nothing half-written.
// On PostgreSQL the next page is read while the current one is evaluated and written.
import type { Database } from '../../platform/db/client.ts';
import { unnestInsert } from '../../platform/db/bulk-insert.ts';
import { AppError } from '../../platform/errors.ts';
import { ymd } from './engine/dates.ts';
import type { Decision, ProgramId } from './engine/decision.ts';
import { evaluateHousehold } from './engine/household-decisions.ts';
import type { ParameterIndex } from './engine/parameters.ts';
import { PROGRAM_LIST } from './programs/index.ts';
import { factsPage } from './policy.facts.store.ts';
import { factsFromRegistry, type RegistryFactsRow } from './registry-facts.ts';
import * as store from './policy.store.ts';

export type ScreeningOptions = {
  programs: 'all' | ProgramId[];
  jurisdiction: string;
  date: string;
  /** Continue this run (after a crash or kill) instead of starting a new one. */
  resumeRunId?: number;
  batchSize?: number;
  startedBy?: string;
  onStart?: (run: { id: number; total: number; done: number }) => void;
  onProgress?: (done: number, total: number, eligible: number) => void;
};

export type ScreeningSummary = { runId: number; households: number; evaluations: number; eligible: number; stored: number; seconds: number };

const RESULT_COLUMNS = [
  ['run_id', 'bigint'], ['household_id', 'bigint'], ['jurisdiction_code', 'varchar'], ['program', 'text'], ['subject', 'smallint'],
  ['status', 'text'], ['amount_fen', 'bigint'], ['category', 'text'], ['near_miss', 'boolean'], ['missing', 'text[]'],
] as const;

/** Evaluate one page; returns result columns and counts. Pure apart from the index's memo. */
export function evaluatePage(rows: RegistryFactsRow[], runId: number, date: string, index: ParameterIndex, programs: typeof PROGRAM_LIST) {
  const c: unknown[][] = RESULT_COLUMNS.map(() => []);
  const day = ymd(date);
  let evaluations = 0;
  let eligible = 0;
  for (const row of rows) {
    const { facts } = factsFromRegistry(row, date);
    const set = index.resolve(row.jurisdictionCode, date);
    const decisions: Decision[] = evaluateHousehold(facts, day, set, programs);
    evaluations += decisions.length;
    for (const d of decisions) {
      // Stored: what needs a human look. Plain "not eligible" and "needs facts the registry lacks" are counted only.
      if (d.status !== 'eligible' && !d.nearMiss) continue;
      if (d.status === 'eligible') eligible++;
      c[0]!.push(runId); c[1]!.push(row.id); c[2]!.push(row.jurisdictionCode); c[3]!.push(d.program);
      c[4]!.push(d.subject ?? -1); c[5]!.push(d.status); c[6]!.push(d.amountFen); c[7]!.push(d.category);
      c[8]!.push(d.nearMiss); c[9]!.push(d.missing.length > 0 ? d.missing : null);
    }
  }
  return { columns: c, evaluations, eligible, stored: c[0]!.length };
}

export async function runScreening(database: Database, index: ParameterIndex, options: ScreeningOptions): Promise<ScreeningSummary> {
  const { db } = database;
  const started = performance.now();
  const programs = options.programs === 'all' ? PROGRAM_LIST : PROGRAM_LIST.filter((p) => (options.programs as ProgramId[]).includes(p.id));
  if (programs.length === 0) throw new AppError('validation_failed', 'no known program selected', '未选择有效的救助项目');
  const batch = options.batchSize ?? 2000;

  let run: store.RunRow;
  if (options.resumeRunId !== undefined) {
    const found = await store.findRun(db, options.resumeRunId, '');
    if (!found) throw new AppError('not_found', `screening run ${options.resumeRunId} not found`, `未找到筛查批次 ${options.resumeRunId}`);
    if (found.status === 'done') return { runId: found.id, households: found.householdsDone, evaluations: 0, eligible: found.eligibleCount, stored: 0, seconds: 0 };
    run = found;
    await store.updateRun(db, run.id, { status: 'running', error: null });
  } else {
    const total = await store.countHouseholds(db, options.jurisdiction);
    run = await store.insertRun(db, {
      programs: programs.map((p) => p.id), jurisdictionCode: options.jurisdiction, asOf: options.date, status: 'running',
      householdsTotal: total, startedBy: options.startedBy ?? null,
    });
  }
  const runPrograms = PROGRAM_LIST.filter((p) => run.programs.includes(p.id));
  const prefix = run.jurisdictionCode;
  const date = run.asOf;
  const total = run.householdsTotal ?? 0;
  let done = run.householdsDone;
  let eligible = run.eligibleCount;
  let lastId = run.lastHouseholdId;
  let evaluations = 0;
  let stored = 0;
  const pipelined = database.kind === 'postgres';
  options.onStart?.({ id: run.id, total, done });

  try {
    let next = factsPage(db, prefix, lastId, batch, date);
    for (;;) {
      const rows = await next;
      if (rows.length === 0) break;
      const pageLast = rows[rows.length - 1]!.id;
      // Read ahead on PostgreSQL (its own connection) while this page is evaluated and written.
      if (pipelined) next = factsPage(db, prefix, pageLast, batch, date);
      const page = evaluatePage(rows, run.id, date, index, runPrograms);
      evaluations += page.evaluations;
      stored += page.stored;
      done += rows.length;
      eligible += page.eligible;
      lastId = pageLast;
      await db.transaction(async (tx) => {
        await unnestInsert(tx, 'screening_results', RESULT_COLUMNS, page.columns);
        await store.updateRun(tx, run.id, { householdsDone: done, lastHouseholdId: lastId, eligibleCount: eligible });
      });
      options.onProgress?.(done, total, eligible);
      if (!pipelined) next = factsPage(db, prefix, lastId, batch, date);
    }
    await store.updateRun(db, run.id, { status: 'done', finishedAt: new Date() });
  } catch (err) {
    await store.updateRun(db, run.id, { status: 'failed', error: err instanceof Error ? err.message.slice(0, 500) : String(err) }).catch(() => undefined);
    throw err;
  }
  return { runId: run.id, households: done, evaluations, eligible, stored, seconds: (performance.now() - started) / 1000 };
}
