// Starts and stops the whole system in one process: database, migrations, first-start demo
// data, HTTP server and job worker. Used by `lastmile serve`, `npm start` and the tests.
import type { Config } from '../platform/config.ts';
import { openDatabase, type Database } from '../platform/db/client.ts';
import { prepareDatabase } from './prepare.ts';
import { buildApp } from './http.ts';
import type { ZodApp } from '../platform/http/types.ts';
import { createServices, jobDefinitions, scheduleHousekeeping, type Services } from './services.ts';
import { createWorker, type Worker } from '../platform/jobs/index.ts';
import type { Logger } from '../platform/logger.ts';
import { loadKeyRing } from '../platform/crypto/keys.ts';
import { ensureInitialAdmin, isEmpty, seedDemo, type SeedSummary } from '../seed/demo.ts';

export type Running = {
  app: ZodApp;
  url: string;
  database: Database;
  services: Services;
  seeded: SeedSummary | null;
  /** Set when an empty database without demo data got its first admin: the one-time password. */
  initialAdminPassword: string | null;
  /** Stop accepting, finish in-flight requests and the running job, close the database. */
  stop(): Promise<void>;
};

export async function startSystem(config: Config, log: Logger): Promise<Running> {
  const database = await openDatabase(config.database);
  let worker: Worker | undefined;
  let app: ZodApp | undefined;
  let stopHousekeeping: (() => void) | undefined;
  try {
    if (config.migrateOnStart) {
      const { parametersLoaded } = await prepareDatabase(database);
      if (parametersLoaded > 0) log.info({ parametersLoaded }, 'policy parameter values loaded from policy/parameters');
    }
    const services = createServices(config, database, loadKeyRing(config.keys, log));
    const empty = await isEmpty(database);
    const seeded = config.seedDemo && empty ? await seedDemo(database, services) : null;
    const initialAdminPassword = !config.seedDemo && empty ? await ensureInitialAdmin(database, services) : null;
    app = await buildApp({ config, database, services }, { loggerInstance: log });
    const address = await app.listen({ host: config.http.host, port: config.http.port });
    if (config.runJobs) {
      worker = createWorker({ db: database.db, definitions: jobDefinitions(services), log: log.child({ part: 'jobs' }) });
      worker.start();
      stopHousekeeping = scheduleHousekeeping(services, undefined, config.audit.anchorMinutes * 60_000);
    }
    let stopping: Promise<void> | undefined;
    return {
      app,
      url: address.replace('127.0.0.1', 'localhost'),
      database,
      services,
      seeded,
      initialAdminPassword,
      stop: () =>
        (stopping ??= (async () => {
          stopHousekeeping?.();
          await app!.close();
          await worker?.stop();
          await services.notifications.close();
          await database.close();
        })()),
    };
  } catch (err) {
    await app?.close().catch(() => {});
    await worker?.stop().catch(() => {});
    await database.close().catch(() => {});
    throw err;
  }
}
