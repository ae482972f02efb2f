import { sql } from 'drizzle-orm';
import type { RouteModule } from '../../platform/http/types.ts';
import { ApiErrorBody } from '../../lib/api-error.schema.ts';
import { Health } from './system.schema.ts';
import { APP_VERSION } from '../../platform/version.ts';

export const systemRoutes: RouteModule = (app, { database }) => {
  app.get(
    '/health',
    {
      config: { public: true },
      schema: { tags: ['system'], summary: 'Liveness and database check / 健康检查', response: { 200: Health, 503: ApiErrorBody } },
    },
    async () => {
      await database.db.execute(sql`select 1`);
      return { status: 'ok' as const, version: APP_VERSION, database: database.kind, uptimeSeconds: Math.round(process.uptime()) };
    },
  );
};
