// The job of the import reader's worker thread (mapped-rows.ts; entry map-worker.ts): reads the
// uploaded file and maps its rows, posting the header first and then the rows in chunks.
// Mapping starts once the options (today, vocabularies) come.
import { once } from 'node:events';
import { Readable } from 'node:stream';
import { parentPort, workerData } from 'node:worker_threads';
import { readValueRows, type ImportFormat } from './read-rows.ts';
import { mapChunks, serializeError, type WorkerMessage } from './mapped-rows.ts';
import type { MapRowOptions } from './map-rows.ts';
import type { UploadLimits } from './upload-limits.ts';
import { indexerOf, type IndexSecret } from '../../platform/crypto/field-crypto.ts';

const port = parentPort!;
const { content, format, limits, index } = workerData as { content: Uint8Array; format: ImportFormat; limits: UploadLimits; index?: IndexSecret };
const post = (m: WorkerMessage) => port.postMessage(m);

try {
  const rows = readValueRows(Readable.from([Buffer.from(content.buffer, content.byteOffset, content.byteLength)]), format, { limits });
  const started = once(port, 'message') as Promise<[{ type: 'start'; options: MapRowOptions }]>;
  const { headers } = await rows.header();
  post({ type: 'headers', headers });
  const [{ options }] = await started;
  // As JSON: cheaper to pass between threads than the objects themselves.
  for await (const items of mapChunks(rows, headers, options, index && indexerOf(index))) post({ type: 'rows', json: JSON.stringify(items) });
  post({ type: 'done' });
} catch (error) {
  post({ type: 'error', error: serializeError(error) });
}
