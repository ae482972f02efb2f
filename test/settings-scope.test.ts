// Settings and who may change them (issue #13 item 5). A setting without a jurisdiction applies to
// every area (request categories, national parameter values, routing rules for everywhere): only
// an administrator of the whole system changes it. A county-level setting carries its place and is
// changed only inside the caller's area. Every refusal comes in both languages.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type Session, type TestApp } from './support/app.ts';

let t: TestApp;
let system: Session; // admin, whole system
let wblAdmin: Session; // admin of 万柏林区 140109
let xhlApprover: Session; // county approver of 杏花岭区 140107
let wblApprover: Session;

before(async () => {
  t = await createTestApp();
  await t.services.auth.createUser({ username: 'wbl_admin', displayName: '万柏林区管理员', password: 'County#Admin9041', jurisdictionCode: '140109', roles: ['admin'] });
  system = await t.login('admin');
  wblAdmin = await t.login('wbl_admin', 'County#Admin9041');
  xhlApprover = await t.login('xhl_approver');
  wblApprover = await t.login('wbl_approver');
});
after(() => t.close());

const send = (s: Session, method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: unknown) =>
  t.app.inject({ method, url, headers: s.headers, ...(payload === undefined ? {} : { payload: payload as object }) });

function assertOnlySystemAdmin(res: { statusCode: number; json(): { error: string; message: string; messageZh: string } }) {
  assert.equal(res.statusCode, 403);
  const body = res.json();
  assert.equal(body.error, 'forbidden');
  assert.match(body.message, /Only an administrator of the whole system/);
  assert.match(body.messageZh, /仅全系统管理员可/);
}

const facilityRepair = { nameZh: '设施报修', nameEn: 'Facility repair', descriptionZh: '路灯、消防栓', responseHours: 4, resolutionHours: 72, active: false, sortOrder: 20 };

test('request categories (one list for every area): a county admin is refused and nothing changes; the system admin may', async () => {
  assertOnlySystemAdmin(await send(wblAdmin, 'PUT', '/api/request-categories/facility_repair', facilityRepair));
  assertOnlySystemAdmin(await send(wblAdmin, 'PUT', '/api/request-categories/new_kind', { ...facilityRepair, active: true }));
  const listed = (await send(xhlApprover, 'GET', '/api/request-categories')).json().items as { code: string; active: boolean }[];
  assert.equal(listed.find((c) => c.code === 'facility_repair')?.active, true, 'still active for every area');
  assert.equal(listed.some((c) => c.code === 'new_kind'), false);
  const publicList = (await t.app.inject({ method: 'GET', url: '/api/public/requests/categories' })).json().items as { code: string }[];
  assert.ok(publicList.some((c) => c.code === 'facility_repair'));
  // The service refuses too, whoever calls it (CLI, jobs).
  await assert.rejects(
    t.services.requests.saveCategory({ id: 1, roles: ['admin'], scope: '140109' }, 'facility_repair', facilityRepair, { kind: 'system', id: null, name: 'test', ip: null }),
    /whole system/,
  );
  const changed = await send(system, 'PUT', '/api/request-categories/facility_repair', { ...facilityRepair, responseHours: 3 });
  assert.equal(changed.statusCode, 200, changed.body);
  assert.equal(changed.json().responseHours, 3);
  assert.equal(changed.json().active, false);
});

test('routing rules carry their place: everywhere only by the system admin, otherwise inside one’s area', async () => {
  const rule = { categoryCode: 'mediation', handlerLevel: 'township', handlerRole: 'township_reviewer' };
  assertOnlySystemAdmin(await send(wblAdmin, 'POST', '/api/request-routes', { ...rule, jurisdictionCode: null }));
  assertOnlySystemAdmin(await send(wblApprover, 'POST', '/api/request-routes', rule));
  const elsewhere = await send(wblApprover, 'POST', '/api/request-routes', { ...rule, jurisdictionCode: '140107001' });
  assert.equal(elsewhere.statusCode, 400);
  assert.equal(elsewhere.json().fields[0].field, 'jurisdictionCode');
  assert.match(elsewhere.json().fields[0].messageZh, /本辖区/);
  const own = await send(wblApprover, 'POST', '/api/request-routes', { ...rule, jurisdictionCode: '140109' });
  assert.equal(own.statusCode, 200, own.body);
  assert.equal((await send(xhlApprover, 'DELETE', `/api/request-routes/${own.json().id}`)).statusCode, 404, 'another county’s rule is not there');

  const everywhere = await send(system, 'POST', '/api/request-routes', { ...rule, jurisdictionCode: null });
  assert.equal(everywhere.statusCode, 200, everywhere.body);
  // A county sees the rule for everywhere (it routes their requests too) but may not remove it.
  assert.ok((await send(wblAdmin, 'GET', '/api/request-routes')).json().items.some((r: { id: number }) => r.id === everywhere.json().id));
  assertOnlySystemAdmin(await send(wblAdmin, 'DELETE', `/api/request-routes/${everywhere.json().id}`));
  assert.equal((await send(system, 'DELETE', `/api/request-routes/${everywhere.json().id}`)).statusCode, 204);
});

test('policy parameters: national values only by the system admin; a county sets its own and below, never another’s', async () => {
  const entry = { key: 'linshi.township_limit_fen', from: '2026-01-01', value: 150_000, tag: 'L', source: '万柏林区民政局文件' };
  assertOnlySystemAdmin(await send(wblAdmin, 'POST', '/api/policy/parameters', { ...entry, jurisdiction: '' }));
  assertOnlySystemAdmin(await send(wblApprover, 'POST', '/api/policy/parameters', { ...entry, jurisdiction: '' }));
  const other = await send(wblApprover, 'POST', '/api/policy/parameters', { ...entry, jurisdiction: '140107' });
  assert.equal(other.statusCode, 403);
  assert.match(other.json().messageZh, /只能设置本辖区/);
  const own = await send(wblApprover, 'POST', '/api/policy/parameters', { ...entry, jurisdiction: '140109' });
  assert.equal(own.statusCode, 201, own.body);
  const national = await send(system, 'POST', '/api/policy/parameters', { ...entry, jurisdiction: '', source: '测试：全国值' });
  assert.equal(national.statusCode, 201, national.body);
});

test('the jurisdiction tree: a county admin changes only its own subtree', async () => {
  const foreign = await send(wblAdmin, 'POST', '/api/jurisdictions', { code: '140107099', name: '越界街道' });
  assert.equal(foreign.statusCode, 403);
  assert.match(foreign.json().messageZh, /本辖区/);
  assert.equal((await send(wblAdmin, 'PATCH', '/api/jurisdictions/140107001', { name: '改名' })).statusCode, 404);
  assert.equal((await send(wblAdmin, 'POST', '/api/jurisdictions', { code: '140109099', name: '新建街道' })).statusCode, 201);
});

test('inventory: every settings write is whole-system or scoped by place, and lists have no write route', async () => {
  const doc = (await t.app.inject({ method: 'GET', url: '/api/docs/json' })).json() as { paths: Record<string, Record<string, { 'x-permission'?: string; 'x-whole-system'?: boolean }>> };
  const writes = Object.entries(doc.paths).flatMap(([path, item]) => Object.entries(item).filter(([m]) => m !== 'get').map(([m, op]) => ({ path, method: m, op })));
  // Settings without a place of their own: whole-system only.
  for (const w of writes.filter((x) => x.path.startsWith('/api/request-categories'))) assert.equal(w.op['x-whole-system'], true, `${w.method} ${w.path}`);
  // Vocabularies (tags, illnesses), the materials checklists, the parameter catalogue and the
  // holiday calendar are changed by migrations and files, never through the API.
  assert.deepEqual(writes.filter((x) => /^\/api\/(vocabularies|policy\/programs|cases\/materials|calendar)/.test(x.path)).map((x) => `${x.method} ${x.path}`), []);
});
