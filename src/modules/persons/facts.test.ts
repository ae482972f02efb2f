// Registry facts under a person through the HTTP API: record, change (history kept), remove,
// as-of; bad input refused with a bilingual error naming the field and nothing stored; scoped to
// the person's jurisdiction; a supporter's ID number sealed, masked and revealed with an audit.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { createTestApp, type Session, type TestApp } from '../../../test/support/app.ts';
import { queryRows } from '../../platform/db/client.ts';
import { makeIdNumber } from '../../lib/id-number.ts';
import { todayLocal } from '../../lib/local-date.ts';

let t: TestApp;
let s: Session; // township reviewer, 巨轮街道 (140107001)
let other: Session; // another county
let county: Session; // 杏花岭区: reads the audit log
const ids: Record<string, number> = {};
const GRID = '140107001001001';

before(async () => {
  t = await createTestApp();
  s = await t.login('julun_reviewer');
  other = await t.login('wbl_approver');
  county = await t.login('xhl_approver');
  const people: [string, string][] = [['孙老汉', '1940-03-03'], ['孙大', '1962-05-05'], ['孙小宝', '2015-06-01']];
  for (const [i, [name, birth]] of people.entries()) {
    const res = await inject(s, 'POST', '/api/persons', { name, idNumber: makeIdNumber('140107', birth, 300 + i), jurisdictionCode: GRID });
    assert.equal(res.statusCode, 201, res.body);
    ids[name] = res.json().id;
  }
});
after(() => t.close());

const inject = (sess: Session, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: sess.headers, ...(payload ? { payload } : {}) });
const count = async (table: string) => (await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from ${sql.identifier(table)}`))[0]!.n;

/** A 400 naming `field`, in both languages, with nothing stored in `table`. */
async function refused(url: string, body: object, field: string, table: string, method: 'POST' | 'PUT' = 'POST') {
  const before = await count(table);
  const res = await inject(s, method, url, body);
  assert.equal(res.statusCode, 400, res.body);
  const err = res.json();
  const f = err.fields.find((x: { field: string }) => x.field === field);
  assert.ok(f, `expected a problem on ${field}: ${res.body}`);
  assert.ok(f.message && f.messageZh && /[\u4e00-\u9fff]/.test(f.messageZh), res.body);
  assert.equal(await count(table), before, 'nothing stored');
}

test('a supporter: linked or external (ID number sealed, masked, revealed with an audit); changes keep history', async () => {
  const linked = await inject(s, 'POST', `/api/persons/${ids['孙老汉']}/supporters`, { relation: 'child', supporterPersonId: ids['孙大'], monthlyIncomeFen: 80_000, propertyWithinRule: true, reason: '入户调查' });
  assert.equal(linked.statusCode, 201, linked.body);
  const idNumber = makeIdNumber('140107', '1965-01-01', 777);
  const external = await inject(s, 'POST', `/api/persons/${ids['孙老汉']}/supporters`, { relation: 'child', name: '孙二', idNumber, situations: [{ kind: 'imprisoned', since: '2024-01-10' }] });
  assert.equal(external.statusCode, 201, external.body);
  const e = external.json();
  assert.equal(e.birthDate, '1965-01-01', 'birth date from the ID number');
  assert.equal(e.idNumberMasked, `${idNumber.slice(0, 4)}**********${idNumber.slice(-4)}`);
  const [stored] = await queryRows<{ id_number_enc: string }>(t.database.db, sql`select id_number_enc from person_supporters where id = ${e.id}`);
  assert.equal(stored!.id_number_enc.includes(idNumber), false);
  const revealed = await inject(s, 'POST', `/api/persons/${ids['孙老汉']}/supporters/${e.id}/reveal`, { reason: '核对义务人身份' });
  assert.equal(revealed.json().value, idNumber);

  // A change retires the row and records a new one; as of before it, the old facts.
  const changed = await inject(s, 'PUT', `/api/persons/${ids['孙老汉']}/supporters/${linked.json().id}`, { relation: 'child', supporterPersonId: ids['孙大'], monthlyIncomeFen: 60_000, propertyWithinRule: true, reason: '收入下降' });
  assert.equal(changed.statusCode, 200, changed.body);
  assert.equal(changed.json().revises, linked.json().id);
  const now = (await inject(s, 'GET', `/api/persons/${ids['孙老汉']}/supporters`)).json().items;
  assert.deepEqual(now.map((x: { monthlyIncomeFen: number | null }) => x.monthlyIncomeFen).sort(), [60_000, null]);
  const all = (await inject(s, 'GET', `/api/persons/${ids['孙老汉']}/supporters?retired=true`)).json().items;
  assert.equal(all.length, 3);
  const yesterday = (await inject(s, 'GET', `/api/persons/${ids['孙老汉']}/supporters?asOf=2020-01-01`)).json().items;
  assert.equal(yesterday.length, 0, 'nothing was recorded then');
  const stale = await inject(s, 'PUT', `/api/persons/${ids['孙老汉']}/supporters/${linked.json().id}`, { relation: 'child', supporterPersonId: ids['孙大'] });
  assert.equal(stale.statusCode, 400, 'a superseded row cannot be changed');

  // Removal keeps the row in the history, with its reason.
  const removed = await inject(s, 'POST', `/api/persons/${ids['孙老汉']}/supporters/${e.id}/remove`, { reason: '核实为非亲生子女' });
  assert.equal(removed.statusCode, 200, removed.body);
  assert.equal((await inject(s, 'GET', `/api/persons/${ids['孙老汉']}/supporters`)).json().items.length, 1);

  const audit = (await inject(county, 'GET', `/api/audit?entity=person&entityId=${ids['孙老汉']}`)).json();
  const actions = audit.items.map((x: { action: string }) => x.action);
  for (const a of ['person.supporters.add', 'person.supporters.change', 'person.supporters.remove', 'reveal']) assert.ok(actions.includes(a), `${a} in ${actions}`);
  assert.equal(JSON.stringify(audit).includes(idNumber), false, 'the audit log holds the ID number masked');
});

test('bad supporters: the person themself, circular relations, impossible births and dates', async () => {
  const url = `/api/persons/${ids['孙老汉']}/supporters`;
  await refused(url, { relation: 'child', supporterPersonId: ids['孙老汉'] }, 'supporterPersonId', 'person_supporters');
  await refused(url, { relation: 'child', name: '孙老汉', idNumber: makeIdNumber('140107', '1940-03-03', 300) }, 'idNumber', 'person_supporters');
  await refused(url, { relation: 'child', name: '孙三', birthDate: '1930-01-01' }, 'birthDate', 'person_supporters');
  await refused(url, { relation: 'sibling', name: '孙四', situations: [{ kind: 'imprisoned', since: '2999-01-01' }] }, 'situations.0.since', 'person_supporters');
  await refused(url, { relation: 'child', name: '孙五', monthlyIncomeFen: -1 }, 'monthlyIncomeFen', 'person_supporters');
  await refused(url, { relation: 'child' }, 'name', 'person_supporters');
  // 孙大 is 孙老汉's child; recording 孙老汉 as 孙大's child is circular.
  await refused(`/api/persons/${ids['孙大']}/supporters`, { relation: 'child', supporterPersonId: ids['孙老汉'] }, 'relation', 'person_supporters');
  // "No legal supporter" and recorded supporters exclude each other.
  await refused(url, { relation: 'none' }, 'relation', 'person_supporters');
  // … while the consistent reverse (孙老汉 is 孙大's parent) is fine.
  assert.equal((await inject(s, 'POST', `/api/persons/${ids['孙大']}/supporters`, { relation: 'parent', supporterPersonId: ids['孙老汉'] })).statusCode, 201);
});

test('parents’ situations: durations need a start, never before the child’s birth; after 18 is fine', async () => {
  const url = `/api/persons/${ids['孙小宝']}/parent-situations`;
  await refused(url, { parent: 'father', situation: 'imprisoned', evidenceKind: 'prison_certificate' }, 'beganOn', 'person_parent_situations');
  await refused(url, { parent: 'father', situation: 'imprisoned', beganOn: '2014-01-01', evidenceKind: 'prison_certificate' }, 'beganOn', 'person_parent_situations');
  await refused(url, { parent: 'mother', situation: 'lost_contact', beganOn: '2024-01-01', endedOn: '2023-01-01', evidenceKind: 'police_record' }, 'endedOn', 'person_parent_situations');
  await refused(url, { parent: 'mother', situation: 'severe_disability', evidenceKind: 'disability_certificate' }, 'disabilityGrade', 'person_parent_situations');
  await refused(url, { parent: 'father', situation: 'dead', evidenceKind: 'other', parentPersonId: ids['孙小宝'] }, 'parentPersonId', 'person_parent_situations');
  const ok = await inject(s, 'POST', url, { parent: 'father', situation: 'imprisoned', beganOn: '2024-03-01', evidenceKind: 'prison_certificate' });
  assert.equal(ok.statusCode, 201, ok.body);
  assert.equal(ok.json().evidenceKind, 'prison_certificate');
  // 孙大 (born 1962) as a child: a situation after the 18th birthday is accepted.
  assert.equal((await inject(s, 'POST', `/api/persons/${ids['孙大']}/parent-situations`, { parent: 'mother', situation: 'dead', beganOn: '2010-01-01', evidenceKind: 'death_certificate' })).statusCode, 201);
});

test('unemployment facts: months 0–600 and within working life, registration after separation', async () => {
  const url = `/api/persons/${ids['孙大']}/unemployment`;
  await refused(url, { contributionMonths: 601, separationOn: '2024-06-30', separationReason: 'involuntary' }, 'contributionMonths', 'person_unemployment');
  await refused(url, { contributionMonths: 12.5, separationOn: '2024-06-30', separationReason: 'involuntary' }, 'contributionMonths', 'person_unemployment');
  await refused(url, { contributionMonths: 12, separationOn: '2024-06-30', separationReason: 'involuntary', registeredOn: '2024-06-01' }, 'registeredOn', 'person_unemployment');
  await refused(url, { contributionMonths: 12, separationOn: `${Number(todayLocal().slice(0, 4)) + 1}-01-01`, separationReason: 'involuntary' }, 'separationOn', 'person_unemployment');
  await refused(`/api/persons/${ids['孙小宝']}/unemployment`, { contributionMonths: 12, separationOn: '2024-06-30', separationReason: 'involuntary' }, 'contributionMonths', 'person_unemployment');
  const ok = await inject(s, 'POST', url, { contributionMonths: 72, lastEmployer: '太原某机械厂', separationOn: '2024-06-30', separationReason: 'involuntary', registeredOn: '2024-07-05' });
  assert.equal(ok.statusCode, 201, ok.body);
  assert.equal(ok.json().unusedMonths, 0);
});

test('job events: employment needs its kind; dates checked', async () => {
  const url = `/api/persons/${ids['孙大']}/job-events`;
  await refused(url, { kind: 'employed', onDate: '2024-09-01' }, 'placementKind', 'person_job_events');
  await refused(url, { kind: 'referral_refused', onDate: '1950-01-01' }, 'onDate', 'person_job_events');
  const ok = await inject(s, 'POST', url, { kind: 'referral_refused', onDate: '2024-09-01', employer: '社区保洁' });
  assert.equal(ok.statusCode, 201, ok.body);
});

test('scoped: another county sees and changes none of it', async () => {
  for (const kind of ['supporters', 'parent-situations', 'unemployment', 'job-events']) {
    assert.equal((await inject(other, 'GET', `/api/persons/${ids['孙老汉']}/${kind}`)).statusCode, 404);
  }
  const before = await count('person_job_events');
  assert.equal((await inject(other, 'POST', `/api/persons/${ids['孙大']}/job-events`, { kind: 'referral_refused', onDate: '2024-09-02' })).statusCode, 404);
  assert.equal(await count('person_job_events'), before);
});
