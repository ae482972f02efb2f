// JSON Schema (the subset the OpenAPI document uses) → values: valid ones, boundary ones and
// hostile ones. Valid values lean on a pool of values seen in responses (ids, codes) so requests
// reach the services, not only the validators.
import type { Rng } from './random.ts';

export type Schema = {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  propertyNames?: Schema;
  items?: Schema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  default?: unknown;
  $ref?: string;
};

/** Values seen in responses, by property name (`id`, `code`, `personId`…). */
export type Pool = Map<string, unknown[]>;

export type Context = { rng: Rng; pool: Pool; resolve: (ref: string) => Schema };

const POOL_LIMIT = 200;

/** Remember the scalar values of every property in a response body, for later requests. */
export function harvest(pool: Pool, body: unknown, depth = 0): void {
  if (depth > 6 || body === null || typeof body !== 'object') return;
  if (Array.isArray(body)) {
    for (const item of body.slice(0, 20)) harvest(pool, item, depth + 1);
    return;
  }
  for (const [key, value] of Object.entries(body)) {
    if ((typeof value === 'number' && Number.isSafeInteger(value)) || (typeof value === 'string' && value.length <= 64)) {
      const seen = pool.get(key) ?? [];
      if (!seen.includes(value)) {
        if (seen.length >= POOL_LIMIT) seen.splice(Math.floor(Math.random() * POOL_LIMIT), 1);
        seen.push(value);
        pool.set(key, seen);
      }
    } else harvest(pool, value, depth + 1);
  }
}

/** Remember the ids of a collection's items (`res:/api/cases` → case ids) from its answers. */
export function harvestResource(pool: Pool, body: unknown, resource: string, key: string): void {
  if (body === null || typeof body !== 'object') return;
  const record = body as Record<string, unknown>;
  const items = Array.isArray(record.items) ? record.items : Array.isArray(body) ? body : [record];
  const values = items.map((i) => (i && typeof i === 'object' ? (i as Record<string, unknown>)[key] : undefined)).filter((v) => typeof v === 'number' || typeof v === 'string');
  if (values.length === 0) return;
  const seen = pool.get(`res:${resource}`) ?? [];
  for (const v of values.slice(0, 20)) if (!seen.includes(v)) seen.push(v);
  if (seen.length > POOL_LIMIT) seen.splice(0, seen.length - POOL_LIMIT);
  pool.set(`res:${resource}`, seen);
}

// Body fields that name a row of a collection.
const FIELD_RESOURCES: [RegExp, string][] = [
  [/personid$/i, '/api/persons'], [/caseid$/i, '/api/cases'], [/householdid$/i, '/api/households'], [/userid$/i, '/api/users'],
  [/campaignid$/i, '/api/campaigns'], [/requestid$/i, '/api/requests'], [/meetingid$/i, '/api/council-meetings'], [/batchid$/i, '/api/payments/batches'],
  [/^paymentids?$|^paid$|^failed$/i, '/api/payments'], [/^(into|duplicateOf)$/, '/api/requests'],
];

/** Pool values for a field: its collection's ids, its own name, then the usual aliases (`personId` → `id`, `jurisdictionCode` → `code`). */
function pooled(ctx: Context, name: string | undefined): unknown[] {
  if (!name) return [];
  const resource = FIELD_RESOURCES.find(([re]) => re.test(name))?.[1];
  const ofResource = resource ? ctx.pool.get(`res:${resource}`) ?? [] : [];
  if (ofResource.length > 0) return ofResource;
  const own = ctx.pool.get(name) ?? [];
  if (own.length > 0) return own;
  if (name.startsWith('res:')) return ctx.pool.get('id') ?? [];
  if (/Ids?$/.test(name)) return ctx.pool.get('id') ?? [];
  if (/(Code|code)$/.test(name) || name === 'under' || name === 'jurisdiction') return ctx.pool.get('jurisdictionCode') ?? ctx.pool.get('code') ?? [];
  return [];
}

function types(schema: Schema): string[] {
  if (Array.isArray(schema.type)) return schema.type;
  if (schema.type) return [schema.type];
  if (schema.properties) return ['object'];
  if (schema.items) return ['array'];
  return ['string'];
}

function deref(ctx: Context, schema: Schema): Schema {
  return schema.$ref ? ctx.resolve(schema.$ref) : schema;
}

// Samples for the patterns the API uses, tried in order; random text when none fits.
const PATTERN_SAMPLES = [
  '2025-06-15', '1950-01-01', '2024-02-29', '2025-06', '140107', '140107001', '140107001001', '140107001001001', '14',
  '13800138000', '0351-4123456', '6222020200112233445', 'facility_repair', 'dibao', 'fuzz_user', 'ABCD-1234', '',
];
const TEXT_SAMPLES = ['王秀英', '幸福路1号', 'fuzz', '测试说明', 'a', 'Zhang San', '家中厨房失火', '1'];

function validString(ctx: Context, schema: Schema, name?: string): string {
  const { rng } = ctx;
  const fits = (s: string) =>
    (schema.minLength === undefined || [...s].length >= schema.minLength) &&
    (schema.maxLength === undefined || [...s].length <= schema.maxLength) &&
    (!schema.pattern || new RegExp(schema.pattern, 'u').test(s));
  const fromPool = pooled(ctx, name).filter((v): v is string => typeof v === 'string' && fits(v));
  if (fromPool.length > 0 && rng.chance(0.8)) return rng.pick(fromPool);
  if (schema.format === 'date' || /\\d\{4\}-/.test(schema.pattern ?? '')) {
    const date = `${rng.int(1940, 2030)}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
    if (fits(date)) return date;
  }
  if (schema.pattern) {
    const fitting = PATTERN_SAMPLES.filter(fits);
    if (fitting.length > 0) return rng.pick(fitting);
  }
  let s = rng.pick(TEXT_SAMPLES);
  while (schema.minLength !== undefined && [...s].length < schema.minLength) s += s;
  if (schema.maxLength !== undefined) s = [...s].slice(0, schema.maxLength).join('');
  return s;
}

function validNumber(ctx: Context, schema: Schema, integer: boolean, name?: string): number {
  const { rng } = ctx;
  const lo = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + (integer ? 1 : 0.01) : 0);
  const hi = schema.maximum ?? (schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum - 1 : lo + 100_000);
  const fits = (n: number) => n >= lo && n <= hi;
  const fromPool = pooled(ctx, name).filter((v): v is number => typeof v === 'number' && fits(v));
  if (fromPool.length > 0 && rng.chance(0.8)) return rng.pick(fromPool);
  // Mostly small values (ids and amounts that exist), sometimes the bounds themselves.
  const roll = rng.next();
  if (roll < 0.1) return lo;
  if (roll < 0.15) return hi;
  const top = Math.min(hi, lo + (rng.chance(0.7) ? 20 : 1_000_000));
  return integer ? rng.int(Math.ceil(lo), Math.floor(top)) : Math.round((lo + rng.next() * (top - lo)) * 100) / 100;
}

/** A value the schema accepts (as far as the generator can tell). */
export function validValue(ctx: Context, raw: Schema, name?: string, depth = 0): unknown {
  const schema = deref(ctx, raw);
  const { rng } = ctx;
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return rng.pick(schema.enum);
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) {
    const nonNull = alternatives.filter((a) => deref(ctx, a).type !== 'null');
    return validValue(ctx, rng.chance(0.85) && nonNull.length > 0 ? rng.pick(nonNull) : rng.pick(alternatives), name, depth);
  }
  if (schema.allOf) return validValue(ctx, Object.assign({}, ...schema.allOf.map((s) => deref(ctx, s))), name, depth);
  const kinds = types(schema);
  const kind = kinds.length > 1 && rng.chance(0.85) ? kinds.find((k) => k !== 'null')! : rng.pick(kinds);
  switch (kind) {
    case 'null':
      return null;
    case 'boolean':
      return rng.chance(0.5);
    case 'integer':
      return validNumber(ctx, schema, true, name);
    case 'number':
      return validNumber(ctx, schema, false, name);
    case 'array': {
      const min = schema.minItems ?? 0;
      const max = Math.min(schema.maxItems ?? min + 3, min + 3);
      const n = depth > 4 ? min : rng.int(min, max);
      return Array.from({ length: n }, () => validValue(ctx, schema.items ?? {}, name, depth + 1));
    }
    case 'object': {
      const out: Record<string, unknown> = {};
      const required = new Set(schema.required ?? []);
      for (const [key, sub] of Object.entries(schema.properties ?? {})) {
        if (required.has(key) || (depth < 5 && rng.chance(0.6))) out[key] = validValue(ctx, sub, key, depth + 1);
      }
      if (!schema.properties && schema.additionalProperties && typeof schema.additionalProperties === 'object' && rng.chance(0.7)) {
        out[validString(ctx, schema.propertyNames ?? { maxLength: 20 }, 'key')] = validValue(ctx, schema.additionalProperties, name, depth + 1);
      }
      return out;
    }
    default:
      return validString(ctx, schema, name);
  }
}

/** Strings that have broken servers: control bytes, lone surrogates, direction tricks, huge text, bad dates. */
export const HOSTILE_STRINGS: readonly string[] = [
  '', ' ', '\u0000', 'a\u0000b', '\ud800', 'x\udfffy', '\u200b\u200b', '\u202e王秀英', 'a\u2066b\u2069', '\ufeff',
  '😀👨‍👩‍👧‍👦𠀀', '𝕏'.repeat(100), 'é'.normalize('NFD'), '\r\n\t', '\\', '"', "'; drop table persons; --", '%00', '%ff',
  '../../etc/passwd', '<script>alert(1)</script>', '=cmd|"/c calc"!A1', '${{7*7}}', 'null', 'true', '[]', '{}',
  '0000-01-01', '2101-01-01', '2025-02-30', '2025-13-01', '1899-12-31', '9999-12-31', '-0001-01-01', '2025-06', '2025-06-15T10:00:00Z',
  '0', '-1', '1.5', '1e309', 'NaN', 'Infinity', '9223372036854775808', '-9223372036854775809', '0x10',
  'x'.repeat(201), 'x'.repeat(5_000), '王'.repeat(70_000), 'a'.repeat(1 << 20),
];

export const HOSTILE_NUMBERS: readonly number[] = [
  -1, 0, -0, 0.5, 1.5, -2147483649, 2147483647, 2147483648, 4294967296, 2 ** 53, 2 ** 53 + 2, 9223372036854775807, 1e21, 1e308, -1e308,
  Number.MIN_VALUE,
];

/** Anything of the wrong kind, or the right kind with a hostile value. */
export function hostileValue(ctx: Context, raw: Schema, depth = 0): unknown {
  const schema = deref(ctx, raw);
  const { rng } = ctx;
  const roll = rng.next();
  if (roll < 0.35) return rng.pick(HOSTILE_STRINGS);
  if (roll < 0.55) return rng.pick(HOSTILE_NUMBERS);
  if (roll < 0.62) return rng.pick([null, true, false, [], {}, [null], { '': null }, ['\u0000'], { __proto__: 1, constructor: { prototype: 1 } } as unknown]);
  if (roll < 0.7) {
    // A long array or a deep one.
    return rng.chance(0.5) ? Array.from({ length: rng.int(100, 5000) }, (_, i) => i) : nested(rng.int(10, 200));
  }
  // The right kind with a boundary just outside the schema's limits.
  const kinds = types(schema);
  if (kinds.includes('string')) {
    if (schema.maxLength !== undefined) return 'w'.repeat(schema.maxLength + 1);
    if (schema.minLength) return 'w'.repeat(schema.minLength - 1);
    return rng.pick(HOSTILE_STRINGS);
  }
  if (kinds.includes('integer') || kinds.includes('number')) {
    if (schema.maximum !== undefined && rng.chance(0.5)) return schema.maximum + 1;
    if (schema.minimum !== undefined) return schema.minimum - 1;
    return rng.pick(HOSTILE_NUMBERS);
  }
  if (kinds.includes('array') && depth < 3) return [hostileValue(ctx, schema.items ?? {}, depth + 1)];
  if (kinds.includes('object') && depth < 3) {
    const props = Object.entries(schema.properties ?? {});
    if (props.length > 0) {
      const valid = validValue(ctx, schema) as Record<string, unknown>;
      const [key, sub] = rng.pick(props);
      valid[key] = hostileValue(ctx, sub, depth + 1);
      return valid;
    }
  }
  return rng.pick(HOSTILE_STRINGS);
}

function nested(levels: number): unknown {
  let v: unknown = 'deep';
  for (let i = 0; i < levels; i++) v = i % 2 ? { a: v } : [v];
  return v;
}
