// Open311 GeoReport v2 over the same intake and queries, so 12345-style systems can submit and
// follow requests. service_request_id is the tracking code. Without an api_key a client sees the
// public view only (no description, address, position, media or notes); with one, everything in
// the token's area.
import { and, asc, gte, inArray, lte, sql, type SQL } from 'drizzle-orm';
import { AppError } from '../../platform/errors.ts';
import { withinScope } from '../../platform/db/scope.ts';
import { canonicalCode, isWithin } from '../../lib/division-code.ts';
import { instantInRange, parseInstant } from '../../lib/date.schema.ts';
import type { Actor } from '../audit/audit.service.ts';
import * as categories from './categories.store.ts';
import type { Caller, Ctx } from './context.ts';
import { isOpen } from './flow.ts';
import { intake } from './intake.ts';
import * as store from './requests.store.ts';
import { helpRequests as r } from './requests.table.ts';
import { STATE_LABELS, type RequestState } from './requests.schema.ts';

export type GeoService = { service_code: string; service_name: string; description: string; metadata: boolean; type: 'realtime'; keywords: string; group: string };
export type GeoRequest = {
  service_request_id: string;
  status: 'open' | 'closed';
  status_notes: string | null;
  service_name: string;
  service_code: string;
  description?: string | null;
  agency_responsible: string | null;
  service_notice: string | null;
  requested_datetime: string;
  updated_datetime: string;
  expected_datetime: string | null;
  address?: string | null;
  address_id?: string | null;
  zipcode?: string | null;
  lat?: number | null;
  long?: number | null;
  media_url?: string | null;
};

export const badRequest = (en: string, zh: string) => new AppError('bad_request', en, zh);

export async function geoServices(ctx: Ctx): Promise<GeoService[]> {
  await ctx.ready();
  return (await categories.listCategories(ctx.db, true)).map((c) => ({
    service_code: c.code,
    service_name: c.nameZh,
    description: [c.nameEn, c.descriptionZh].filter(Boolean).join(' — '),
    metadata: false,
    type: 'realtime',
    keywords: c.nameEn.toLowerCase(),
    group: '群众诉求',
  }));
}

export async function geoServiceDefinition(ctx: Ctx, code: string) {
  await ctx.ready();
  const c = await categories.findCategory(ctx.db, code);
  if (!c || !c.active) throw new AppError('not_found', `Unknown service_code ${code}`, `服务类别不存在：${code}`);
  return { service_code: c.code, attributes: [] as unknown[] };
}

export type GeoPostInput = {
  service_code: string;
  description?: string | undefined;
  lat?: number | undefined;
  long?: number | undefined;
  address_string?: string | undefined;
  address_id?: string | undefined;
  jurisdiction_id?: string | undefined;
  first_name?: string | undefined;
  last_name?: string | undefined;
  phone?: string | undefined;
  email?: string | undefined;
  media_url?: string | undefined;
};

/**
 * POST requests.json: the place is address_id (or jurisdiction_id) when it is a jurisdiction code
 * in the token's area, else the caller's registered place when the phone matches a person there,
 * else the token's own area.
 */
export async function geoCreate(ctx: Ctx, caller: Caller, input: GeoPostInput, actor: Actor): Promise<{ service_request_id: string; service_notice: string; account_id: null }> {
  await ctx.ready();
  if (input.lat === undefined !== (input.long === undefined)) throw badRequest('lat and long go together', 'lat 与 long 须同时提供');
  if (input.lat === undefined && !input.address_string && !input.address_id) throw badRequest('A location is required: lat & long, address_string or address_id', '须提供位置：lat 与 long、address_string 或 address_id');
  const description = (input.description ?? '').trim();
  if (description.length < 2) throw badRequest('description is required', '请填写 description（诉求内容）');
  const named = [input.address_id, input.jurisdiction_id].map((v) => (v ? canonicalCode(v) : undefined)).find((code) => code !== undefined && isWithin(code, caller.scope));
  let place = named;
  let personId: number | undefined;
  const phone = input.phone?.replace(/[\s]/g, '');
  if (phone) {
    const [person] = await store.callers(ctx.db, caller.scope, { phoneIndex: ctx.sensitive.index('phone', phone) });
    if (person) {
      personId = person.id;
      place ??= person.jurisdictionCode;
    }
  }
  place ??= caller.scope || undefined;
  if (!place) throw badRequest('address_id must be a jurisdiction code (this API key covers every area)', 'address_id 须为区划代码（此接口令牌不限地区）');
  const name = [input.last_name, input.first_name].filter(Boolean).join('').trim();
  const validPhone = phone && /^1[3-9]\d{9}$|^0\d{2,3}-?\d{7,8}$/.test(phone) ? phone : undefined;
  const row = await ctx.db.transaction((tx) =>
    intake(ctx, tx, caller, {
      channel: 'open311',
      categoryCode: input.service_code,
      description: description.slice(0, 2000),
      personId,
      jurisdictionCode: place,
      address: input.address_string?.slice(0, 200),
      lat: input.lat,
      long: input.long,
      contactName: name ? name.slice(0, 50) : undefined,
      contactPhone: validPhone,
      mediaUrl: input.media_url?.slice(0, 500),
    }, actor, actor.name),
  );
  return { service_request_id: row.trackingCode, service_notice: '已受理，请凭查询码查询办理进度', account_id: null };
}

export type GeoQuery = { service_request_id?: string | undefined; service_code?: string | undefined; status?: string | undefined; start_date?: string | undefined; end_date?: string | undefined };

/** GET requests.json: by ids, or the filters (default the last 90 days, at most 1000). */
export async function geoQuery(ctx: Ctx, caller: Caller | null, q: GeoQuery): Promise<GeoRequest[]> {
  await ctx.ready();
  const where: SQL[] = [];
  if (caller) where.push(withinScope(r.jurisdictionCode, caller.scope));
  // Without a key, only what residents submitted to public channels is listed (lookups by id find any).
  if (q.service_request_id) {
    const ids = q.service_request_id.split(',').map((s) => s.trim().toUpperCase()).filter(Boolean).slice(0, 100);
    where.push(inArray(r.trackingCode, ids));
  } else {
    if (!caller) where.push(inArray(r.channel, ['public_web', 'open311']));
    if (q.service_code) where.push(inArray(r.categoryCode, q.service_code.split(',').map((s) => s.trim())));
    const statuses = (q.status ?? '').split(',').map((s) => s.trim()).filter(Boolean);
    for (const s of statuses) if (s !== 'open' && s !== 'closed') throw badRequest('status must be open or closed', 'status 须为 open 或 closed');
    if (statuses.length === 1) where.push(statuses[0] === 'open' ? sql`${r.state} in ('new','assigned','in_progress','returned','transferred')` : sql`${r.state} in ('resolved','visited','merged')`);
    const end = q.end_date ? instant(q.end_date, 'end_date') : ctx.now();
    const start = q.start_date ? instant(q.start_date, 'start_date') : new Date(end.getTime() - 90 * 86_400_000);
    if (start > end) throw badRequest('start_date is after end_date', 'start_date 晚于 end_date');
    where.push(gte(r.createdAt, start), lte(r.createdAt, end));
  }
  const rows = await ctx.db.select().from(r).where(and(...where)).orderBy(asc(r.createdAt), asc(r.id)).limit(1000);
  return present(ctx, rows, caller !== null);
}

/** GET requests/{id}.json: one request as a list of one. */
export async function geoOne(ctx: Ctx, caller: Caller | null, id: string): Promise<GeoRequest[]> {
  const found = await geoQuery(ctx, caller, { service_request_id: id });
  if (found.length === 0) throw new AppError('not_found', `No request ${id}`, `未找到诉求 ${id}`);
  return found;
}

function instant(value: string, field: string): Date {
  const d = parseInstant(value);
  if (!d || !instantInRange(d)) throw badRequest(`${field} must be a W3C date-time (2025-01-31T09:00:00+08:00)`, `${field} 须为 W3C 日期时间格式，如 2025-01-31T09:00:00+08:00`);
  return d;
}

async function present(ctx: Ctx, rows: store.RequestRow[], full: boolean): Promise<GeoRequest[]> {
  const names = new Map((await categories.listCategories(ctx.db)).map((c) => [c.code, c.nameZh]));
  const places = new Map<string, string | null>();
  const placeOf = async (code: string) => {
    if (!places.has(code)) places.set(code, await store.placeName(ctx.db, code));
    return places.get(code)!;
  };
  const out: GeoRequest[] = [];
  for (const row of rows) {
    const open = isOpen(row.state);
    const label = STATE_LABELS[row.state as RequestState].zh;
    const agency = await placeOf(full ? row.handlerCode : row.handlerCode.slice(0, Math.min(row.handlerCode.length, 12)));
    const base: GeoRequest = {
      service_request_id: row.trackingCode,
      status: open ? 'open' : 'closed',
      status_notes: full && row.resolutionNote ? row.resolutionNote : label,
      service_name: names.get(row.categoryCode) ?? row.categoryCode,
      service_code: row.categoryCode,
      agency_responsible: full && row.department ? `${agency ?? ''} ${row.department}`.trim() : agency,
      service_notice: null,
      requested_datetime: row.createdAt.toISOString(),
      updated_datetime: row.updatedAt.toISOString(),
      expected_datetime: open ? row.resolutionDueAt.toISOString() : null,
    };
    out.push(full ? { ...base, description: row.description, address: row.address, address_id: row.jurisdictionCode, zipcode: null, lat: row.lat, long: row.long, media_url: row.mediaUrl } : base);
  }
  return out;
}
