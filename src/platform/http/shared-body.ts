// A raw upload body collected straight into shared memory (a SharedArrayBuffer), sized by its
// Content-Length: the bytes go on to worker threads (hashing aside: sealing, reading) without
// the two copies of Fastify's own buffer parser (concatenation, then a copy to share it), each
// of which held the server's thread for ~0.5 s per 75 MB under load. The body limit is Fastify's
// own error (413 with the limit, as every other route). Without a Content-Length (chunked
// uploads) the chunks are gathered and copied once.
import { errorCodes, type FastifyRequest } from 'fastify';
import { allocShared, sharedBytes } from '../shared-bytes.ts';

type Done = (err: Error | null, body?: Buffer) => void;

export function sharedBodyParser(bodyLimit: number) {
  return (request: FastifyRequest, payload: NodeJS.ReadableStream, done: Done): void => {
    const declared = Number(request.headers['content-length']);
    const known = request.headers['content-length'] !== undefined && Number.isSafeInteger(declared) && declared >= 0;
    if (known && declared > bodyLimit) {
      payload.resume();
      return done(new errorCodes.FST_ERR_CTP_BODY_TOO_LARGE());
    }
    const out = known ? allocShared(declared) : undefined;
    const chunks: Buffer[] = [];
    let received = 0;
    let failed = false;
    const fail = (err: Error) => {
      if (failed) return;
      failed = true;
      payload.removeAllListeners('data');
      payload.resume();
      done(err);
    };
    payload.on('data', (chunk: Buffer) => {
      if (failed) return;
      if (received + chunk.length > (known ? declared : bodyLimit)) {
        return fail(known ? new errorCodes.FST_ERR_CTP_INVALID_CONTENT_LENGTH() : new errorCodes.FST_ERR_CTP_BODY_TOO_LARGE());
      }
      if (out) out.set(chunk, received);
      else chunks.push(chunk);
      received += chunk.length;
    });
    payload.on('error', (err: Error) => fail(err));
    payload.on('end', () => {
      if (failed) return;
      if (out && received !== declared) return fail(new errorCodes.FST_ERR_CTP_INVALID_CONTENT_LENGTH());
      done(null, out ?? sharedBytes(Buffer.concat(chunks, received)));
    });
  };
}
