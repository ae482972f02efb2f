import type { z } from 'zod';
import type { Logger } from '../logger.ts';

export type JobContext = {
  jobId: number;
  attempt: number;
  log: Logger;
  /** Aborted when the process is shutting down; long jobs should stop and will be retried. */
  signal: AbortSignal;
  /** Record progress (shown to users of long work); cheap enough to call every few hundred rows. */
  reportProgress(progress: { done: number; total?: number; message?: string }): Promise<void>;
};

export type JobDefinition<S extends z.ZodType = z.ZodType> = {
  name: string;
  schema: S;
  maxAttempts?: number;
  handler(payload: z.infer<S>, ctx: JobContext): Promise<unknown>;
};

/** A typed job: its payload is validated on enqueue and again when it runs. */
export function defineJob<S extends z.ZodType>(definition: JobDefinition<S>): JobDefinition<S> {
  return definition;
}
