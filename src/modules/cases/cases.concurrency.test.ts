// Edge 18 under real concurrency: many 临时救助 approvals for one household at once, each its own
// HTTP request on its own pool connection (PostgreSQL). The household row lock serialises them,
// so the yearly cap (10000 元 per household here) is never exceeded and the total is exact.
// PGlite has a single connection: it runs fewer requests, which it serialises anyway.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../platform/db/client.ts';
import { testDriver } from '../../../test/support/db.ts';
import { SYSTEM_ACTOR } from '../audit/audit.service.ts';
import { ALL_MATERIALS, LOCAL_LIMITS, casesApp, household, type World } from './cases.fixtures.ts';

const N = testDriver === 'pg' ? 200 : 20;
const EACH = testDriver === 'pg' ? 30_000 : 60_000; // 300 元 / 600 元 each: far more than the cap in total
const CAP = LOCAL_LIMITS['linshi.yearly_cap_household_fen'];
const PERSON_CAP = LOCAL_LIMITS['linshi.yearly_cap_person_fen'];

let w: World;
let caseIds: number[] = [];
let personIds: number[] = [];

before(async () => {
  w = await casesApp('2025-10-13');
  const h = await household(w.t, {
    members: [{ name: '并发甲', birthDate: '1970-01-01' }, { name: '并发乙', birthDate: '1972-01-01', relationship: 'spouse' }, { name: '并发丙', birthDate: '1995-01-01' }, { name: '并发丁', birthDate: '1998-01-01' }],
  });
  personIds = h.personIds;
  const caller = { id: null, username: 'test', roles: ['admin'], scope: '' };
  for (let i = 0; i < N; i++) {
    const c = await w.t.services.cases.register(caller, {
      program: 'temporary', applicantPersonId: personIds[i % 4]!, channel: 'application', category: 'emergency', causeKind: 'other', causeEventOn: '2025-09-10', cause: `突发事件 ${i}`, requestedFen: EACH,
      materialsReceived: ALL_MATERIALS.temporary, promiseSigned: true, dataCheckAuthorised: true, ties: [],
    }, SYSTEM_ACTOR);
    caseIds.push(c.id);
  }
  // Fixture shortcut: every case waiting at 审批 (the steps before are tested elsewhere).
  await w.t.database.db.execute(sql`update assistance_cases set state = 'approving', approval_level = 'county', proposed_fen = requested_fen where id = any(${sql.raw(`array[${caseIds.join(',')}]::bigint[]`)})`);
});
after(() => w.t.close());

test(`${N} parallel approvals for one household never exceed the yearly cap, and the total is exact`, async (t) => {
  const address = await w.t.app.listen({ port: 0, host: '127.0.0.1' });
  const headers = { ...w.as.county.session.headers, 'content-type': 'application/json' };
  const latencies: number[] = [];
  const started = performance.now();
  const responses = await Promise.all(caseIds.map(async (id) => {
    const t0 = performance.now();
    const res = await fetch(`${address}/api/cases/${id}/approve`, { method: 'POST', headers, body: JSON.stringify({ note: '并发审批' }) });
    const body = await res.json() as { approvedFen?: number; error?: string; messageZh?: string };
    latencies.push(performance.now() - t0);
    return { status: res.status, body };
  }));
  const wallMs = performance.now() - started;

  const statuses = new Map<number, number>();
  for (const r of responses) statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
  assert.deepEqual([...statuses.keys()].filter((s) => s !== 200 && s !== 409), [], `unexpected statuses ${JSON.stringify([...statuses])}: ${JSON.stringify(responses.find((r) => r.status !== 200 && r.status !== 409)?.body)}`);
  for (const r of responses.filter((x) => x.status === 409)) assert.match(r.body.messageZh!, /累计额度已用完/);

  const granted = responses.filter((r) => r.status === 200).reduce((s, r) => s + r.body.approvedFen!, 0);
  assert.equal(granted, CAP, 'the responses add up to the cap exactly');
  const rows = await queryRows<{ person: number; total: number; n: number }>(w.t.database.db, sql`
    select applicant_person_id as person, sum(approved_fen)::bigint as total, count(*)::int as n
      from assistance_cases where id = any(${sql.raw(`array[${caseIds.join(',')}]::bigint[]`)}) and state = 'approved' group by 1`);
  const total = rows.reduce((s, r) => s + Number(r.total), 0);
  assert.equal(total, CAP, 'the database holds exactly the cap');
  for (const r of rows) assert.ok(Number(r.total) <= PERSON_CAP, `person ${r.person}: ${r.total} > ${PERSON_CAP}`);
  const [paid] = await queryRows<{ total: number; n: number }>(w.t.database.db, sql`
    select coalesce(sum(amount_fen), 0)::bigint as total, count(*)::int as n from payments where case_id = any(${sql.raw(`array[${caseIds.join(',')}]::bigint[]`)})`);
  assert.equal(Number(paid!.total), CAP, 'and the payments to be made add up to it too');
  assert.equal(paid!.n, statuses.get(200));

  latencies.sort((a, b) => a - b);
  const pct = (q: number) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!);
  // The figures, as a line of the report.
  await t.test(`figures (${testDriver}): ${N} requests in ${Math.round(wallMs)} ms wall, ${statuses.get(200)} approved / ${statuses.get(409) ?? 0} refused at the cap; latency p50 ${pct(0.5)} ms, p95 ${pct(0.95)} ms, max ${pct(1)} ms; ${(N / (wallMs / 1000)).toFixed(0)} requests/s`, () => {});
});
