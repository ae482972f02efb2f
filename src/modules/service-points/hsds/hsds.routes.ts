// Open Referral HSDS 3.0 read API (no login, rate-limited like the directory): the tables HSDS
// defines, paged as HSDS pages them, and the full export as one JSON file.
import { z } from 'zod';
import type { RouteModule } from '../../../app/types.ts';
import { ApiErrorBody } from '../../../lib/api-error.schema.ts';
import { rateLimitedError } from '../../../platform/http/rate-limit.ts';

const PageQuery = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  per_page: z.coerce.number().int().min(1).max(500).default(50),
});
const Page = z.object({
  total_items: z.number().int(), total_pages: z.number().int(), page_number: z.number().int(), size: z.number().int(),
  first_page: z.boolean(), last_page: z.boolean(), empty: z.boolean(),
  contents: z.array(z.record(z.string(), z.unknown())),
});
const Meta = z.object({ version: z.string(), profile: z.string(), openapi_url: z.string() });
const Export = z.record(z.string(), z.unknown()).describe('the HSDS 3.0 export: every table, see src/modules/service-points/hsds/hsds-3.0-export.schema.json');

export const hsdsRoutes: RouteModule = (app, { services, config }) => {
  const hsds = services.servicePoints.hsds;
  const cfg = { public: true, rateLimit: { max: config.publicRequestPerMinute, timeWindow: 60_000, errorResponseBuilder: rateLimitedError({ en: 'requests', zh: '请求' }) } };
  const tags = ['HSDS 3.0 (public)'];
  const list = (path: string, summary: string, get: (p: { page: number; perPage: number }) => Promise<unknown>) =>
    app.get(`/hsds/${path}`, { config: cfg, schema: { tags, summary, querystring: PageQuery, response: { 200: Page, 400: ApiErrorBody, 429: ApiErrorBody } } },
      async (request) => get({ page: request.query.page, perPage: request.query.per_page }) as never);

  app.get('/hsds', { config: cfg, schema: { tags, summary: 'About this API: the HSDS version / HSDS 接口说明', response: { 200: Meta, 429: ApiErrorBody } } }, async () => hsds.meta());
  list('organizations', 'Organizations: the points’ operators / 运营组织', (p) => hsds.organizations(p));
  list('services', 'Services: one per service a point offers / 服务', (p) => hsds.services(p));
  list('locations', 'Locations: the points (WGS-84) / 服务地点', (p) => hsds.locations(p));
  list('service_at_locations', 'Services at locations / 服务与地点', (p) => hsds.serviceAtLocations(p));
  list('schedules', 'Schedules (paged by location) / 开放时间', (p) => hsds.schedules(p));
  list('phones', 'Phones (paged by location) / 电话', (p) => hsds.phones(p));
  list('addresses', 'Addresses (paged by location) / 地址', (p) => hsds.addresses(p));
  app.get('/hsds/export', { config: cfg, schema: { tags, summary: 'The full HSDS 3.0 export as one JSON file / 全量导出', response: { 200: Export, 429: ApiErrorBody } } },
    async (_request, reply) => reply.header('content-disposition', 'attachment; filename="hsds-3.0-export.json"').send(await hsds.export()));
};
