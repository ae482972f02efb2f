export { defineJob, type JobDefinition, type JobContext } from './define.ts';
export { createWorker, type Worker } from './worker.ts';
export { createJobQueue, type JobQueue } from './queue.ts';
export { jobs } from './jobs.table.ts';
