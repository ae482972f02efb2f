// Where places are: a jurisdiction's representative point, set by staff (any map system in,
// WGS-84 stored), read by coverage and anything else that needs it.
import type { Db } from '../../platform/db/client.ts';
import { notFound } from '../../platform/errors.ts';
import type { Actor, AuditRecorder } from '../audit/audit.service.ts';
import type { LngLat } from '../../lib/geo/coordinates.ts';
import * as store from './places.store.ts';

type Caller = { scope: string };
const NOT_FOUND = () => notFound('Place', '该区划');

export function createPlacesService(deps: { db: Db; audit: AuditRecorder; now?: () => Date }) {
  const { db } = deps;
  const now = deps.now ?? (() => new Date());
  const present = (r: store.PlaceLocationRow) => ({ jurisdictionCode: r.jurisdictionCode, name: r.name, location: { lng: r.lng, lat: r.lat, system: 'wgs84' as const }, kind: r.kind as 'centroid' | 'office', updatedAt: r.updatedAt.toISOString() });
  return {
    async get(caller: Caller, code: string) {
      const row = await store.find(db, code, caller.scope);
      if (!row) throw NOT_FOUND();
      return present(row);
    },
    async set(caller: Caller, code: string, body: { location: LngLat; kind: 'centroid' | 'office' }, actor: Actor) {
      const places = await store.placesUnder(db, code, code.length);
      if (!places.some((p) => p.code === code) || !(code.startsWith(caller.scope))) throw NOT_FOUND();
      await db.transaction(async (tx) => {
        const before = await store.upsert(tx, { jurisdictionCode: code, lng: body.location.lng, lat: body.location.lat, kind: body.kind, updatedAt: now() });
        await deps.audit.record(tx, actor, { action: 'place.location', entity: 'jurisdiction', entityId: code, jurisdictionCode: code, changes: { location: { before: before ? { lng: before.lng, lat: before.lat } : null, after: body.location } } });
      });
      return this.get(caller, code);
    },
    placesUnder: (prefix: string, length: number) => store.placesUnder(db, prefix, length),
  };
}
export type PlacesService = ReturnType<typeof createPlacesService>;
