// The payment ledger's service: months generated per county, batches exported to the bank and
// marked with its results, failed items re-issued, suspensions, stops, adjustments and
// over-payments. Every read is scoped to the caller's jurisdiction (out of scope = not found);
// every change runs in one transaction with its audit entry. Knows nothing of HTTP.
import { PassThrough, type Readable } from 'node:stream';
import type { Db, DbOrTx } from '../../platform/db/client.ts';
import { AppError, notFound, validationFailed } from '../../platform/errors.ts';
import type { SensitiveFields } from '../../platform/crypto/sensitive.ts';
import { isWithin, levelOf } from '../../lib/division-code.ts';
import { todayLocal } from '../../lib/local-date.ts';
import type { Actor, AuditService } from '../audit/audit.service.ts';
import type { PolicyService } from '../policy/policy.service.ts';
import { formatYuan } from '../policy/engine/money.ts';
import { fraudSanction, lastPaymentMonth, MissingParameterError } from '../policy/rules/procedures.ts';
import { applyRecovery, batchFigures, planCovers } from './ledger.ts';
import { monthOfDate, nextMonth, type Month } from './months.ts';
import * as plans from './plans.ts';
import * as store from './payments.store.ts';
import { readResultFile, writeBankFile } from './bank-file.ts';
import type { Batch, Overpayment, Payment, PaymentPlan } from './payments.schema.ts';

type Caller = { scope: string };
type ListQuery = Omit<store.PaymentFilter, 'scope'>;

const CASE_NOT_FOUND = () => notFound('Case', '该案件');
const BATCH_NOT_FOUND = () => notFound('Payment batch', '该发放批次');
const OVERPAYMENT_NOT_FOUND = () => notFound('Over-payment', '该笔多发款项');

export function planView(p: store.PlanRow): PaymentPlan {
  return {
    id: p.id, caseId: p.caseId, householdId: p.householdId, payeePersonId: p.payeePersonId, jurisdictionCode: p.jurisdictionCode, program: p.program,
    period: p.period as PaymentPlan['period'], amountFen: p.amountFen, fromMonth: p.fromMonth, toMonth: p.toMonth, status: p.status as PaymentPlan['status'],
    statusReason: p.statusReason, createdAt: p.createdAt.toISOString(), updatedAt: p.updatedAt.toISOString(),
  };
}

export function paymentView(p: store.PaymentView): Payment {
  return {
    id: p.id, planId: p.planId, caseId: p.caseId, caseNo: p.caseNo, householdId: p.householdId, payeePersonId: p.payeePersonId, payeeName: p.payeeName,
    jurisdictionCode: p.jurisdictionCode, townshipName: p.placeName, program: p.program, month: p.month, kind: p.kind as Payment['kind'], amountFen: p.amountFen,
    batchId: p.batchId, status: p.status as Payment['status'], failureReason: p.failureReason, paidOn: p.paidOn,
  };
}

export function overpaymentView(o: store.OverpaymentRow): Overpayment {
  return {
    id: o.id, caseId: o.caseId, householdId: o.householdId, jurisdictionCode: o.jurisdictionCode, amountFen: o.amountFen, recoveredFen: o.recoveredFen,
    outstandingFen: o.status === 'open' ? o.amountFen - o.recoveredFen : 0, fineFen: o.fineFen, reason: o.reason, status: o.status as Overpayment['status'],
    createdAt: o.createdAt.toISOString(), updatedAt: o.updatedAt.toISOString(),
  };
}

export type PaymentsService = ReturnType<typeof createPaymentsService>;

export function createPaymentsService(deps: { db: Db; audit: AuditService; sensitive: SensitiveFields; policy: PolicyService; now?: () => Date }) {
  const { db, audit, sensitive, policy } = deps;
  const now = deps.now ?? (() => new Date());
  const today = () => todayLocal(now());

  async function batchView(tx: DbOrTx, b: store.BatchRow): Promise<Batch> {
    const figures = batchFigures((await store.batchStatusSums(tx, b.id)).map((s) => ({ status: s.status, amountFen: s.amountFen, count: s.count })));
    return {
      id: b.id, countyCode: b.countyCode, countyName: await store.placeName(tx, b.countyCode), month: b.month, status: b.status as Batch['status'],
      itemCount: b.itemCount, totalFen: b.totalFen, missingAccounts: await store.missingAccounts(tx, b.id),
      paidCount: figures.paidCount, paidFen: figures.paidFen, failedCount: figures.failedCount, failedFen: figures.failedFen, openCount: figures.openCount, openFen: figures.openFen,
      createdAt: b.createdAt.toISOString(), exportedAt: b.exportedAt?.toISOString() ?? null, closedAt: b.closedAt?.toISOString() ?? null,
    };
  }

  /** A county (6 digits) inside the caller's jurisdiction, or a 400 naming the field. */
  async function checkCounty(caller: Caller, code: string, month: Month): Promise<void> {
    const problems = [];
    if (levelOf(code) !== 'county') problems.push({ field: 'countyCode', message: 'must be a county (6 digits)', messageZh: '须为县（区）级区划代码（6 位）' });
    else if (!isWithin(code, caller.scope)) problems.push({ field: 'countyCode', message: 'outside your jurisdiction', messageZh: '不在本辖区范围内' });
    else if (!(await store.jurisdictionExists(db, code))) problems.push({ field: 'countyCode', message: `unknown jurisdiction ${code}`, messageZh: `区划代码 ${code} 不存在` });
    const latest = nextMonth(monthOfDate(today()));
    if (month > latest) problems.push({ field: 'month', message: `months up to ${latest} can be generated`, messageZh: `最多只能生成到 ${latest}` });
    if (problems.length) throw validationFailed(problems);
  }

  async function caseOrNotFound(tx: DbOrTx, caller: Caller, caseId: number): Promise<store.CaseRef> {
    const c = await store.caseInScope(tx, caseId, caller.scope);
    if (!c) throw CASE_NOT_FOUND();
    return c;
  }

  /** Run a change to a case's plans in one transaction; returns the case's plans afterwards. */
  async function onCase<T>(caller: Caller, caseId: number, fn: (tx: DbOrTx, c: store.CaseRef) => Promise<T>): Promise<{ result: T; plans: PaymentPlan[] }> {
    return db.transaction(async (tx) => {
      const c = await caseOrNotFound(tx, caller, caseId);
      const result = await fn(tx, c);
      return { result, plans: (await store.plansOfCase(tx, caseId, caller.scope)).map(planView) };
    });
  }

  /** Paid items whose month no plan of their case covers any more (stopped after they were sent): over-payments. */
  async function overpaidAfterStop(tx: DbOrTx, items: store.PaymentRow[], actor: Actor): Promise<void> {
    const byCase = new Map<number, store.PaymentRow[]>();
    for (const i of items) if (i.kind !== 'prepay') byCase.set(i.caseId, [...(byCase.get(i.caseId) ?? []), i]);
    for (const [caseId, list] of byCase) {
      const casePlans = await store.readPlansOfCase(tx, caseId);
      if (casePlans.length === 0) continue;
      const beyond = list.filter((i) => !casePlans.some((p) => planCovers(p, i.month)));
      const fen = beyond.reduce((s, i) => s + i.amountFen, 0);
      if (fen === 0) continue;
      const reason = `终止后银行仍发放 ${[...new Set(beyond.map((i) => i.month))].sort().join('、')}（明细 ${beyond.map((i) => `#${i.id}`).join('、')}）`;
      const last = casePlans[casePlans.length - 1]!;
      const row = await store.insertOverpayment(tx, { caseId, householdId: last.householdId, jurisdictionCode: last.jurisdictionCode, amountFen: fen, reason, status: 'open', createdBy: actor.kind === 'user' ? actor.id : null });
      await audit.record(tx, actor, { action: 'create', entity: 'overpayment', entityId: row.id, jurisdictionCode: row.jurisdictionCode, changes: { amountFen: { before: null, after: fen } }, reason });
    }
  }

  async function applyResults(caller: Caller, batchId: number, results: { paid: number[]; failed: { id: number; reason: string }[]; paidOn?: string | undefined }, actor: Actor) {
    return db.transaction(async (tx) => {
      const batch = await store.batchInScope(tx, batchId, caller.scope, true);
      if (!batch) throw BATCH_NOT_FOUND();
      if (batch.status === 'open') throw new AppError('conflict', 'Export the bank file before recording its results', '请先导出银行代发文件，再登记发放结果');
      if (batch.status === 'closed') throw new AppError('conflict', 'The batch is closed: every item has its result', '该批次已关闭，所有明细均已有结果');
      const ids = [...results.paid, ...results.failed.map((f) => f.id)];
      if (new Set(ids).size !== ids.length) throw validationFailed([{ field: 'paid', message: 'a payment is named twice', messageZh: '同一笔明细重复出现' }]);
      const items = await store.openItems(tx, batch.id, ids);
      const found = new Set(items.map((i) => i.id));
      const missing = ids.filter((id) => !found.has(id));
      if (missing.length) throw validationFailed([{ field: 'paid', message: `not in this batch: ${missing.slice(0, 20).join(', ')}`, messageZh: `以下明细不在本批次中：${missing.slice(0, 20).join('、')}` }]);
      const settled = items.filter((i) => i.status !== 'in_batch');
      if (settled.length) throw new AppError('conflict', `Already has a result: ${settled.slice(0, 20).map((i) => `#${i.id} ${i.status}`).join(', ')}`, `以下明细已有发放结果：${settled.slice(0, 20).map((i) => `#${i.id}`).join('、')}`);
      const paidOn = results.paidOn ?? today();
      await store.setPaymentStatus(tx, results.paid, { status: 'paid', paidOn, failureReason: null });
      for (const f of results.failed) await store.setPaymentStatus(tx, [f.id], { status: 'failed', failureReason: f.reason });
      const paidSet = new Set(results.paid);
      const paidItems = items.filter((i) => paidSet.has(i.id));
      // A one-off plan is over once its payment is paid.
      for (const planId of new Set(paidItems.filter((i) => i.kind === 'once' && i.planId !== null).map((i) => i.planId!))) await store.updatePlan(tx, planId, { status: 'ended' });
      await overpaidAfterStop(tx, paidItems, actor);
      const sum = (list: store.PaymentRow[]) => list.reduce((s, i) => s + i.amountFen, 0);
      const failedItems = items.filter((i) => !paidSet.has(i.id));
      let view = await batchView(tx, batch);
      if (view.openCount === 0) {
        const closed = await store.updateBatch(tx, batch.id, { status: 'closed', closedAt: now() });
        view = await batchView(tx, closed);
      }
      await audit.record(tx, actor, {
        action: 'record_results', entity: 'payment_batch', entityId: batch.id, jurisdictionCode: batch.countyCode,
        reason: `paid ${paidItems.length} (${formatYuan(sum(paidItems))} 元), failed ${failedItems.length} (${formatYuan(sum(failedItems))} 元)${view.status === 'closed' ? '; batch closed' : ''}`,
      });
      return { paid: paidItems.length, failed: failedItems.length, batch: view };
    });
  }

  const service = {
    async list(caller: Caller, query: ListQuery) {
      const { items, total, totalFen } = await store.listPayments(db, { ...query, scope: caller.scope });
      return { items: items.map(paymentView), total, totalFen };
    },

    /** A case's plans, payments and over-payments. */
    async ofCase(caller: Caller, caseId: number) {
      const c = await caseOrNotFound(db, caller, caseId);
      const [casePlans, list, overs] = await Promise.all([
        store.plansOfCase(db, caseId, caller.scope),
        store.listPayments(db, { scope: caller.scope, caseId, limit: 10_000, offset: 0 }),
        store.listOverpayments(db, { scope: caller.scope, caseId, limit: 500, offset: 0 }),
      ]);
      const paidFen = list.items.filter((p) => p.status === 'paid').reduce((s, p) => s + p.amountFen, 0);
      return { caseId, caseNo: c.caseNo, plans: casePlans.map(planView), payments: list.items.map(paymentView), overpayments: overs.items.map(overpaymentView), paidFen };
    },

    async generate(caller: Caller, body: { countyCode: string; month: string }, actor: Actor) {
      await checkCounty(caller, body.countyCode, body.month);
      const counts = await db.transaction((tx) => plans.generateMonthIn(audit, tx, body.countyCode, body.month, actor));
      return { countyCode: body.countyCode, month: body.month, ...counts };
    },

    /** Generate the month (idempotent), then move every pending payment of the county up to that month into a new batch. */
    async createBatch(caller: Caller, body: { countyCode: string; month: string }, actor: Actor): Promise<Batch> {
      await checkCounty(caller, body.countyCode, body.month);
      return db.transaction(async (tx) => {
        await plans.generateMonthIn(audit, tx, body.countyCode, body.month, actor);
        const batch = await store.insertBatch(tx, { countyCode: body.countyCode, month: body.month, status: 'open', createdBy: actor.kind === 'user' ? actor.id : null });
        if (!batch) throw new AppError('already_exists', `The ${body.month} batch of ${body.countyCode} already exists`, `${body.countyCode} ${body.month} 的发放批次已存在`);
        const { count, totalFen } = await store.collectIntoBatch(tx, batch.id, body.countyCode, body.month);
        if (count === 0) throw new AppError('conflict', `Nothing is waiting to be paid in ${body.countyCode} up to ${body.month}`, `${body.countyCode} 截至 ${body.month} 没有待发放的明细`);
        const updated = await store.updateBatch(tx, batch.id, { itemCount: count, totalFen });
        await audit.record(tx, actor, { action: 'create', entity: 'payment_batch', entityId: batch.id, jurisdictionCode: body.countyCode, reason: `${body.month}: ${count} items, ${formatYuan(totalFen)} 元` });
        return batchView(tx, updated);
      });
    },

    async batches(caller: Caller, query: { month?: string | undefined; status?: string | undefined; limit: number; offset: number }) {
      const { items, total } = await store.listBatches(db, { ...query, scope: caller.scope });
      return { items: await Promise.all(items.map((b) => batchView(db, b))), total };
    },

    async batch(caller: Caller, id: number): Promise<Batch> {
      const b = await store.batchInScope(db, id, caller.scope);
      if (!b) throw BATCH_NOT_FOUND();
      return batchView(db, b);
    },

    /**
     * The batch's bank file with full ID and account numbers (the route lets only callers who may
     * reveal them here). Audited before the first line with the count and total; the batch is
     * marked exported.
     */
    async exportBatch(caller: Caller, id: number, actor: Actor): Promise<{ stream: Readable; done: Promise<{ count: number; totalFen: number }>; fileName: string }> {
      const batch = await db.transaction(async (tx) => {
        const b = await store.batchInScope(tx, id, caller.scope, true);
        if (!b) throw BATCH_NOT_FOUND();
        await audit.record(tx, actor, { action: 'export', entity: 'payment_batch', entityId: b.id, jurisdictionCode: b.countyCode, reason: `REVEALED bank file ${b.countyCode} ${b.month}: ${b.itemCount} items, total ${formatYuan(b.totalFen)} 元` });
        return b.status === 'open' ? store.updateBatch(tx, b.id, { status: 'exported', exportedAt: now() }) : b;
      });
      const out = new PassThrough();
      const countyName = await store.placeName(db, batch.countyCode);
      const done = writeBankFile({ db, sensitive }, batch, countyName, out).then((r) => {
        if (r.count !== batch.itemCount || r.totalFen !== batch.totalFen) throw new Error(`bank file of batch ${batch.id}: ${r.count} lines / ${r.totalFen} fen, batch says ${batch.itemCount} / ${batch.totalFen}`);
        return r;
      });
      done.catch((err: unknown) => out.destroy(err as Error));
      return { stream: out, done, fileName: `代发文件-${countyName ?? batch.countyCode}-${batch.month}-批次${batch.id}.xlsx` };
    },

    /** Mark items paid or failed by id. The batch closes when every item has its result. */
    markResults: (caller: Caller, batchId: number, body: { paid: number[]; failed: { id: number; reason: string }[]; paidOn?: string | undefined }, actor: Actor) => applyResults(caller, batchId, body, actor),

    /** The bank's result file (see bank-file.readResultFile): rows checked against the batch (明细号/序号 and amount). */
    async uploadResults(caller: Caller, batchId: number, content: Buffer, paidOn: string | undefined, actor: Actor) {
      const batch = await store.batchInScope(db, batchId, caller.scope);
      if (!batch) throw BATCH_NOT_FOUND();
      const lines = await readResultFile(content);
      // 序号 is the line number of the exported file: items in id order.
      const ordered = (await store.listPayments(db, { scope: caller.scope, batchId, limit: 1_000_000, offset: 0 })).items.sort((a, b) => a.id - b.id);
      const byId = new Map(ordered.map((p) => [p.id, p]));
      const problems: string[] = [];
      const paid: number[] = [];
      const failed: { id: number; reason: string }[] = [];
      for (const l of lines) {
        const item = l.paymentId !== null ? byId.get(l.paymentId) : l.seq !== null ? ordered[l.seq - 1] : undefined;
        if (!item) {
          problems.push(`第 ${l.row} 行：本批次没有明细号 ${l.paymentId ?? '-'}／序号 ${l.seq ?? '-'}`);
          continue;
        }
        if (l.amountText !== null && l.amountText !== formatYuan(item.amountFen)) problems.push(`第 ${l.row} 行：金额 ${l.amountText} 与明细 #${item.id} 的 ${formatYuan(item.amountFen)} 不符`);
        if (item.status !== 'in_batch') {
          // Already recorded (a file uploaded twice): fine when it says the same.
          if (l.ok !== (item.status === 'paid')) problems.push(`第 ${l.row} 行：明细 #${item.id} 已登记为${item.status === 'paid' ? '成功' : '失败'}，与文件不符`);
          continue;
        }
        if (l.ok) paid.push(item.id);
        else failed.push({ id: item.id, reason: l.reason! });
      }
      if (problems.length) throw new AppError('bad_request', `The result file does not match the batch (${problems.length} row(s))`, `回盘文件与批次不符（${problems.length} 行）：${problems.slice(0, 10).join('；')}`);
      if (paid.length + failed.length === 0) throw new AppError('conflict', 'Every row of the file already has its result', '文件中的明细均已登记结果');
      return applyResults(caller, batchId, { paid, failed, paidOn }, actor);
    },

    /** Failed items sent again: a new pending 'reissue' row each (into the county's next batch); the failed row becomes 'reissued'. */
    async reissue(caller: Caller, ids: number[], reason: string, actor: Actor) {
      return db.transaction(async (tx) => {
        const rows = await store.paymentsInScope(tx, ids, caller.scope, true);
        const found = new Set(rows.map((r) => r.id));
        const missing = ids.filter((id) => !found.has(id));
        if (missing.length) throw notFound(`Payment ${missing.join(', ')}`, `发放明细 ${missing.join('、')}`);
        const notFailed = rows.filter((r) => r.status !== 'failed');
        if (notFailed.length) throw new AppError('conflict', `Only failed payments can be re-issued: ${notFailed.map((r) => `#${r.id} ${r.status}`).join(', ')}`, `只有发放失败的明细可以重发：${notFailed.map((r) => `#${r.id}`).join('、')}`);
        const out: number[] = [];
        for (const r of rows) {
          const casePlans = await store.readPlansOfCase(tx, r.caseId);
          const plan = r.planId !== null ? casePlans.find((p) => p.id === r.planId) : undefined;
          const covering = casePlans.filter((p) => planCovers(p, r.month));
          if (covering.length === 0 && casePlans.length > 0) throw new AppError('conflict', `#${r.id}: the case no longer pays ${r.month} (stopped)`, `明细 #${r.id}：该案件 ${r.month} 已终止发放，不能重发`);
          if ((plan ?? covering[covering.length - 1])?.status === 'suspended') throw new AppError('conflict', `#${r.id}: the plan is suspended; resume it first`, `明细 #${r.id}：发放计划已暂停，请先恢复`);
          const copy = await store.insertPayment(tx, { planId: null, caseId: r.caseId, householdId: r.householdId, payeePersonId: r.payeePersonId, jurisdictionCode: r.jurisdictionCode, program: r.program, month: r.month, kind: 'reissue', amountFen: r.amountFen, status: 'pending' });
          await store.setPaymentStatus(tx, [r.id], { status: 'reissued', failureReason: `${r.failureReason ?? ''}；已重发为明细 #${copy.id}` });
          await audit.record(tx, actor, { action: 'reissue', entity: 'payment', entityId: r.id, jurisdictionCode: r.jurisdictionCode, reason, changes: { reissuedAs: { before: null, after: copy.id }, amountFen: { before: null, after: r.amountFen } } });
          out.push(copy.id);
        }
        return (await store.listPayments(tx, { scope: caller.scope, ids: out, limit: out.length, offset: 0 })).items.map(paymentView);
      });
    },

    proposeSuspension: (caller: Caller, caseId: number, reason: string, actor: Actor) => onCase(caller, caseId, (tx) => plans.proposeSuspensionAs(audit, tx, caseId, reason, actor)).then((r) => r.plans),
    declineSuspension: (caller: Caller, caseId: number, reason: string, actor: Actor) => onCase(caller, caseId, (tx) => plans.declineSuspensionAs(audit, tx, caseId, reason, actor)).then((r) => r.plans),
    suspend: (caller: Caller, caseId: number, body: { reason: string; fromMonth?: string | undefined }, actor: Actor) =>
      onCase(caller, caseId, (tx) => plans.suspendAs(audit, tx, caseId, body.reason, actor, body.fromMonth)).then((r) => r.plans),
    resume: (caller: Caller, caseId: number, body: { reason: string; fromMonth: string; backPay: boolean }, actor: Actor) =>
      onCase(caller, caseId, (tx) => plans.resumeAs(audit, tx, caseId, body.fromMonth, body.backPay, body.reason, actor)).then((r) => r.plans),
    adjust: (caller: Caller, caseId: number, body: { amountFen: number; fromMonth: string; reason: string }, actor: Actor) =>
      onCase(caller, caseId, (tx) => plans.adjustPlansAs(audit, tx, caseId, body.amountFen, body.fromMonth, body.reason, actor)).then((r) => r.plans),

    /** 终止 with the stop date (last month paid = that month: lastPaymentMonth) or the last month itself. */
    async stop(caller: Caller, caseId: number, body: { reason: string; stoppedOn?: string | undefined; lastMonth?: string | undefined }, actor: Actor) {
      const lastMonth = body.lastMonth ?? lastPaymentMonth(body.stoppedOn!);
      const { result, plans: after } = await onCase(caller, caseId, async (tx) => {
        const r = await plans.stopPlansAs(audit, tx, caseId, lastMonth, body.reason, actor);
        if (r.stopped === 0) throw new AppError('conflict', 'The case has no running payment plan to stop', '该案件没有可终止的发放计划');
        return r;
      });
      return { lastMonth, ...result, plans: after };
    },

    async overpayments(caller: Caller, query: { status?: string | undefined; caseId?: number | undefined; limit: number; offset: number }) {
      const { items, total } = await store.listOverpayments(db, { ...query, scope: caller.scope });
      return { items: items.map(overpaymentView), total };
    },

    async overpayment(caller: Caller, id: number) {
      const o = await store.overpaymentInScope(db, id, caller.scope);
      if (!o) throw OVERPAYMENT_NOT_FOUND();
      return overpaymentView(o);
    },

    /** 多领冒领 to recover; obtained by fraud → a fine within fraudSanction's range (办法 Art. 68). */
    async createOverpayment(caller: Caller, body: { caseId: number; amountFen: number; reason: string; fraud: boolean; fineFen?: number | undefined }, actor: Actor) {
      const c = await store.caseInScope(db, body.caseId, caller.scope);
      if (!c) throw validationFailed([{ field: 'caseId', message: 'no such case in your jurisdiction', messageZh: '本辖区内无此案件' }]);
      let fineFen = 0;
      if (body.fraud) {
        // Parameters are read before the transaction (PGlite has one connection).
        let sanction;
        try {
          sanction = fraudSanction(body.amountFen, (await policy.index()).resolve(c.jurisdictionCode, today()).values);
        } catch (err) {
          if (err instanceof MissingParameterError) throw new AppError('conflict', `Policy parameter ${err.key} is not set for this place`, `本地未设置政策参数 ${err.key}`);
          throw err;
        }
        if (body.fineFen === undefined || body.fineFen < sanction.fineMinFen || body.fineFen > sanction.fineMaxFen) {
          throw validationFailed([{ field: 'fineFen', message: `a fine from ${formatYuan(sanction.fineMinFen)} to ${formatYuan(sanction.fineMaxFen)} yuan (${sanction.reason.en})`, messageZh: `罚款应在 ${formatYuan(sanction.fineMinFen)} 至 ${formatYuan(sanction.fineMaxFen)} 元之间（${sanction.reason.zh}）` }]);
        }
        fineFen = body.fineFen;
      } else if (body.fineFen) {
        throw validationFailed([{ field: 'fineFen', message: 'a fine only for fraud (fraud: true)', messageZh: '仅骗取救助可处罚款（fraud 须为 true）' }]);
      }
      return db.transaction(async (tx) => {
        const row = await store.insertOverpayment(tx, { caseId: c.id, householdId: c.householdId, jurisdictionCode: c.jurisdictionCode, amountFen: body.amountFen, fineFen, reason: body.reason, status: 'open', createdBy: actor.kind === 'user' ? actor.id : null });
        await audit.record(tx, actor, { action: 'create', entity: 'overpayment', entityId: row.id, jurisdictionCode: row.jurisdictionCode, reason: body.reason, changes: { amountFen: { before: null, after: body.amountFen }, fineFen: { before: null, after: fineFen }, fraud: { before: null, after: body.fraud } } });
        return overpaymentView(row);
      });
    },

    /** A partial or final recovery (追回); recovered in full → 'recovered'. */
    async recover(caller: Caller, id: number, body: { amountFen: number; recoveredOn?: string | undefined; note?: string | undefined }, actor: Actor) {
      return db.transaction(async (tx) => {
        const o = await store.overpaymentInScope(tx, id, caller.scope, true);
        if (!o) throw OVERPAYMENT_NOT_FOUND();
        const next = applyRecovery(o, body.amountFen);
        const row = await store.updateOverpayment(tx, id, next);
        await audit.record(tx, actor, {
          action: 'recover', entity: 'overpayment', entityId: id, jurisdictionCode: o.jurisdictionCode,
          reason: `${formatYuan(body.amountFen)} 元 on ${body.recoveredOn ?? today()}${body.note ? `: ${body.note}` : ''}`,
          changes: { recoveredFen: { before: o.recoveredFen, after: next.recoveredFen }, ...(next.status !== o.status ? { status: { before: o.status, after: next.status } } : {}) },
        });
        return overpaymentView(row);
      });
    },

    /** 核销: no more recovery, with the reason (e.g. the person died without estate). */
    async waive(caller: Caller, id: number, reason: string, actor: Actor) {
      return db.transaction(async (tx) => {
        const o = await store.overpaymentInScope(tx, id, caller.scope, true);
        if (!o) throw OVERPAYMENT_NOT_FOUND();
        if (o.status !== 'open') throw new AppError('conflict', `This over-payment is already ${o.status}`, `该笔多发款项已${o.status === 'recovered' ? '全部追回' : '核销'}`);
        const row = await store.updateOverpayment(tx, id, { status: 'waived', reason: `${o.reason}；核销：${reason}` });
        await audit.record(tx, actor, { action: 'waive', entity: 'overpayment', entityId: id, jurisdictionCode: o.jurisdictionCode, reason, changes: { status: { before: 'open', after: 'waived' }, outstandingFen: { before: o.amountFen - o.recoveredFen, after: 0 } } });
        return overpaymentView(row);
      });
    },
  };
  return service;
}
