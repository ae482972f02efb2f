// The job of the import report's worker thread: collect the notes the importer sends, then
// re-read the file and write the annotated report, handing the bytes back without a copy.
import { parentPort, workerData } from 'node:worker_threads';
import { serializeError } from './mapped-rows.ts';
import { writeAnnotatedReport, type NoteEntry, type ReportWorkerIn, type ReportWorkerOut, type RowNote } from './annotated-report.ts';
import type { ImportFormat } from './read-rows.ts';
import type { UploadLimits } from './upload-limits.ts';

const port = parentPort!;
const { content, format, limits } = workerData as { content: Uint8Array; format: ImportFormat; limits: UploadLimits | undefined };
const notes = new Map<number, RowNote>();
const post = (m: ReportWorkerOut) => port.postMessage(m);

port.on('message', (m: ReportWorkerIn) => {
  if (m.type === 'notes') {
    for (const [rowNumber, outcome, problems] of JSON.parse(m.json) as NoteEntry[]) notes.set(rowNumber, { outcome, problems });
    return;
  }
  writeAnnotatedReport(Buffer.from(content.buffer, content.byteOffset, content.byteLength), format, notes, limits).then(
    (report) => {
      // Into shared memory: the caller seals it on another worker without a copy.
      const data = new Uint8Array(new SharedArrayBuffer(report.byteLength));
      data.set(report);
      post({ type: 'done', data });
    },
    (error: unknown) => post({ type: 'error', error: serializeError(error) }),
  );
});
