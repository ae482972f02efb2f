// The HSDS 3.0 read API and the full export, over the same points the directory shows. Pages are
// taken in SQL (points by id; services by point and service code), then mapped by hsds.map.ts.
import { asc, inArray, sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../../platform/db/client.ts';
import { jurisdictions } from '../../jurisdictions/jurisdictions.table.ts';
import { organisations } from '../../organisations/organisations.table.ts';
import { ORGANISATION_KINDS } from '../../organisations/organisations.kinds.ts';
import * as store from '../service-points.store.ts';
import { servicePointServices, servicePoints } from '../service-points.table.ts';
import type { Range } from '../hours.ts';
import { addressesOf, datasetOf, HSDS_VERSION, locationOf, organizationOf, phonesOf, schedulesOf, serviceAtLocationsOf, servicesOf, type HsdsContext, type HsdsPoint } from './hsds.map.ts';

export type Page = { page: number; perPage: number };
const EXPORT_BATCH = 2000;

function hsdsPoint(r: store.PointRow): HsdsPoint {
  return {
    id: r.id, typeCode: r.typeCode, name: r.name, operatorId: r.operatorId, jurisdictionCode: r.jurisdictionCode, address: r.address, lng: r.lng, lat: r.lat,
    alwaysOpen: r.alwaysOpen, hours: (r.hours as Range[]) ?? [], holidayRule: r.holidayRule, phones: (r.phones as HsdsPoint['phones']) ?? [],
    accessibility: (r.accessibility as string[]) ?? [], description: r.description, status: r.status, closedReason: r.closedReason, services: r.services, updatedAt: r.updatedAt,
  };
}

function pageOf<T>(items: T[], total: number, p: Page) {
  const totalPages = Math.max(1, Math.ceil(total / p.perPage));
  return { total_items: total, total_pages: totalPages, page_number: p.page, size: items.length, first_page: p.page === 1, last_page: p.page >= totalPages, empty: total === 0, contents: items };
}

export function createHsdsService(deps: { db: Db; ready: () => Promise<void>; now?: () => Date }) {
  const { db } = deps;
  const now = deps.now ?? (() => new Date());

  /** What mapping needs for these points: catalogue names, their operators, place names. */
  async function contextFor(points: readonly HsdsPoint[]): Promise<HsdsContext> {
    await deps.ready();
    const [types, services] = [await store.listTypes(db), await store.listServices(db)];
    const operatorIds = [...new Set(points.map((p) => p.operatorId).filter((x): x is number => x !== null))];
    const ops = operatorIds.length ? await db.select({ id: organisations.id, name: organisations.name, kind: organisations.kind, email: organisations.contactEmail }).from(organisations).where(inArray(organisations.id, operatorIds)) : [];
    const codes = [...new Set(points.flatMap((p) => [p.jurisdictionCode.slice(0, 2), p.jurisdictionCode.slice(0, 4), p.jurisdictionCode.slice(0, 6)]))];
    const places = codes.length ? await db.select({ code: jurisdictions.code, name: jurisdictions.name }).from(jurisdictions).where(inArray(jurisdictions.code, codes)) : [];
    const t = new Map(types.map((x) => [x.code, { zh: x.nameZh, en: x.nameEn }]));
    const s = new Map(services.map((x) => [x.code, { zh: x.nameZh, en: x.nameEn }]));
    const o = new Map(ops.map((x) => [x.id, { name: x.name, kindZh: ORGANISATION_KINDS[x.kind as keyof typeof ORGANISATION_KINDS]?.zh ?? x.kind, email: x.email }]));
    const pl = new Map(places.map((x) => [x.code, x.name]));
    return { type: (c) => t.get(c) ?? { zh: c, en: c }, service: (c) => s.get(c) ?? { zh: c, en: c }, operator: (id) => o.get(id), place: (c) => pl.get(c) ?? null };
  }

  async function pointsPage(p: Page) {
    const rows = (await store.pointsAfter(db, 0, p.perPage, (p.page - 1) * p.perPage)).map(hsdsPoint);
    const [count] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from ${servicePoints}`);
    return { points: rows, total: Number(count?.n ?? 0) };
  }

  /** A page of (point, service) pairs: HSDS services and services at locations. */
  async function pairsPage(p: Page) {
    const pairs = await db.select({ pointId: servicePointServices.pointId, code: servicePointServices.serviceCode }).from(servicePointServices)
      .orderBy(asc(servicePointServices.pointId), asc(servicePointServices.serviceCode)).limit(p.perPage).offset((p.page - 1) * p.perPage);
    const ids = [...new Set(pairs.map((x) => x.pointId))];
    const points = new Map((await store.pointsByIds(db, ids)).map((r) => [r.id, hsdsPoint(r)]));
    const [count] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from ${servicePointServices}`);
    // Each point narrowed to the services of this page, in page order.
    const narrowed = pairs.map((x) => ({ ...points.get(x.pointId)!, services: [x.code] }));
    return { points: narrowed, total: Number(count?.n ?? 0) };
  }

  return {
    meta: () => ({ version: HSDS_VERSION, profile: 'https://docs.openreferral.org/en/3.0/', openapi_url: '/api/docs/json' }),

    async organizations(p: Page) {
      // One per operator, and one per county for points with none (few: mapped whole, then paged).
      const all: HsdsPoint[] = [];
      for (let after = 0; ; ) {
        const rows = await store.pointsAfter(db, after, 5000);
        if (rows.length === 0) break;
        all.push(...rows.map(hsdsPoint));
        after = rows[rows.length - 1]!.id;
      }
      const ctx = await contextFor(all);
      const seen = new Map<string, ReturnType<typeof organizationOf>>();
      for (const pt of all) {
        const o = organizationOf(pt, ctx);
        if (!seen.has(o.id)) seen.set(o.id, o);
      }
      const list = [...seen.values()];
      return pageOf(list.slice((p.page - 1) * p.perPage, p.page * p.perPage), list.length, p);
    },
    async services(p: Page) {
      const { points, total } = await pairsPage(p);
      const ctx = await contextFor(points);
      return pageOf(points.flatMap((pt) => servicesOf(pt, ctx)), total, p);
    },
    async serviceAtLocations(p: Page) {
      const { points, total } = await pairsPage(p);
      return pageOf(points.flatMap((pt) => serviceAtLocationsOf(pt)), total, p);
    },
    async locations(p: Page) {
      const { points, total } = await pointsPage(p);
      const ctx = await contextFor(points);
      return pageOf(points.map((pt) => locationOf(pt, ctx)), total, p);
    },
    /** Schedules, phones and addresses are paged by location: a page holds those of `perPage` locations. */
    async schedules(p: Page) {
      const { points, total } = await pointsPage(p);
      return pageOf(points.flatMap((pt) => schedulesOf(pt)), total, p);
    },
    async phones(p: Page) {
      const { points, total } = await pointsPage(p);
      return pageOf(points.flatMap((pt) => phonesOf(pt)), total, p);
    },
    async addresses(p: Page) {
      const { points, total } = await pointsPage(p);
      const ctx = await contextFor(points);
      return pageOf(points.flatMap((pt) => addressesOf(pt, ctx)), total, p);
    },

    /** The full export: every table of every point, read in batches. */
    async export() {
      const all: HsdsPoint[] = [];
      for (let after = 0; ; ) {
        const rows = await store.pointsAfter(db, after, EXPORT_BATCH);
        if (rows.length === 0) break;
        all.push(...rows.map(hsdsPoint));
        after = rows[rows.length - 1]!.id;
      }
      return { hsds_version: HSDS_VERSION, generated_at: now().toISOString(), ...datasetOf(all, await contextFor(all)) };
    },
  };
}
export type HsdsService = ReturnType<typeof createHsdsService>;
