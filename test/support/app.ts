// An in-process app on a fresh test database, with the demo data, for API tests via app.inject.
import { loadConfig, type Config } from '../../src/platform/config.ts';
import { buildApp } from '../../src/platform/http/app.ts';
import type { ZodApp } from '../../src/platform/http/types.ts';
import { createServices, type Services } from '../../src/platform/services.ts';
import { DEMO_PASSWORD, seedDemo } from '../../src/seed/demo.ts';
import { createTestDatabase, type TestDatabase } from './db.ts';
import { generateKeyRingJson, parseKeyRing } from '../../src/platform/crypto/field-crypto.ts';

/** One key ring for the test process (keys are random per run). */
export const testKeyRing = parseKeyRing(generateKeyRingJson());

export type Session = { cookie: string; csrf: string; headers: Record<string, string> };

export type TestApp = {
  app: ZodApp;
  database: TestDatabase;
  services: Services;
  config: Config;
  login(username: string, password?: string): Promise<Session>;
  close(): Promise<void>;
};

export async function createTestApp(env: NodeJS.ProcessEnv = {}, options: { seed?: boolean } = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const config = loadConfig({ LOG_LEVEL: 'silent', ...env });
  const services = createServices(config, database, testKeyRing);
  if (options.seed ?? true) await seedDemo(database, services);
  const app = await buildApp({ config, database, services }, { logger: false, serveWeb: false });
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
      await database.close();
    },
  };
}
