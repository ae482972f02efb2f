import { z } from 'zod';
import type { RouteModule } from '../../app/types.ts';
import { ApiErrorBody } from '../../lib/api-error.schema.ts';
import { LocalDate } from '../../lib/date.schema.ts';
import { assertPermission } from '../../platform/authz.ts';
import { actorOf, callerOf } from '../auth/auth.hook.ts';
import { personPermissions } from '../persons/persons.policy.ts';
import { paymentPermissions as can } from './payments.policy.ts';
import {
  AdjustBody, Batch, BatchList, BatchResultsBody, CaseIdParams, CasePayments, CountyMonthBody, CreateOverpaymentBody, GenerateResult, IdParams,
  ListBatchesQuery, ListOverpaymentsQuery, ListPaymentsQuery, Overpayment, OverpaymentList, PaymentList, PaymentPlan, ReasonBody, RecoveryBody,
  ReissueBody, ReissueResult, ResultSummary, ResumeBody, StopBody, StopResult, SuspendBody,
} from './payments.schema.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const errors = { 400: ApiErrorBody, 401: ApiErrorBody, 403: ApiErrorBody, 404: ApiErrorBody, 409: ApiErrorBody };
const tags = ['payments'];
const PlanList = z.object({ items: z.array(PaymentPlan) });

export const paymentRoutes: RouteModule = (app, { services }) => {
  const payments = services.payments;
  const read = { config: { permission: can.read } };
  const manage = { config: { permission: can.manage } };
  // Result files arrive as the raw body (the imports module may already have taught the parser).
  if (!app.hasContentTypeParser(XLSX)) {
    app.addContentTypeParser([XLSX, 'text/csv', 'application/octet-stream'], { parseAs: 'buffer', bodyLimit: 50 * 1024 * 1024 }, (_req, body, done) => done(null, body));
  }

  app.get('/payments', { ...read, schema: { tags, summary: 'Payments in your jurisdiction, filtered, with their total / 发放明细查询', querystring: ListPaymentsQuery, response: { 200: PaymentList, ...errors } } },
    async (request) => payments.list(callerOf(request), request.query));

  app.get('/payments/cases/:caseId', { ...read, schema: { tags, summary: 'Plans, payments and over-payments of a case / 案件的发放计划与明细', params: CaseIdParams, response: { 200: CasePayments, ...errors } } },
    async (request) => payments.ofCase(callerOf(request), request.params.caseId));

  app.post('/payments/cases/:caseId/suspension-proposal', { config: { permission: can.propose }, schema: { tags, summary: 'Propose suspending the case’s payment (township); payment goes on until the county decides / 提出暂停发放建议', params: CaseIdParams, body: ReasonBody, response: { 200: PlanList, ...errors } } },
    async (request) => ({ items: await payments.proposeSuspension(callerOf(request), request.params.caseId, request.body.reason, actorOf(request)) }));

  app.post('/payments/cases/:caseId/suspension-proposal/decline', { ...manage, schema: { tags, summary: 'Decline a proposed suspension / 不同意暂停建议', params: CaseIdParams, body: ReasonBody, response: { 200: PlanList, ...errors } } },
    async (request) => ({ items: await payments.declineSuspension(callerOf(request), request.params.caseId, request.body.reason, actorOf(request)) }));

  app.post('/payments/cases/:caseId/suspend', { ...manage, schema: { tags, summary: 'Suspend the monthly payment (暂停): months are held / 暂停发放', params: CaseIdParams, body: SuspendBody, response: { 200: PlanList, ...errors } } },
    async (request) => ({ items: await payments.suspend(callerOf(request), request.params.caseId, request.body, actorOf(request)) }));

  app.post('/payments/cases/:caseId/resume', { ...manage, schema: { tags, summary: 'Resume a suspended payment; held months from a month on (or all, with back pay) are paid / 恢复发放', params: CaseIdParams, body: ResumeBody, response: { 200: PlanList, ...errors } } },
    async (request) => ({ items: await payments.resume(callerOf(request), request.params.caseId, request.body, actorOf(request)) }));

  app.post('/payments/cases/:caseId/stop', { ...manage, schema: { tags, summary: 'Stop the payment (终止) after a last month; later unpaid months are cancelled, paid ones become an over-payment / 终止发放', params: CaseIdParams, body: StopBody, response: { 200: StopResult, ...errors } } },
    async (request) => payments.stop(callerOf(request), request.params.caseId, request.body, actorOf(request)));

  app.post('/payments/cases/:caseId/adjust', { ...manage, schema: { tags, summary: 'Change the monthly amount from a month (金额调整; months already paid are settled) / 调整发放金额', params: CaseIdParams, body: AdjustBody, response: { 200: PlanList, ...errors } } },
    async (request) => ({ items: await payments.adjust(callerOf(request), request.params.caseId, request.body, actorOf(request)) }));

  app.post('/payments/generate', { ...manage, schema: { tags, summary: 'Generate a county’s payments for a month (idempotent; arrears once) / 生成月度发放明细', body: CountyMonthBody, response: { 200: GenerateResult, ...errors } } },
    async (request) => payments.generate(callerOf(request), request.body, actorOf(request)));

  app.get('/payments/batches', { ...read, schema: { tags, summary: 'Payment batches of the counties in your jurisdiction / 发放批次', querystring: ListBatchesQuery, response: { 200: BatchList, ...errors } } },
    async (request) => payments.batches(callerOf(request), request.query));

  app.post('/payments/batches', { ...manage, schema: { tags, summary: 'Create a county’s batch for a month: generate it, then collect every pending payment up to it / 创建发放批次', body: CountyMonthBody, response: { 201: Batch, ...errors } } },
    async (request, reply) => reply.status(201).send(await payments.createBatch(callerOf(request), request.body, actorOf(request))));

  app.get('/payments/batches/:id', { ...read, schema: { tags, summary: 'A batch with its totals by result / 批次详情', params: IdParams, response: { 200: Batch, ...errors } } },
    async (request) => payments.batch(callerOf(request), request.params.id));

  app.get('/payments/batches/:id/export', {
    config: { permission: can.export },
    schema: {
      tags,
      summary: 'The bank file (.xlsx) with full ID and account numbers; needs the reveal permission; audited / 导出银行代发文件',
      params: IdParams,
      response: { 200: { description: 'xlsx file', content: { [XLSX]: { schema: z.string() } } }, ...errors },
    },
  }, async (request, reply) => {
    const caller = callerOf(request);
    assertPermission(caller, personPermissions.reveal); // the file holds full account and ID numbers
    const { stream, done, fileName } = await payments.exportBatch(caller, request.params.id, actorOf(request));
    request.raw.on('close', () => stream.destroy());
    done.then((r) => request.log.info({ batch: request.params.id, lines: r.count }, 'bank file exported'), (err: unknown) => request.log.warn({ err }, 'bank file export stopped'));
    const name = encodeURIComponent(fileName);
    return reply.type(XLSX).header('content-disposition', `attachment; filename="bank-file.xlsx"; filename*=UTF-8''${name}`).send(stream as never);
  });

  app.post('/payments/batches/:id/results', { ...manage, schema: { tags, summary: 'Mark items paid or failed (with the reason); the batch closes when every item has its result / 登记发放结果', params: IdParams, body: BatchResultsBody, response: { 200: ResultSummary, ...errors } } },
    async (request) => payments.markResults(callerOf(request), request.params.id, request.body, actorOf(request)));

  app.post('/payments/batches/:id/results/upload', {
    ...manage,
    bodyLimit: 50 * 1024 * 1024,
    schema: {
      tags,
      summary: 'Upload the bank’s result file (.xlsx or .csv as the raw body: the bank file with 发放结果 and 失败原因 columns) / 上传银行回盘文件',
      params: IdParams,
      querystring: z.object({ paidOn: LocalDate.optional() }),
      body: z.any().describe('the file bytes'),
      response: { 200: ResultSummary, ...errors, 413: ApiErrorBody },
    },
  }, async (request) => {
    const content = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
    return payments.uploadResults(callerOf(request), request.params.id, content, request.query.paidOn, actorOf(request));
  });

  app.post('/payments/reissue', { ...manage, schema: { tags, summary: 'Re-issue failed payments into the county’s next batch / 失败明细重新发放', body: ReissueBody, response: { 200: ReissueResult, ...errors } } },
    async (request) => ({ items: await payments.reissue(callerOf(request), request.body.ids, request.body.reason, actorOf(request)) }));

  app.get('/payments/overpayments', { ...read, schema: { tags, summary: 'Over-payments to recover / 多发（冒领）款项', querystring: ListOverpaymentsQuery, response: { 200: OverpaymentList, ...errors } } },
    async (request) => payments.overpayments(callerOf(request), request.query));

  app.post('/payments/overpayments', { ...manage, schema: { tags, summary: 'Record an over-payment of a case, with a fine for fraud / 登记多发（冒领）款项', body: CreateOverpaymentBody, response: { 201: Overpayment, ...errors } } },
    async (request, reply) => reply.status(201).send(await payments.createOverpayment(callerOf(request), request.body, actorOf(request))));

  app.get('/payments/overpayments/:id', { ...read, schema: { tags, summary: 'One over-payment / 多发款项详情', params: IdParams, response: { 200: Overpayment, ...errors } } },
    async (request) => payments.overpayment(callerOf(request), request.params.id));

  app.post('/payments/overpayments/:id/recoveries', { ...manage, schema: { tags, summary: 'Record a (partial) recovery / 登记追回', params: IdParams, body: RecoveryBody, response: { 200: Overpayment, ...errors } } },
    async (request) => payments.recover(callerOf(request), request.params.id, request.body, actorOf(request)));

  app.post('/payments/overpayments/:id/waive', { ...manage, schema: { tags, summary: 'Waive what is left, with the reason / 核销', params: IdParams, body: ReasonBody, response: { 200: Overpayment, ...errors } } },
    async (request) => payments.waive(callerOf(request), request.params.id, request.body.reason, actorOf(request)));
};
