// sealFile/openFile for files of any size without holding the server: a file of 75 MB takes the
// field cipher (base64, SM4-CBC, HMAC-SM3, base64 again) several seconds of one core, so beyond a
// small size the work runs on a worker thread and the caller awaits it. Same envelope, same keys.
import { Worker } from 'node:worker_threads';
import { sharedBytes } from '../shared-bytes.ts';
import { FieldCryptoError, type FieldCryptoProblem, type KeyRing } from './field-crypto.ts';

/** Below this, sealing in the calling thread costs less than starting a worker. */
const INLINE_BYTES = 1 << 20;

export function createSealedFiles(ring: KeyRing, inline: { seal(data: Buffer): Buffer; open(sealed: Buffer): Buffer }) {
  const run = (op: 'seal' | 'open', data: Buffer): Promise<Buffer> => {
    // Only the data keys go to the worker (the index and audit keys are not needed there).
    const keys = [...ring.keys].map(([id, k]) => [id, k.encKey, k.macKey] as const);
    const worker = new Worker(new URL('./file-seal-worker.ts', import.meta.url), { workerData: { op, data: sharedBytes(data), current: ring.current, keys } });
    return new Promise<Buffer>((resolve, reject) => {
      worker.once('message', (m: { ok: true; data: Uint8Array } | { ok: false; error: { reason?: string; messageEn: string; messageZh: string } }) => {
        if (m.ok) resolve(Buffer.from(m.data.buffer, m.data.byteOffset, m.data.byteLength));
        else reject(m.error.reason ? new FieldCryptoError(m.error.reason as FieldCryptoProblem, m.error.messageEn, m.error.messageZh) : new Error(m.error.messageEn));
        void worker.terminate();
      });
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`file sealing stopped (exit code ${code})`)));
    });
  };
  return {
    sealFileAsync: (data: Buffer): Promise<Buffer> => (data.length < INLINE_BYTES ? Promise.resolve(inline.seal(data)) : run('seal', data)),
    openFileAsync: (sealed: Buffer): Promise<Buffer> => (sealed.length < INLINE_BYTES ? Promise.resolve(inline.open(sealed)) : run('open', sealed)),
  };
}
