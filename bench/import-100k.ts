// Import of 100,000 persons from .xlsx, against two baselines measured in the same run on the
// same rows: exceljs's streaming read of the file alone, and a bare COPY of the rows into an
// untyped table. Target: import ≤ 2 × (read + COPY). PGlite by default; DATABASE_URL for a server.
// `node bench/import-100k.ts [rows]`
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import ExcelJS from 'exceljs';
import { from as copyFrom } from 'pg-copy-streams';
import { sql } from 'drizzle-orm';
import { loadConfig } from '../src/platform/config.ts';
import { openPglite, openPostgres, type Database } from '../src/platform/db/client.ts';
import { migrateDatabase } from '../src/platform/db/migrate.ts';
import { createServices } from '../src/platform/services.ts';
import { generateKeyRingJson, parseKeyRing } from '../src/platform/crypto/field-crypto.ts';
import { seedDemo } from '../src/seed/demo.ts';
import { commitPersons } from '../src/modules/imports/person-import.ts';
import { todayLocal } from '../src/lib/local-date.ts';
import { LEDGER_HEADERS, ledgerRows, writeLedger } from '../test/support/ledger.ts';
import { adminQuery, databaseUrl } from '../test/support/templates.ts';

const target = Number(process.argv[2] ?? 100_000);
// Whole generated households, just over the target (≈2.7 persons a household).
const rows = ledgerRows(Math.ceil(target / 2.6)).slice(0, target);
const dir = mkdtempSync(join(tmpdir(), 'lastmile-bench-import-'));
const file = join(dir, 'ledger.xlsx');
await writeLedger(file, rows);
const content = await readFile(file);
console.log(`${rows.length} rows, ${(content.length / 1048576).toFixed(1)} MiB .xlsx`);

// 1. exceljs streaming read alone.
let t0 = performance.now();
let read = 0;
const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([content]), { sharedStrings: 'cache', worksheets: 'emit' });
for await (const sheet of reader) for await (const _row of sheet) read++;
const readSeconds = (performance.now() - t0) / 1000;
console.log(`exceljs streaming read:  ${readSeconds.toFixed(2)} s (${read} rows)`);

// A fresh database for the COPY baseline and the import.
let database: Database;
let drop = async () => {};
if (process.env.DATABASE_URL) {
  const name = `lastmile_bench_${randomBytes(3).toString('hex')}`;
  await adminQuery(process.env.DATABASE_URL, `create database ${name}`);
  database = await openPostgres(databaseUrl(process.env.DATABASE_URL, name), 2);
  drop = () => adminQuery(process.env.DATABASE_URL!, `drop database ${name} with (force)`);
} else {
  database = await openPglite();
}
await migrateDatabase(database);
const services = createServices(loadConfig({ LOG_LEVEL: 'silent' }), database, parseKeyRing(generateKeyRingJson()));
await seedDemo(database, services);

// 2. Bare COPY of the same rows (all text columns, no checks, no encryption).
const csv = rows.map((r) => r.map((v) => (v === null ? '' : `"${String(v).replace(/"/g, '""')}"`)).join(',')).join('\n') + '\n';
await database.db.execute(sql.raw(`create table copy_baseline (${LEDGER_HEADERS.map((_, i) => `c${i} text`).join(', ')})`));
t0 = performance.now();
if (database.kind === 'postgres') {
  const client = await database.pool.connect();
  try {
    await pipeline(Readable.from([csv]), client.query(copyFrom('copy copy_baseline from stdin with (format csv)')));
  } finally {
    client.release();
  }
} else {
  await database.client.query(`copy copy_baseline from '/dev/blob' with (format csv)`, [], { blob: new Blob([csv]) });
}
const copySeconds = (performance.now() - t0) / 1000;
console.log(`bare COPY of the rows:   ${copySeconds.toFixed(2)} s`);

// 3. The import: validation (file + database checks) and the committed load.
t0 = performance.now();
const result = await commitPersons({ db: database.db, sensitive: services.sensitive, scope: '', today: todayLocal() }, content, 'xlsx', 'bench');
const importSeconds = (performance.now() - t0) / 1000;
const budget = 2 * (readSeconds + copySeconds);
console.log(`import (validate + commit): ${importSeconds.toFixed(2)} s — ${result.persons} persons, ${result.households} households`);
console.log(`target 2 × (read + COPY) = ${budget.toFixed(2)} s → ${importSeconds <= budget ? 'MET' : 'NOT MET'} (ratio ${(importSeconds / (readSeconds + copySeconds)).toFixed(2)} × (read + COPY))`);
await database.close();
await drop();
