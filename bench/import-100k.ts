// Import of 100,000 persons from .xlsx, against two baselines measured in the same run on the
// same rows: exceljs's streaming read of the file alone, and a bare COPY of the rows into an
// untyped table. Target: import ≤ 2 × (read + COPY). PGlite by default; DATABASE_URL for a server.
// Medians of BENCH_RUNS (3) runs each. `node bench/import-100k.ts [rows]`
import { mkdtempSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import ExcelJS from 'exceljs';
import { from as copyFrom } from 'pg-copy-streams';
import { sql } from 'drizzle-orm';
import { commitPersons } from '../src/modules/imports/person-import.ts';
import { todayLocal } from '../src/lib/local-date.ts';
import { freshDatabase } from './import-fixture.ts';
import { LEDGER_HEADERS, ledgerRows, writeLedger } from '../test/support/ledger.ts';

const target = Number(process.argv[2] ?? 100_000);
// Whole generated households, just over the target (≈2.7 persons a household).
const rows = ledgerRows(Math.ceil(target / 2.6)).slice(0, target);
const dir = mkdtempSync(join(tmpdir(), 'lastmile-bench-import-'));
const file = join(dir, 'ledger.xlsx');
await writeLedger(file, rows);
const content = await readFile(file);
console.log(`${rows.length} rows, ${(content.length / 1048576).toFixed(1)} MiB .xlsx`);

// Each figure is the median of RUNS runs (this machine's timings vary by ±15 % run to run).
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const list = (xs: number[]) => xs.map((x) => x.toFixed(2)).join(' / ');

// 1. exceljs streaming read alone.
const readRuns: number[] = [];
for (let run = 0; run < RUNS; run++) {
  const t0 = performance.now();
  let read = 0;
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([content]), { sharedStrings: 'cache', worksheets: 'emit' });
  for await (const sheet of reader) for await (const _row of sheet) read++;
  readRuns.push((performance.now() - t0) / 1000);
  if (read !== rows.length + 1) throw new Error(`exceljs read ${read} rows`);
}
const readSeconds = median(readRuns);
console.log(`exceljs streaming read:  ${readSeconds.toFixed(2)} s (median of ${list(readRuns)})`);

// 2. Bare COPY of the same rows (all text columns, no checks, no encryption), into a new table each run.
const csv = rows.map((r) => r.map((v) => (v === null ? '' : `"${String(v).replace(/"/g, '""')}"`)).join(',')).join('\n') + '\n';
const copyRuns: number[] = [];
{
  const { database, close } = await freshDatabase();
  for (let run = 0; run < RUNS; run++) {
    const table = `copy_baseline_${run}`;
    await database.db.execute(sql.raw(`create table ${table} (${LEDGER_HEADERS.map((_, i) => `c${i} text`).join(', ')})`));
    const t0 = performance.now();
    if (database.kind === 'postgres') {
      const client = await database.pool.connect();
      try {
        await pipeline(Readable.from([csv]), client.query(copyFrom(`copy ${table} from stdin with (format csv)`)));
      } finally {
        client.release();
      }
    } else {
      await database.client.query(`copy ${table} from '/dev/blob' with (format csv)`, [], { blob: new Blob([csv]) });
    }
    copyRuns.push((performance.now() - t0) / 1000);
  }
  await close();
}
const copySeconds = median(copyRuns);
console.log(`bare COPY of the rows:   ${copySeconds.toFixed(2)} s (median of ${list(copyRuns)})`);

// 3. The import — validation (file + database checks) and the committed load — each run into a
// fresh database, as a first upload of the file.
const importRuns: number[] = [];
let result: Awaited<ReturnType<typeof commitPersons>> | undefined;
for (let run = 0; run < RUNS; run++) {
  const { database, services, close } = await freshDatabase();
  const t0 = performance.now();
  result = await commitPersons({ db: database.db, sensitive: services.sensitive, scope: '', today: todayLocal() }, content, 'xlsx', 'bench');
  importRuns.push((performance.now() - t0) / 1000);
  await close();
}
const importSeconds = median(importRuns);
const budget = 2 * (readSeconds + copySeconds);
console.log(`import (validate + commit): ${importSeconds.toFixed(2)} s (median of ${list(importRuns)}) — ${result!.persons} persons, ${result!.households} households`);
console.log(`target 2 × (read + COPY) = ${budget.toFixed(2)} s → ${importSeconds <= budget ? 'MET' : 'NOT MET'} (ratio ${(importSeconds / (readSeconds + copySeconds)).toFixed(2)} × (read + COPY))`);
