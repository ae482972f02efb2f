// The worker thread of sealed-files.ts: seals or opens one file with the data keys it is given
// (the same envelope as sensitive.sealFile/openFile), so the server's thread stays free.
import { parentPort, workerData } from 'node:worker_threads';
import { decryptField, encryptField, type KeyRing } from './field-crypto.ts';

type Job = { op: 'seal' | 'open'; data: Uint8Array; current: string; keys: [string, Uint8Array, Uint8Array][] };
const job = workerData as Job;
const buf = (u: Uint8Array) => Buffer.from(u.buffer, u.byteOffset, u.byteLength);
const ring = { current: job.current, keys: new Map(job.keys.map(([id, enc, mac]) => [id, { encKey: buf(enc), macKey: buf(mac) }])) } as unknown as KeyRing;
try {
  const data = buf(job.data);
  const out = job.op === 'seal' ? Buffer.from(encryptField(ring, data.toString('base64')), 'utf8') : Buffer.from(decryptField(ring, data.toString('utf8')), 'base64');
  // Shared: the caller hands the file on to other workers (reading, the report) without a copy.
  const copy = new Uint8Array(new SharedArrayBuffer(out.length));
  copy.set(out);
  parentPort!.postMessage({ ok: true, data: copy });
} catch (error) {
  const e = error as { name?: string; reason?: string; messageEn?: string; messageZh?: string; message?: string };
  parentPort!.postMessage({ ok: false, error: { name: e.name, reason: e.reason, messageEn: e.messageEn ?? e.message, messageZh: e.messageZh ?? e.message } });
}
