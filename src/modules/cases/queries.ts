// Reading cases: one case with its timeline, lists, the work queue (待我办理) and the dashboard
// figures per township. All scoped by the caller's jurisdiction in the store.
import { validationFailed } from '../../platform/errors.ts';
import * as store from './cases.store.ts';
import { caseAttachmentOf, caseOwners } from './attachments.ts';
import type { Case, CaseSummary } from './cases.schema.ts';
import { CASE_NOT_FOUND, type Caller, type Ctx } from './context.ts';
import { detailOf, summaryOf } from './present.ts';
import { OPEN_STATES } from './workflow/states.ts';
import { queueRules } from './workflow/transitions.ts';

export async function caseDetail(ctx: Ctx, caller: Caller, id: number): Promise<Case> {
  // Two round trips: the case with its names, timeline and visits; then the files of the case and its visits.
  const found = await store.findWithParts(ctx.db, id, caller.scope);
  if (!found) throw CASE_NOT_FOUND();
  const { row, events, visits } = found;
  const attachments = await ctx.attachments.list(caseOwners(id, visits.map((x) => x.id)));
  return detailOf(row, { applicantName: found.applicantName ?? '', beneficiaryName: found.beneficiaryName, jurisdictionName: found.jurisdictionName, events, visits, attachments: attachments.map(caseAttachmentOf) }, caller.roles, ctx.today(), ctx.cal);
}

export async function listCases(ctx: Ctx, caller: Caller, q: { state?: string | undefined; program?: string | undefined; kind?: string | undefined; under?: string | undefined; q?: string | undefined; overdue?: 'true' | 'false' | undefined; limit: number; offset: number }): Promise<{ items: CaseSummary[]; total: number }> {
  const today = ctx.today();
  const { items, total } = await store.list(ctx.db, {
    scope: caller.scope, limit: q.limit, offset: q.offset, overdueOn: today,
    ...(q.state ? { state: q.state } : {}), ...(q.program ? { program: q.program } : {}), ...(q.kind ? { kind: q.kind } : {}),
    ...(q.under ? { under: q.under } : {}), ...(q.q ? { q: q.q } : {}), ...(q.overdue ? { overdue: q.overdue === 'true' } : {}),
  });
  return { items: items.map((r) => summaryOf(r, today, ctx.cal)), total };
}

/** 待我办理: the current step is one the caller's roles act on, or the case is assigned to them. */
export async function workQueue(ctx: Ctx, caller: Caller, page: { limit: number; offset: number }): Promise<{ items: CaseSummary[]; total: number }> {
  const today = ctx.today();
  const { items, total } = await store.queue(ctx.db, { scope: caller.scope, userId: caller.id ?? -1, rules: queueRules(caller.roles), today, ...page });
  return { items: items.map((r) => summaryOf(r, today, ctx.cal)), total };
}

export async function dashboard(ctx: Ctx, caller: Caller, under: string | undefined) {
  const today = ctx.today();
  const rows = await store.dashboard(ctx.db, caller.scope, under, today);
  const empty = () => Object.fromEntries(OPEN_STATES.map((s) => [s, 0])) as Record<string, number>;
  const byTownship = new Map<string, { townshipCode: string; townshipName: string; byState: Record<string, number>; open: number; overdue: number }>();
  const totals = { byState: empty(), open: 0, overdue: 0 };
  for (const r of rows) {
    let t = byTownship.get(r.township);
    if (!t) byTownship.set(r.township, (t = { townshipCode: r.township, townshipName: r.townshipName ?? r.township, byState: empty(), open: 0, overdue: 0 }));
    t.byState[r.state] = r.n;
    t.open += r.n;
    t.overdue += r.overdue;
    totals.byState[r.state] = (totals.byState[r.state] ?? 0) + r.n;
    totals.open += r.n;
    totals.overdue += r.overdue;
  }
  return { date: today, items: [...byTownship.values()], totals };
}

/** The county's report of approvals against the engine's decision, in scope (a reversed period is a 400). */
export async function overrides(ctx: Ctx, caller: Caller, q: { from?: string | undefined; to?: string | undefined; under?: string | undefined }) {
  const today = ctx.today();
  const from = q.from ?? `${today.slice(0, 4)}-01-01`;
  const to = q.to ?? today;
  if (from > to) throw validationFailed([{ field: 'to', message: 'must not be before from', messageZh: '结束日期不能早于开始日期' }]);
  return { items: (await store.overrides(ctx.db, caller.scope, q.under, from, to)).map((r) => ({ ...r, program: r.program as never, override: r.override as never })) };
}
