// Crash tests (both drivers): the server process is killed with SIGKILL while it approves cases
// and while it generates a month's payments. After a restart every case is either still waiting
// for approval with nothing of the approval written, or approved with exactly one payment plan
// and one approval event, never between; the month's payments are all there or none are; a
// retry completes the work to the 分 and a second one adds nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { queryRows, type Database } from '../src/platform/db/client.ts';
import { DEMO_PASSWORD } from '../src/seed/demo.ts';
import { nextMonth, monthOfDate } from '../src/modules/payments/months.ts';
import { todayLocal } from '../src/lib/local-date.ts';
import { caseWithPlan, family } from '../src/modules/payments/test-fixtures.ts';
import { ALL_MATERIALS, HOME_VISIT, casesApp, household } from '../src/modules/cases/cases.fixtures.ts';
import { testDriver } from './support/db.ts';
import { handOver, httpLogin, kill9, openChildDatabase, serve } from './support/crash.ts';

const CASES = 6;
const FAMILIES = 60;

test(`kill -9 during case approval and payment generation: all or nothing, then a retry completes it (${testDriver})`, { timeout: 480_000 }, async () => {
  const dir = mkdtempSync(join(process.env.LASTMILE_TEST_TMP ?? tmpdir(), 'lastmile-crash-'));
  // ── Build the world in-process: cases waiting for the county's approval, and families with plans ──
  const w = await casesApp('2025-09-01');
  const { as } = w;
  const caseIds: number[] = [];
  for (let i = 0; i < CASES; i++) {
    const h = await household(w.t, { members: [{ name: `崩溃${i}`, birthDate: '1970-01-01' }, { name: `家属${i}`, birthDate: '1972-02-02', relationship: 'spouse' }], monthlyIncomeFen: 20_000 });
    const created = await as.social.post('/api/cases', { program: 'dibao', applicantPersonId: h.personIds[0], channel: 'application', materialsReceived: ALL_MATERIALS.dibao, dataCheckAuthorised: true, promiseSigned: true });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const id = created.body.id as number;
    assert.equal((await as.social.post(`/api/cases/${id}/start-investigation`, {})).status, 200);
    assert.equal((await as.grid.post(`/api/cases/${id}/visits`, HOME_VISIT('2025-09-01'))).status, 200);
    assert.equal((await as.social.post(`/api/cases/${id}/submit-review`, {})).status, 200);
    const opinion = await as.township.post(`/api/cases/${id}/opinion`, { note: '同意' });
    assert.equal(opinion.status, 200, JSON.stringify(opinion.body));
    caseIds.push(id);
  }
  await w.at('2025-09-12');
  for (const id of caseIds) assert.equal((await as.township.post(`/api/cases/${id}/end-publicity`, {})).body.state, 'approving');

  const month = nextMonth(monthOfDate(todayLocal()));
  const fromMonth = [1, 2, 3].reduce((m) => previousMonth(m), month);
  let expectedFen = 0;
  for (let i = 0; i < FAMILIES; i++) {
    const f = await family(w.t.services, '140107001001', `发放${i}`);
    const amountFen = 30_000 + i * 7;
    await caseWithPlan(w.t.database.db, w.t.services.audit, f, '140107001001', { amountFen, fromMonth });
    expectedFen += amountFen * 4; // fromMonth … month: 3 months of arrears and the month itself
  }
  const env = await handOver(w.t, dir);
  let database: Database | undefined;
  const check = async <T>(fn: (db: Database) => Promise<T>): Promise<T> => {
    // PostgreSQL: the shared database; PGlite: open the folder while no server runs.
    if (testDriver === 'pg') return fn(w.t.database);
    database = await openChildDatabase(env);
    try {
      return await fn(database);
    } finally {
      await database.close();
    }
  };

  try {
    // ── Approval: three rounds, each approving two cases at once and killed after a different delay ──
    const delays = [5, 40, 120];
    for (const [round, delay] of delays.entries()) {
      const served = await serve(env);
      try {
        const county = await httpLogin(served.url, 'xhl_approver', DEMO_PASSWORD);
        const pair = caseIds.slice(round * 2, round * 2 + 2);
        const sent = pair.map((id) => fetch(`${served.url}/api/cases/${id}/approve`, { method: 'POST', headers: county, body: JSON.stringify({ note: '同意' }) }).catch(() => null));
        await new Promise((r) => setTimeout(r, delay));
        await kill9(served);
        await Promise.all(sent);
      } finally {
        await kill9(served);
      }
    }
    const approvalState = () => check((d) => queryRows<{ id: number; state: string; plans: number; approvals: number; approved_fen: number | null }>(d.db, sql`
      select c.id, c.state, c.approved_fen,
             (select count(*)::int from payment_plans p where p.case_id = c.id) as plans,
             (select count(*)::int from case_events e where e.case_id = c.id and e.action = 'approve') as approvals
        from assistance_cases c where c.id in ${sql.raw(`(${caseIds.join(',')})`)} order by c.id`));
    for (const c of await approvalState()) {
      const whole = c.state === 'approved' ? [1, 1] : [0, 0];
      assert.ok(['approving', 'approved'].includes(c.state), `case ${c.id}: ${c.state}`);
      assert.deepEqual([c.plans, c.approvals], whole, `case ${c.id} is ${c.state} with ${c.plans} plan(s) and ${c.approvals} approval event(s): half-approved`);
    }

    // ── Payment generation: killed after different delays, then retried, then retried again ──
    const generated = () => check(async (d) => {
      // The families' plans (all from `fromMonth`); the approved cases' plans start after `month`.
      const [row] = await queryRows<{ n: number; fen: number | string | null }>(d.db, sql`
        select count(*)::int as n, sum(amount_fen)::bigint as fen from payments
         where case_id in (select case_id from payment_plans where from_month = ${fromMonth})`);
      return { n: row!.n, fen: Number(row!.fen ?? 0) };
    });
    for (const delay of [10, 60, 200]) {
      const served = await serve(env);
      try {
        const admin = await httpLogin(served.url, 'xhl_approver', DEMO_PASSWORD);
        const sent = fetch(`${served.url}/api/payments/generate`, { method: 'POST', headers: admin, body: JSON.stringify({ countyCode: '140107', month }) }).catch(() => null);
        await new Promise((r) => setTimeout(r, delay));
        await kill9(served);
        await sent;
      } finally {
        await kill9(served);
      }
      const g = await generated();
      assert.ok((g.n === 0 && g.fen === 0) || (g.n === FAMILIES * 4 && g.fen === expectedFen), `after a kill at ${delay} ms: ${g.n} payments, ${g.fen} 分 (a partial month)`);
    }

    // ── Restart: finish what the kills interrupted; a second run changes nothing ──
    const again = await serve(env);
    try {
      const county = await httpLogin(again.url, 'xhl_approver', DEMO_PASSWORD);
      for (const id of caseIds) {
        const res = await fetch(`${again.url}/api/cases/${id}`, { headers: county });
        if (((await res.json()) as { state: string }).state === 'approving') {
          const approved = await fetch(`${again.url}/api/cases/${id}/approve`, { method: 'POST', headers: county, body: JSON.stringify({ note: '同意' }) });
          assert.equal(approved.status, 200, await approved.text());
        }
      }
      for (let run = 0; run < 2; run++) {
        const res = await fetch(`${again.url}/api/payments/generate`, { method: 'POST', headers: county, body: JSON.stringify({ countyCode: '140107', month }) });
        assert.equal(res.status, 200, await res.text());
      }
    } finally {
      await kill9(again);
    }
    for (const c of await approvalState()) assert.deepEqual([c.state, c.plans, c.approvals], ['approved', 1, 1], `case ${c.id}`);
    const g = await generated();
    assert.deepEqual([g.n, g.fen], [FAMILIES * 4, expectedFen], 'every payment of the month once, to the 分');
  } finally {
    if (testDriver === 'pg') await w.t.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

function previousMonth(m: string): string {
  const [y, mo] = m.split('-').map(Number) as [number, number];
  return mo === 1 ? `${y - 1}-12` : `${y}-${String(mo - 1).padStart(2, '0')}`;
}
