// The one error model: every failure is `{ error, message, messageZh }` with a sensible 4xx, and
// unknown errors are a 500 that leaks nothing but a request id.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type Session, type TestApp } from './support/app.ts';

let t: TestApp;
let admin: Session;
before(async () => {
  t = await createTestApp({ LASTMILE_BODY_LIMIT_BYTES: '2048' });
  admin = await t.login('admin');
});
after(() => t.close());

function assertErrorBody(body: Record<string, unknown>, code: string) {
  assert.equal(body.error, code);
  assert.equal(typeof body.message, 'string');
  assert.equal(typeof body.messageZh, 'string');
  assert.match(body.messageZh as string, /[\u4e00-\u9fff]/, 'Chinese message present');
  assert.equal(typeof body.requestId, 'string');
}

test('invalid JSON body → 400 invalid_json', async () => {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/jurisdictions',
    headers: { ...admin.headers, 'content-type': 'application/json' },
    payload: '{"code": "14",',
  });
  assert.equal(res.statusCode, 400);
  assertErrorBody(res.json(), 'invalid_json');
});

test('wrong types → 400 validation_failed naming each field in both languages', async () => {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/jurisdictions',
    headers: admin.headers,
    payload: { code: 140107, name: '' },
  });
  assert.equal(res.statusCode, 400);
  const body = res.json();
  assertErrorBody(body, 'validation_failed');
  const fields = body.fields.map((f: { field: string }) => f.field).sort();
  assert.deepEqual(fields, ['code', 'name']);
  for (const f of body.fields) assert.match(f.messageZh, /[\u4e00-\u9fff]/);
});

test('a bad division code gets the custom bilingual message', async () => {
  const res = await t.app.inject({ method: 'GET', url: '/api/jurisdictions/1401070', headers: admin.headers });
  assert.equal(res.statusCode, 400);
  const [field] = res.json().fields;
  assert.equal(field.field, 'code');
  assert.match(field.message, /not a valid division code/);
  assert.match(field.messageZh, /不是有效的区划代码/);
});

test('query string out of range → 400', async () => {
  const res = await t.app.inject({ method: 'GET', url: '/api/jurisdictions?limit=100000', headers: admin.headers });
  assert.equal(res.statusCode, 400);
  assert.equal(res.json().fields[0].field, 'limit');
});

test('unknown route → 404 route_not_found, also without a session', async () => {
  for (const headers of [admin.headers, {}]) {
    const res = await t.app.inject({ method: 'GET', url: '/api/no-such-thing', headers });
    assert.equal(res.statusCode, 404);
    assertErrorBody(res.json(), 'route_not_found');
  }
});

test('oversized body → 413 payload_too_large', async () => {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/jurisdictions',
    headers: admin.headers,
    payload: { code: '14', name: 'x'.repeat(5000) },
  });
  assert.equal(res.statusCode, 413);
  assertErrorBody(res.json(), 'payload_too_large');
});

test('unsupported content type → 415', async () => {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/jurisdictions',
    headers: { ...admin.headers, 'content-type': 'application/xml' },
    payload: '<code>14</code>',
  });
  assert.equal(res.statusCode, 415);
  assertErrorBody(res.json(), 'unsupported_media_type');
});

test('an unexpected error → 500 with request id and no internals', async () => {
  // Break the database under a live app: the query error must not reach the client.
  const { sql } = await import('drizzle-orm');
  await t.database.db.execute(sql`alter table jurisdictions rename to jurisdictions_gone`);
  try {
    const res = await t.app.inject({ method: 'GET', url: '/api/jurisdictions/counts', headers: admin.headers });
    assert.equal(res.statusCode, 500);
    const body = res.json();
    assertErrorBody(body, 'internal');
    assert.equal(res.headers['x-request-id'], body.requestId);
    assert.doesNotMatch(res.body, /jurisdictions|relation|select|stack/i);
  } finally {
    await t.database.db.execute(sql`alter table jurisdictions_gone rename to jurisdictions`);
  }
});
