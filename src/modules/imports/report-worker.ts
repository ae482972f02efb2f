// Entry of the import report's worker thread (annotated-report.ts): the compile cache first, then
// the job (as map-worker.ts does).
import { enableCompileCache } from 'node:module';

enableCompileCache();
await import('./report-worker-job.ts');
