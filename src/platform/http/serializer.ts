// Responses written by a serializer compiled once per route from its response schema
// (fast-json-stringify over the zod schema's JSON Schema), instead of running the zod schema
// over every outgoing object and then JSON.stringify (issue #23). As before, only the declared
// fields leave: fast-json-stringify writes the properties the schema names and no others.
// What it does not do is check the values (the zod serializer refused a response that broke its
// schema with a 500); the tests check the shapes. A schema JSON Schema cannot express (a
// transform, a date object) keeps the zod serializer, route by route.
import fastJson from 'fast-json-stringify';
import { z } from 'zod';
import { $ZodType } from 'zod/v4/core';
import { serializerCompiler as zodSerializerCompiler } from 'fastify-type-provider-zod';
import type { FastifySchema, FastifySerializerCompiler } from 'fastify';

/** Routes that fell back to the zod serializer (for the start-up log and a test). */
export const zodSerialized: string[] = [];

const zodSerializer = zodSerializerCompiler as unknown as FastifySerializerCompiler<FastifySchema>;

function compile(route: Parameters<FastifySerializerCompiler<FastifySchema>>[0], schema: z.ZodType): (data: unknown) => string {
  try {
    const json = z.toJSONSchema(schema, { target: 'draft-7', io: 'output', unrepresentable: 'throw' });
    return fastJson(openObjects(json) as Parameters<typeof fastJson>[0]);
  } catch {
    zodSerialized.push(`${route.method} ${route.url} ${route.httpStatus}`);
    return zodSerializer(route) as (data: unknown) => string;
  }
}

/**
 * zod's output schemas close every object (additionalProperties: false). fast-json-stringify
 * writes only the declared properties anyway, but inside anyOf (a nullable object, a union) it
 * picks the branch by validating the value, and a row with one more key than declared would then
 * match no branch: so the objects are opened (what is written stays the declared fields).
 */
function openObjects(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(openObjects);
  if (node === null || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) {
    if (k === 'additionalProperties' && v === false) continue;
    out[k] = openObjects(v);
  }
  return out;
}

export const compiledSerializerCompiler: FastifySerializerCompiler<FastifySchema> = (route) => {
  const schema = route.schema as unknown;
  if (schema instanceof $ZodType) {
    // Compiled on a route's first response, not at start-up (hundreds of routes and statuses).
    let stringify: ((data: unknown) => string) | undefined;
    return (data: unknown) => (stringify ??= compile(route, schema as z.ZodType))(data);
  }
  return zodSerializer(route);
};
