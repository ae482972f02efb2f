// A small world for the figures tests, written straight into the tables the figures read (the
// modules' own tests cover how rows get there): households with members in two counties, 低保 /
// 特困 / 临时救助 cases with their timelines, monthly plans and payments (paid, failed, re-issued),
// help requests, a campaign with visits, and a screening run. Deterministic (seeded).
import { sql } from 'drizzle-orm';
import { queryRows } from '../../platform/db/client.ts';
import { makeIdNumber } from '../../lib/id-number.ts';
import { SYSTEM_ACTOR } from '../audit/audit.service.ts';
import type { TestApp } from '../../../test/support/app.ts';
import { ensureDefaults } from '../requests/categories.store.ts';

export type Payment = { id: number; code: string; program: string; month: string; status: string; paidOn: string | null; amountFen: number; householdId: number; kind: string };

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export async function buildWorld(t: TestApp) {
  const db = t.database.db;
  const rand = rng(21);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const gridsOf = async (county: string) => (await queryRows<{ code: string }>(db, sql`select code from jurisdictions where length(code) = 15 and code like ${county + '%'} order by code`)).map((r) => r.code);
  const grids = await gridsOf('140107');
  const otherGrids = await gridsOf('140109');
  const one = async <T>(q: ReturnType<typeof sql>) => (await queryRows<T>(db, q))[0]!;
  const payments: Payment[] = [];
  const households: { id: number; code: string; head: number; members: number[] }[] = [];
  let seq = 0;
  const person = async (code: string, name: string) =>
    (await t.services.persons.create({ scope: '' }, { name, jurisdictionCode: code, idNumber: makeIdNumber(code.slice(0, 6), '1960-01-01', ++seq) } as never, SYSTEM_ACTOR)).id;

  const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄'];
  for (let i = 0; i < 24; i++) {
    // Every third household in the other county (万柏林区), the rest spread over 杏花岭区's grids.
    const code = i % 3 === 2 ? otherGrids[i % otherGrids.length]! : grids[(i * 7) % grids.length]!;
    const head = await person(code, `${pick(SURNAMES)}建国${i}`);
    const other = await person(code, `${pick(SURNAMES)}秀英${i}`);
    const h = await one<{ id: number }>(sql`insert into households (jurisdiction_code, head_person_id) values (${code}, ${head}) returning id`);
    await db.execute(sql`insert into household_members (household_id, person_id, relationship, joined_at) values (${h.id}, ${head}, 'self', '2020-01-01'), (${h.id}, ${other}, 'spouse', '2020-01-01')`);
    households.push({ id: h.id, code, head, members: [head, other] });
  }

  let caseNo = 0;
  const addCase = async (h: (typeof households)[number], program: string, state: string, receivedOn: string, approvedOn: string | null, events: [string, string][], beneficiary: number | null = null) => {
    const c = await one<{ id: number }>(sql`
      insert into assistance_cases (case_no, program, procedure, state, household_id, applicant_person_id, beneficiary_person_id, jurisdiction_code, channel, step_started_on, received_on, approved_on, approved_fen, due_on, updated_at)
      values (${`T-${program}-${++caseNo}`}, ${program}, 'general', ${state}, ${h.id}, ${h.head}, ${beneficiary}, ${h.code}, 'application', ${receivedOn}, ${receivedOn}, ${approvedOn}, ${approvedOn ? 80000 : null}, ${state === 'approved' ? null : '2026-02-01'}, ${`${events[events.length - 1]![0]}T12:00:00+08:00`})
      returning id`);
    for (const [onDate, toState] of events) await db.execute(sql`insert into case_events (case_id, on_date, actor_name, action, to_state) values (${c.id}, ${onDate}, 'test', 'step', ${toState})`);
    return c.id;
  };
  const pay = async (h: (typeof households)[number], caseId: number, planId: number | null, program: string, month: string, amountFen: number, status: string, paidOn: string | null, kind = 'monthly', payee = h.head) => {
    const row = await one<{ id: number }>(sql`
      insert into payments (plan_id, case_id, household_id, payee_person_id, jurisdiction_code, program, month, kind, amount_fen, status, paid_on, failure_reason)
      values (${planId}, ${caseId}, ${h.id}, ${payee}, ${h.code}, ${program}, ${month}, ${kind}, ${amountFen}, ${status}, ${paidOn}, ${status === 'failed' || status === 'reissued' ? '账户不存在' : null}) returning id`);
    payments.push({ id: row.id, code: h.code, program, month, status, paidOn, amountFen, householdId: h.id, kind });
    return row.id;
  };

  // 低保 for the first 16 households: approved in December or January, paid monthly from January.
  for (const [i, h] of households.slice(0, 16).entries()) {
    const approvedOn = i % 3 === 0 ? '2026-01-12' : '2025-12-15';
    const caseId = await addCase(h, 'dibao', 'approved', '2025-11-20', approvedOn, [['2025-11-20', 'accepted'], ['2025-11-25', 'investigating'], [approvedOn, 'approved']]);
    const amount = 30000 + (i % 5) * 2500;
    const stopped = i === 4; // ends after February
    const plan = await one<{ id: number }>(sql`
      insert into payment_plans (case_id, household_id, payee_person_id, jurisdiction_code, program, period, amount_fen, from_month, to_month, status)
      values (${caseId}, ${h.id}, ${h.head}, ${h.code}, 'dibao', 'monthly', ${amount}, '2026-01', ${stopped ? '2026-02' : null}, ${stopped ? 'stopped' : 'active'}) returning id`);
    await pay(h, caseId, plan.id, 'dibao', '2026-01', amount, i === 7 ? 'reissued' : 'paid', i === 7 ? null : '2026-01-20');
    if (i === 7) await pay(h, caseId, null, 'dibao', '2026-01', amount, 'paid', '2026-02-08', 'reissue');
    await pay(h, caseId, plan.id, 'dibao', '2026-02', amount, i === 9 ? 'failed' : 'paid', i === 9 ? null : '2026-02-20');
  }
  // 特困 for one member of households 16–19; 临时救助 once for 20–23.
  for (const h of households.slice(16, 20)) {
    const caseId = await addCase(h, 'tekun', 'approved', '2025-12-01', '2026-01-05', [['2025-12-01', 'accepted'], ['2026-01-05', 'approved']], h.members[1]!);
    await pay(h, caseId, null, 'tekun', '2026-01', 120000, 'paid', '2026-01-25', 'monthly', h.members[1]!);
    await pay(h, caseId, null, 'tekun', '2026-02', 120000, 'paid', '2026-02-25', 'monthly', h.members[1]!);
  }
  for (const [i, h] of households.slice(20).entries()) {
    const caseId = await addCase(h, 'temporary', 'approved', '2026-01-03', '2026-01-10', [['2026-01-03', 'accepted'], ['2026-01-10', 'approved']]);
    await pay(h, caseId, null, 'temporary', '2026-01', 150000 + i * 10000, 'paid', '2026-01-15', 'once');
  }
  // Open cases at different steps at the end of January.
  const openCases: number[] = [];
  for (const [i, h] of households.slice(16).entries()) {
    openCases.push(await addCase(h, 'dibao', i % 2 ? 'investigating' : 'reviewing', '2026-01-08', null, [['2026-01-08', 'accepted'], ...(i % 2 ? [['2026-01-20', 'investigating']] as [string, string][] : [['2026-01-09', 'investigating'], ['2026-01-28', 'reviewing']] as [string, string][])]));
  }

  await ensureDefaults(db);
  // Help requests: created in January, resolved on time or late, some rated.
  for (const [i, h] of households.entries()) {
    const created = `2026-01-${String(5 + (i % 20)).padStart(2, '0')}T09:00:00+08:00`;
    const due = new Date(new Date(created).getTime() + 72 * 3_600_000);
    const resolved = i % 4 === 3 ? null : new Date(new Date(created).getTime() + (i % 3 === 0 ? 96 : 24) * 3_600_000);
    await db.execute(sql`
      insert into help_requests (tracking_code, channel, category_code, state, description, person_id, jurisdiction_code, handler_code, response_due_at, resolution_due_at, resolved_at, closed_at, satisfaction, submitted_by, created_at)
      values (${`R${String(i).padStart(6, '0')}`}, 'patrol', ${i % 2 ? 'facility_repair' : 'other'}, ${resolved ? 'visited' : 'assigned'}, '测试诉求', ${h.head}, ${h.code}, ${h.code.slice(0, 9)},
              ${created}, ${due.toISOString()}, ${resolved?.toISOString() ?? null}, ${resolved?.toISOString() ?? null}, ${resolved ? 1 + (i % 5) : null}, 'test', ${created})`);
  }

  // A campaign in 杏花岭区 with every household head on its list; half visited and struck off in January.
  const campaign = await one<{ id: number }>(sql`insert into campaigns (name, jurisdiction_code, starts_on, ends_on, checklist, created_by) values ('冬季走访', '140107', '2026-01-01', '2026-03-31', '{"results":[],"questions":[]}', 'test') returning id`);
  for (const [i, h] of households.filter((x) => x.code.startsWith('140107')).entries()) {
    const closedOn = i % 2 === 0 ? '2026-01-18' : null;
    const target = await one<{ id: number }>(sql`
      insert into campaign_targets (campaign_id, person_id, jurisdiction_code, status, closed_on, source, created_at)
      values (${campaign.id}, ${h.head}, ${h.code}, ${closedOn ? 'closed' : 'pending'}, ${closedOn}, 'manual', '2026-01-02T10:00:00+08:00') returning id`);
    if (closedOn) await db.execute(sql`insert into campaign_visits (campaign_id, target_id, visited_on, result, closes, visitor_name) values (${campaign.id}, ${target.id}, ${closedOn}, 'visited', true, '网格员')`);
  }

  // A screening of 杏花岭区 as of 2026-01-31: some covered households, some not, and near-misses.
  const run = await one<{ id: number }>(sql`insert into screening_runs (programs, jurisdiction_code, as_of, status) values (array['dibao','tekun'], '140107', '2026-01-31', 'done') returning id`);
  for (const [i, h] of households.filter((x) => x.code.startsWith('140107')).entries()) {
    const status = i % 3 === 2 ? 'ineligible' : 'eligible';
    await db.execute(sql`insert into screening_results (run_id, household_id, jurisdiction_code, program, status, amount_fen, near_miss) values (${run.id}, ${h.id}, ${h.code}, 'dibao', ${status}, 50000, ${status === 'ineligible'})`);
  }
  return { households, payments, openCases, campaignId: campaign.id, grids };
}

/** Data that arrives later (February and March), none of which may change January's figures. */
export async function laterData(t: TestApp, w: Awaited<ReturnType<typeof buildWorld>>) {
  const db = t.database.db;
  const h = w.households[0]!;
  const [c] = await queryRows<{ id: number }>(db, sql`select id from assistance_cases where household_id = ${h.id} and program = 'dibao' limit 1`);
  // Arrears for January paid in March, a March payment, the open cases moving on, a late request
  // resolution, a target struck off, a newer screening run.
  await db.execute(sql`insert into payments (case_id, household_id, payee_person_id, jurisdiction_code, program, month, kind, amount_fen, status, paid_on) values (${c!.id}, ${h.id}, ${h.head}, ${h.code}, 'dibao', '2026-01', 'arrears', 5000, 'paid', '2026-03-02')`);
  await db.execute(sql`insert into payments (case_id, household_id, payee_person_id, jurisdiction_code, program, month, kind, amount_fen, status, paid_on) values (${c!.id}, ${h.id}, ${h.head}, ${h.code}, 'dibao', '2026-03', 'monthly', 30000, 'paid', '2026-03-05')`);
  for (const id of w.openCases) {
    await db.execute(sql`insert into case_events (case_id, on_date, actor_name, action, to_state) values (${id}, '2026-02-10', 'test', 'approve', 'approved')`);
    await db.execute(sql`update assistance_cases set state = 'approved', approved_on = '2026-02-10', updated_at = '2026-02-10T10:00:00+08:00' where id = ${id}`);
  }
  await db.execute(sql`update help_requests set resolved_at = '2026-02-15T10:00:00+08:00', state = 'resolved', satisfaction = 5 where resolved_at is null`);
  await db.execute(sql`update campaign_targets set status = 'closed', closed_on = '2026-02-20' where campaign_id = ${w.campaignId} and closed_on is null`);
  await db.execute(sql`insert into screening_runs (programs, jurisdiction_code, as_of, status) values (array['dibao'], '140107', '2026-02-28', 'done')`);
}
