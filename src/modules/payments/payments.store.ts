// SQL for the payment ledger: plans, payments, batches, over-payments. Every read of people's
// payments a caller asks for is scoped here with withinScope (a row outside the caller's area is
// simply not found); the unscoped functions serve plans.ts, which runs inside the case service's
// transaction on rows that service already scoped.
import { and, asc, desc, eq, gte, gt, inArray, sql, type SQL } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../../platform/db/client.ts';
import { withinScope } from '../../platform/db/scope.ts';
import { persons } from '../persons/persons.table.ts';
import { households } from '../households/households.table.ts';
import { jurisdictions } from '../jurisdictions/jurisdictions.table.ts';
import { users } from '../auth/auth.table.ts';
import { assistanceCases } from '../cases/cases.table.ts';
import { overpayments, paymentBatches, paymentPlans, payments } from './payments.table.ts';
import type { MonthRow } from './ledger.ts';

export type PlanRow = typeof paymentPlans.$inferSelect;
export type PaymentRow = typeof payments.$inferSelect;
export type PaymentInsert = typeof payments.$inferInsert;
export type BatchRow = typeof paymentBatches.$inferSelect;
export type OverpaymentRow = typeof overpayments.$inferSelect;

const CHUNK = 2000;

// ---------------------------------------------------------------------------------------------
// Plans

export async function insertPlan(db: DbOrTx, values: typeof paymentPlans.$inferInsert): Promise<PlanRow> {
  const [row] = await db.insert(paymentPlans).values(values).returning();
  return row!;
}

export async function updatePlan(db: DbOrTx, id: number, values: Partial<typeof paymentPlans.$inferInsert>): Promise<PlanRow> {
  const [row] = await db.update(paymentPlans).set({ ...values, updatedAt: new Date() }).where(eq(paymentPlans.id, id)).returning();
  return row!;
}

/** Every plan of a case, oldest first, locked for the rest of the transaction. */
export async function lockPlansOfCase(db: DbOrTx, caseId: number): Promise<PlanRow[]> {
  return db.select().from(paymentPlans).where(eq(paymentPlans.caseId, caseId)).orderBy(asc(paymentPlans.id)).for('update');
}

/** Every plan of a case, unlocked: for checks made while payment rows are locked (plans are always locked before payments). */
export async function readPlansOfCase(db: DbOrTx, caseId: number): Promise<PlanRow[]> {
  return db.select().from(paymentPlans).where(eq(paymentPlans.caseId, caseId)).orderBy(asc(paymentPlans.id));
}

export async function plansOfCase(db: DbOrTx, caseId: number, scope: string): Promise<PlanRow[]> {
  return db
    .select()
    .from(paymentPlans)
    .where(and(eq(paymentPlans.caseId, caseId), withinScope(paymentPlans.jurisdictionCode, scope)))
    .orderBy(asc(paymentPlans.id));
}

export type CaseRef = { id: number; caseNo: string; program: string; jurisdictionCode: string; householdId: number | null; state: string };

export async function caseInScope(db: DbOrTx, caseId: number, scope: string): Promise<CaseRef | undefined> {
  const [row] = await db
    .select({ id: assistanceCases.id, caseNo: assistanceCases.caseNo, program: assistanceCases.program, jurisdictionCode: assistanceCases.jurisdictionCode, householdId: assistanceCases.householdId, state: assistanceCases.state })
    .from(assistanceCases)
    .where(and(eq(assistanceCases.id, caseId), withinScope(assistanceCases.jurisdictionCode, scope)));
  return row;
}

/**
 * Monthly plans of a county that may owe something when `month` is generated, locked (an
 * adjustment or stop of the same case waits), with the last month the plan itself has a row for.
 */
export async function plansForGeneration(db: DbOrTx, county: string, month: string): Promise<(PlanRow & { lastOwnMonth: string | null })[]> {
  const plans = await db
    .select()
    .from(paymentPlans)
    .where(
      and(
        withinScope(paymentPlans.jurisdictionCode, county),
        eq(paymentPlans.period, 'monthly'),
        sql`${paymentPlans.fromMonth} <= ${month}`,
        sql`(${paymentPlans.toMonth} is null or ${paymentPlans.toMonth} >= ${paymentPlans.fromMonth})`,
        // A finished plan whose last month has its row owes nothing more: not loaded every month.
        sql`(${paymentPlans.status} in ('active', 'suspension_proposed', 'suspended') or not exists (
          select 1 from ${payments} x where x.plan_id = ${paymentPlans.id} and x.month >= ${paymentPlans.toMonth} and x.kind in ('monthly', 'arrears')))`,
      ),
    )
    .orderBy(asc(paymentPlans.id))
    .for('update');
  if (plans.length === 0) return [];
  const last = new Map<number, string>();
  for (let i = 0; i < plans.length; i += CHUNK) {
    const ids = plans.slice(i, i + CHUNK).map((p) => p.id);
    const rows = await queryRows<{ plan_id: number; last: string }>(db, sql`
      select plan_id, max(month) as last from payments
      where plan_id = any(${sql.param(ids)}::bigint[]) and kind in ('monthly', 'arrears')
      group by plan_id`);
    for (const r of rows) last.set(Number(r.plan_id), r.last);
  }
  return plans.map((p) => ({ ...p, lastOwnMonth: last.get(p.id) ?? null }));
}

/** `caseId:month` of every month a case has a covering payment for (monthly, arrears, once; not cancelled), from each case's given month on. */
export async function coveredMonths(db: DbOrTx, from: { caseId: number; month: string }[]): Promise<Set<string>> {
  const out = new Set<string>();
  const earliest = new Map<number, string>();
  for (const f of from) if (!earliest.has(f.caseId) || f.month < earliest.get(f.caseId)!) earliest.set(f.caseId, f.month);
  const pairs = [...earliest];
  for (let i = 0; i < pairs.length; i += CHUNK) {
    const chunk = pairs.slice(i, i + CHUNK);
    const rows = await queryRows<{ case_id: number; month: string }>(db, sql`
      select distinct p.case_id, p.month
      from unnest(${sql.param(chunk.map(([c]) => c))}::bigint[], ${sql.param(chunk.map(([, m]) => m))}::text[]) as u(case_id, start)
      join payments p on p.case_id = u.case_id and p.month >= u.start
      where p.kind in ('monthly', 'arrears', 'once') and p.status <> 'cancelled'`);
    for (const r of rows) out.add(`${r.case_id}:${r.month}`);
  }
  return out;
}

/** One plan's generation at a time per county (two approvers pressing the button together). */
export async function lockCounty(db: DbOrTx, county: string): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(hashtext(${`lastmile.payments:${county}`}))`);
}

// ---------------------------------------------------------------------------------------------
// Payments

/** Insert payments, skipping any a plan already has for the month and kind; returns those inserted. */
export async function insertPayments(db: DbOrTx, rows: PaymentInsert[]): Promise<PaymentRow[]> {
  const out: PaymentRow[] = [];
  for (let i = 0; i < rows.length; i += 500) {
    out.push(...(await db.insert(payments).values(rows.slice(i, i + 500)).onConflictDoNothing().returning()));
  }
  return out;
}

export async function insertPayment(db: DbOrTx, row: PaymentInsert): Promise<PaymentRow> {
  const [inserted] = await db.insert(payments).values(row).returning();
  return inserted!;
}

/** A case's payments for months from `fromMonth` on (all when undefined), locked. */
export async function lockCaseRows(db: DbOrTx, caseId: number, fromMonth?: string): Promise<(MonthRow & { planId: number | null; batchId: number | null })[]> {
  const rows = await db
    .select({ id: payments.id, month: payments.month, kind: payments.kind, status: payments.status, amountFen: payments.amountFen, planId: payments.planId, batchId: payments.batchId })
    .from(payments)
    .where(and(eq(payments.caseId, caseId), fromMonth ? gte(payments.month, fromMonth) : undefined))
    .orderBy(asc(payments.month), asc(payments.id))
    .for('update');
  return rows as never;
}

export async function setPaymentStatus(db: DbOrTx, ids: number[], values: { status: string; failureReason?: string | null; batchId?: number | null; paidOn?: string | null }): Promise<void> {
  for (let i = 0; i < ids.length; i += CHUNK) {
    await db.update(payments).set({ ...values, updatedAt: new Date() }).where(inArray(payments.id, ids.slice(i, i + CHUNK)));
  }
}

/** Cancel rows, keeping why (after any failure reason already there). */
export async function cancelPayments(db: DbOrTx, ids: number[], reason: string): Promise<void> {
  for (let i = 0; i < ids.length; i += CHUNK) {
    await db
      .update(payments)
      .set({ status: 'cancelled', failureReason: sql`case when ${payments.failureReason} is null then ${reason} else ${payments.failureReason} || '；' || ${reason} end`, updatedAt: new Date() })
      .where(inArray(payments.id, ids.slice(i, i + CHUNK)));
  }
}

export async function heldRowsOfPlans(db: DbOrTx, planIds: number[]): Promise<{ id: number; month: string }[]> {
  if (planIds.length === 0) return [];
  return db.select({ id: payments.id, month: payments.month }).from(payments).where(and(inArray(payments.planId, planIds), eq(payments.status, 'held'))).for('update');
}

export async function pendingRowsOfPlans(db: DbOrTx, planIds: number[], fromMonth: string): Promise<{ id: number; month: string }[]> {
  if (planIds.length === 0) return [];
  return db
    .select({ id: payments.id, month: payments.month })
    .from(payments)
    .where(and(inArray(payments.planId, planIds), eq(payments.status, 'pending'), gte(payments.month, fromMonth)))
    .for('update');
}

export type PaymentView = PaymentRow & { payeeName: string | null; caseNo: string | null; placeName: string | null };

export type PaymentFilter = {
  scope: string;
  month?: string | undefined;
  fromMonth?: string | undefined;
  toMonth?: string | undefined;
  status?: string | undefined;
  kind?: string | undefined;
  program?: string | undefined;
  caseId?: number | undefined;
  batchId?: number | undefined;
  ids?: number[] | undefined;
  under?: string | undefined;
  limit: number;
  offset: number;
};

function paymentConditions(f: Omit<PaymentFilter, 'limit' | 'offset'>): SQL[] {
  const c: SQL[] = [withinScope(payments.jurisdictionCode, f.scope)];
  if (f.under) c.push(withinScope(payments.jurisdictionCode, f.under));
  if (f.month) c.push(eq(payments.month, f.month));
  if (f.fromMonth) c.push(gte(payments.month, f.fromMonth));
  if (f.toMonth) c.push(sql`${payments.month} <= ${f.toMonth}`);
  if (f.status) c.push(eq(payments.status, f.status));
  if (f.kind) c.push(eq(payments.kind, f.kind));
  if (f.program) c.push(eq(payments.program, f.program));
  if (f.caseId) c.push(eq(payments.caseId, f.caseId));
  if (f.batchId) c.push(eq(payments.batchId, f.batchId));
  if (f.ids) c.push(inArray(payments.id, f.ids.length ? f.ids : [0]));
  return c;
}

const townshipName = sql<string | null>`(select j.name from ${jurisdictions} j where j.code = left(${payments.jurisdictionCode}, 9))`;

export async function listPayments(db: DbOrTx, f: PaymentFilter): Promise<{ items: PaymentView[]; total: number; totalFen: number }> {
  const where = and(...paymentConditions(f));
  const [items, [sums]] = await Promise.all([
    db
      .select({ p: payments, payeeName: persons.name, caseNo: assistanceCases.caseNo, placeName: townshipName })
      .from(payments)
      .leftJoin(persons, eq(persons.id, payments.payeePersonId))
      .leftJoin(assistanceCases, eq(assistanceCases.id, payments.caseId))
      .where(where)
      .orderBy(desc(payments.month), asc(payments.id))
      .limit(f.limit)
      .offset(f.offset),
    db.select({ total: sql<number>`count(*)::int`, totalFen: sql<number>`coalesce(sum(${payments.amountFen}), 0)::bigint` }).from(payments).where(where),
  ]);
  return { items: items.map((r) => ({ ...r.p, payeeName: r.payeeName, caseNo: r.caseNo, placeName: r.placeName })), total: sums!.total, totalFen: Number(sums!.totalFen) };
}

export async function paymentsInScope(db: DbOrTx, ids: number[], scope: string, lock = false): Promise<PaymentRow[]> {
  if (ids.length === 0) return [];
  const q = db.select().from(payments).where(and(inArray(payments.id, ids), withinScope(payments.jurisdictionCode, scope))).orderBy(asc(payments.id));
  return lock ? q.for('update') : q;
}

// ---------------------------------------------------------------------------------------------
// Batches

export async function insertBatch(db: DbOrTx, values: typeof paymentBatches.$inferInsert): Promise<BatchRow | undefined> {
  const [row] = await db.insert(paymentBatches).values(values).onConflictDoNothing().returning();
  return row;
}

/** Move every pending payment of the county up to `month` into the batch; returns their count and sum. */
export async function collectIntoBatch(db: DbOrTx, batchId: number, county: string, month: string): Promise<{ count: number; totalFen: number }> {
  const rows = await queryRows<{ count: number; total: number | null }>(db, sql`
    with moved as (
      update payments set batch_id = ${batchId}, status = 'in_batch', updated_at = now()
      where jurisdiction_code like ${`${county}%`} and status = 'pending' and batch_id is null and month <= ${month}
      returning amount_fen)
    select count(*)::int as count, sum(amount_fen)::bigint as total from moved`);
  return { count: Number(rows[0]!.count), totalFen: Number(rows[0]!.total ?? 0) };
}

export async function updateBatch(db: DbOrTx, id: number, values: Partial<typeof paymentBatches.$inferInsert>): Promise<BatchRow> {
  const [row] = await db.update(paymentBatches).set(values).where(eq(paymentBatches.id, id)).returning();
  return row!;
}

export async function batchInScope(db: DbOrTx, id: number, scope: string, lock = false): Promise<BatchRow | undefined> {
  const q = db.select().from(paymentBatches).where(and(eq(paymentBatches.id, id), withinScope(paymentBatches.countyCode, scope)));
  const [row] = lock ? await q.for('update') : await q;
  return row;
}

export async function listBatches(db: DbOrTx, f: { scope: string; month?: string | undefined; status?: string | undefined; limit: number; offset: number }): Promise<{ items: BatchRow[]; total: number }> {
  const where = and(withinScope(paymentBatches.countyCode, f.scope), f.month ? eq(paymentBatches.month, f.month) : undefined, f.status ? eq(paymentBatches.status, f.status) : undefined);
  const [items, [count]] = await Promise.all([
    db.select().from(paymentBatches).where(where).orderBy(desc(paymentBatches.month), asc(paymentBatches.countyCode)).limit(f.limit).offset(f.offset),
    db.select({ n: sql<number>`count(*)::int` }).from(paymentBatches).where(where),
  ]);
  return { items, total: count!.n };
}

/** A batch's items grouped by status: count and sum, for batchFigures. */
export async function batchStatusSums(db: DbOrTx, batchId: number): Promise<{ status: string; count: number; amountFen: number }[]> {
  const rows = await queryRows<{ status: string; count: number; amount: number }>(db, sql`
    select status, count(*)::int as count, sum(amount_fen)::bigint as amount from payments where batch_id = ${batchId} group by status order by status`);
  return rows.map((r) => ({ status: r.status, count: Number(r.count), amountFen: Number(r.amount) }));
}

/** Items of a batch whose household has no bank account on file (the bank cannot pay them). */
export async function missingAccounts(db: DbOrTx, batchId: number): Promise<number> {
  const rows = await queryRows<{ n: number }>(db, sql`
    select count(*)::int as n from payments p left join households h on h.id = p.household_id
    where p.batch_id = ${batchId} and h.bank_account_enc is null`);
  return Number(rows[0]!.n);
}

export type BankLine = {
  id: number;
  month: string;
  kind: string;
  program: string;
  amountFen: number;
  payeeName: string;
  idNumberEnc: string | null;
  bankName: string | null;
  bankAccountEnc: string | null;
  accountHolder: string | null;
  townshipName: string | null;
};

/** A page of a batch's items with what the bank file needs, in payment id order. */
export async function bankLines(db: DbOrTx, batchId: number, afterId: number, limit: number): Promise<BankLine[]> {
  return db
    .select({
      id: payments.id,
      month: payments.month,
      kind: payments.kind,
      program: payments.program,
      amountFen: payments.amountFen,
      payeeName: persons.name,
      idNumberEnc: persons.idNumberEnc,
      bankName: households.bankName,
      bankAccountEnc: households.bankAccountEnc,
      accountHolder: households.accountHolder,
      townshipName,
    })
    .from(payments)
    .innerJoin(persons, eq(persons.id, payments.payeePersonId))
    .leftJoin(households, eq(households.id, payments.householdId))
    .where(and(eq(payments.batchId, batchId), gt(payments.id, afterId)))
    .orderBy(asc(payments.id))
    .limit(limit);
}

/** Items of a batch still waiting for the bank's result, locked. */
export async function openItems(db: DbOrTx, batchId: number, ids: number[]): Promise<PaymentRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(payments).where(and(eq(payments.batchId, batchId), inArray(payments.id, ids))).orderBy(asc(payments.id)).for('update');
}

// ---------------------------------------------------------------------------------------------
// Over-payments

export async function insertOverpayment(db: DbOrTx, values: typeof overpayments.$inferInsert): Promise<OverpaymentRow> {
  const [row] = await db.insert(overpayments).values(values).returning();
  return row!;
}

export async function overpaymentInScope(db: DbOrTx, id: number, scope: string, lock = false): Promise<OverpaymentRow | undefined> {
  const q = db.select().from(overpayments).where(and(eq(overpayments.id, id), withinScope(overpayments.jurisdictionCode, scope)));
  const [row] = lock ? await q.for('update') : await q;
  return row;
}

export async function updateOverpayment(db: DbOrTx, id: number, values: Partial<typeof overpayments.$inferInsert>): Promise<OverpaymentRow> {
  const [row] = await db.update(overpayments).set({ ...values, updatedAt: new Date() }).where(eq(overpayments.id, id)).returning();
  return row!;
}

export async function listOverpayments(db: DbOrTx, f: { scope: string; status?: string | undefined; caseId?: number | undefined; limit: number; offset: number }): Promise<{ items: OverpaymentRow[]; total: number }> {
  const where = and(withinScope(overpayments.jurisdictionCode, f.scope), f.status ? eq(overpayments.status, f.status) : undefined, f.caseId ? eq(overpayments.caseId, f.caseId) : undefined);
  const [items, [count]] = await Promise.all([
    db.select().from(overpayments).where(where).orderBy(desc(overpayments.id)).limit(f.limit).offset(f.offset),
    db.select({ n: sql<number>`count(*)::int` }).from(overpayments).where(where),
  ]);
  return { items, total: count!.n };
}

// ---------------------------------------------------------------------------------------------
// Small lookups

export async function usernameOf(db: DbOrTx, id: number): Promise<string | null> {
  const [row] = await db.select({ username: users.username }).from(users).where(eq(users.id, id));
  return row?.username ?? null;
}

export async function jurisdictionExists(db: DbOrTx, code: string): Promise<boolean> {
  const [row] = await db.select({ code: jurisdictions.code }).from(jurisdictions).where(eq(jurisdictions.code, code));
  return !!row;
}

export async function placeName(db: DbOrTx, code: string): Promise<string | null> {
  const [row] = await db.select({ name: jurisdictions.name }).from(jurisdictions).where(eq(jurisdictions.code, code));
  return row?.name ?? null;
}

