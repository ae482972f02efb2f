// The hand-written part of the migration that made 临时救助 causes structured (kind, event date,
// reference): old free-text causes get a kind from their keywords and a date from the text (a full
// date, "M月D日", "M月" in the case's year or the year before), else kind 其他 and the day the
// application was received; the text stays as the description. Run here on sample old rows.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../platform/db/client.ts';
import { SYSTEM_ACTOR } from '../audit/index.ts';
import { ALL_MATERIALS, casesApp, household, type World } from './cases.fixtures.ts';

let w: World;
before(async () => {
  w = await casesApp('2026-01-20');
});
after(() => w.t.close());

/** The statements after `-- hand-written below` in the migration that added cause_event_on. */
function causeMigration(): string[] {
  const dir = join(import.meta.dirname, '../../../migrations');
  const file = readdirSync(dir).filter((f) => f.endsWith('.sql')).map((f) => readFileSync(join(dir, f), 'utf8')).find((text) => text.includes('"cause_event_on"') && text.includes('-- hand-written below'));
  assert.ok(file, 'the migration is there');
  return file.slice(file.indexOf('-- hand-written below')).split('--> statement-breakpoint').map((s) => s.trim()).filter((s) => s.length > 0);
}

const OLD_ROWS: { cause: string; category: string; receivedOn: string; kind: string; eventOn: string }[] = [
  { cause: '11月家中厨房失火', category: 'emergency', receivedOn: '2025-12-03', kind: 'fire', eventOn: '2025-11-01' },
  { cause: '10月3日 厨房 火灾', category: 'emergency', receivedOn: '2025-10-05', kind: 'fire', eventOn: '2025-10-03' },
  { cause: '2025-09-30 夜间住房火灾', category: 'emergency', receivedOn: '2025-10-02', kind: 'fire', eventOn: '2025-09-30' },
  { cause: '12月突发脑梗住院', category: 'emergency', receivedOn: '2026-01-10', kind: 'sudden_illness', eventOn: '2025-12-01' },
  { cause: '母亲住院医疗费', category: 'expenditure', receivedOn: '2025-08-20', kind: 'medical', eventOn: '2025-08-20' },
  { cause: '子女大学学费', category: 'expenditure', receivedOn: '2025-09-01', kind: 'education', eventOn: '2025-09-01' },
  { cause: '2月30日 车祸', category: 'emergency', receivedOn: '2025-03-10', kind: 'traffic_accident', eventOn: '2025-03-10' },
  { cause: '2024年7月15日暴雨住房倒塌', category: 'emergency', receivedOn: '2024-07-20', kind: 'natural_disaster', eventOn: '2024-07-15' },
  { cause: '家里困难', category: 'emergency', receivedOn: '2025-06-06', kind: 'other', eventOn: '2025-06-06' },
];

test('old free-text causes get a kind and an event date where the text allows; the text stays', async () => {
  const db = w.t.database.db;
  const caller = { id: null, username: 'test', roles: ['admin'], scope: '' };
  const ids: number[] = [];
  for (const [i, row] of OLD_ROWS.entries()) {
    const h = await household(w.t, { members: [{ name: `迁移${i}`, birthDate: '1970-01-01' }] });
    const c = await w.t.services.cases.register(caller, {
      program: 'temporary', applicantPersonId: h.personIds[0]!, channel: 'application', category: row.category as 'emergency', causeKind: 'other', causeEventOn: '2025-01-01', cause: 'x', requestedFen: 10_000,
      materialsReceived: ALL_MATERIALS.temporary, promiseSigned: true, dataCheckAuthorised: true, ties: [],
    }, SYSTEM_ACTOR);
    ids.push(c.id);
    // As the row stood before the migration: free text only.
    await db.execute(sql`update assistance_cases set cause = ${row.cause}, cause_kind = null, cause_event_on = null, received_on = ${row.receivedOn} where id = ${c.id}`);
  }
  for (const statement of causeMigration()) await db.execute(sql.raw(statement));
  const rows = await queryRows<{ id: number; cause: string; kind: string; eventOn: string }>(db, sql`
    select id, cause, cause_kind as kind, cause_event_on::text as "eventOn" from assistance_cases where id = any(${sql.raw(`array[${ids.join(',')}]::int[]`)}) order by id`);
  assert.deepEqual(rows.map((r) => [r.cause, r.kind, r.eventOn]), OLD_ROWS.map((r) => [r.cause, r.kind, r.eventOn]));
  // The helper functions are gone again.
  const [fn] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from pg_proc where proname like 'lastmile_0009%'`);
  assert.equal(fn!.n, 0);
});

test('a migrated cause counts for 一事一救: the same fire told anew is refused, naming the old case', async () => {
  const [old] = await queryRows<{ applicant: number; caseNo: string }>(w.t.database.db, sql`select applicant_person_id as applicant, case_no as "caseNo" from assistance_cases where cause = '11月家中厨房失火'`);
  const res = await w.as.social.post('/api/cases', { program: 'temporary', applicantPersonId: old!.applicant, channel: 'application', category: 'emergency', causeKind: 'fire', causeEventOn: '2025-11-14', cause: '11月厨房起火', requestedFen: 50_000 });
  assert.equal(res.status, 409);
  assert.match(res.body.messageZh, new RegExp(`案件 ${old!.caseNo}，同为火灾`));
});
