// The OpenAPI document is valid OpenAPI 3.1, and every API route declares its schemas.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import SwaggerParser from '@apidevtools/swagger-parser';
import { createTestApp, type TestApp } from './support/app.ts';

let t: TestApp;
before(async () => {
  t = await createTestApp({}, { seed: false });
});
after(() => t.close());

// Action endpoints that take no body on purpose; any other POST/PUT/PATCH must declare one.
const BODYLESS_ACTIONS = new Set(['post /api/auth/logout', 'post /api/users/{id}/unlock', 'post /api/imports/{id}/commit']);

type Operation = { responses?: Record<string, unknown>; requestBody?: unknown; parameters?: { in: string; name: string }[] };

test('the document at /api/docs/json validates', async () => {
  const res = await t.app.inject({ method: 'GET', url: '/api/docs/json' });
  assert.equal(res.statusCode, 200);
  const doc = res.json();
  assert.equal(doc.openapi, '3.1.0');
  await SwaggerParser.validate(structuredClone(doc));
  assert.ok(Object.keys(doc.paths).includes('/api/jurisdictions/{code}'));
});

test('every operation declares a success response and an error response; bodies and params are typed', async () => {
  const doc = (await t.app.inject({ method: 'GET', url: '/api/docs/json' })).json();
  const problems: string[] = [];
  for (const [path, item] of Object.entries<Record<string, Operation>>(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      const codes = Object.keys(op.responses ?? {});
      if (!codes.some((c) => c.startsWith('2'))) problems.push(`${method} ${path}: no 2xx response schema`);
      if (!codes.some((c) => /^[45]/.test(c))) problems.push(`${method} ${path}: no error response schema`);
      if (['post', 'put', 'patch'].includes(method) && !op.requestBody && !BODYLESS_ACTIONS.has(`${method} ${path}`)) {
        problems.push(`${method} ${path}: no request body schema`);
      }
      for (const name of path.match(/\{(\w+)\}/g) ?? []) {
        if (!op.parameters?.some((p) => p.in === 'path' && `{${p.name}}` === name)) problems.push(`${method} ${path}: ${name} untyped`);
      }
    }
  }
  assert.deepEqual(problems, []);
});
