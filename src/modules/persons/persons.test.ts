import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { createTestApp, type Session, type TestApp } from '../../../test/support/app.ts';
import { queryRows } from '../../platform/db/client.ts';
import { makeIdNumber } from '../../lib/id-number.ts';
import { SAMPLE_ID_NUMBERS } from '../../../test/support/sensitive-samples.ts';

let t: TestApp;
let xhl: Session; // county approver, 杏花岭区
let wbl: Session; // county approver, 万柏林区
before(async () => {
  t = await createTestApp();
  xhl = await t.login('xhl_approver');
  wbl = await t.login('wbl_approver');
});
after(() => t.close());

const inject = (s: Session, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: s.headers, ...(payload ? { payload } : {}) });

const zhang = { name: '张三', idNumber: SAMPLE_ID_NUMBERS[1], phone: '13912345678', jurisdictionCode: '140107001001001', tags: ['elderly_alone'], address: '巨轮街道和平社区 3 号楼' };

test('register a person: sex and birth date come from the ID number; sensitive values are masked and encrypted', async () => {
  const res = await inject(xhl, 'POST', '/api/persons', zhang);
  assert.equal(res.statusCode, 201, res.body);
  const p = res.json();
  assert.equal(p.sex, 'male');
  assert.equal(p.birthDate, '1990-01-01');
  assert.equal(p.idNumberMasked, '1401**********1230');
  assert.equal(p.phoneMasked, '139****5678');
  assert.equal(p.jurisdictionName, '第一网格');
  const [row] = await queryRows<Record<string, string>>(t.database.db, sql`select * from persons where id = ${p.id}`);
  assert.equal(JSON.stringify(row).includes(SAMPLE_ID_NUMBERS[1]!), false);
  assert.equal(JSON.stringify(row).includes('13912345678'), false);
});

test('the same ID number is one person, even from another area (which learns only that it exists)', async () => {
  const again = await inject(xhl, 'POST', '/api/persons', { ...zhang, name: '张叁' });
  assert.equal(again.statusCode, 409);
  assert.match(again.json().messageZh, /已登记（人员编号/);
  const elsewhere = await inject(wbl, 'POST', '/api/persons', { ...zhang, jurisdictionCode: '140109001001001' });
  assert.equal(elsewhere.statusCode, 409);
  assert.match(elsewhere.json().messageZh, /其他辖区/);
  assert.doesNotMatch(elsewhere.body, /140107|人员编号/);
});

test('search by name, pinyin initials, full pinyin, ID number, last 4 and phone — within scope only', async () => {
  for (const q of ['张三', '张', 'zs', 'zhangs', SAMPLE_ID_NUMBERS[1]!, '1230', '13912345678']) {
    const mine = (await inject(xhl, 'GET', `/api/persons?q=${encodeURIComponent(q)}`)).json();
    assert.deepEqual(mine.items.map((p: { name: string }) => p.name), ['张三'], `search ${q}`);
    const theirs = (await inject(wbl, 'GET', `/api/persons?q=${encodeURIComponent(q)}`)).json();
    assert.equal(theirs.total, 0, `other area, search ${q}`);
  }
  assert.equal((await inject(xhl, 'GET', '/api/persons?tag=elderly_alone')).json().total, 1);
});

test('bad input names each field in both languages; database checks too', async () => {
  const bad = await inject(xhl, 'POST', '/api/persons', { name: '', idNumber: '140107199001011234', jurisdictionCode: '140107', disabilityCategory: 'visual' });
  assert.equal(bad.statusCode, 400);
  const fields = bad.json().fields.map((f: { field: string }) => f.field).sort();
  assert.deepEqual(fields, ['disabilityGrade', 'idNumber', 'name']);
  const db = await inject(xhl, 'POST', '/api/persons', { name: '李四', idNumber: makeIdNumber('140107', '1985-06-01', 11), sex: 'female', jurisdictionCode: '140109001001', tags: ['no_such_tag'] });
  assert.equal(db.statusCode, 400);
  const problems = Object.fromEntries(db.json().fields.map((f: { field: string; messageZh: string }) => [f.field, f.messageZh]));
  assert.match(problems.jurisdictionCode, /不在本辖区/);
  assert.match(problems.sex, /与身份证号码不符/);
  assert.match(problems.tags, /未知取值：no_such_tag/);
});

test('changes are versioned: the facts as of an earlier date come back', async () => {
  const [p] = (await inject(xhl, 'GET', '/api/persons?q=zs')).json().items;
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  await t.database.db.execute(sql`update registry_history set valid_from = valid_from - interval '30 days' where entity = 'person' and entity_id = ${p.id}`);
  const changed = await inject(xhl, 'PATCH', `/api/persons/${p.id}`, { address: '巨轮街道和平社区 9 号楼', workCapacity: 'partial', reason: '入户核查：已搬家' });
  assert.equal(changed.statusCode, 200);
  assert.equal(changed.json().version, 2);
  const earlier = new Date(Date.now() + 8 * 3600_000 - 20 * 86_400_000).toISOString().slice(0, 10);
  const asOf = (await inject(xhl, 'GET', `/api/persons/${p.id}/as-of?date=${earlier}`)).json();
  assert.equal(asOf.address, '巨轮街道和平社区 3 号楼');
  assert.equal(asOf.workCapacity, null);
  assert.equal((await inject(xhl, 'GET', `/api/persons/${p.id}/as-of?date=${today}`)).json().address, '巨轮街道和平社区 9 号楼');
  const history = (await inject(xhl, 'GET', `/api/persons/${p.id}/history`)).json();
  assert.deepEqual(history.items.map((v: { version: number; reason: string | null }) => [v.version, v.reason]), [[2, '入户核查：已搬家'], [1, null]]);
  const tooEarly = await inject(xhl, 'GET', `/api/persons/${p.id}/as-of?date=2000-01-01`);
  assert.equal(tooEarly.statusCode, 404);
  const [audit] = (await inject(xhl, 'GET', `/api/audit?entity=person&entityId=${p.id}&action=update`)).json().items;
  assert.deepEqual(Object.keys(audit.changes).sort(), ['address', 'workCapacity']);
});

test('revealing the full ID number needs a reason and is audited; other areas get 404', async () => {
  const [p] = (await inject(xhl, 'GET', '/api/persons?q=zs')).json().items;
  const revealed = await inject(xhl, 'POST', `/api/persons/${p.id}/reveal`, { field: 'idNumber', reason: '办理低保申请核对身份' });
  assert.equal(revealed.json().value, SAMPLE_ID_NUMBERS[1]);
  assert.equal((await inject(wbl, 'POST', `/api/persons/${p.id}/reveal`, { field: 'idNumber', reason: '越权查看测试' })).statusCode, 404);
  assert.equal((await inject(wbl, 'GET', `/api/persons/${p.id}`)).statusCode, 404);
  const grid = await t.login('grid_worker');
  assert.equal((await inject(grid, 'POST', `/api/persons/${p.id}/reveal`, { field: 'idNumber', reason: '网格员无权查看' })).statusCode, 403);
});

test('likely duplicates are listed and merged, keeping history', async () => {
  const a = (await inject(xhl, 'POST', '/api/persons', { name: '王秀英', birthDate: '1950-03-03', sex: 'female', jurisdictionCode: '140107001001' })).json();
  const b = (await inject(xhl, 'POST', '/api/persons', { name: '王秀英', idNumber: makeIdNumber('140107', '1950-03-03', 22), jurisdictionCode: '140107001001001' })).json();
  const dups = (await inject(xhl, 'GET', '/api/persons/duplicates')).json();
  assert.equal(dups.statusCode, undefined);
  assert.deepEqual(dups.items.find((d: { a: number }) => d.a === a.id), { a: a.id, b: b.id, reason: 'same_name_birth_date' });
  const merged = await inject(xhl, 'POST', `/api/persons/${a.id}/merge`, { intoId: b.id, reason: '同一人重复登记' });
  assert.equal(merged.statusCode, 200);
  assert.equal(merged.json().idNumberMasked?.endsWith(b.idNumberMasked.slice(-4)), true);
  const search = (await inject(xhl, 'GET', `/api/persons?q=${encodeURIComponent('王秀英')}`)).json();
  assert.deepEqual(search.items.map((p: { id: number }) => p.id), [b.id], 'the merged record leaves the search');
  assert.equal((await inject(xhl, 'GET', `/api/persons/${a.id}/history`)).json().items.length, 2);
});

test('export to .xlsx: masked by default, revealed only with permission, audited either way', async () => {
  const ExcelJS = (await import('exceljs')).default;
  const read = async (body: Buffer) => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(body as never);
    const ws = wb.worksheets[0]!;
    const rows: string[][] = [];
    ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
    return rows;
  };
  const masked = await t.app.inject({ method: 'GET', url: '/api/persons/export?q=zs', headers: xhl.headers });
  assert.equal(masked.statusCode, 200);
  assert.match(String(masked.headers['content-type']), /spreadsheetml/);
  const rows = await read(masked.rawPayload);
  assert.equal(rows[0]![0], '姓名');
  assert.equal(rows.length, 2);
  assert.equal(rows[1]![1], '1401**********1230');
  assert.equal(rows[1]![2], '男');
  assert.equal(rows.flat().join('|').includes('13912345678'), false);

  const grid = await t.login('grid_worker');
  assert.equal((await t.app.inject({ method: 'GET', url: '/api/persons/export?reveal=true', headers: grid.headers })).statusCode, 403);
  const revealed = await read((await t.app.inject({ method: 'GET', url: '/api/persons/export?q=zs&reveal=true', headers: xhl.headers })).rawPayload);
  assert.equal(revealed[1]![1], SAMPLE_ID_NUMBERS[1]);
  const audit = (await t.app.inject({ method: 'GET', url: '/api/audit?action=export', headers: xhl.headers })).json();
  assert.equal(audit.total, 2);
  assert.match(audit.items[0].reason, /REVEALED/);
  assert.doesNotMatch(JSON.stringify(audit), /zs|1230/, 'the search text is not kept');

  const theirs = await read((await t.app.inject({ method: 'GET', url: '/api/persons/export', headers: wbl.headers })).rawPayload);
  assert.equal(theirs.length, 1, 'another area exports only its header row');
});

test('the configurable lists come with both labels', async () => {
  const s = await t.login('grid_worker');
  const tags = (await t.app.inject({ method: 'GET', url: '/api/vocabularies/tag', headers: s.headers })).json();
  assert.ok(tags.items.some((i: { code: string; labelZh: string; labelEn: string }) => i.code === 'elderly_alone' && i.labelZh === '独居老人' && i.labelEn.length > 0));
  const ill = (await t.app.inject({ method: 'GET', url: '/api/vocabularies/illness', headers: s.headers })).json();
  assert.ok(ill.items.some((i: { code: string; labelZh: string }) => i.code === 'uraemia' && i.labelZh === '尿毒症'));
  assert.equal((await t.app.inject({ method: 'GET', url: '/api/vocabularies/other', headers: s.headers })).statusCode, 400);
});

test('optional facts can be cleared with null, versioned and audited', async () => {
  const s = await t.login('xhl_approver');
  const created = await t.app.inject({ method: 'POST', url: '/api/persons', headers: s.headers, payload: { name: '清空测试', idNumber: makeIdNumber('140107', '1966-02-03', 881), jurisdictionCode: '140107001001001', phone: '13912345678', disabilityCategory: 'physical', disabilityGrade: 3, address: '旧地址' } });
  assert.equal(created.statusCode, 201, created.body);
  const id = created.json().id;
  const half = await t.app.inject({ method: 'PATCH', url: `/api/persons/${id}`, headers: s.headers, payload: { disabilityGrade: null } });
  assert.equal(half.statusCode, 400, 'category without grade is refused');
  const res = await t.app.inject({ method: 'PATCH', url: `/api/persons/${id}`, headers: s.headers, payload: { phone: null, disabilityCategory: null, disabilityGrade: null, address: null, reason: '登记有误' } });
  assert.equal(res.statusCode, 200, res.body);
  const p = res.json();
  assert.deepEqual([p.phoneMasked, p.disabilityCategory, p.disabilityGrade, p.address], [null, null, null, null]);
  const history = (await t.app.inject({ method: 'GET', url: `/api/persons/${id}/history`, headers: s.headers })).json();
  assert.equal(history.items.length, 2);
});

test('search counts matches up to 1000 and says when there are more', async () => {
  const s = await t.login('xhl_approver');
  const search = async () => (await t.app.inject({ method: 'GET', url: '/api/persons?q=plx&limit=5', headers: s.headers })).json();
  await t.database.db.execute(sql`insert into persons (name, name_pinyin, name_initials, jurisdiction_code)
    select '裴乐欣' || g, 'peilexin', 'plx', '140107001001001' from generate_series(1, 999) g`);
  const exact = await search();
  assert.deepEqual([exact.total, exact.totalCapped], [999, false]);
  await t.database.db.execute(sql`insert into persons (name, name_pinyin, name_initials, jurisdiction_code)
    select '裴乐欣' || g, 'peilexin', 'plx', '140107001001001' from generate_series(1000, 1001) g`);
  const capped = await search();
  assert.deepEqual([capped.total, capped.totalCapped, capped.items.length], [1000, true, 5]);
});
