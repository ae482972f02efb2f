import { test } from 'node:test';
import assert from 'node:assert/strict';
import { z } from 'zod';
import { compiledSerializerCompiler, zodSerialized } from './serializer.ts';

const compile = (schema: z.ZodType) => compiledSerializerCompiler({ schema, method: 'GET', url: '/x', httpStatus: '200' } as never) as (d: unknown) => string;

test('compiled serializer writes what the zod serializer wrote, and only the declared fields', () => {
  const Item = z.object({
    id: z.number().int(),
    name: z.string(),
    masked: z.string().nullable(),
    note: z.string().optional(),
    state: z.enum(['new', 'done']),
    tags: z.array(z.string()),
    data: z.record(z.string(), z.unknown()).nullable(),
    nested: z.object({ at: z.string(), n: z.number() }).nullable(),
    either: z.union([z.object({ kind: z.literal('a'), a: z.number() }), z.object({ kind: z.literal('b'), b: z.string() })]),
  });
  const List = z.object({ items: z.array(Item), total: z.number().int(), totalCapped: z.boolean() });
  const data = {
    items: [
      { id: 1, name: '张三 "quoted" \\ \n', masked: null, state: 'new', tags: ['a'], data: { x: [1, { y: null }] }, nested: null, either: { kind: 'a', a: 2 }, secret: 'must not leave', passwordHash: 'x' },
      { id: 2, name: '李四', masked: '1401**********1234', note: 'n', state: 'done', tags: [], data: null, nested: { at: '2026-12-07T00:00:00.000Z', n: 1.5, extra: 1 }, either: { kind: 'b', b: 'z' } },
    ],
    total: 2,
    totalCapped: false,
    internal: 'dropped',
  };
  const out = JSON.parse(compile(List)(data));
  assert.deepEqual(out, JSON.parse(JSON.stringify(z.encode(List, data as never))));
  assert.equal(out.items[0].secret, undefined);
  assert.equal(out.items[0].passwordHash, undefined);
  assert.equal(out.internal, undefined);
  assert.equal(out.items[1].nested.extra, undefined);
  assert.deepEqual(zodSerialized, []);
});

test('a schema JSON Schema cannot express keeps the zod serializer', () => {
  const out = compile(z.object({ when: z.date() }))({ when: new Date('2026-01-02T03:04:05Z') });
  assert.equal(out, '{"when":"2026-01-02T03:04:05.000Z"}');
  assert.equal(zodSerialized.length, 1);
});
