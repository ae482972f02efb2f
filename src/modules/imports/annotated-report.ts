// The annotated report of a validated file (its rows with 结果 and 问题说明), written in this thread
// for a small file and on a worker thread for a large one: re-reading a 1,000,000-row ledger and
// writing it again with exceljs is about a minute of one core, which in the server's own thread
// would hold every other request (health p99 during a maximal import: docs/performance.md).
// Only the rows with something to say cross to the worker; every other row is 'ok'.
import { PassThrough, Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { Worker } from 'node:worker_threads';
import { sharedBytes } from '../../platform/shared-bytes.ts';
import { readRows, type ImportFormat } from './read-rows.ts';
import { writeReport, type Outcome } from './report.ts';
import type { RowProblem } from './map-rows.ts';
import type { UploadLimits } from './upload-limits.ts';
import { deserializeError, type SerializedError } from './mapped-rows.ts';

export type RowNote = { outcome: Outcome; problems: RowProblem[] };
/** [row number, outcome, problems] of a row that is not plainly 'ok'. */
export type NoteEntry = [number, Outcome, RowProblem[]];

const WORKER_MIN_BYTES = 256 * 1024;
/** Notes cross to the worker in slices, with the event loop let in between (a file of errors has a million). */
const NOTES_PER_MESSAGE = 20_000;

/** Write the report in this thread. */
export async function writeAnnotatedReport(content: Buffer, format: ImportFormat, notes: ReadonlyMap<number, RowNote>, limits?: UploadLimits): Promise<Buffer> {
  const rows = readRows(Readable.from([content]), format, limits ? { limits } : {});
  const { headers } = await rows.header();
  const out = new PassThrough();
  const collected = buffer(out);
  async function* annotated() {
    for await (const row of rows) {
      const s = notes.get(row.rowNumber);
      yield { rowNumber: row.rowNumber, cells: row.cells, problems: s?.problems ?? [], outcome: s?.outcome ?? ('ok' as const) };
    }
  }
  await writeReport(out, annotated(), headers);
  out.end();
  return collected;
}

export type ReportWorkerIn = { type: 'notes'; json: string } | { type: 'write' };
export type ReportWorkerOut = { type: 'done'; data: Uint8Array } | { type: 'error'; error: SerializedError };

/** The report of `content` with the notes of every row that is not plainly 'ok'. */
export async function annotatedReport(content: Buffer, format: ImportFormat, states: ReadonlyMap<number, RowNote>, limits?: UploadLimits): Promise<Buffer> {
  if (content.length < WORKER_MIN_BYTES) return writeAnnotatedReport(content, format, states, limits);
  const worker = new Worker(new URL('./report-worker.ts', import.meta.url), { workerData: { content: sharedBytes(content), format, limits }, resourceLimits: { maxYoungGenerationSizeMb: 32 } });
  const result = new Promise<Buffer>((resolve, reject) => {
    worker.once('message', (m: ReportWorkerOut) => {
      if (m.type === 'done') resolve(Buffer.from(m.data.buffer, m.data.byteOffset, m.data.byteLength));
      else reject(deserializeError(m.error));
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`import report stopped (exit code ${code})`)));
  });
  result.catch(() => {});
  try {
    let slice: NoteEntry[] = [];
    const send = async () => {
      worker.postMessage({ type: 'notes', json: JSON.stringify(slice) } satisfies ReportWorkerIn);
      slice = [];
      await new Promise((resolve) => setImmediate(resolve));
    };
    for (const [rowNumber, s] of states) {
      if (s.outcome === 'ok' && s.problems.length === 0) continue;
      slice.push([rowNumber, s.outcome, s.problems]);
      if (slice.length >= NOTES_PER_MESSAGE) await send();
    }
    if (slice.length > 0) await send();
    worker.postMessage({ type: 'write' } satisfies ReportWorkerIn);
    return await result;
  } finally {
    void worker.terminate();
  }
}
