// Campaigns end to end through the API, on a clock fixed at 2026-03-10 (Asia/Shanghai): target
// lists from a registry query (age on the start date, tags, grid) and from a spreadsheet, grid
// assignment, visits and strike-off, re-visits, live progress by level, the ledger export, scoping.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { createTestApp, type Session, type TestApp } from '../../../test/support/app.ts';
import { queryRows } from '../../platform/db/client.ts';
import { makeIdNumber } from '../../lib/id-number.ts';
import { ageOn } from '../../lib/age.ts';
import { SYSTEM_ACTOR } from '../audit/audit.service.ts';
import { CHECKLIST_PRESETS } from './campaigns.schema.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const START = '2026-03-01';
const GRID1 = '140107001001001'; // 和平社区第一网格: the demo grid_worker
const GRID2 = '140107001001002'; // 和平社区第二网格: no grid worker at first
const COMMUNITY2 = '140107001002'; // 建设社区, people registered at community level (no grid)
const OTHER_TOWNSHIP_GRID = '140107002001001'; // 三桥街道, its own grid worker
const PASSWORD = 'Campaign#Pass2026';

let t: TestApp;
let county: Session; // xhl_approver, 杏花岭区 (may reveal)
let township: Session; // julun_reviewer, 巨轮街道
let grid: Session; // grid_worker, GRID1
let grid2: Session; // created below for GRID2
let outsider: Session; // wbl_approver, 万柏林区
const ids: Record<string, number> = {};
const idNumbers: Record<string, string> = {};
const births: Record<string, string> = {};
let gridWorkerId: number;
let grid2WorkerId = 0;
let otherGridWorkerId: number;
let townshipWorkerId: number;

const inject = (s: Session | null, method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: s?.headers ?? {}, ...(payload ? { payload } : {}) });

async function person(key: string, p: { name: string; birthDate?: string; code: string; tags?: string[]; seq?: number; deathDate?: string; noId?: boolean }) {
  const idNumber = p.birthDate && !p.noId ? makeIdNumber(p.code.slice(0, 6), p.birthDate, p.seq ?? Object.keys(ids).length + 100) : undefined;
  const created = await t.services.persons.create(
    { scope: '' },
    { name: p.name, jurisdictionCode: p.code, ...(p.birthDate ? { birthDate: p.birthDate } : {}), ...(idNumber ? { idNumber } : {}), ...(p.tags ? { tags: p.tags } : {}), ...(p.deathDate ? { deathDate: p.deathDate } : {}) },
    SYSTEM_ACTOR,
  );
  ids[key] = created.id;
  if (idNumber) idNumbers[key] = idNumber;
  if (p.birthDate) births[key] = p.birthDate;
  return created.id;
}

before(async () => {
  // 10:00 on 10 March 2026 in Asia/Shanghai.
  t = await createTestApp({}, { now: () => new Date('2026-03-10T02:00:00Z') });
  const make = async (username: string, roles: string[], code: string) =>
    (await t.services.auth.createUser({ username, displayName: username, password: PASSWORD, jurisdictionCode: code, roles })).id;
  otherGridWorkerId = await make('sanqiao_grid', ['grid_worker'], OTHER_TOWNSHIP_GRID);
  townshipWorkerId = await make('julun_social', ['social_worker'], '140107001');
  county = await t.login('xhl_approver');
  township = await t.login('julun_reviewer');
  grid = await t.login('grid_worker');
  outsider = await t.login('wbl_approver');
  const [row] = await queryRows<{ id: number }>(t.database.db, sql`select id from users where username = 'grid_worker'`);
  gridWorkerId = row!.id;

  // Ages on 2026-03-01 around 80.
  await person('exactly80', { name: '赵老汉', birthDate: '1946-03-01', code: GRID1 });
  await person('almost80', { name: '钱大妈', birthDate: '1946-03-02', code: GRID1 });
  await person('leap1944', { name: '孙奶奶', birthDate: '1944-02-29', code: GRID2, tags: ['elderly_alone'] });
  await person('leap1948', { name: '李爷爷', birthDate: '1948-02-29', code: GRID2 });
  await person('community', { name: '周老太', birthDate: '1940-07-15', code: COMMUNITY2 });
  await person('sanqiao', { name: '吴老伯', birthDate: '1938-01-20', code: OTHER_TOWNSHIP_GRID });
  await person('dead', { name: '郑故人', birthDate: '1930-05-05', code: GRID1, deathDate: '2025-12-01' });
  // A duplicate record merged into the kept one: only the kept one is listed.
  const kept = await person('kept', { name: '王秀英', birthDate: '1941-09-09', code: GRID1 });
  const dup = await person('dup', { name: '王秀英', birthDate: '1941-09-09', code: GRID1, noId: true });
  await t.services.persons.merge({ scope: '' }, dup, kept, '重复登记，合并', SYSTEM_ACTOR);
  await person('wanbailin', { name: '冯老人', birthDate: '1935-04-04', code: '140109001001001' });
  // Children and others.
  await person('child', { name: '陈小花', birthDate: '2015-06-01', code: GRID1, tags: ['child_in_difficulty'] });
  await person('child2', { name: '褚小明', birthDate: '2012-09-01', code: OTHER_TOWNSHIP_GRID, tags: ['child_in_difficulty', 'left_behind_child'] });
  await person('alone', { name: '卫独居', birthDate: '1950-01-01', code: GRID2, tags: ['elderly_alone'] });
  await person('adult18', { name: '蒋十八', birthDate: '2008-03-01', code: GRID1 });
  await person('adult17', { name: '沈十七', birthDate: '2008-03-02', code: GRID1 });
  await person('twin1', { name: '韩同名', birthDate: '1960-01-01', code: GRID1 });
  await person('twin2', { name: '韩同名', birthDate: '1961-01-01', code: GRID2 });
  await person('noBirth', { name: '杨无生日', code: GRID1 });
});
after(() => t.close());

const body = (extra: object = {}) => ({
  name: '80 岁以上老年人疫苗接种',
  jurisdictionCode: '140107',
  startsOn: START,
  endsOn: '2026-04-30',
  checklist: CHECKLIST_PRESETS.vaccination.checklist,
  ...extra,
});

async function targetsOf(s: Session, id: number, query = '') {
  const res = await inject(s, 'GET', `/api/campaigns/${id}/targets?limit=500${query}`);
  assert.equal(res.statusCode, 200, res.body);
  return res.json() as { items: { id: number; personId: number; name: string; status: string; assignee: { id: number } | null; age: number; revisitOn: string | null; due: boolean; jurisdictionCode: string; idNumberMasked: string | null }[]; total: number };
}
const keysOf = (items: { personId: number }[]) => items.map((i) => Object.keys(ids).find((k) => ids[k] === i.personId)).sort();

let vaccination: number;

test('a campaign of everyone 80+ in the county: age on the start date, alive, not merged, in the area; assigned by grid', async () => {
  const res = await inject(county, 'POST', '/api/campaigns', body({ criteria: { minAge: 80 } }));
  assert.equal(res.statusCode, 201, res.body);
  const c = res.json();
  vaccination = c.id;
  assert.equal(c.counts.total, 5);
  assert.deepEqual(c.checklist.results.map((r: { code: string; closes: boolean }) => `${r.code}:${r.closes}`), ['vaccinated:true', 'not_eligible:true', 'refused:true', 'unreachable:false']);
  assert.deepEqual(c.criteria, { under: '140107', minAge: 80 });
  const { items } = await targetsOf(county, vaccination);
  // 1946-03-01 is 80 on 2026-03-01, 1946-03-02 is not; the dead, the merged duplicate and 万柏林区 are left out.
  assert.deepEqual(keysOf(items), ['community', 'exactly80', 'kept', 'leap1944', 'sanqiao']);
  const byKey = Object.fromEntries(items.map((i) => [keysOf([i])[0], i]));
  assert.equal(byKey.exactly80!.age, 80);
  assert.equal(byKey.exactly80!.assignee?.id, gridWorkerId, 'GRID1 has the demo grid worker');
  assert.equal(byKey.kept!.assignee?.id, gridWorkerId);
  assert.equal(byKey.sanqiao!.assignee?.id, otherGridWorkerId);
  assert.equal(byKey.leap1944!.assignee, null, 'GRID2 has no grid worker yet: unassigned');
  assert.equal(byKey.community!.assignee, null, 'a person registered at community level is in no grid');
  assert.match(byKey.exactly80!.idNumberMasked!, /^1401\*+\d{3}[\dX]$/);
  assert.equal(c.counts.unassigned, 2);
  // Building again adds nobody: the list is a set.
  const again = await inject(county, 'POST', `/api/campaigns/${vaccination}/targets/build`, { criteria: { minAge: 80 } });
  assert.equal(again.statusCode, 200, again.body);
  assert.equal(again.json().added, 0);
  assert.equal(again.json().alreadyListed, 5);
});

test('the age boundary follows ageOn on every start date, 29 February included (query count = counted in JS)', async () => {
  const alive = Object.keys(births).filter((k) => !['dead', 'dup', 'wanbailin'].includes(k));
  for (const startsOn of ['2026-03-01', '2026-02-28', '2028-02-28', '2028-02-29', '2027-03-01', '2024-02-29', '2025-02-28']) {
    for (const criteria of [{ minAge: 80 }, { maxAge: 17 }, { minAge: 18, maxAge: 79 }, { minAge: 78, maxAge: 80 }]) {
      const res = await inject(county, 'POST', '/api/campaigns/preview', { jurisdictionCode: '140107', startsOn, criteria });
      assert.equal(res.statusCode, 200, res.body);
      const expected = alive.filter((k) => {
        const age = ageOn(births[k]!, startsOn);
        return age >= (criteria.minAge ?? 0) && age <= (criteria.maxAge ?? 999);
      });
      assert.equal(res.json().count, expected.length, `${startsOn} ${JSON.stringify(criteria)}: expected ${expected.join(',')}`);
    }
  }
  // 1948-02-29 turns 80 on 2028-02-29 (a leap day), not on the 28th.
  const grid2On = async (startsOn: string) =>
    (await inject(county, 'POST', '/api/campaigns/preview', { jurisdictionCode: GRID2, startsOn, criteria: { minAge: 80, maxAge: 80 } })).json().count;
  assert.equal(await grid2On('2028-02-28'), 0);
  assert.equal(await grid2On('2028-02-29'), 1);
});

test('targets by tag and grid: 困境儿童 in the county, 独居老人 in one grid; tags must exist; the place must lie in the area', async () => {
  const children = await inject(county, 'POST', '/api/campaigns', body({ name: '困境儿童走访', checklist: CHECKLIST_PRESETS.childVisit.checklist, criteria: { tags: ['child_in_difficulty'] } }));
  assert.equal(children.statusCode, 201, children.body);
  assert.deepEqual(keysOf((await targetsOf(county, children.json().id)).items), ['child', 'child2']);
  const alone = await inject(county, 'POST', '/api/campaigns', body({ name: '独居老人冬季走访', checklist: CHECKLIST_PRESETS.winterCheck.checklist, criteria: { tags: ['elderly_alone'], under: GRID2 } }));
  assert.deepEqual(keysOf((await targetsOf(county, alone.json().id)).items), ['alone', 'leap1944']);
  const both = await inject(county, 'POST', '/api/campaigns/preview', { jurisdictionCode: '140107', startsOn: START, criteria: { tags: ['child_in_difficulty', 'left_behind_child'], tagMode: 'all' } });
  assert.equal(both.json().count, 1);
  const bad = await inject(county, 'POST', '/api/campaigns', body({ jurisdictionCode: '140107001', criteria: { tags: ['no_such_tag'], under: '140107002' } }));
  assert.equal(bad.statusCode, 400);
  assert.deepEqual(bad.json().fields.map((f: { field: string }) => f.field).sort(), ['criteria.tags', 'criteria.under']);
  const noClose = await inject(county, 'POST', '/api/campaigns', body({ checklist: { results: [{ label: '联系不上', closes: false }] } }));
  assert.equal(noClose.statusCode, 400);
  assert.match(noClose.body, /至少要有一个可销号的走访结果/);
  const elsewhere = await inject(county, 'POST', '/api/campaigns', body({ jurisdictionCode: '140109' }));
  assert.equal(elsewhere.statusCode, 400);
  assert.match(elsewhere.json().fields[0].messageZh, /不在本辖区/);
});

async function xlsx(rows: unknown[][], headers = ['姓名', '公民身份号码']): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('名单');
  ws.addRow(['XX社区困境儿童台账']);
  ws.addRow(headers);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

test('a list imported from Excel: matched by ID number or by a unique name; every other row reported with its reason', async () => {
  const created = await inject(county, 'POST', '/api/campaigns', body({ name: '导入名单走访', checklist: CHECKLIST_PRESETS.winterCheck.checklist }));
  assert.equal(created.statusCode, 201, created.body);
  const id = created.json().id;
  assert.equal(created.json().counts.total, 0);
  const unknownId = makeIdNumber('140107', '1950-05-05', 999);
  const file = await xlsx([
    ['赵老汉', idNumbers.exactly80], // row 3: by ID
    ['陈小花', ''], // 4: by unique name
    ['韩同名', null], // 4: two people share the name
    ['无此人', unknownId], // 5: not in the registry
    ['错号码', '140107199001011234'], // 6: bad check digit
    ['赵老汉', idNumbers.exactly80], // 7: the same person again
    ['钱大人', idNumbers.almost80], // 8: the name differs from the registry's
    ['郑故人', idNumbers.dead], // 9: deceased
    ['冯老人', idNumbers.wanbailin], // 10: lives outside the campaign area: reported as not found there
    ['数字号', 140107194603011000], // 11: Excel turned the ID number into a number
    ['吴老伯', idNumbers.sanqiao], // 12: by ID
  ]);
  // The import runs as a job: 202 with where to look, then the report once the job has run.
  const { createWorker } = await import('../../platform/jobs/index.ts');
  const { jobDefinitions } = await import('../../app/services.ts');
  const { createLogger } = await import('../../platform/logger.ts');
  const worker = createWorker({ db: t.database.db, definitions: jobDefinitions(t.services), log: createLogger('silent') });
  const finished = async (started: Awaited<ReturnType<typeof t.app.inject>>, s: Session = county) => {
    assert.equal(started.statusCode, 202, started.body);
    assert.equal(started.json().status, 'running');
    assert.equal(started.headers.location, started.json().statusUrl);
    await worker.drain();
    const res = await t.app.inject({ method: 'GET', url: started.json().statusUrl, headers: s.headers });
    assert.equal(res.statusCode, 200, res.body);
    return res;
  };
  const post = (dryRun: boolean, s: Session = county) =>
    t.app.inject({ method: 'POST', url: `/api/campaigns/${id}/targets/import?fileName=${encodeURIComponent('名单.xlsx')}&dryRun=${dryRun}`, headers: { ...s.headers, 'content-type': XLSX }, payload: file });
  const upload = async (dryRun: boolean) => {
    const done = await finished(await post(dryRun));
    assert.equal(done.json().status, 'done', done.body);
    return { body: done.body, json: () => done.json().report };
  };

  const dry = await upload(true);
  assert.deepEqual({ ...(dry.json() as object), rows: undefined }, { fileName: '名单.xlsx', dryRun: true, total: 11, matched: 3, added: 0, listed: 0, unmatched: 7, duplicate: 1, rows: undefined, rowsCapped: false });
  assert.equal((await targetsOf(county, id)).total, 0, 'a dry run adds nobody');

  const res = await upload(false);
  const report = res.json();
  assert.equal(report.added, 3);
  const reasons = Object.fromEntries(report.rows.map((r: { rowNumber: number; outcome: string; messageZh: string }) => [r.rowNumber, `${r.outcome}: ${r.messageZh}`]));
  // The title row is row 1 and the header row 2: data rows start at 3.
  assert.deepEqual(reasons, {
    5: 'unmatched: 本区域有 2 人同名，请填写身份证号码',
    6: 'unmatched: 本专项行动区域的人员库中没有此身份证号码',
    7: 'unmatched: 身份证号码校验码错误（应为 0）',
    8: 'duplicate: 与第 3 行为同一人',
    9: 'unmatched: 姓名与该身份证号码登记的姓名不一致',
    10: 'unmatched: 人员库登记为已死亡（2025-12-01）',
    11: 'unmatched: 本专项行动区域的人员库中没有此身份证号码',
    12: 'unmatched: Excel 把身份证号码存成了数字，末几位已丢失；请把该列设为文本格式后重新填写',
  });
  assert.doesNotMatch(res.body, new RegExp(idNumbers.wanbailin!), 'ID numbers come back masked');
  assert.deepEqual(keysOf((await targetsOf(county, id)).items), ['child', 'exactly80', 'sanqiao']);
  // Uploading the corrected file again adds nothing twice.
  const again = (await upload(false)).json();
  assert.equal(again.added, 0);
  assert.equal(again.listed, 3);
  // A CSV with names and birth dates tells the two 韩同名 apart.
  const csv = Buffer.from('\ufeff姓名,出生日期\n韩同名,1961-01-01\n', 'utf8');
  const byBirth = await finished(await t.app.inject({ method: 'POST', url: `/api/campaigns/${id}/targets/import?fileName=list.csv`, headers: { ...county.headers, 'content-type': 'text/csv' }, payload: csv }));
  assert.equal(byBirth.json().report.added, 1, byBirth.body);
  // A file with neither column fails as a whole, saying why; a grid worker may not import.
  const wrong = await finished(await t.app.inject({ method: 'POST', url: `/api/campaigns/${id}/targets/import?fileName=x.csv`, headers: { ...county.headers, 'content-type': 'text/csv' }, payload: Buffer.from('地址,电话\n某处,1\n') }));
  assert.equal(wrong.json().status, 'failed');
  assert.equal(wrong.json().report, null);
  assert.equal(wrong.json().failure.error, 'bad_request');
  assert.match(wrong.json().failure.messageZh, /公民身份号码.*姓名/);
  assert.equal((await post(false, grid)).statusCode, 403);
  // Another county sees neither the campaign nor its imports.
  assert.equal((await t.app.inject({ method: 'GET', url: wrong.json().statusUrl, headers: outsider.headers })).statusCode, 404);
  // Audited once per real (not dry) run.
  const audit = (await t.app.inject({ method: 'GET', url: '/api/audit?action=campaign.import', headers: (await t.login('admin')).headers })).json();
  assert.equal(audit.items.filter((e: { entityId: number | null }) => Number(e.entityId) === id).length, 3);
});

test('assignment: a new grid worker takes their grid’s open targets; manual assignment only to a worker covering the place', async () => {
  const worker = await t.services.auth.createUser({ username: 'heping_grid2', displayName: '第二网格网格员', password: PASSWORD, jurisdictionCode: GRID2, roles: ['grid_worker'] });
  grid2WorkerId = worker.id;
  grid2 = await t.login('heping_grid2', PASSWORD);
  const res = await inject(county, 'POST', `/api/campaigns/${vaccination}/assign`, {});
  assert.equal(res.statusCode, 200, res.body);
  assert.deepEqual(res.json(), { assigned: 1, stillUnassigned: 1 });
  const { items } = await targetsOf(county, vaccination, '&assignee=none');
  assert.deepEqual(keysOf(items), ['community']);
  const target = items[0]!;
  const wrong = await inject(county, 'PATCH', `/api/campaigns/${vaccination}/targets/${target.id}`, { assigneeUserId: otherGridWorkerId });
  assert.equal(wrong.statusCode, 400);
  assert.equal(wrong.json().fields[0].field, 'assigneeUserId');
  const ok = await inject(county, 'PATCH', `/api/campaigns/${vaccination}/targets/${target.id}`, { assigneeUserId: townshipWorkerId });
  assert.equal(ok.statusCode, 200, ok.body);
  assert.equal(ok.json().assignee.id, townshipWorkerId);
  const workers = (await inject(county, 'GET', `/api/campaigns/${vaccination}/workers`)).json().items;
  assert.ok(workers.some((w: { id: number; open: number }) => w.id === grid2WorkerId && w.open === 1));
  assert.equal((await inject(grid, 'PATCH', `/api/campaigns/${vaccination}/targets/${target.id}`, { assigneeUserId: null })).statusCode, 403);
});

test('visits: a result that does not close schedules a re-visit; a closing result strikes the target off; nothing after that', async () => {
  const { items } = await targetsOf(grid, vaccination);
  const target = items.find((i) => i.personId === ids.exactly80)!;
  const visit = (payload: object, s: Session = grid) => inject(s, 'POST', `/api/campaigns/${vaccination}/targets/${target.id}/visits`, payload);

  const unreachable = await visit({ visitedOn: '2026-03-05', result: 'unreachable', notes: '家中无人，邻居说去女儿家了', location: '和平社区 3 号楼', latitude: 37.87, longitude: 112.56 });
  assert.equal(unreachable.statusCode, 201, unreachable.body);
  assert.equal(unreachable.json().target.status, 'revisit');
  assert.equal(unreachable.json().target.revisitOn, '2026-03-08', '3 days after the visit');
  assert.equal(unreachable.json().target.due, true, 'due on 2026-03-10');
  assert.equal(unreachable.json().target.closedOn, null);
  assert.equal(unreachable.json().visit.visitorName, '和平社区网格员');

  // The due list: mine, and the ledger filter.
  const due = (await inject(grid, 'GET', '/api/campaigns/revisits?mine=true')).json();
  assert.deepEqual(due.items.map((i: { id: number; campaignName: string }) => [i.id, i.campaignName]), [[target.id, '80 岁以上老年人疫苗接种']]);
  assert.equal((await targetsOf(grid, vaccination, '&status=due')).total, 1);
  assert.equal((await inject(grid2, 'GET', '/api/campaigns/revisits?mine=true')).json().total, 0);

  const problems = await visit({ visitedOn: '2026-03-11', result: 'no_such_result', answers: { nope: 'x', needs_transport: 'yes' } });
  assert.equal(problems.statusCode, 400);
  assert.deepEqual(problems.json().fields.map((f: { field: string }) => f.field).sort(), ['answers.needs_transport', 'answers.nope', 'result', 'visitedOn']);
  const earlier = await visit({ visitedOn: '2026-03-04', result: 'vaccinated' });
  assert.match(earlier.json().messageZh, /不能早于上次走访日期/);

  const done = await visit({ visitedOn: '2026-03-10', result: 'vaccinated', answers: { needs_transport: true } });
  assert.equal(done.statusCode, 201, done.body);
  assert.equal(done.json().target.status, 'closed');
  assert.equal(done.json().target.closedOn, '2026-03-10');
  assert.equal(done.json().target.revisitOn, null);
  assert.equal(done.json().target.visitCount, 2);
  const again = await visit({ visitedOn: '2026-03-10', result: 'unreachable' });
  assert.equal(again.statusCode, 409);
  assert.match(again.json().messageZh, /已于 2026-03-10 销号/);

  const detail = (await inject(grid, 'GET', `/api/campaigns/${vaccination}/targets/${target.id}`)).json();
  assert.deepEqual(detail.visits.map((v: { result: string; closes: boolean }) => `${v.result}:${v.closes}`), ['vaccinated:true', 'unreachable:false']);
  assert.equal(detail.visits[1].location, '和平社区 3 号楼');
  const audit = await queryRows<{ action: string }>(t.database.db, sql`select action from audit_log where entity = 'campaign_target' and entity_id = ${String(target.id)} order by id`);
  assert.deepEqual(audit.map((a) => a.action), ['campaign.visit', 'campaign.strike_off']);

  // A photo of the visit, stored encrypted, shown to whoever sees the target.
  const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]);
  const put = await t.app.inject({ method: 'PUT', url: `/api/campaigns/${vaccination}/targets/${target.id}/visits/${detail.visits[0].id}/photo`, headers: { ...grid.headers, 'content-type': 'image/png' }, payload: png });
  assert.equal(put.statusCode, 204, put.body);
  const [stored] = await queryRows<{ content: Uint8Array }>(t.database.db, sql`select content from attachments where owner_kind = 'campaign_visit' and owner_id = ${detail.visits[0].id}`);
  assert.equal(Buffer.from(stored!.content).includes(png.subarray(0, 8)), false, 'the stored photo is encrypted');
  const got = await inject(county, 'GET', `/api/campaigns/${vaccination}/targets/${target.id}/visits/${detail.visits[0].id}/photo`);
  assert.equal(got.statusCode, 200);
  assert.equal(got.headers['content-type'], 'image/png');
  assert.deepEqual(got.rawPayload, png);
  const notImage = await t.app.inject({ method: 'PUT', url: `/api/campaigns/${vaccination}/targets/${target.id}/visits/${detail.visits[0].id}/photo`, headers: { ...grid.headers, 'content-type': 'image/png' }, payload: Buffer.from('not an image at all') });
  assert.equal(notImage.statusCode, 415);
});

test('required questions apply to a closing visit; the re-visit interval is set per campaign', async () => {
  const res = await inject(county, 'POST', '/api/campaigns', body({ name: '困境儿童走访（每周复访）', revisitDays: 7, checklist: CHECKLIST_PRESETS.childVisit.checklist, criteria: { tags: ['child_in_difficulty'], under: GRID1 } }));
  const id = res.json().id;
  const [target] = (await targetsOf(grid, id)).items;
  const url = `/api/campaigns/${id}/targets/${target!.id}/visits`;
  const notHome = await inject(grid, 'POST', url, { visitedOn: '2026-03-02', result: 'not_home' });
  assert.equal(notHome.statusCode, 201, notHome.body);
  assert.equal(notHome.json().target.revisitOn, '2026-03-09');
  const missing = await inject(grid, 'POST', url, { visitedOn: '2026-03-09', result: 'visited', answers: { living: '良好', school: '放假' } });
  assert.equal(missing.statusCode, 400);
  assert.deepEqual(missing.json().fields.map((f: { field: string }) => f.field).sort(), ['answers.guardian', 'answers.school']);
  const ok = await inject(grid, 'POST', url, { visitedOn: '2026-03-09', result: 'visited', answers: { living: '困难', school: '在校', guardian: '祖母监护', needs: '冬衣' } });
  assert.equal(ok.statusCode, 201, ok.body);
  assert.equal(ok.json().target.status, 'closed');
  // A closed campaign takes no more visits.
  const [other] = (await targetsOf(county, id, '&status=open')).items;
  assert.equal(other, undefined);
  const closed = await inject(county, 'PATCH', `/api/campaigns/${id}`, { status: 'closed' });
  assert.equal(closed.json().status, 'closed');
});

test('progress by jurisdiction, counted live: exact numbers and percent at grid, community, township and county', async () => {
  // Strike off 吴老伯 (三桥街道) too, and leave 孙奶奶 (GRID2) with a non-closing visit.
  const all = (await targetsOf(county, vaccination)).items;
  const of = (key: string) => all.find((i) => i.personId === ids[key])!;
  assert.equal((await inject(county, 'POST', `/api/campaigns/${vaccination}/targets/${of('sanqiao').id}/visits`, { visitedOn: '2026-03-06', result: 'not_eligible' })).statusCode, 201);
  assert.equal((await inject(grid2, 'POST', `/api/campaigns/${vaccination}/targets/${of('leap1944').id}/visits`, { visitedOn: '2026-03-09', result: 'unreachable' })).statusCode, 201);

  const res = await inject(county, 'GET', `/api/campaigns/${vaccination}/progress`);
  assert.equal(res.statusCode, 200, res.body);
  const p = res.json();
  const row = (code: string) => {
    const r = p.rows.find((x: { code: string }) => x.code === code);
    return r && [r.total, r.closed, r.revisit, r.pending, r.percent, r.due];
  };
  // targets: exactly80 (GRID1, closed), kept (GRID1, pending), leap1944 (GRID2, revisit due 03-12),
  // community (140107001002, pending), sanqiao (OTHER_TOWNSHIP_GRID, closed).
  assert.deepEqual([p.root.code, p.root.total, p.root.closed, p.root.percent], ['140107', 5, 2, 40]);
  assert.deepEqual(row('140107'), [5, 2, 1, 2, 40, 0]);
  assert.deepEqual(row('140107001'), [4, 1, 1, 2, 25, 0]);
  assert.deepEqual(row('140107001001'), [3, 1, 1, 1, 33.3, 0]);
  assert.deepEqual(row(GRID1), [2, 1, 0, 1, 50, 0]);
  assert.deepEqual(row(GRID2), [1, 0, 1, 0, 0, 0]);
  assert.deepEqual(row(COMMUNITY2), [1, 0, 0, 1, 0, 0]);
  assert.deepEqual(row('140107002'), [1, 1, 0, 0, 100, 0]);
  assert.deepEqual(row(OTHER_TOWNSHIP_GRID), [1, 1, 0, 0, 100, 0]);
  assert.deepEqual(p.rows.map((r: { code: string }) => r.code), ['140107', '140107001', '140107001001', GRID1, GRID2, COMMUNITY2, '140107002', '140107002001', OTHER_TOWNSHIP_GRID]);
  const names = Object.fromEntries(p.rows.map((r: { code: string; name: string; level: string; parentCode: string | null }) => [r.code, `${r.name}/${r.level}/${r.parentCode}`]));
  assert.equal(names[GRID2], '第二网格/grid/140107001001');
  assert.equal(names['140107'], '杏花岭区/county/null');
  // The campaign's own figures are the root's.
  const c = (await inject(county, 'GET', `/api/campaigns/${vaccination}`)).json();
  assert.deepEqual([c.counts.total, c.counts.closed, c.counts.percent], [5, 2, 40]);
});

test('scoping: a grid worker sees their grid, the township its communities, the county all; other counties nothing', async () => {
  const gridView = await targetsOf(grid, vaccination);
  assert.deepEqual(keysOf(gridView.items), ['exactly80', 'kept']);
  const gridProgress = (await inject(grid, 'GET', `/api/campaigns/${vaccination}/progress`)).json();
  assert.deepEqual(gridProgress.rows.map((r: { code: string; total: number }) => [r.code, r.total]), [[GRID1, 2]]);
  const townshipView = await targetsOf(township, vaccination);
  assert.deepEqual(keysOf(townshipView.items), ['community', 'exactly80', 'kept', 'leap1944']);
  assert.equal((await inject(township, 'GET', `/api/campaigns/${vaccination}`)).json().counts.total, 4);
  assert.equal((await targetsOf(county, vaccination)).total, 5);
  // The grid worker cannot open or visit another grid's target.
  const otherTarget = (await targetsOf(county, vaccination)).items.find((i) => i.jurisdictionCode === GRID2)!;
  assert.equal((await inject(grid, 'GET', `/api/campaigns/${vaccination}/targets/${otherTarget.id}`)).statusCode, 404);
  assert.equal((await inject(grid, 'POST', `/api/campaigns/${vaccination}/targets/${otherTarget.id}/visits`, { visitedOn: '2026-03-10', result: 'vaccinated' })).statusCode, 404);
  // The township sees the county campaign but may not change it; a grid worker may not set one up.
  const change = await inject(township, 'PATCH', `/api/campaigns/${vaccination}`, { name: '改名' });
  assert.equal(change.statusCode, 403);
  assert.equal(change.json().error, 'beyond_authority');
  assert.equal((await inject(grid, 'POST', '/api/campaigns', body({ jurisdictionCode: GRID1 }))).statusCode, 403);
  // 万柏林区 sees none of it.
  assert.equal((await inject(outsider, 'GET', `/api/campaigns/${vaccination}`)).statusCode, 404);
  assert.equal((await inject(outsider, 'GET', `/api/campaigns/${vaccination}/targets`)).statusCode, 404);
  const list = await inject(outsider, 'GET', '/api/campaigns');
  assert.equal(list.json().total, 0);
  assert.doesNotMatch(list.body, /140107|杏花岭/);
  // A grid worker's campaign list counts only their grid.
  const mine = (await inject(grid, 'GET', '/api/campaigns')).json().items.find((c: { id: number }) => c.id === vaccination);
  assert.equal(mine.counts.total, 2);
  assert.equal(mine.canManage, false);
});

async function readSheet(buffer: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as never);
  const ws = wb.worksheets[0]!;
  const rows: unknown[][] = [];
  ws.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
  return rows;
}

test('the ledger exports to .xlsx: the caller’s targets and filter, masked unless revealed by someone who may; audited', async () => {
  const masked = await inject(county, 'GET', `/api/campaigns/${vaccination}/export`);
  assert.equal(masked.statusCode, 200, masked.body);
  assert.equal(masked.headers['content-type'], XLSX);
  const rows = await readSheet(masked.rawPayload);
  assert.match(String(rows[0]![0]), /80 岁以上老年人疫苗接种（2026-03-01 至 2026-04-30）台账.*已脱敏/);
  const header = rows[1]!;
  assert.deepEqual(header.slice(0, 4), ['序号', '姓名', '公民身份号码', '性别']);
  const data = rows.slice(2);
  assert.equal(data.length, 5);
  const col = (name: string) => header.indexOf(name);
  const zhao = data.find((r) => r[col('姓名')] === '赵老汉')!;
  assert.equal(zhao[col('状态')], '已销号');
  assert.equal(zhao[col('最近走访结果')], '已接种');
  assert.equal(zhao[col('需要专车接送')], '是');
  assert.equal(zhao[col('责任人')], '和平社区网格员');
  assert.equal(zhao[col('年龄')], 80);
  assert.notEqual(zhao[col('公民身份号码')], idNumbers.exactly80);
  assert.match(String(zhao[col('公民身份号码')]), /^1401\*+/);
  assert.equal(data.find((r) => r[col('姓名')] === '孙奶奶')![col('状态')], '待复访');

  const revealed = await readSheet((await inject(county, 'GET', `/api/campaigns/${vaccination}/export?reveal=true&status=closed`)).rawPayload);
  assert.deepEqual(revealed.slice(2).map((r) => r[2]).sort(), [idNumbers.exactly80, idNumbers.sanqiao].sort());
  assert.equal((await inject(grid, 'GET', `/api/campaigns/${vaccination}/export?reveal=true`)).statusCode, 403);
  const gridRows = (await readSheet((await inject(grid, 'GET', `/api/campaigns/${vaccination}/export`)).rawPayload)).slice(2);
  assert.deepEqual(gridRows.map((r) => r[1]).sort(), ['王秀英', '赵老汉']);
  const audit = await queryRows<{ reason: string }>(t.database.db, sql`select reason from audit_log where action = 'export' and entity = 'campaign' order by id`);
  assert.equal(audit.length, 3);
  assert.match(audit[1]!.reason, /^REVEALED ledger export/);
});
