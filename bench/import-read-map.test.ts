// A measurement, not an assertion of speed: generate a 100,000-row ledger (.xlsx, shared strings
// as Excel writes them), then read + map every row, and write the annotated report. Prints rows/s
// and the heap high-water mark. LASTMILE_IMPORT_BENCH_ROWS changes the row count.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import ExcelJS from 'exceljs';
import { addDays } from '../src/lib/local-date.ts';
import { makeIdNumber } from '../src/lib/id-number.ts';
import { mapHeaders, mapRow } from '../src/modules/imports/map-rows.ts';
import { readRows } from '../src/modules/imports/read-rows.ts';
import { writeReport, type ReportRow } from '../src/modules/imports/report.ts';
import { LEDGER_HEADERS, tempDir } from '../src/modules/imports/test-fixtures.ts';

const ROWS = Number(process.env.LASTMILE_IMPORT_BENCH_ROWS ?? 100_000);
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void; // retained heap = heap right after a full collection
const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗';
const RELATIONS = ['户主', '配偶', '子女', '父母'];

async function generate(file: string): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: true });
  const ws = wb.addWorksheet('人员信息');
  ws.addRow(LEDGER_HEADERS).commit();
  for (let i = 0; i < ROWS; i++) {
    const birth = addDays('1935-01-01', (i * 37) % 30000);
    const id = makeIdNumber('140107', birth, i % 1000);
    const male = (i % 1000) % 2 === 1;
    const bad = i % 50 === 0; // 2 % of rows carry a problem
    const row = ws.addRow([
      `${SURNAMES[i % SURNAMES.length]}某${i}`,
      bad ? id.slice(0, 17) + (id[17] === '1' ? '2' : '1') : id,
      male ? '男' : '女',
      i % 2 === 0 ? new Date(`${birth}T00:00:00Z`) : birth.replaceAll('-', '/'),
      `139${String(i).padStart(8, '0')}`,
      '140107001001',
      i % 3 === 0 ? '140107001001001' : '140107001001',
      `和平社区 ${i % 40} 号楼 ${i % 6} 单元`,
      '汉族',
      ['未婚', '已婚', '离异', '丧偶'][i % 4],
      ['小学', '初中', '高中', '大专'][i % 4],
      ['就业', '灵活就业', '失业', '退休'][i % 4],
      ['完全', '部分', '无'][i % 3],
      i % 10 === 0 ? '肢体' : null,
      i % 10 === 0 ? '三级' : null,
      i % 7 === 0 ? '尿毒症' : null,
      i % 5 === 0 ? '独居老人、低保边缘' : null,
      null,
      null,
      String(Math.floor(i / 4)),
      RELATIONS[i % 4],
    ]);
    if (i % 2 === 0) row.getCell(4).numFmt = 'yyyy-mm-dd';
    row.commit();
  }
  ws.commit();
  await wb.commit();
}

test(`measure: read + map ${ROWS.toLocaleString('en')} xlsx rows, then write the report`, { timeout: 600_000 }, async (t) => {
  const dir = tempDir(t);
  const file = join(dir, 'ledger.xlsx');
  let started = performance.now();
  await generate(file);
  const generateMs = performance.now() - started;

  // Retained heap sampled every 20,000 rows (after a full GC, so garbage does not count).
  let heapPeak = 0;
  const sample = () => {
    gc();
    heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
  };
  sample();
  const heapBefore = heapPeak;
  started = performance.now();
  const source = readRows(file, 'xlsx');
  const { mapping } = mapHeaders((await source.header()).headers);
  let rows = 0;
  let withProblems = 0;
  for await (const row of source) {
    const r = mapRow(row, mapping, { today: '2025-06-15' });
    rows++;
    if (r.problems.length > 0) withProblems++;
    if (rows % 20_000 === 0) sample();
  }
  const readMs = performance.now() - started;
  assert.equal(rows, ROWS);
  assert.equal(withProblems, Math.ceil(ROWS / 50));

  // The report, fed by a second read of the same file (as the importer would from its own rows).
  started = performance.now();
  const again = readRows(file, 'xlsx');
  const headers = (await again.header()).headers;
  async function* outcomes(): AsyncGenerator<ReportRow> {
    for await (const row of again) {
      const r = mapRow(row, mapping, { today: '2025-06-15' });
      if (row.rowNumber % 20_000 === 0) sample();
      yield { ...row, problems: r.problems, outcome: r.problems.length > 0 ? 'error' : 'ok' };
    }
  }
  const summary = await writeReport(join(dir, 'report.xlsx'), outcomes(), headers);
  const reportMs = performance.now() - started;
  assert.equal(summary.total, ROWS);

  const mb = (n: number) => `${(n / 1048576).toFixed(1)} MiB`;
  const line = [
    `generated ${ROWS} rows (${mb(statSync(file).size)}) in ${(generateMs / 1000).toFixed(1)} s`,
    `read+map: ${(readMs / 1000).toFixed(1)} s = ${Math.round(ROWS / (readMs / 1000))} rows/s`,
    `read+map+report: ${(reportMs / 1000).toFixed(1)} s = ${Math.round(ROWS / (reportMs / 1000))} rows/s`,
    `retained heap ${mb(heapBefore)} before, at most ${mb(heapPeak)} while reading/writing`,
  ].join('; ');
  t.diagnostic(line);
  console.log(`imports measurement: ${line}`);
});
