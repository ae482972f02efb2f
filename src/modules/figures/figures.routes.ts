import type { RouteModule } from '../../app/types.ts';
import { ApiErrorBody } from '../../lib/api-error.schema.ts';
import { z } from 'zod';
import { actorOf, callerOf } from '../auth/auth.hook.ts';
import { figurePermissions as can } from './figures.policy.ts';
import { FigureCatalogue, FigureExportQuery, FigureIdParams, FigureQuery, FigureResult, FigureRows, FigureRowsQuery } from './figures.schema.ts';
import { writeFigureXlsx } from './figures.export.ts';
import { monthlyReport } from './figures.report.ts';
import { YearMonth } from '../../lib/date.schema.ts';

const errors = { 400: ApiErrorBody, 401: ApiErrorBody, 403: ApiErrorBody, 404: ApiErrorBody };
const tags = ['figures'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const figureRoutes: RouteModule = (app, { services }) => {
  const figures = services.figures;
  const p = { config: { permission: can.read } };

  app.get('/figures', { ...p, schema: { tags, summary: 'Every figure: name, meaning, unit, dimensions / 统计指标目录', response: { 200: FigureCatalogue, 401: ApiErrorBody, 403: ApiErrorBody } } },
    async () => figures.catalogue());

  app.get('/figures/report', {
    ...p,
    schema: {
      tags, summary: 'The monthly report (月报): the month’s figures by the places one level down, .xlsx; as of the month’s end, reproducible / 月度统计报表',
      querystring: z.object({ month: YearMonth.optional().describe('default: last month'), under: FigureQuery.shape.under }),
      response: { 200: { description: 'xlsx file', content: { [XLSX]: { schema: z.string() } } }, ...errors },
    },
  }, async (request, reply) => {
    const caller = callerOf(request);
    const month = request.query.month ?? figures.lastMonth();
    const { buffer, placeName } = await monthlyReport(figures, caller, month, request.query.under);
    await figures.auditReport(actorOf(request), month, request.query.under ?? caller.scope);
    const name = encodeURIComponent(`${placeName}-${month}-月报.xlsx`);
    return reply.type(XLSX).header('content-disposition', `attachment; filename="report.xlsx"; filename*=UTF-8''${name}`).send(buffer as never);
  });

  app.get('/figures/:id', { ...p, schema: { tags, summary: 'A figure for a period and place, broken down by the next place level, month or category / 统计指标数值', params: FigureIdParams, querystring: FigureQuery, response: { 200: FigureResult, ...errors } } },
    async (request) => figures.value(callerOf(request), request.params.id, request.query));

  app.get('/figures/:id/rows', { ...p, schema: { tags, summary: 'The rows behind a figure, paged (masked; reveal=true needs persons.reveal, audited) / 指标明细', params: FigureIdParams, querystring: FigureRowsQuery, response: { 200: FigureRows, ...errors } } },
    async (request) => figures.rows(callerOf(request), request.params.id, request.query, actorOf(request)));

  app.get('/figures/:id/export', {
    ...p,
    schema: {
      tags, summary: 'The rows behind a figure as .xlsx (masked unless revealed; audited) / 导出指标明细', params: FigureIdParams, querystring: FigureExportQuery,
      response: { 200: { description: 'xlsx file', content: { [XLSX]: { schema: z.string() } } }, ...errors },
    },
  }, async (request, reply) => {
    const opened = await figures.openExport(callerOf(request), request.params.id, request.query, actorOf(request));
    const { stream, done } = writeFigureXlsx(opened);
    request.raw.on('close', () => stream.destroy());
    done.then((rows) => request.log.info({ rows, figure: opened.def.id, reveal: opened.reveal }, 'figure rows exported'), (err: unknown) => request.log.warn({ err }, 'export stopped'));
    const name = encodeURIComponent(`${opened.def.nameZh}-${opened.period.from}-${opened.period.to}.xlsx`);
    return reply.type(XLSX).header('content-disposition', `attachment; filename="figure.xlsx"; filename*=UTF-8''${name}`).send(stream as never);
  });
};
