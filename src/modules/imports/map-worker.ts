// Entry of the import reader's worker thread (mapped-rows.ts). Node's on-disk compile cache goes
// on first, then the job is loaded — dynamically, so that the cache applies to it: loading the
// reader, the mapper and their libraries (with TypeScript's types stripped) takes a new thread
// ~240 ms, ~120 ms from the cache, and each import waits for it. Cache: os.tmpdir()/node-compile-cache.
import { enableCompileCache } from 'node:module';

enableCompileCache();
await import('./map-worker-job.ts');
