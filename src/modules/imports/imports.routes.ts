import { z } from 'zod';
import { PassThrough } from 'node:stream';
import { sharedBodyParser } from '../../platform/http/shared-body.ts';
import type { RouteModule } from '../../app/types.ts';
import { ApiErrorBody } from '../../lib/api-error.schema.ts';
import { actorOf, callerOf } from '../auth/auth.hook.ts';
import { personPermissions as can } from '../persons/persons.policy.ts';
import { ImportIdParams, ImportJob } from './import.schema.ts';
import { writeTemplate } from './template.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const errors = { 400: ApiErrorBody, 401: ApiErrorBody, 403: ApiErrorBody, 404: ApiErrorBody, 409: ApiErrorBody, 413: ApiErrorBody };
const tags = ['imports'];
const fileResponse = { 200: { description: 'xlsx file', content: { [XLSX]: { schema: z.string() } } } };

export const importRoutes: RouteModule = (app, { services, config }) => {
  const imports = services.imports;
  // Ledger files arrive as the raw request body (up to LASTMILE_UPLOAD_MAX_BYTES, 50 MB by default).
  const bodyLimit = config.uploads.uploadBytes;
  // Straight into shared memory: the file goes on to worker threads (sealing, reading) without copies.
  app.addContentTypeParser([XLSX, 'text/csv', 'application/octet-stream'], { bodyLimit }, sharedBodyParser(bodyLimit));

  const sendXlsx = (reply: import('fastify').FastifyReply, name: string, data: Buffer | PassThrough) =>
    reply.type(XLSX).header('content-disposition', `attachment; filename="${encodeURIComponent(name)}"; filename*=UTF-8''${encodeURIComponent(name)}`).send(data as never);

  app.get('/imports/template/persons', { config: { permission: can.write }, schema: { tags, summary: 'The persons ledger template / 人员台账导入模板', response: { ...fileResponse, ...errors } } },
    async (_request, reply) => {
      const out = new PassThrough();
      void writeTemplate(out).catch((err: unknown) => out.destroy(err as Error));
      return sendXlsx(reply, '人员台账导入模板.xlsx', out);
    });

  app.post('/imports/persons', {
    config: { permission: can.write },
    bodyLimit,
    schema: {
      tags,
      summary: 'Upload a persons ledger (.xlsx or .csv as the raw body); validation runs in the background / 上传人员台账',
      querystring: z.object({ fileName: z.string().trim().min(1).max(200) }),
      body: z.any().describe('the file bytes'),
      response: { 201: ImportJob, ...errors },
    },
  }, async (request, reply) => {
    const content = request.body as Buffer;
    return reply.status(201).send(await imports.upload(callerOf(request), { fileName: request.query.fileName, content: Buffer.isBuffer(content) ? content : Buffer.alloc(0) }, actorOf(request)));
  });

  app.get('/imports', { config: { permission: can.write }, schema: { tags, summary: 'Recent imports in your jurisdiction / 导入记录', response: { 200: z.object({ items: z.array(ImportJob) }), ...errors } } },
    async (request) => ({ items: await imports.list(callerOf(request)) }));

  app.get('/imports/:id', { config: { permission: can.write }, schema: { tags, summary: 'An import with its progress and counts / 导入进度', params: ImportIdParams, response: { 200: ImportJob, ...errors } } },
    async (request) => imports.get(callerOf(request), request.params.id));

  app.get('/imports/:id/report', { config: { permission: can.write }, schema: { tags, summary: 'The annotated validation report / 校验报告', params: ImportIdParams, response: { ...fileResponse, ...errors } } },
    async (request, reply) => sendXlsx(reply, `校验报告-${request.params.id}.xlsx`, await imports.report(callerOf(request), request.params.id)));

  app.post('/imports/:id/commit', { config: { permission: can.write }, schema: { tags, summary: 'Load the rows that passed (background, resumable) / 提交导入', params: ImportIdParams, response: { 200: ImportJob, ...errors } } },
    async (request) => imports.commit(callerOf(request), request.params.id, actorOf(request)));
};
