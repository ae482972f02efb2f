// Our service points as Open Referral HSDS 3.0 (Human Services Data Specification, version 3.0,
// openreferral/specification branch 3.0): plain functions, no I/O.
//   organization        the point's operator (organisations module); a point with none recorded is
//                       attributed to its county (the public body answerable for it)
//   location            the point (physical; latitude/longitude in WGS-84, as HSDS assumes)
//   service             one per service a point offers (热水 at 驿站 A), named from our catalogue
//   service_at_location that service at its point
//   schedule            one per weekly range of the point (freq WEEKLY, byday MO…SU, times with +08:00)
//   phone, address      the point's public numbers and its address (country CN)
// Ids are UUIDs derived from our ids (name-based, SHA-1, RFC 4122 §4.3), so they are stable
// between exports and across the API and the export file.
import { createHash } from 'node:crypto';
import type { Range } from '../hours.ts';

const NAMESPACE = 'lastmile:hsds:';
export function uuidFor(...parts: (string | number)[]): string {
  const h = createHash('sha1').update(NAMESPACE + parts.join(':')).digest();
  h[6] = (h[6]! & 0x0f) | 0x50; // version 5
  h[8] = (h[8]! & 0x3f) | 0x80; // RFC 4122 variant
  const x = h.subarray(0, 16).toString('hex');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20, 32)}`;
}

export const HSDS_VERSION = '3.0';
const DAYS = ['', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;

export type HsdsPoint = {
  id: number; typeCode: string; name: string; operatorId: number | null; jurisdictionCode: string; address: string; lng: number; lat: number;
  alwaysOpen: boolean; hours: Range[]; holidayRule: string; phones: { number: string; label: string | null }[]; accessibility: string[];
  description: string | null; status: string; closedReason: string | null; services: string[]; updatedAt: Date;
};
export type HsdsContext = {
  type(code: string): { zh: string; en: string };
  service(code: string): { zh: string; en: string };
  operator(id: number): { name: string; kindZh: string; email: string | null } | undefined;
  /** The name of a place by code (province, city, county). */
  place(code: string): string | null;
};

export const organizationIdOf = (p: Pick<HsdsPoint, 'operatorId' | 'jurisdictionCode'>) =>
  p.operatorId !== null ? uuidFor('organisation', p.operatorId) : uuidFor('county', p.jurisdictionCode.slice(0, 6));

export function organizationOf(p: HsdsPoint, ctx: HsdsContext) {
  if (p.operatorId !== null) {
    const o = ctx.operator(p.operatorId);
    return { id: organizationIdOf(p), name: o?.name ?? `组织 ${p.operatorId}`, description: `${o?.kindZh ?? '组织'}，服务阵地运营方`, email: o?.email ?? null };
  }
  const county = p.jurisdictionCode.slice(0, 6);
  return { id: organizationIdOf(p), name: `${ctx.place(county) ?? county}人民政府`, description: '服务阵地所在区县（运营方未登记）', email: null };
}

const STATUS = { open: 'active', temporarily_closed: 'temporarily closed', closed: 'defunct' } as Record<string, 'active' | 'temporarily closed' | 'defunct'>;

export function locationOf(p: HsdsPoint, ctx: HsdsContext) {
  return {
    id: uuidFor('location', p.id),
    location_type: 'physical' as const,
    organization_id: organizationIdOf(p),
    name: p.name,
    alternate_name: ctx.type(p.typeCode).zh,
    description: p.description ?? `${ctx.type(p.typeCode).zh}：${p.services.map((s) => ctx.service(s).zh).join('、')}`,
    latitude: p.lat,
    longitude: p.lng,
    external_identifier: String(p.id),
    external_identifier_type: 'lastmile service point id',
    accessibility: p.accessibility.map((a, i) => ({ id: uuidFor('accessibility', p.id, i), location_id: uuidFor('location', p.id), description: a })),
  };
}

export function servicesOf(p: HsdsPoint, ctx: HsdsContext) {
  return p.services.map((code) => ({
    id: uuidFor('service', p.id, code),
    organization_id: organizationIdOf(p),
    name: `${ctx.service(code).zh}（${p.name}）`,
    alternate_name: ctx.service(code).en,
    description: `${ctx.type(p.typeCode).zh}提供：${ctx.service(code).zh}`,
    status: STATUS[p.status] ?? 'inactive',
    fees_description: '免费',
    alert: p.status === 'temporarily_closed' ? p.closedReason : null,
    last_modified: p.updatedAt.toISOString(),
  }));
}

export function serviceAtLocationsOf(p: HsdsPoint) {
  return p.services.map((code) => ({ id: uuidFor('service_at_location', p.id, code), service_id: uuidFor('service', p.id, code), location_id: uuidFor('location', p.id) }));
}

const HOLIDAY_NOTES: Record<string, string> = {
  as_usual: '法定节假日照常开放',
  closed_on_holidays: '法定节假日闭馆',
  workdays: '按国家法定工作日开放：节假日闭馆，调休上班日按周一时间开放',
};

export function schedulesOf(p: HsdsPoint) {
  const location_id = uuidFor('location', p.id);
  const base = { location_id, freq: 'WEEKLY' as const, wkst: 'MO' as const, timezone: 8, notes: HOLIDAY_NOTES[p.holidayRule] ?? null };
  if (p.alwaysOpen) return [{ id: uuidFor('schedule', p.id, 'always'), ...base, byday: 'MO,TU,WE,TH,FR,SA,SU', opens_at: '00:00+08:00', closes_at: '23:59+08:00', description: '24 小时开放' }];
  return p.hours.map((r, i) => ({
    id: uuidFor('schedule', p.id, i),
    ...base,
    byday: DAYS[r.day]!,
    opens_at: `${r.opens}+08:00`,
    // HSDS times are HH:MM of a day: our 24:00 (midnight at the end of the day) is 23:59.
    closes_at: `${r.closes === '24:00' ? '23:59' : r.closes}+08:00`,
    description: `${r.opens}–${r.closes}`,
  }));
}

export function phonesOf(p: HsdsPoint) {
  return p.phones.map((ph, i) => ({ id: uuidFor('phone', p.id, i), location_id: uuidFor('location', p.id), number: ph.number, type: /^1/.test(ph.number) ? 'cell' : 'voice', description: ph.label }));
}

export function addressesOf(p: HsdsPoint, ctx: HsdsContext) {
  const code = p.jurisdictionCode;
  return [{
    id: uuidFor('address', p.id),
    location_id: uuidFor('location', p.id),
    address_1: p.address,
    city: ctx.place(code.slice(0, 4)) ?? ctx.place(code.slice(0, 6)) ?? '',
    region: ctx.place(code.slice(0, 6)),
    state_province: ctx.place(code.slice(0, 2)) ?? '',
    // We keep no postal codes; HSDS requires the field, so it is present and empty.
    postal_code: '',
    country: 'CN',
    address_type: 'physical' as const,
  }];
}

/** The whole dataset for these points: every table, organisations once each. */
export function datasetOf(points: readonly HsdsPoint[], ctx: HsdsContext) {
  const organizations = new Map<string, ReturnType<typeof organizationOf>>();
  const out = { organizations: [] as ReturnType<typeof organizationOf>[], services: [] as ReturnType<typeof servicesOf>, locations: [] as ReturnType<typeof locationOf>[], service_at_locations: [] as ReturnType<typeof serviceAtLocationsOf>, schedules: [] as ReturnType<typeof schedulesOf>, phones: [] as ReturnType<typeof phonesOf>, addresses: [] as ReturnType<typeof addressesOf> };
  for (const p of points) {
    const o = organizationOf(p, ctx);
    if (!organizations.has(o.id)) organizations.set(o.id, o);
    out.services.push(...servicesOf(p, ctx));
    out.locations.push(locationOf(p, ctx));
    out.service_at_locations.push(...serviceAtLocationsOf(p));
    out.schedules.push(...schedulesOf(p));
    out.phones.push(...phonesOf(p));
    out.addresses.push(...addressesOf(p, ctx));
  }
  out.organizations = [...organizations.values()];
  return out;
}
export type HsdsDataset = ReturnType<typeof datasetOf>;
