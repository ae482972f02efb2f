// The composition root: builds every module's service from the shared database once, so HTTP
// routes, the CLI and jobs all run the same services.
import type { Config } from './config.ts';
import type { Database } from './db/client.ts';
import { createJobQueue, type JobDefinition, type JobQueue } from './jobs/index.ts';
import { createAuthService, type AuthService } from '../modules/auth/index.ts';
import { createJurisdictionsService, type JurisdictionsService } from '../modules/jurisdictions/index.ts';
import { purgeSessionsJob } from '../modules/auth/auth.jobs.ts';

export type Services = {
  auth: AuthService;
  jurisdictions: JurisdictionsService;
  jobs: JobQueue;
};

export function createServices(config: Config, database: Database, options: { now?: () => Date } = {}): Services {
  const { db } = database;
  return {
    auth: createAuthService({ db, sessionHours: config.sessionHours, ...(options.now ? { now: options.now } : {}) }),
    jurisdictions: createJurisdictionsService({ db }),
    jobs: createJobQueue(db),
  };
}

/** Every job type any module defines; the worker runs these. */
export function jobDefinitions(services: Services): JobDefinition[] {
  return [purgeSessionsJob(services.auth)] as JobDefinition[];
}

/** Housekeeping enqueued at start and then every `everyMs`; each process may do it, duplicates are skipped. */
export function scheduleHousekeeping(services: Services, everyMs = 3_600_000): () => void {
  const enqueue = () => services.jobs.enqueueUnlessPending(purgeSessionsJob(services.auth), {}).catch(() => undefined);
  void enqueue();
  const timer = setInterval(enqueue, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
