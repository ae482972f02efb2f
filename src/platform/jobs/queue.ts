import type { z } from 'zod';
import type { DbOrTx } from '../db/client.ts';
import type { JobDefinition } from './define.ts';
import * as store from './jobs.store.ts';

export type JobQueue = {
  /** Enqueue inside the caller's transaction when given one, so the job exists only if the work commits. */
  enqueue<S extends z.ZodType>(
    def: JobDefinition<S>,
    payload: z.input<S>,
    options?: { runAt?: Date; maxAttempts?: number; tx?: DbOrTx },
  ): Promise<{ id: number }>;
  /** Enqueue unless one of this kind is already waiting or running; returns its id or undefined. */
  enqueueUnlessPending<S extends z.ZodType>(def: JobDefinition<S>, payload: z.input<S>): Promise<number | undefined>;
  get(id: number): Promise<store.JobRow | undefined>;
};

export function createJobQueue(db: DbOrTx): JobQueue {
  return {
    async enqueue(def, payload, options = {}) {
      const parsed = def.schema.parse(payload);
      const row = await store.insertJob(options.tx ?? db, {
        name: def.name,
        payload: parsed,
        ...(options.runAt ? { runAt: options.runAt } : {}),
        ...((options.maxAttempts ?? def.maxAttempts) ? { maxAttempts: options.maxAttempts ?? def.maxAttempts } : {}),
      });
      return { id: row.id };
    },
    enqueueUnlessPending: (def, payload) => store.insertJobUnlessPending(db, { name: def.name, payload: def.schema.parse(payload) }),
    get: (id) => store.findJob(db, id),
  };
}
