// An in-process app on a fresh test database, with the demo data, for API tests via app.inject.
import { join } from 'node:path';
import { pino, type DestinationStream } from 'pino';
import { loadConfig, type Config } from '../../src/platform/config.ts';
import { createLogger, type Logger } from '../../src/platform/logger.ts';
import { buildApp } from '../../src/app/http.ts';
import type { ZodApp } from '../../src/platform/http/types.ts';
import { createServices, type Services } from '../../src/app/services.ts';
import { DEMO_PASSWORD, seedDemo } from '../../src/seed/demo.ts';
import { createTestDatabase, type TestDatabase } from './db.ts';
import { generateKeyRingJson, parseKeyRing } from '../../src/platform/crypto/field-crypto.ts';

/** One key ring for the test process (keys are random per run). */
export const testKeyRingJson = generateKeyRingJson();
export const testKeyRing = parseKeyRing(testKeyRingJson);

/**
 * Under test/run.ts every test app logs at debug level into the run's log folder, which the run
 * then scans for plaintext personal data. Run directly, tests log nothing.
 */
function testLogger(): { loggerInstance: Logger } | { logger: false } {
  const dir = process.env.LASTMILE_TEST_LOG_DIR;
  if (!dir) return { logger: false };
  return { loggerInstance: createLogger('debug', pino.destination({ dest: join(dir, `app-${process.pid}.log`), sync: true, append: true })) };
}

export type Session = { cookie: string; csrf: string; headers: Record<string, string> };

export type TestApp = {
  app: ZodApp;
  database: TestDatabase;
  services: Services;
  config: Config;
  login(username: string, password?: string): Promise<Session>;
  close(): Promise<void>;
};

/**
 * `now`: the clock every service reads (deadline tests stand on chosen dates). `logTo`: the app
 * logs at debug level there instead (tests that read what was logged).
 */
export async function createTestApp(env: NodeJS.ProcessEnv = {}, options: { seed?: boolean; now?: () => Date; logTo?: DestinationStream } = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const config = loadConfig({ LOG_LEVEL: 'silent', ...env });
  const services = createServices(config, database, testKeyRing, options.now ? { now: options.now } : {});
  if (options.seed ?? true) await seedDemo(database, services);
  const logging = options.logTo ? { loggerInstance: createLogger('debug', options.logTo) } : testLogger();
  const app = await buildApp({ config, database, services }, { ...logging, serveWeb: false });
  await app.ready();
  return {
    app,
    database,
    services,
    config,
    async login(username, password = DEMO_PASSWORD) {
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
      if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
      const jar = Object.fromEntries(res.cookies.map((c) => [c.name, c.value]));
      const cookie = `lm_session=${jar.lm_session}; lm_csrf=${jar.lm_csrf}`;
      return { cookie, csrf: jar.lm_csrf!, headers: { cookie, 'x-csrf-token': jar.lm_csrf! } };
    },
    async close() {
      await app.close();
      await services.notifications.close();
      await database.close();
    },
  };
}
