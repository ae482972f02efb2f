// OpenAPI document → operations → requests: mostly valid ones (to reach the services), each
// with a chance of one or more faults (a hostile field, a wrong type, a missing required field,
// an extra property, a bad path id, a bad query parameter, a body of the wrong shape).
import type { Rng } from './random.ts';
import { HOSTILE_STRINGS, hostileValue, validValue, type Context, type Schema } from './values.ts';

export type Parameter = { name: string; in: 'path' | 'query' | 'header' | 'cookie'; required?: boolean; schema: Schema };
export type Operation = { method: string; path: string; parameters: Parameter[]; body?: Schema; bodyRequired: boolean };

export type FuzzRequest = {
  method: string;
  url: string;
  /** A JSON value, or raw text sent as is (then `contentType` says what it claims to be). */
  body?: { json: unknown } | { raw: string; contentType: string };
  /** What was done to it, for the report. */
  faults: string[];
};

type Doc = { paths: Record<string, Record<string, { 'x-event-stream'?: boolean; parameters?: Parameter[]; requestBody?: { required?: boolean; content?: Record<string, { schema?: Schema }> } }>>; components?: { schemas?: Record<string, Schema> } };

export function operationsOf(doc: Doc): Operation[] {
  const ops: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      // A server-sent-event stream answers for minutes by design (its status is checked by the
      // access matrix, what it sends by the notifications tests): fuzzing it would count hangs.
      if (op['x-event-stream']) continue;
      const body = op.requestBody?.content?.['application/json']?.schema;
      ops.push({ method: method.toUpperCase(), path, parameters: op.parameters ?? [], ...(body ? { body } : {}), bodyRequired: op.requestBody?.required ?? false });
    }
  }
  return ops;
}

/** Collections (`/api/cases` → `id`): paths that have an item path `/{param}` below them. */
export function collectionsOf(ops: Operation[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const op of ops) {
    const m = /^(.*)\/\{(\w+)\}$/.exec(op.path);
    if (m) out.set(m[1]!, m[2]!);
  }
  return out;
}

/** The collection an operation's answer describes: `/api/cases/{id}/approve` → `/api/cases`. */
export function resourceOf(path: string, collections: Map<string, string>): string | undefined {
  for (let p = path; p.length > 0; p = p.slice(0, p.lastIndexOf('/'))) if (collections.has(p)) return p;
  return undefined;
}

export function resolverOf(doc: Doc): (ref: string) => Schema {
  return (ref) => doc.components?.schemas?.[ref.replace('#/components/schemas/', '')] ?? {};
}

const BAD_PATH_VALUES = ['0', '-1', '9223372036854775808', '99999999999', 'abc', '1.5', '1e3', '%00', '%ff', '%F0%9F%98%80', '..', 'null', '%20', 'x'.repeat(300), '1%27%20or%201%3D1'];
const BAD_QUERY_VALUES = ['', '%00', '%ff', '-1', '0', '1.5', '9223372036854775808', 'abc', '0000-01-01', '2025-02-30', '2101-01-01', '%E2%80%AE', encodeURIComponent('\ud800'.replace(/./, '\ufffd')), 'x'.repeat(3000)];

const enc = (v: unknown) => encodeURIComponent(typeof v === 'string' ? v : JSON.stringify(v));
/** Like enc, but a lone surrogate goes out as its raw UTF-8-ish bytes instead of throwing. */
function encLoose(v: string): string {
  try {
    return encodeURIComponent(v);
  } catch {
    return [...v].map((ch) => { try { return encodeURIComponent(ch); } catch { return '%ED%A0%80'; } }).join('');
  }
}

/** One request for `op`: valid with probability `validShare`, otherwise with 1–3 faults. */
export function buildRequest(ctx: Context, op: Operation, validShare: number): FuzzRequest {
  const { rng } = ctx;
  const faults: string[] = [];
  const faulty = !rng.chance(validShare);
  const faultCount = faulty ? rng.int(1, 3) : 0;
  const kinds: string[] = [];
  for (let i = 0; i < faultCount; i++) kinds.push(pickFaultKind(rng, op));

  let url = op.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const param = op.parameters.find((p) => p.in === 'path' && p.name === name);
    if (kinds.includes('path') && rng.chance(0.7)) {
      const bad = rng.pick(BAD_PATH_VALUES);
      faults.push(`path ${name}=${bad}`);
      return bad;
    }
    // Ids seen in the answers of this parameter's collection (`/api/cases/{id}` → case ids).
    const collection = op.path.slice(0, op.path.indexOf(`/{${name}}`));
    return encLoose(String(validValue(ctx, param?.schema ?? {}, ctx.pool.has(`res:${collection}`) ? `res:${collection}` : name)));
  });

  const query: string[] = [];
  for (const p of op.parameters.filter((q) => q.in === 'query')) {
    if (kinds.includes('query') && rng.chance(0.5)) {
      const bad = rng.chance(0.5) ? rng.pick(BAD_QUERY_VALUES) : encLoose(String(rng.pick(HOSTILE_STRINGS)));
      faults.push(`query ${p.name}=${bad.slice(0, 40)}`);
      query.push(`${p.name}=${bad}`);
      if (rng.chance(0.2)) query.push(`${p.name}=${bad}`); // repeated: arrives as an array
    } else if (p.required || rng.chance(0.4)) {
      query.push(`${p.name}=${enc(validValue(ctx, p.schema, p.name))}`);
    }
  }
  if (kinds.includes('query') && rng.chance(0.3)) {
    query.push(`unknown_${rng.int(0, 9)}=${rng.pick(BAD_QUERY_VALUES)}`);
    faults.push('query unknown parameter');
  }
  if (query.length > 0) url += `?${query.join('&')}`;

  let body: FuzzRequest['body'];
  if (op.body) {
    let json = validValue(ctx, op.body);
    for (const kind of kinds) json = mutateBody(ctx, op.body, json, kind, faults);
    body = { json };
    if (kinds.includes('raw')) {
      const raw = rng.pick(['{', '{"a":', 'not json', '\u0000', '[1,2', '{"__proto__":{"x":1}}', '{"a":1,"a":2}', '']);
      body = { raw, contentType: rng.pick(['application/json', 'text/plain', 'application/x-www-form-urlencoded', 'application/xml']) };
      faults.push(`raw body ${JSON.stringify(raw)} as ${body.contentType}`);
    }
  } else if (['POST', 'PUT', 'PATCH', 'DELETE'].includes(op.method) && kinds.includes('raw')) {
    body = rng.chance(0.5) ? { json: { unexpected: rng.pick(HOSTILE_STRINGS) } } : { raw: 'x'.repeat(rng.int(0, 64)), contentType: 'application/octet-stream' };
    faults.push('body where none is taken');
  }
  return { method: op.method, url, ...(body ? { body } : {}), faults };
}

function pickFaultKind(rng: Rng, op: Operation): string {
  const kinds: string[] = [];
  if (op.body) kinds.push('field', 'field', 'field', 'missing', 'extra', 'wrongtop', 'raw');
  if (op.path.includes('{')) kinds.push('path', 'path');
  if (op.parameters.some((p) => p.in === 'query')) kinds.push('query', 'query');
  if (['POST', 'PUT', 'PATCH', 'DELETE'].includes(op.method) && !op.body) kinds.push('raw');
  return kinds.length > 0 ? rng.pick(kinds) : 'query';
}

/** Walk into the body along the schema to a random property and damage it. */
function mutateBody(ctx: Context, schema: Schema, json: unknown, kind: string, faults: string[]): unknown {
  const { rng } = ctx;
  if (kind === 'wrongtop') {
    const replacement = rng.pick<unknown>([null, [], 'text', 42, [json], true]);
    faults.push(`body replaced by ${JSON.stringify(replacement)}`);
    return replacement;
  }
  if (json === null || typeof json !== 'object' || Array.isArray(json)) return json;
  // Choose an object inside the body (the top, or a nested one) and the schema that describes it.
  let target = json as Record<string, unknown>;
  let targetSchema = resolve(ctx, schema);
  let where = '';
  for (let depth = 0; depth < 3 && rng.chance(0.35); depth++) {
    const nestedKeys = Object.keys(target).filter((k) => target[k] && typeof target[k] === 'object');
    if (nestedKeys.length === 0) break;
    const key = rng.pick(nestedKeys);
    let value = target[key];
    let sub = resolve(ctx, targetSchema.properties?.[key] ?? {});
    sub = resolve(ctx, (sub.anyOf ?? sub.oneOf)?.find((a) => resolve(ctx, a).type !== 'null') ?? sub);
    where += `${key}.`;
    if (Array.isArray(value)) {
      if (value.length === 0 || !value[0] || typeof value[0] !== 'object') break;
      value = value[0];
      sub = resolve(ctx, sub.items ?? {});
      where += '0.';
    }
    target = value as Record<string, unknown>;
    targetSchema = sub;
  }
  const props = Object.entries(targetSchema.properties ?? {});
  if (kind === 'missing') {
    const required = targetSchema.required ?? [];
    const key = required.length > 0 ? rng.pick(required) : props.length > 0 ? rng.pick(props)[0] : undefined;
    if (key) {
      delete target[key];
      faults.push(`missing ${where}${key}`);
    }
  } else if (kind === 'extra') {
    const key = rng.pick(['extra', 'id', '__proto__', 'constructor', 'jurisdictionCode', 'createdBy', '\u0000', 'roles', 'status']);
    target[key] = rng.chance(0.5) ? rng.pick(HOSTILE_STRINGS) : rng.int(-5, 5);
    faults.push(`extra ${where}${JSON.stringify(key)}`);
  } else if (props.length > 0) {
    const [key, sub] = rng.pick(props);
    const value = rng.chance(0.8) ? hostileValue(ctx, sub) : validValue(ctx, sub, key);
    target[key] = value;
    faults.push(`field ${where}${key}=${describe(value)}`);
  }
  return json;
}

function resolve(ctx: Context, s: Schema): Schema {
  return s.$ref ? ctx.resolve(s.$ref) : s;
}

function describe(value: unknown, limit = 60): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > limit ? `${text.slice(0, limit - 20)}…(${text.length} chars)` : text;
}

/** The request as a line a person can replay (curl-like; long bodies shortened with their size). */
export function formatRequest(req: FuzzRequest, who: string, limit = 2000): string {
  let body = '';
  if (req.body && 'json' in req.body) body = ` body=${describe(req.body.json, limit)}`;
  else if (req.body) body = ` body(${req.body.contentType})=${describe(req.body.raw, limit)}`;
  const url = req.url.length > 300 ? `${req.url.slice(0, 200)}…(${req.url.length} chars)` : req.url;
  return `[${who}] ${req.method} ${url}${body}  faults: ${req.faults.join('; ') || 'none'}`;
}
