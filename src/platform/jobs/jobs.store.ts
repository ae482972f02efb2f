import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.ts';
import { queryRows } from '../db/client.ts';
import { jobs } from './jobs.table.ts';

export type JobRow = typeof jobs.$inferSelect;

export async function insertJob(
  db: DbOrTx,
  values: { name: string; payload: unknown; runAt?: Date; maxAttempts?: number },
): Promise<JobRow> {
  const [row] = await db.insert(jobs).values(values).returning();
  return row!;
}

/** Insert unless a job of that name is already queued or running (periodic housekeeping). */
export async function insertJobUnlessPending(db: DbOrTx, values: { name: string; payload: unknown }): Promise<number | undefined> {
  const rows = await queryRows<{ id: number }>(
    db,
    sql`insert into ${jobs} (name, payload)
        select ${values.name}, ${JSON.stringify(values.payload)}::jsonb
        where not exists (select 1 from ${jobs} where name = ${values.name} and status in ('queued', 'running'))
        returning id`,
  );
  return rows[0]?.id;
}

/**
 * Claim the next due job: queued and due, or running with an expired lease (its worker died).
 * FOR UPDATE SKIP LOCKED lets any number of workers in any number of processes claim without
 * taking the same job twice.
 */
export async function claimNext(db: DbOrTx, workerId: string, leaseMs: number, names: string[]): Promise<JobRow | undefined> {
  if (names.length === 0) return undefined;
  const rows = await queryRows<{ id: number }>(
    db,
    sql`update ${jobs} set status = 'running', locked_by = ${workerId},
          locked_until = now() + make_interval(secs => ${leaseMs / 1000}), attempts = attempts + 1
        where id = (
          select id from ${jobs}
          where name = any(${sql`array[${sql.join(names.map((n) => sql`${n}`), sql`, `)}]::text[]`})
            and ((status = 'queued' and run_at <= now()) or (status = 'running' and locked_until < now()))
          order by run_at, id
          limit 1
          for update skip locked)
        returning id`,
  );
  const id = rows[0]?.id;
  if (id === undefined) return undefined;
  const [row] = await db.select().from(jobs).where(eq(jobs.id, id));
  return row;
}

/** Finishing only counts while the worker still holds the lease (a stale worker cannot overwrite). */
export async function markDone(db: DbOrTx, id: number, workerId: string, result: unknown): Promise<boolean> {
  const rows = await db
    .update(jobs)
    .set({ status: 'done', result: result ?? null, finishedAt: new Date(), lockedBy: null, lockedUntil: null })
    .where(and(eq(jobs.id, id), eq(jobs.lockedBy, workerId), eq(jobs.status, 'running')))
    .returning({ id: jobs.id });
  return rows.length === 1;
}

export async function markFailed(db: DbOrTx, id: number, workerId: string, error: string, retryAt: Date | null): Promise<void> {
  await db
    .update(jobs)
    .set(
      retryAt
        ? { status: 'queued', runAt: retryAt, lastError: error, lockedBy: null, lockedUntil: null }
        : { status: 'failed', lastError: error, finishedAt: new Date(), lockedBy: null, lockedUntil: null },
    )
    .where(and(eq(jobs.id, id), eq(jobs.lockedBy, workerId)));
}

/** Give a claimed job back without counting the attempt (shutdown in the middle of it). */
export async function release(db: DbOrTx, id: number, workerId: string): Promise<void> {
  await db
    .update(jobs)
    .set({ status: 'queued', attempts: sql`greatest(${jobs.attempts} - 1, 0)`, lockedBy: null, lockedUntil: null })
    .where(and(eq(jobs.id, id), eq(jobs.lockedBy, workerId), eq(jobs.status, 'running')));
}

export async function setProgress(db: DbOrTx, id: number, workerId: string, progress: unknown, leaseMs: number): Promise<void> {
  await db
    .update(jobs)
    .set({ progress, lockedUntil: sql`now() + make_interval(secs => ${leaseMs / 1000})` })
    .where(and(eq(jobs.id, id), eq(jobs.lockedBy, workerId)));
}

export async function findJob(db: DbOrTx, id: number): Promise<JobRow | undefined> {
  const [row] = await db.select().from(jobs).where(eq(jobs.id, id));
  return row;
}
