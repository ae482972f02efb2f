// Migration 0010 on data written before it: rows of the three old attachment tables (as 0008 left
// them, written in 0008's SQL) move into the one attachments table and open through the new
// service and the old API paths, byte for byte.
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../platform/db/client.ts';
import { migrateDatabase } from '../../platform/db/migrate.ts';
import { loadConfig } from '../../platform/config.ts';
import { createSensitiveFields } from '../../platform/crypto/sensitive.ts';
import { createServices } from '../../app/services.ts';
import { buildApp } from '../../app/http.ts';
import { prepareDatabase } from '../../app/prepare.ts';
import { DEMO_PASSWORD, seedDemo } from '../../seed/demo.ts';
import { SYSTEM_ACTOR } from '../audit/audit.service.ts';
import { createUnmigratedDatabase, testDriver } from '../../../test/support/db.ts';
import { migrationsUpTo } from '../../../test/support/migrations.ts';
import { testKeyRing } from '../../../test/support/app.ts';

const GRID = '140107001001001';
const TOWNSHIP = '140107001';
const pdf = Buffer.from('%PDF-1.4\n低保申请书 scanned form\n%%EOF');
const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('入户照片 bytes')]);
const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('现场照片 bytes')]);
const webp = Buffer.concat([Buffer.from('RIFF'), Buffer.from([0x10, 0, 0, 0]), Buffer.from('WEBPVP8 走访照片')]);

test(`0010 moves case, visit, request and campaign files into one table; they open as before (${testDriver})`, { timeout: 120_000 }, async () => {
  const database = await createUnmigratedDatabase();
  try {
    await migrateDatabase(database, migrationsUpTo('0008_import_light_indexes'));
    const seal = createSensitiveFields(testKeyRing).sealFile;
    const db = database.db;
    const one = async <T>(q: ReturnType<typeof sql>) => (await queryRows<T>(db, q))[0]!;

    // ── as 0008 left it ── (ids of each kind apart, so an owner mixed up with another shows)
    await db.execute(sql`select setval('assistance_cases_id_seq', 10), setval('case_visits_id_seq', 20), setval('help_requests_id_seq', 30), setval('campaign_visits_id_seq', 40)`);
    await db.execute(sql`insert into jurisdictions (code, name, level, parent_code) values
      ('14', '山西省', 'province', null), ('1401', '太原市', 'city', '14'), ('140107', '杏花岭区', 'county', '1401'),
      ('140107001', '巨轮街道', 'township', '140107'), ('140107001001', '和平社区', 'village', '140107001'), (${GRID}, '和平社区第一网格', 'grid', '140107001001')`);
    const { id: personId } = await one<{ id: number }>(sql`insert into persons (name, name_pinyin, name_initials, jurisdiction_code) values ('赵迁移', 'zhao qian yi', 'zqy', ${GRID}) returning id`);
    const { id: caseId } = await one<{ id: number }>(sql`insert into assistance_cases (case_no, program, procedure, state, applicant_person_id, jurisdiction_code, channel, step_started_on, received_on)
      values ('DB-MIG-0001', 'dibao', 'general', 'investigating', ${personId}, ${TOWNSHIP}, 'application', '2026-01-05', '2026-01-05') returning id`);
    const { id: caseVisitId } = await one<{ id: number }>(sql`insert into case_visits (case_id, kind, visited_on, investigators, findings)
      values (${caseId}, 'home_visit', '2026-01-06', '[{"name":"甲"},{"name":"乙"}]'::jsonb, '家中无劳动力') returning id`);
    await db.execute(sql`insert into request_categories (code, name_zh, name_en, response_hours, resolution_hours) values ('facility_repair', '设施报修', 'Facility repair', 24, 72) on conflict do nothing`);
    const { id: requestId } = await one<{ id: number }>(sql`insert into help_requests (tracking_code, channel, category_code, state, description, jurisdiction_code, handler_code, response_due_at, resolution_due_at, submitted_by)
      values ('MIGR-0001', 'patrol', 'facility_repair', 'new', '路灯不亮', ${GRID}, ${GRID}, now() + interval '1 day', now() + interval '3 days', 'grid_worker') returning id`);
    const checklist = { results: [{ code: 'r1', label: '已走访', labelEn: 'visited', closes: false }], questions: [] };
    const { id: campaignId } = await one<{ id: number }>(sql`insert into campaigns (name, jurisdiction_code, starts_on, ends_on, checklist, created_by)
      values ('冬季走访', '140107', '2026-01-01', '2026-03-31', ${JSON.stringify(checklist)}::jsonb, 'admin') returning id`);
    const { id: targetId } = await one<{ id: number }>(sql`insert into campaign_targets (campaign_id, person_id, jurisdiction_code, source) values (${campaignId}, ${personId}, ${GRID}, 'manual') returning id`);
    const { id: campaignVisitId } = await one<{ id: number }>(sql`insert into campaign_visits (campaign_id, target_id, visited_on, result, closes, visitor_name)
      values (${campaignId}, ${targetId}, '2026-01-10', 'r1', false, '网格员') returning id`);

    const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
    await db.execute(sql`insert into case_attachments (case_id, visit_id, kind, file_name, mime_type, size_bytes, sha256, content, created_at) values
      (${caseId}, null, 'material', '申请书.pdf', 'application/pdf', ${pdf.length}, ${sha(pdf)}, ${seal(pdf)}, '2026-01-05T09:00:00+08:00'),
      (${caseId}, ${caseVisitId}, 'photo', '入户照片.jpg', 'image/jpeg', ${jpeg.length}, ${sha(jpeg)}, ${seal(jpeg)}, '2026-01-06T10:00:00+08:00')`);
    await db.execute(sql`insert into help_request_attachments (request_id, file_name, mime_type, size_bytes, sha256, content, created_at)
      values (${requestId}, '现场照片.png', 'image/png', ${png.length}, ${sha(png)}, ${seal(png)}, '2026-01-07T11:00:00+08:00')`);
    await db.execute(sql`insert into campaign_visit_photos (visit_id, mime_type, size_bytes, sha256, content, created_at)
      values (${campaignVisitId}, 'image/webp', ${webp.length}, ${sha(webp)}, ${seal(webp)}, '2026-01-10T12:00:00+08:00')`);

    // ── the rest of the migrations, as a start-up would apply them ──
    await prepareDatabase(database);
    const gone = await one<{ n: number }>(sql`select count(*)::int as n from (values ('case_attachments'), ('help_request_attachments'), ('campaign_visit_photos')) t(name) where to_regclass(t.name) is not null`);
    assert.equal(gone.n, 0, 'the old tables are dropped');

    const services = createServices(loadConfig({ LOG_LEVEL: 'silent' }), database, testKeyRing);
    const files = await services.attachments.list([
      { kind: 'case', ids: [caseId] },
      { kind: 'case_visit', ids: [caseVisitId] },
      { kind: 'help_request', ids: [requestId] },
      { kind: 'campaign_visit', ids: [campaignVisitId] },
    ]);
    assert.deepEqual(
      files.map((f) => [f.ownerKind, f.ownerId, f.jurisdictionCode, f.kind, f.fileName, f.mediaType, f.sizeBytes]),
      [
        ['case', caseId, TOWNSHIP, 'material', '申请书.pdf', 'application/pdf', pdf.length],
        ['case_visit', caseVisitId, TOWNSHIP, 'photo', '入户照片.jpg', 'image/jpeg', jpeg.length],
        ['help_request', requestId, GRID, null, '现场照片.png', 'image/png', png.length],
        ['campaign_visit', campaignVisitId, GRID, 'photo', `visit-${campaignVisitId}.webp`, 'image/webp', webp.length],
      ],
      'every row moved, in upload order, with its owner and its owner’s place',
    );
    const owners = [{ kind: 'case', ids: [caseId] }, { kind: 'case_visit', ids: [caseVisitId] }, { kind: 'help_request', ids: [requestId] }, { kind: 'campaign_visit', ids: [campaignVisitId] }];
    const opened = await Promise.all(files.map(async (f) => (await services.attachments.open(owners, f.id, SYSTEM_ACTOR, { jurisdictionCode: f.jurisdictionCode })).content));
    assert.deepEqual(opened, [pdf, jpeg, png, webp]);

    // The API paths the web uses serve the moved files.
    await seedDemo(database, services);
    const app = await buildApp({ config: loadConfig({ LOG_LEVEL: 'silent' }), database, services }, { logger: false, serveWeb: false });
    await app.ready();
    try {
      const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin', password: DEMO_PASSWORD } });
      const jar = Object.fromEntries(login.cookies.map((c) => [c.name, c.value]));
      const headers = { cookie: `lm_session=${jar.lm_session}; lm_csrf=${jar.lm_csrf}` };
      const get = (url: string) => app.inject({ method: 'GET', url, headers });
      const detail = (await get(`/api/cases/${caseId}`)).json();
      assert.deepEqual(detail.attachments.map((a: { visitId: number | null; kind: string; mimeType: string }) => [a.visitId, a.kind, a.mimeType]), [[null, 'material', 'application/pdf'], [caseVisitId, 'photo', 'image/jpeg']]);
      assert.deepEqual((await get(`/api/cases/${caseId}/attachments/${detail.attachments[1].id}`)).rawPayload, jpeg);
      const request = (await get(`/api/requests/${requestId}`)).json();
      assert.deepEqual(request.attachments.map((a: { requestId: number; fileName: string }) => [a.requestId, a.fileName]), [[requestId, '现场照片.png']]);
      assert.deepEqual((await get(`/api/requests/${requestId}/attachments/${request.attachments[0].id}`)).rawPayload, png);
      const target = (await get(`/api/campaigns/${campaignId}/targets/${targetId}`)).json();
      assert.equal(target.visits[0].hasPhoto, true);
      const photo = await get(`/api/campaigns/${campaignId}/targets/${targetId}/visits/${campaignVisitId}/photo`);
      assert.equal(photo.headers['content-type'], 'image/webp');
      assert.deepEqual(photo.rawPayload, webp);
    } finally {
      await app.close();
    }
  } finally {
    await database.close();
  }
});

