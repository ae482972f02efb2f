// Key rotation covers everything: every table that can hold a sealed value is filled through the
// API (registry with history, households, help requests with a follower and a photo, a case with a
// scan and a visit photo, a campaign visit photo, an uploaded ledger with its report); the key is
// rotated with a crash in the middle and rotated again; then the old key is removed from the ring
// and (a) every value still opens, through the services and the API, (b) a scan of every text,
// bytea, array and json column of every table (read from information_schema, so columns added
// later are covered) finds no value under the retired key, (c) blind indexes still find people.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { queryRows } from '../src/platform/db/client.ts';
import { decryptField, generateKeyRingJson, keyIdOf, parseKeyRing, type KeyRing } from '../src/platform/crypto/field-crypto.ts';
import { keyRingWithout } from '../src/platform/crypto/keys.ts';
import { findValuesUnderKey } from '../src/platform/crypto/rotation.ts';
import { createSensitiveFields } from '../src/platform/crypto/sensitive.ts';
import { createWorker } from '../src/platform/jobs/index.ts';
import { createLogger } from '../src/platform/logger.ts';
import { addDays, todayLocal } from '../src/lib/local-date.ts';
import { buildApp } from '../src/app/http.ts';
import { createServices, jobDefinitions } from '../src/app/services.ts';
import { reencryptAll, sealedValuesByKey } from '../src/app/key-rotation.ts';
import { ENCRYPTED_COLUMNS } from '../src/app/sealed-columns.ts';
import { CHECKLIST_PRESETS } from '../src/modules/campaigns/campaigns.schema.ts';
import { createTestApp, testKeyRing, type Session, type TestApp } from './support/app.ts';
import { testDriver } from './support/db.ts';
import { LEDGER_HEADERS } from './support/ledger.ts';
import { SAMPLE_ID_NUMBERS, SAMPLE_PHONES } from './support/sensitive-samples.ts';

const GRID = '140107001001001';
const ID_NUMBER = SAMPLE_ID_NUMBERS[1]!;
const SUPPORTER_ID = SAMPLE_ID_NUMBERS[0]!;
const BANK_ACCOUNT = '6228480012345678901';
const pdf = Buffer.from('%PDF-1.7\n低保申请书 (scan)\n%%EOF');
const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('入户调查照片')]);
const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('路灯照片')]);
const webp = Buffer.concat([Buffer.from('RIFF'), Buffer.from([0x10, 0, 0, 0]), Buffer.from('WEBPVP8 走访照片')]);

// Every column ENCRYPTED_COLUMNS names must hold values under the old key before rotation, or
// this test would prove nothing about it.
const DECLARED = ENCRYPTED_COLUMNS.map((c) => `${c.table}.${c.column}`).sort();

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(() => t.close());

// JSON bodies of many shapes, read field by field below.
type Call = { status: number; body: any };
async function call(s: Session, method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: object | Buffer, type?: string): Promise<Call> {
  const res = await t.app.inject({ method, url, headers: { ...s.headers, ...(type ? { 'content-type': type } : {}) }, ...(payload ? { payload } : {}) });
  return { status: res.statusCode, body: res.headers['content-type']?.includes('json') ? res.json() : res.rawPayload };
}
const ok = (c: Call, status = 200) => {
  assert.equal(c.status, status, JSON.stringify(c.body));
  return c.body;
};

/** The key ring's document (generateKeyRingJson takes the previous one). */
function ringJson(ring: KeyRing): string {
  return JSON.stringify({
    current: ring.current,
    keys: Object.fromEntries([...ring.keys].map(([id, k]) => [id, Buffer.concat([k.encKey, k.macKey]).toString('base64')])),
    index: ring.indexKey.toString('base64'),
  });
}

/** Every sealed value of every declared column, opened with `ring` (throws on any that does not open). */
async function openEverything(ring: KeyRing): Promise<Map<string, number>> {
  const sensitive = createSensitiveFields(ring);
  const opened = new Map<string, number>();
  for (const c of ENCRYPTED_COLUMNS) {
    const rows = await queryRows<{ v: unknown }>(t.database.db, sql`select ${sql.identifier(c.column)} as v from ${sql.identifier(c.table)} where ${sql.identifier(c.column)} is not null`);
    let n = 0;
    const strings = (v: unknown): string[] => (typeof v === 'string' ? [v] : Array.isArray(v) ? v.flatMap(strings) : v && typeof v === 'object' ? Object.values(v).flatMap(strings) : []);
    for (const { v } of rows) {
      if (c.form === 'text') (decryptField(ring, v as string), n++);
      else if (c.form === 'file') {
        if (Buffer.from(v as Uint8Array).length > 0) (sensitive.openFile(Buffer.from(v as Uint8Array)), n++);
      } else {
        for (const s of strings(typeof v === 'string' ? JSON.parse(v) : v)) {
          if (!s.startsWith('v1.')) continue;
          try {
            keyIdOf(s);
          } catch {
            continue;
          }
          decryptField(ring, s);
          n++;
        }
      }
    }
    opened.set(`${c.table}.${c.column}`, n);
  }
  return opened;
}

test(`keys rotate re-encrypts every sealed value; with the old key retired everything opens and nothing under it remains (${testDriver})`, { timeout: 300_000 }, async () => {
  const [county, township, grid, admin] = [await t.login('xhl_approver'), await t.login('julun_reviewer'), await t.login('grid_worker'), await t.login('admin')];
  const worker = createWorker({ db: t.database.db, definitions: jobDefinitions(t.services), log: createLogger('silent') });

  // ── fill every table that can hold a sealed value, through the API ──
  const person = ok(await call(county, 'POST', '/api/persons', { name: '钱轮换', idNumber: ID_NUMBER, phone: SAMPLE_PHONES[0], jurisdictionCode: GRID, tags: ['elderly_alone'], address: '和平社区 1 号楼' }), 201);
  ok(await call(county, 'PATCH', `/api/persons/${person.id}`, { address: '和平社区 2 号楼', reason: '搬家' })); // a history version
  // An external supporter's ID number (sealed, blind-indexed).
  const supporter = ok(await call(county, 'POST', `/api/persons/${person.id}/supporters`, { relation: 'sibling', name: '钱轮兄', idNumber: SUPPORTER_ID }), 201);
  const household = ok(await call(county, 'POST', '/api/households', { jurisdictionCode: GRID, headPersonId: person.id, bankName: '中国农业银行', bankAccount: BANK_ACCOUNT, accountHolder: '钱轮换' }), 201);

  const report = { channel: 'patrol', categoryCode: 'facility_repair', description: '楼道灯不亮', jurisdictionCode: GRID, contactName: '钱轮换', contactPhone: SAMPLE_PHONES[1] };
  const kept = ok(await call(grid, 'POST', '/api/requests', report), 201);
  const duplicate = ok(await call(grid, 'POST', '/api/requests', { ...report, description: '楼道灯又不亮了' }), 201);
  ok(await call(admin, 'POST', `/api/requests/${duplicate.id}/merge`, { intoId: kept.id, reason: '同一盏灯' })); // the caller becomes a follower
  const withPhoto = ok(await call(grid, 'POST', `/api/requests/${kept.id}/attachments?fileName=lamp.png`, png, 'image/png'));

  const opened = ok(await call(township, 'POST', '/api/cases', { program: 'dibao', applicantPersonId: person.id, channel: 'application' }), 201);
  const visited = ok(await call(township, 'POST', `/api/cases/${opened.id}/visits`, { kind: 'home_visit', visitedOn: todayLocal(), investigators: [{ name: '甲' }, { name: '乙' }], findings: '家中无劳动力', familyConfirmed: true }));
  const visitId = visited.visits[0].id;
  ok(await call(township, 'POST', `/api/cases/${opened.id}/attachments?fileName=form.pdf&kind=material`, pdf, 'application/pdf'));
  const withFiles = ok(await call(township, 'POST', `/api/cases/${opened.id}/attachments?fileName=home.jpg&kind=photo&visitId=${visitId}`, jpeg, 'image/jpeg'));

  const campaign = ok(await call(county, 'POST', '/api/campaigns', { name: '独居老人走访', jurisdictionCode: '140107', startsOn: addDays(todayLocal(), -10), endsOn: addDays(todayLocal(), 30), checklist: CHECKLIST_PRESETS.vaccination.checklist, criteria: { tags: ['elderly_alone'], under: GRID } }), 201);
  const [target] = ok(await call(grid, 'GET', `/api/campaigns/${campaign.id}/targets`)).items;
  const visit = ok(await call(grid, 'POST', `/api/campaigns/${campaign.id}/targets/${target.id}/visits`, { visitedOn: todayLocal(), result: 'unreachable' }), 201);
  ok(await call(grid, 'PUT', `/api/campaigns/${campaign.id}/targets/${target.id}/visits/${visit.visit.id}/photo`, webp, 'image/webp'), 204);

  // An organisation's contact phone, and the contact of whoever claimed a 微心愿.
  ok(await call(admin, 'POST', '/api/organisations', { kind: 'social_work', name: '和平社工站', creditCode: '53100000500021676K', jurisdictionCode: '140107', contactPhone: SAMPLE_PHONES[3] }), 201);
  const wish = ok(await call(grid, 'POST', '/api/wishes', { jurisdictionCode: GRID, beneficiaryKind: 'child', category: 'study', budgetFen: 20_000, publicText: '想要一个新书包' }), 201);
  ok(await call(grid, 'POST', `/api/wishes/${wish.id}/claim`, { claimantKind: 'donor', claimantName: '爱心人士', claimantPhone: SAMPLE_PHONES[4] }));

  const ledger = `${LEDGER_HEADERS.join(',')}\n孙台账,${SAMPLE_ID_NUMBERS[0]},,,${SAMPLE_PHONES[2]},140107001001,,,,\n`;
  const upload = ok(await call(township, 'POST', `/api/imports/persons?fileName=ledger.csv`, Buffer.from(ledger), 'text/csv'), 201);
  await worker.drain();
  assert.equal(ok(await call(township, 'GET', `/api/imports/${upload.id}`)).status, 'validated');

  // ── before: every declared column holds values under k1 ──
  assert.equal(testKeyRing.current, 'k1');
  const before = (await findValuesUnderKey(t.database.db, 'k1')).map((f) => `${f.table}.${f.column}`).sort();
  assert.deepEqual(DECLARED.filter((c) => !before.includes(c)), [], `filled through the API: ${before.join(', ')}`);

  // ── rotate, crashing after the first batch of uploaded ledgers, then run again ──
  const nextJson = generateKeyRingJson(ringJson(testKeyRing));
  const next = parseKeyRing(nextJson);
  assert.equal(next.current, 'k2');
  await assert.rejects(
    reencryptAll(t.database, next, (p) => {
      if (p.table === 'imports' && p.done > 0) throw new Error('killed');
    }),
    /killed/,
  );
  const midway = await sealedValuesByKey(t.database);
  assert.ok(midway.some((r) => r.keyId === 'k2') && midway.some((r) => r.keyId === 'k1'), 'the crash left some values rotated, others not');
  const resumed = await reencryptAll(t.database, next);
  assert.ok(resumed.rewritten > 0);
  assert.deepEqual(resumed.unreadable, []);
  assert.equal((await reencryptAll(t.database, next)).rewritten, 0, 'a further run has nothing to do');
  assert.deepEqual([...new Set((await sealedValuesByKey(t.database)).map((r) => r.keyId))], ['k2']);

  // ── retire k1 ──
  const retired = parseKeyRing(keyRingWithout(nextJson, 'k1'));
  assert.deepEqual([...retired.keys.keys()], ['k2']);

  // (b) nothing anywhere under k1 (every table, every text-like, bytea and json column)
  assert.deepEqual(await findValuesUnderKey(t.database.db, 'k1'), []);
  // … and the scan does see the current key's values (it is not blind)
  const underK2 = (await findValuesUnderKey(t.database.db, 'k2')).map((f) => `${f.table}.${f.column}`).sort();
  assert.deepEqual(underK2, before);

  // (a) every value opens without k1: in the database …
  const counts = await openEverything(retired);
  assert.deepEqual(DECLARED.filter((c) => !(counts.get(c)! > 0)), [], JSON.stringify(Object.fromEntries(counts)));

  // … and through the API of an app that has only k2
  const services = createServices(t.config, t.database, retired);
  const app = await buildApp({ config: t.config, database: t.database, services }, { logger: false, serveWeb: false });
  await app.ready();
  try {
    const get = async (s: Session, url: string) => {
      const res = await app.inject({ method: 'GET', url, headers: s.headers });
      assert.equal(res.statusCode, 200, `${url}: ${res.body.slice(0, 300)}`);
      return res;
    };
    // (c) the blind index still finds the person by ID number
    const found = (await get(county, `/api/persons?q=${ID_NUMBER}`)).json();
    assert.deepEqual(found.items.map((p: { id: number }) => p.id), [person.id]);
    const revealed = await app.inject({ method: 'POST', url: `/api/persons/${person.id}/reveal`, headers: county.headers, payload: { field: 'idNumber', reason: '轮换后核对身份' } });
    assert.equal(revealed.json().value, ID_NUMBER);
    assert.equal((await get(county, `/api/persons/${person.id}/as-of?date=${todayLocal()}`)).json().idNumberMasked, '1401**********1230');
    assert.match((await get(county, `/api/households/${household.id}`)).json().bankAccountMasked, /8901$/);
    const supporterRevealed = await app.inject({ method: 'POST', url: `/api/persons/${person.id}/supporters/${supporter.id}/reveal`, headers: county.headers, payload: { reason: '轮换后核对义务人' } });
    assert.equal(supporterRevealed.json().value, SUPPORTER_ID);
    const request = (await get(grid, `/api/requests/${kept.id}`)).json();
    assert.equal(request.contactPhoneMasked, '137****1111');
    assert.equal(request.followers[0].phoneMasked, '137****1111');
    assert.deepEqual((await get(grid, `/api/requests/${kept.id}/attachments/${withPhoto.attachments[0].id}`)).rawPayload, png);
    const [form, photo] = withFiles.attachments;
    assert.deepEqual((await get(township, `/api/cases/${opened.id}/attachments/${form.id}`)).rawPayload, pdf);
    assert.deepEqual((await get(township, `/api/cases/${opened.id}/attachments/${photo.id}`)).rawPayload, jpeg);
    assert.deepEqual((await get(grid, `/api/campaigns/${campaign.id}/targets/${target.id}/visits/${visit.visit.id}/photo`)).rawPayload, webp);
    assert.match(String((await get(township, `/api/imports/${upload.id}/report`)).headers['content-type']), /spreadsheetml/);
  } finally {
    await app.close();
  }
});
