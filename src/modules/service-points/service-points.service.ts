// The service-points service: catalogues, staff CRUD scoped by place, usage (visits by service,
// consultations with their outcome), figures, and the public directory (nearest points open now).
import type { Db } from '../../platform/db/client.ts';
import { fieldProblem, notFound, validationFailed, type FieldProblem } from '../../platform/errors.ts';
import { isSystemAdmin, onlySystemAdmin } from '../../platform/authz.ts';
import { isWithin } from '../../lib/division-code.ts';
import { boundingBox, distanceM, fromWgs84, toWgs84, type LngLat } from '../../lib/geo/coordinates.ts';
import { round7 } from '../../lib/geo/schema.ts';
import { createTtlCache } from '../../lib/ttl-cache.ts';
import type { WorkCalendar } from '../../lib/workdays.ts';
import { defaultWorkCalendar } from '../../lib/workdays.data.ts';
import type { Actor, AuditRecorder } from '../audit/audit.service.ts';
import { PROGRAMS } from '../policy/programs/index.ts';
import { checkHours, openAt, type HolidayRule, type OpenNow, type Range } from './hours.ts';
import * as store from './service-points.store.ts';
import { createHsdsService } from './hsds/hsds.service.ts';
import { coverage } from './coverage.ts';
import { mealService } from './meals.ts';
import type { ParameterIndex } from '../policy/engine/parameters.ts';
import { placesUnder } from '../places/places.store.ts';
import type { NearestQuery, PointBody } from './service-points.schema.ts';
import type { z } from 'zod';
import type { ConsultationBody, ListQuery, ServiceBody, StatusBody, TypeBody, VisitsBody } from './service-points.schema.ts';

export type Caller = { id: number | null; roles: readonly string[]; scope: string; kind?: 'user' | 'token' };
export type ServicePointsDeps = { db: Db; audit: AuditRecorder; now?: () => Date; calendar?: WorkCalendar; parameters?: () => Promise<ParameterIndex> };
export type ServicePointsService = ReturnType<typeof createServicePointsService>;

const POINT_NOT_FOUND = () => notFound('Service point', '该服务阵地');
const CATALOGUE_TTL_MS = 10_000;
/** At most this many candidates in the box are ranked (the nearest by flat distance first). */
const CANDIDATE_CAP = 2000;

type Catalogue = { types: store.TypeRow[]; services: store.ServiceRow[]; type: Map<string, store.TypeRow>; service: Map<string, store.ServiceRow> };
const userIdOf = (c: Caller) => (c.kind === 'token' ? null : c.id);

export function createServicePointsService(deps: ServicePointsDeps) {
  const { db } = deps;
  const now = deps.now ?? (() => new Date());
  const calendar = () => deps.calendar ?? defaultWorkCalendar();
  let seeded: Promise<void> | undefined;
  const ready = () =>
    (seeded ??= store.ensureDefaults(db).catch((err: unknown) => {
      seeded = undefined;
      throw err;
    }));
  const cache = createTtlCache<'all', Catalogue>({ ttlMs: CATALOGUE_TTL_MS });
  const catalogue = async (): Promise<Catalogue> => {
    await ready();
    return cache.get('all', async () => {
      const [types, services] = [await store.listTypes(db), await store.listServices(db)];
      return { types, services, type: new Map(types.map((t) => [t.code, t])), service: new Map(services.map((s) => [s.code, s])) };
    });
  };

  const label = (cat: Catalogue, code: string) => {
    const s = cat.service.get(code);
    return { code, zh: s?.nameZh ?? code, en: s?.nameEn ?? code };
  };
  const schedule = (r: { alwaysOpen: boolean; hours: unknown; holidayRule: string; status: string; closedUntil: string | null }) => ({
    alwaysOpen: r.alwaysOpen,
    hours: (r.hours as Range[]) ?? [],
    holidayRule: r.holidayRule as HolidayRule,
    status: r.status as 'open' | 'temporarily_closed' | 'closed',
    closedUntil: r.closedUntil,
  });

  function present(cat: Catalogue, r: store.PointRow, at: Date) {
    const type = cat.type.get(r.typeCode);
    return {
      id: r.id,
      typeCode: r.typeCode,
      type: { zh: type?.nameZh ?? r.typeCode, en: type?.nameEn ?? r.typeCode },
      name: r.name,
      operator: r.operatorId === null ? null : { id: r.operatorId, name: r.operatorName ?? '' },
      jurisdictionCode: r.jurisdictionCode,
      jurisdictionName: r.jurisdictionName,
      address: r.address,
      location: { lng: r.lng, lat: r.lat, system: 'wgs84' as const },
      services: inCatalogueOrder(cat, r.services).map((c) => label(cat, c)),
      alwaysOpen: r.alwaysOpen,
      hours: (r.hours as Range[]) ?? [],
      holidayRule: r.holidayRule as HolidayRule,
      phones: (r.phones as { number: string; label: string | null }[]) ?? [],
      capacity: r.capacity,
      accessibility: (r.accessibility as string[]) ?? [],
      description: r.description,
      status: r.status as 'open' | 'temporarily_closed' | 'closed',
      closedReason: r.closedReason,
      closedUntil: r.closedUntil,
      openNow: openAt(schedule(r), calendar(), at),
      updatedAt: r.updatedAt.toISOString(),
    };
  }

  /** Every problem with a point's body at once (400 naming each field), nothing stored. */
  async function check(caller: Caller, body: PointBody, cat: Catalogue): Promise<void> {
    const problems: FieldProblem[] = [];
    const type = cat.type.get(body.typeCode);
    if (!type || !type.active) problems.push(fieldProblem('typeCode', 'not a kind of point in the catalogue', '不是目录中的服务阵地类型'));
    body.services.forEach((code, i) => {
      const s = cat.service.get(code);
      if (!s || !s.active) problems.push(fieldProblem(`services.${i}`, `${code} is not a service in the catalogue`, `${code} 不在服务目录中`));
    });
    if (new Set(body.services).size !== body.services.length) problems.push(fieldProblem('services', 'a service is listed twice', '服务项目重复'));
    problems.push(...checkHours(body.hours));
    if (!body.alwaysOpen && body.hours.length === 0) problems.push(fieldProblem('hours', 'give the opening hours, or mark the point as open 24 hours', '请填写开放时间，或设为 24 小时开放'));
    if (body.operatorId !== null && !(await store.operatorVisible(db, body.operatorId, caller.scope))) {
      problems.push(fieldProblem('operatorId', 'not an active organisation serving your area', '不是服务本辖区的在册组织'));
    }
    if (!isWithin(body.jurisdictionCode, caller.scope) || !(await store.placeExists(db, body.jurisdictionCode))) {
      problems.push(fieldProblem('jurisdictionCode', 'must be a place inside your jurisdiction', '须为本辖区内的区划'));
    }
    if (problems.length) throw validationFailed(problems);
  }

  const columns = (body: PointBody) => ({
    typeCode: body.typeCode,
    name: body.name,
    operatorId: body.operatorId,
    jurisdictionCode: body.jurisdictionCode,
    address: body.address,
    lng: body.location.lng,
    lat: body.location.lat,
    alwaysOpen: body.alwaysOpen,
    hours: [...body.hours].sort((a, b) => a.day - b.day || a.opens.localeCompare(b.opens)),
    holidayRule: body.holidayRule,
    phones: body.phones,
    capacity: body.capacity,
    accessibility: body.accessibility,
    description: body.description,
  });

  async function get(caller: Caller, id: number) {
    const row = await store.pointInScope(db, id, caller.scope);
    if (!row) throw POINT_NOT_FOUND();
    return present(await catalogue(), row, now());
  }

  async function personCheck(caller: Caller, personId: number | undefined): Promise<void> {
    if (personId !== undefined && !(await store.personInScope(db, personId, caller.scope))) {
      throw validationFailed([fieldProblem('personId', 'not a registered person in your jurisdiction', '不是本辖区登记在册的人员')]);
    }
  }

  return {
    ready,
    /** The Open Referral HSDS 3.0 face of the same points. */
    hsds: createHsdsService({ db, ready, now }),
    /** 幸福食堂 meal subsidies and their monthly settlement. */
    meals: mealService({ db, audit: deps.audit, now, parameters: deps.parameters ?? (() => Promise.reject(new Error('meal subsidies need the policy parameters'))) }),

    // ── catalogues ──
    async catalogue() {
      const cat = await catalogue();
      return { types: cat.types, services: cat.services };
    },
    async saveType(caller: Caller, code: string, body: z.output<typeof TypeBody>, actor: Actor) {
      if (!isSystemAdmin(caller)) throw onlySystemAdmin('set the kinds of service point', '设置服务阵地类型');
      await ready();
      const saved = await db.transaction(async (tx) => {
        const { before, after } = await store.upsertType(tx, { code, ...body }, now());
        await deps.audit.record(tx, actor, { action: 'service_point_type.save', entity: 'service_point_type', entityId: code, changes: { type: { before: before ?? null, after } } });
        return after;
      });
      cache.clear();
      return saved;
    },
    async saveService(caller: Caller, code: string, body: z.output<typeof ServiceBody>, actor: Actor) {
      if (!isSystemAdmin(caller)) throw onlySystemAdmin('set the service catalogue', '设置服务目录');
      await ready();
      const saved = await db.transaction(async (tx) => {
        const { before, after } = await store.upsertService(tx, { code, ...body }, now());
        await deps.audit.record(tx, actor, { action: 'service_catalogue.save', entity: 'service_catalogue', entityId: code, changes: { service: { before: before ?? null, after } } });
        return after;
      });
      cache.clear();
      return saved;
    },

    // ── staff ──
    async list(caller: Caller, q: z.output<typeof ListQuery>) {
      const cat = await catalogue();
      if (q.under !== undefined && !isWithin(q.under, caller.scope) && !isWithin(caller.scope, q.under)) return { items: [], total: 0 };
      const { rows, total } = await store.listPoints(db, caller.scope, q);
      const at = now();
      return { items: rows.map((r) => present(cat, r, at)), total };
    },
    get,
    async create(caller: Caller, body: PointBody, actor: Actor) {
      const cat = await catalogue();
      await check(caller, body, cat);
      const id = await db.transaction(async (tx) => {
        const id = await store.insertPoint(tx, { ...columns(body), updatedAt: now() }, body.services);
        await deps.audit.record(tx, actor, { action: 'service_point.create', entity: 'service_point', entityId: id, jurisdictionCode: body.jurisdictionCode, changes: { point: { before: null, after: { ...columns(body), services: body.services } } } });
        return id;
      });
      return get(caller, id);
    },
    async update(caller: Caller, id: number, body: PointBody, actor: Actor) {
      const cat = await catalogue();
      // Another area's point is not found, whatever the body says.
      if (!(await store.pointInScope(db, id, caller.scope))) throw POINT_NOT_FOUND();
      await check(caller, body, cat);
      await db.transaction(async (tx) => {
        const before = await store.pointInScope(tx, id, caller.scope, true);
        if (!before) throw POINT_NOT_FOUND();
        await store.updatePoint(tx, id, { ...columns(body), updatedAt: now() });
        await store.setServices(tx, id, body.services);
        const changes: Record<string, { before: unknown; after: unknown }> = {};
        const after = { ...columns(body), services: [...body.services].sort() } as Record<string, unknown>;
        for (const [k, v] of Object.entries(after)) {
          const was = (before as unknown as Record<string, unknown>)[k];
          if (JSON.stringify(was) !== JSON.stringify(v)) changes[k] = { before: was ?? null, after: v };
        }
        await deps.audit.record(tx, actor, { action: 'service_point.update', entity: 'service_point', entityId: id, jurisdictionCode: body.jurisdictionCode, changes });
      });
      return get(caller, id);
    },
    async setStatus(caller: Caller, id: number, body: z.output<typeof StatusBody>, actor: Actor) {
      await db.transaction(async (tx) => {
        const before = await store.pointInScope(tx, id, caller.scope, true);
        if (!before) throw POINT_NOT_FOUND();
        if (body.until && body.until < localToday(now())) throw validationFailed([fieldProblem('until', 'must not be in the past', '不能早于今天')]);
        const v = { status: body.status, closedReason: body.status === 'open' ? null : body.reason!, closedUntil: body.until ?? null, updatedAt: now() };
        await store.updatePoint(tx, id, v);
        await deps.audit.record(tx, actor, { action: 'service_point.status', entity: 'service_point', entityId: id, jurisdictionCode: before.jurisdictionCode, changes: { status: { before: before.status, after: body.status } }, reason: body.reason ?? null });
      });
      return get(caller, id);
    },

    // ── usage ──
    async recordVisits(caller: Caller, id: number, body: z.output<typeof VisitsBody>, actor: Actor) {
      const cat = await catalogue();
      const problems: FieldProblem[] = [];
      body.counts.forEach((c, i) => {
        if (!cat.service.has(c.service)) problems.push(fieldProblem(`counts.${i}.service`, `${c.service} is not a service in the catalogue`, `${c.service} 不在服务目录中`));
        if (body.personId !== undefined && c.count !== 1) problems.push(fieldProblem(`counts.${i}.count`, 'a visit of a named person counts 1', '登记到人的服务每次计 1 人次'));
      });
      if (body.visitedOn > localToday(now())) problems.push(fieldProblem('visitedOn', 'must not be in the future', '不能晚于今天'));
      if (problems.length) throw validationFailed(problems);
      await personCheck(caller, body.personId);
      await db.transaction(async (tx) => {
        const point = await store.pointInScope(tx, id, caller.scope);
        if (!point) throw POINT_NOT_FOUND();
        const offered = new Set(point.services);
        const notOffered = body.counts.map((c, i) => ({ c, i })).filter(({ c }) => !offered.has(c.service));
        if (notOffered.length) throw validationFailed(notOffered.map(({ c, i }) => fieldProblem(`counts.${i}.service`, `${c.service} is not offered at this point`, `本服务阵地未提供 ${label(cat, c.service).zh}`)));
        await store.insertVisits(tx, body.counts.map((c) => ({ pointId: id, serviceCode: c.service, visitedOn: body.visitedOn, count: c.count, personId: body.personId ?? null, recordedBy: userIdOf(caller) })));
        const total = body.counts.reduce((n, c) => n + c.count, 0);
        await deps.audit.record(tx, actor, { action: 'service_point.visits', entity: 'service_point', entityId: id, jurisdictionCode: point.jurisdictionCode, changes: { visits: { before: null, after: { visitedOn: body.visitedOn, total, personId: body.personId ?? null } } } });
      });
      return this.visitFigures(caller, id, {});
    },
    async visitFigures(caller: Caller, id: number, q: { from?: string | undefined; to?: string | undefined }) {
      const cat = await catalogue();
      if (!(await store.pointInScope(db, id, caller.scope))) throw POINT_NOT_FOUND();
      const rows = await store.visitFigures(db, { pointId: id, scope: caller.scope, from: q.from, to: q.to });
      return { items: rows.map((r) => ({ month: r.month, service: r.service, ...nameOf(label(cat, r.service)), visits: Number(r.visits) })) };
    },
    async consult(caller: Caller, id: number, body: z.output<typeof ConsultationBody>, actor: Actor) {
      const cat = await catalogue();
      const problems: FieldProblem[] = [];
      if (body.service !== undefined && !cat.service.has(body.service)) problems.push(fieldProblem('service', `${body.service} is not a service in the catalogue`, `${body.service} 不在服务目录中`));
      if (body.programId !== undefined && !PROGRAMS.has(body.programId as never)) problems.push(fieldProblem('programId', 'not a program of the policy engine', '不是政策引擎中的项目'));
      const askedAt = body.askedAt ? new Date(body.askedAt) : now();
      if (askedAt.getTime() > now().getTime() + 60_000) problems.push(fieldProblem('askedAt', 'must not be in the future', '不能晚于当前时间'));
      if (problems.length) throw validationFailed(problems);
      await personCheck(caller, body.personId);
      const cid = await db.transaction(async (tx) => {
        const point = await store.pointInScope(tx, id, caller.scope);
        if (!point) throw POINT_NOT_FOUND();
        const cid = await store.insertConsultation(tx, { pointId: id, serviceCode: body.service ?? null, askedAt, question: body.question, answer: body.answer, outcome: body.outcome, programId: body.programId ?? null, personId: body.personId ?? null, recordedBy: userIdOf(caller) });
        await deps.audit.record(tx, actor, { action: 'service_point.consultation', entity: 'service_point', entityId: id, jurisdictionCode: point.jurisdictionCode, changes: { consultation: { before: null, after: { id: cid, outcome: body.outcome, programId: body.programId ?? null } } } });
        return cid;
      });
      const list = await this.consultations(caller, id);
      return list.items.find((c) => c.id === cid)!;
    },
    async consultations(caller: Caller, id: number) {
      if (!(await store.pointInScope(db, id, caller.scope))) throw POINT_NOT_FOUND();
      const rows = await store.consultations(db, id);
      return {
        items: rows.map((c) => {
          const program = c.programId ? PROGRAMS.get(c.programId as never) : undefined;
          return {
            id: Number(c.id),
            pointId: Number(c.pointId),
            service: c.serviceCode,
            askedAt: new Date(c.askedAt).toISOString(),
            question: c.question,
            answer: c.answer,
            outcome: c.outcome as 'answered',
            programId: c.programId,
            program: program ? { zh: program.zh, en: program.en } : null,
            selfCheckLink: c.outcome === 'referred_self_check' && c.programId ? `/self-check?program=${encodeURIComponent(c.programId)}` : null,
            personId: c.personId === null ? null : Number(c.personId),
            recordedBy: c.recordedByName,
          };
        }),
      };
    },
    async figures(caller: Caller, under: string | undefined) {
      const cat = await catalogue();
      if (under !== undefined && !isWithin(under, caller.scope) && !isWithin(caller.scope, under)) return { byType: [], byPlace: [], visitsByServiceMonth: [] };
      const [types, places, visits] = [await store.figuresByType(db, caller.scope, under), await store.figuresByPlace(db, caller.scope, under), await store.visitFigures(db, { scope: caller.scope, under })];
      // "Open now" per type over the points in scope (a page at a time would be the next step past ~10k points).
      const listed = await store.listPoints(db, caller.scope, { under, limit: 10_000, offset: 0 });
      const at = now();
      const openByType = new Map<string, number>();
      for (const r of listed.rows) if (openAt(schedule(r), calendar(), at).open) openByType.set(r.typeCode, (openByType.get(r.typeCode) ?? 0) + 1);
      return {
        byType: types.map((t) => ({ typeCode: t.type_code, zh: cat.type.get(t.type_code)?.nameZh ?? t.type_code, en: cat.type.get(t.type_code)?.nameEn ?? t.type_code, points: Number(t.points), openNow: openByType.get(t.type_code) ?? 0 })),
        byPlace: places.map((p) => ({ code: p.code, name: p.name, points: Number(p.points) })),
        visitsByServiceMonth: visits.map((r) => ({ month: r.month, service: r.service, ...nameOf(label(cat, r.service)), visits: Number(r.visits) })),
      };
    },

    /**
     * Coverage of the communities (villages, 12-digit codes) under a place: the nearest point of
     * each kind from each community's location (places module), and those beyond `maxM`. Points
     * of neighbouring areas count (a border does not stop a walk): candidates are all points in the
     * communities' box widened by max(maxM, 20 km).
     */
    async coverage(caller: Caller, asked: { under?: string | undefined; types: string[]; maxM: number }) {
      const cat = await catalogue();
      if (asked.under === undefined && caller.scope === '') throw validationFailed([fieldProblem('under', 'name the county or township to measure', '请指定要计算的区县或乡镇')]);
      const q = { ...asked, under: asked.under ?? caller.scope };
      const unknown = q.types.map((t, i) => ({ t, i })).filter(({ t }) => !cat.type.has(t));
      if (unknown.length) throw validationFailed(unknown.map(({ t, i }) => fieldProblem(`types.${i}`, `${t} is not a kind of point in the catalogue`, `${t} 不是目录中的服务阵地类型`)));
      if (!isWithin(q.under, caller.scope)) throw notFound('Place', '该区划');
      const started = performance.now();
      const places = await placesUnder(db, q.under, 12);
      const communities = places.map((p) => ({ code: p.code, name: p.name, location: p.lng === null || p.lat === null ? null : { lng: p.lng, lat: p.lat } }));
      const located = communities.filter((c) => c.location).map((c) => c.location!);
      let sites: Awaited<ReturnType<typeof store.sitesInBox>> = [];
      if (located.length) {
        const margin = Math.max(q.maxM, 20_000);
        const lo = boundingBox({ lng: Math.min(...located.map((l) => l.lng)), lat: Math.min(...located.map((l) => l.lat)) }, margin);
        const hi = boundingBox({ lng: Math.max(...located.map((l) => l.lng)), lat: Math.max(...located.map((l) => l.lat)) }, margin);
        sites = await store.sitesInBox(db, { minLat: lo.minLat, maxLat: hi.maxLat, minLng: lo.minLng, maxLng: hi.maxLng }, q.types);
      }
      const result = coverage(communities, sites, q.types, q.maxM);
      const townNames = new Map((await placesUnder(db, q.under.slice(0, 9), 9)).map((t) => [t.code, t.name]));
      return {
        under: q.under,
        maxM: q.maxM,
        types: q.types.map((t) => ({ code: t, zh: cat.type.get(t)!.nameZh, en: cat.type.get(t)!.nameEn })),
        communities: result.communities.map((c) => ({ ...c, location: c.location ? { ...c.location, system: 'wgs84' as const } : null })),
        beyond: result.communities.filter((c) => c.beyond.length > 0).map((c) => ({ code: c.code, name: c.name, types: c.beyond })),
        unlocated: result.communities.filter((c) => !c.location).map((c) => ({ code: c.code, name: c.name })),
        byTownship: result.byTownship.map((t) => ({ ...t, name: townNames.get(t.code) ?? null })),
        computedMs: Math.round(performance.now() - started),
      };
    },

    // ── the public directory ──
    /** Nearest points within the radius, open now when asked, nearest first. */
    async nearest(q: NearestQuery) {
      const cat = await catalogue();
      if (q.service !== undefined && !cat.service.has(q.service)) throw validationFailed([fieldProblem('service', `${q.service} is not a service in the catalogue`, `${q.service} 不在服务目录中`)]);
      if (q.type !== undefined && !cat.type.has(q.type)) throw validationFailed([fieldProblem('type', `${q.type} is not a kind of point in the catalogue`, `${q.type} 不是目录中的服务阵地类型`)]);
      const at = now();
      const w = toWgs84({ lng: q.lng, lat: q.lat }, q.system);
      const from: LngLat = { lng: round7(w.lng), lat: round7(w.lat) };
      const rows = await store.inBox(db, boundingBox(from, q.radius), from, { service: q.service, type: q.type }, CANDIDATE_CAP);
      const cal = calendar();
      // Rank on the light rows (exact distance, radius, open now), then read the winners' details.
      const ranked: { id: number; d: number; open: OpenNow }[] = [];
      for (const r of rows) {
        const d = distanceM(from, r);
        if (d > q.radius) continue;
        const open = openAt(schedule({ alwaysOpen: r.always_open, hours: r.hours, holidayRule: r.holiday_rule, status: r.status, closedUntil: r.closed_until }), cal, at);
        if (q.openNow && !open.open) continue;
        ranked.push({ id: Number(r.id), d, open });
      }
      ranked.sort((a, b) => a.d - b.d || a.id - b.id);
      const top = ranked.slice(0, q.limit);
      const details = new Map((await store.publicRows(db, top.map((x) => x.id))).map((r) => [Number(r.id), r]));
      const items = top.filter((x) => details.has(x.id)).map((x) => publicPoint(cat, details.get(x.id)!, x.d, x.open, q.system));
      return { at: at.toISOString(), from: { ...from, system: 'wgs84' as const }, radiusM: q.radius, items };
    },
  };

  function publicPoint(cat: Catalogue, r: store.PublicRow, d: number, open: OpenNow, system: 'wgs84' | 'gcj02' | 'bd09') {
    const type = cat.type.get(r.type_code);
    const m = fromWgs84(r, system);
    return {
      id: Number(r.id),
      name: r.name,
      type: { code: r.type_code, zh: type?.nameZh ?? r.type_code, en: type?.nameEn ?? r.type_code },
      operator: r.operator,
      address: r.address,
      place: r.place,
      location: { lng: r.lng, lat: r.lat, system: 'wgs84' as const },
      mapLocation: { lng: round7(m.lng), lat: round7(m.lat), system },
      distanceM: Math.round(d),
      services: inCatalogueOrder(cat, r.services ?? []).map((c) => label(cat, c)),
      alwaysOpen: r.always_open,
      hours: (r.hours as Range[]) ?? [],
      holidayRule: r.holiday_rule as HolidayRule,
      phones: (r.phones as { number: string; label: string | null }[]) ?? [],
      accessibility: (r.accessibility as string[]) ?? [],
      status: r.status as 'open',
      closedReason: r.closed_reason,
      openNow: open,
    };
  }
}

const inCatalogueOrder = (cat: Catalogue, codes: readonly string[]) =>
  [...codes].sort((a, b) => (cat.service.get(a)?.sortOrder ?? 1e9) - (cat.service.get(b)?.sortOrder ?? 1e9) || a.localeCompare(b));
const nameOf = (l: { zh: string; en: string }) => ({ zh: l.zh, en: l.en });
function localToday(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}
