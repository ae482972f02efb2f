import { sql } from 'drizzle-orm';
import type { RouteModule } from '../../app/types.ts';
import { ApiErrorBody } from '../../lib/api-error.schema.ts';
import { z } from 'zod';
import { Health, IdNumberCheckResponse } from './system.schema.ts';
import { IdNumberParsed } from '../../lib/id-number.schema.ts';
import { maskIdNumber } from '../../lib/masking.ts';
import { toolPermissions } from './system.policy.ts';
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

  app.post(
    '/tools/id-number',
    {
      config: { permission: toolPermissions.use },
      schema: {
        tags: ['system'],
        summary: 'Check an ID number (GB 11643): birth date, sex, 15→18 conversion / 身份证号码校验',
        body: z.object({ idNumber: IdNumberParsed }),
        response: { 200: IdNumberCheckResponse, 400: ApiErrorBody, 401: ApiErrorBody, 403: ApiErrorBody },
      },
    },
    async (request) => {
      const parsed = request.body.idNumber;
      return { normalised: maskIdNumber(parsed.value), birthDate: parsed.birthDate, sex: parsed.sex, regionCode: parsed.regionCode, convertedFrom15: parsed.convertedFrom15 };
    },
  );
};
