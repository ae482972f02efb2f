// The rows of an uploaded ledger, read and mapped (mapRow) — on a worker thread for a file of
// some size, so reading and mapping run beside what the importer does with the rows (blind
// indexes, encryption, the database) on the other core; in this thread for a small file, where
// starting a worker (~0.2 s) costs more than it saves. Either way the same rows come out, in file
// order, in chunks (passed from the worker as JSON, cheaper than structured clone).
import { Readable } from 'node:stream';
import { Worker } from 'node:worker_threads';
import { AppError } from '../../platform/errors.ts';
import { sharedBytes } from '../../platform/shared-bytes.ts';
import type { IndexSecret } from '../../platform/crypto/field-crypto.ts';
import { ImportFileError, readValueRows, type ImportFormat, type FileProblem, type ValueRowSource } from './read-rows.ts';
import { mapHeaders, valuesMapper, type MapRowOptions, type RowProblem } from './map-rows.ts';
import type { ImportRecord } from './person-columns.ts';
import { DEFAULT_UPLOAD_LIMITS, type UploadLimits } from './upload-limits.ts';

/** One row of the file, mapped. (Pinyin of names is worked out at commit time, off the reader's thread, which is the import's critical path.) */
export type MappedItem = { rowNumber: number; problems: RowProblem[]; example?: true; input?: ImportRecord; /** The ID number's blind index, when the reader was given the secret. */ idIndex?: string };

export type MappedSource = {
  /** The header row's cells (rejects when the file cannot be read at all). */
  headers: Promise<string[]>;
  /** Start mapping with these options (the vocabularies come from the database meanwhile). */
  start(options: MapRowOptions): void;
  /**
   * The mapped rows in file order, a chunk at a time. Iterate once, after start(). While waiting
   * for the next chunk, `spare` is called for a slice of other work (it returns false when it
   * has none left).
   */
  chunks(spare?: () => boolean): AsyncIterable<MappedItem[]>;
  /** Stop early (a bad header): the worker, if any, is ended. */
  close(): Promise<void>;
};

/** Files smaller than this are read in this thread. */
const WORKER_MIN_BYTES = 256 * 1024;
const CHUNK_ROWS = 1000;

/**
 * `index`: the worker computes each row's ID-number blind index beside its reading (one less
 * HMAC per row on the server's thread); an in-thread source leaves it to the caller.
 */
export function mappedRows(content: Buffer, format: ImportFormat, options: { worker?: boolean; limits?: UploadLimits; index?: IndexSecret } = {}): MappedSource {
  const useWorker = options.worker ?? content.length >= WORKER_MIN_BYTES;
  const limits = options.limits ?? DEFAULT_UPLOAD_LIMITS;
  return useWorker ? workerSource(content, format, limits, options.index) : localSource(content, format, limits);
}

// ---------------------------------------------------------------------------------------------
// In this thread

/** Map the rows of a source; shared by the worker and the in-thread source. */
export async function* mapChunks(rows: ValueRowSource, headers: string[], options: MapRowOptions, indexOf?: (idNumber: string) => string): AsyncGenerator<MappedItem[]> {
  const map = valuesMapper(headers, mapHeaders(headers).mapping, options);
  let chunk: MappedItem[] = [];
  for await (const batch of rows.batches()) {
    for (const row of batch) {
      const m = map(row.rowNumber, row.values);
      const item: MappedItem = { rowNumber: m.rowNumber, problems: m.problems };
      if (m.example) item.example = true;
      if (m.input) {
        item.input = m.input;
        if (indexOf && m.input.idNumber) item.idIndex = indexOf(m.input.idNumber);
      }
      chunk.push(item);
    }
    if (chunk.length >= CHUNK_ROWS) {
      yield chunk;
      chunk = [];
    }
  }
  if (chunk.length > 0) yield chunk;
}

function localSource(content: Buffer, format: ImportFormat, limits: UploadLimits): MappedSource {
  const rows = readValueRows(Readable.from([content]), format, { limits });
  const headers = rows.header().then((h) => h.headers);
  headers.catch(() => {});
  let options: MapRowOptions | undefined;
  return {
    headers,
    start(o) {
      options = o;
    },
    async *chunks() {
      yield* mapChunks(rows, await headers, options!);
    },
    close: () => rows.close(),
  };
}

// ---------------------------------------------------------------------------------------------
// On a worker thread

export type WorkerMessage =
  | { type: 'headers'; headers: string[] }
  | { type: 'rows'; json: string }
  | { type: 'done' }
  | { type: 'error'; error: SerializedError };

export type SerializedError = { kind: 'file' | 'app' | 'other'; reason?: FileProblem; code?: string; message: string; messageZh?: string; fields?: unknown };

export function serializeError(error: unknown): SerializedError {
  if (error instanceof ImportFileError) return { kind: 'file', reason: error.reason, message: error.message, messageZh: error.messageZh };
  if (error instanceof AppError) return { kind: 'app', code: error.code, message: error.message, messageZh: error.messageZh, fields: error.fields };
  return { kind: 'other', message: error instanceof Error ? (error.stack ?? error.message) : String(error) };
}

export function deserializeError(e: SerializedError): Error {
  if (e.kind === 'file') return new ImportFileError(e.reason!, e.message, e.messageZh!);
  if (e.kind === 'app') return new AppError(e.code as ConstructorParameters<typeof AppError>[0], e.message, e.messageZh!, e.fields as ConstructorParameters<typeof AppError>[3]);
  return new Error(`import reader: ${e.message}`);
}

function workerSource(content: Buffer, format: ImportFormat, limits: UploadLimits, index: IndexSecret | undefined): MappedSource {
  // A young generation larger than the default: the reader's garbage is short-lived, and fewer,
  // larger scavenges cost less (measured: ~0.3 s less CPU for 100,000 rows).
  const worker = new Worker(new URL('./map-worker.ts', import.meta.url), { workerData: { content: sharedBytes(content), format, limits, index }, resourceLimits: { maxYoungGenerationSizeMb: 32 } });
  // Chunks wait as the worker's JSON text and are parsed when taken: a burst of messages is all
  // delivered in one turn of the event loop, and parsing them there held the server for seconds.
  const queue: (string | { end: true } | { error: Error })[] = [];
  let wake: (() => void) | undefined;
  let resolveHeaders!: (h: string[]) => void;
  let rejectHeaders!: (e: Error) => void;
  const headers = new Promise<string[]>((resolve, reject) => {
    resolveHeaders = resolve;
    rejectHeaders = reject;
  });
  headers.catch(() => {});
  let finished = false;
  const push = (item: (typeof queue)[number]) => {
    queue.push(item);
    wake?.();
  };
  worker.on('message', (m: WorkerMessage) => {
    if (m.type === 'headers') resolveHeaders(m.headers);
    else if (m.type === 'rows') push(m.json);
    else if (m.type === 'done') {
      finished = true;
      push({ end: true });
    } else {
      finished = true;
      const error = deserializeError(m.error);
      rejectHeaders(error);
      push({ error });
    }
  });
  worker.on('error', (error) => {
    finished = true;
    rejectHeaders(error);
    push({ error });
  });
  worker.on('exit', (code) => {
    if (finished) return;
    finished = true;
    const error = new Error(`import reader stopped (exit code ${code})`);
    rejectHeaders(error);
    push({ error });
  });
  return {
    headers,
    start(options) {
      worker.postMessage({ type: 'start', options });
    },
    async *chunks(spare) {
      try {
        let spareLeft = spare !== undefined;
        for (;;) {
          const next = queue.shift();
          if (next === undefined) {
            if (spareLeft && (spareLeft = spare!())) {
              // A slice done; let the worker's messages in before the next one.
              await new Promise((resolve) => setImmediate(resolve));
            } else {
              await new Promise<void>((resolve) => (wake = resolve));
              wake = undefined;
            }
            continue;
          }
          spareLeft = spare !== undefined;
          if (typeof next === 'string') {
            yield JSON.parse(next) as MappedItem[];
            // Chunks the worker sent ahead would otherwise all be taken in one turn of the event
            // loop (a resumed generator runs on microtasks): let other requests in between.
            await new Promise((resolve) => setImmediate(resolve));
          }
          else if ('error' in next) throw next.error;
          else return;
        }
      } finally {
        if (!finished) await worker.terminate();
      }
    },
    async close() {
      finished = true;
      await worker.terminate();
    },
  };
}
