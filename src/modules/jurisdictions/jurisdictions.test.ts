import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type Session, type TestApp } from '../../../test/support/app.ts';

let t: TestApp;
let admin: Session;
let xhl: Session; // county approver at 140107 杏花岭区
before(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  xhl = await t.login('xhl_approver');
});
after(() => t.close());

const get = (s: Session, url: string) => t.app.inject({ method: 'GET', url, headers: s.headers });

test('a system-wide admin browses from the provinces down', async () => {
  const roots = (await get(admin, '/api/jurisdictions')).json();
  assert.deepEqual(roots.items.map((j: { name: string }) => j.name), ['山西省', '山东省', '河南省']);
  const cities = (await get(admin, '/api/jurisdictions?parent=14')).json();
  assert.deepEqual(cities.items.map((j: { code: string }) => j.code), ['1401', '1408']);
  assert.ok(cities.items.every((j: { childCount: number }) => j.childCount > 0));
});

test('a 12-digit division code and its prefix name the same node', async () => {
  const a = (await get(admin, '/api/jurisdictions/140107000000')).json();
  const b = (await get(admin, '/api/jurisdictions/140107')).json();
  assert.equal(a.code, '140107');
  assert.equal(a.divisionCode, '140107000000');
  assert.deepEqual(a, b);
  assert.deepEqual(a.path.map((p: { name: string }) => p.name), ['山西省', '太原市']);
});

test('prefix queries: everything under a county, filtered by level and name', async () => {
  const under = (await get(admin, '/api/jurisdictions?under=140107&limit=1000')).json();
  assert.ok(under.total > 10);
  assert.ok(under.items.every((j: { code: string }) => j.code.startsWith('140107')));
  const grids = (await get(admin, '/api/jurisdictions?under=140107001&level=grid')).json();
  assert.ok(grids.items.length > 0 && grids.items.every((j: { level: string; code: string }) => j.level === 'grid' && j.code.length === 15));
  const byName = (await get(admin, '/api/jurisdictions?q=' + encodeURIComponent('杏花岭'))).json();
  assert.deepEqual(byName.items.map((j: { code: string }) => j.code), ['140107']);
  const counts = (await get(admin, '/api/jurisdictions/counts?under=140107')).json();
  assert.equal(counts.counts.county, 1);
  assert.equal(counts.counts.township, 4);
});

test('a county user sees only its county: own node as root, 404 for a neighbour', async () => {
  const roots = (await get(xhl, '/api/jurisdictions')).json();
  assert.deepEqual(roots.items.map((j: { code: string }) => j.code), ['140107']);
  const neighbour = await get(xhl, '/api/jurisdictions/140109');
  assert.equal(neighbour.statusCode, 404);
  assert.equal(neighbour.json().error, 'not_found');
  const search = (await get(xhl, '/api/jurisdictions?q=' + encodeURIComponent('街道') + '&limit=1000')).json();
  assert.ok(search.total > 0 && search.items.every((j: { code: string }) => j.code.startsWith('140107')));
  const counts = (await get(xhl, '/api/jurisdictions/counts')).json();
  assert.equal(counts.counts.province, undefined, 'ancestors are not counted');
  assert.equal(counts.counts.county, 1);
  const up = (await get(xhl, '/api/jurisdictions?parent=1401')).json();
  assert.deepEqual(up.items.map((j: { code: string }) => j.code), ['140107'], 'siblings stay hidden');
});

test('create, rename and delete a grid; the rules hold', async () => {
  const send = (method: 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: admin.headers, ...(payload ? { payload } : {}) });

  const created = await send('POST', '/api/jurisdictions', { code: '140107001001009', name: '第九网格' });
  assert.equal(created.statusCode, 201);
  assert.equal(created.json().level, 'grid');
  assert.equal(created.json().parentCode, '140107001001');

  const dup = await send('POST', '/api/jurisdictions', { code: '140107001001009', name: '重复' });
  assert.equal(dup.statusCode, 409);
  assert.equal(dup.json().error, 'already_exists');

  const orphan = await send('POST', '/api/jurisdictions', { code: '140107099', name: '无上级' });
  assert.equal(orphan.statusCode, 201, 'the county 140107 exists, so a new township is fine');
  const noParent = await send('POST', '/api/jurisdictions', { code: '140199001', name: '孤儿' });
  assert.equal(noParent.statusCode, 400);
  assert.match(noParent.json().messageZh, /上级区划 140199 不存在/);

  const renamed = await send('PATCH', '/api/jurisdictions/140107001001009', { name: '第九网格（新）' });
  assert.equal(renamed.json().name, '第九网格（新）');

  const parentDelete = await send('DELETE', '/api/jurisdictions/140107001001');
  assert.equal(parentDelete.statusCode, 409);
  assert.equal(parentDelete.json().error, 'has_children');

  assert.equal((await send('DELETE', '/api/jurisdictions/140107001001009')).statusCode, 204);
  assert.equal((await get(admin, '/api/jurisdictions/140107001001009')).statusCode, 404);
});

test('a node users belong to cannot be deleted', async () => {
  // grid_worker belongs to 140107001001001; the grid has no children but is in use.
  const res = await t.app.inject({ method: 'DELETE', url: '/api/jurisdictions/140107001001001', headers: admin.headers });
  assert.equal(res.statusCode, 409);
  assert.equal(res.json().error, 'conflict');
});

test('non-admins cannot change the tree; out-of-scope edits look like missing nodes', async () => {
  const create = await t.app.inject({ method: 'POST', url: '/api/jurisdictions', headers: xhl.headers, payload: { code: '140107001001008', name: 'x' } });
  assert.equal(create.statusCode, 403);
  const reviewer = await t.login('julun_reviewer');
  const rename = await t.app.inject({ method: 'PATCH', url: '/api/jurisdictions/140109001', headers: reviewer.headers, payload: { name: 'x' } });
  assert.equal(rename.statusCode, 403, 'role check comes first');
});

test('counts under another area are not found; under an ancestor they cover only the own area', async () => {
  assert.equal((await get(xhl, '/api/jurisdictions/counts?under=140109')).statusCode, 404);
  const up = (await get(xhl, '/api/jurisdictions/counts?under=14')).json();
  assert.equal(up.counts.county, 1);
  assert.equal(up.counts.city, undefined);
});
